package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Column lineage of a parsed query, by walking Calcite's parse tree with our own name resolution.
 * Calcite's validator is not used: it needs every table's columns, and lineage must work without
 * them. Scopes follow SQL: a SELECT's FROM items (tables, views, CTEs, derived tables, joins with
 * USING), then enclosing queries for correlated references. Resolution is lenient where the schema
 * is unknown: an unqualified column belongs to the one relation that has it, else to the only
 * relation whose columns are unknown; when several could own it the column stays unresolved (its
 * bare name) rather than guessed.
 */
final class Resolver {

  private static final Set<String> AGGREGATES = Set.of(
      "COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP",
      "VAR_SAMP", "ARRAY_AGG", "STRING_AGG", "GROUP_CONCAT", "LISTAGG", "COLLECT_LIST", "COLLECT_SET",
      "APPROX_COUNT_DISTINCT", "ANY_VALUE", "BOOL_AND", "BOOL_OR", "EVERY", "BIT_AND", "BIT_OR", "BIT_XOR",
      "PERCENTILE_CONT", "PERCENTILE_DISC", "MEDIAN", "MODE", "FIRST", "LAST", "FIRST_VALUE", "LAST_VALUE",
      "COUNT_IF", "COUNTIF", "SUM_IF", "JSON_AGG", "JSONB_AGG", "JSON_OBJECT_AGG", "JSONB_OBJECT_AGG",
      "JSON_ARRAYAGG", "JSON_OBJECTAGG", "XMLAGG", "ARRAY_CONCAT_AGG", "OBJECT_AGG", "CORR", "COVAR_POP",
      "COVAR_SAMP", "REGR_SLOPE", "REGR_INTERCEPT", "REGR_COUNT", "REGR_R2", "REGR_AVGX", "REGR_AVGY",
      "APPROX_DISTINCT", "APPROX_PERCENTILE", "APPROX_QUANTILES", "APPROX_TOP_COUNT", "HLL_COUNT",
      "LOGICAL_AND", "LOGICAL_OR", "STDEV", "STDEVP", "VAR", "VARP", "CHECKSUM_AGG", "COUNT_BIG",
      "MAX_BY", "MIN_BY", "ARG_MAX", "ARG_MIN", "ARBITRARY", "SOME_VALUE", "HISTOGRAM",
      "MAP_AGG", "SET_UNION", "NTH_VALUE", "KURTOSIS", "SKEWNESS", "PERCENTILE", "PERCENTILE_APPROX");

  /** Names that are values, not columns, when no relation has them. */
  private static final Set<String> PSEUDO_COLUMNS = Set.of(
      "sysdate", "systimestamp", "rownum", "rowid", "level", "sqlerrm", "sqlcode", "current_timestamp",
      "current_date", "current_time", "localtimestamp", "localtime", "getdate", "now", "null", "true", "false",
      "uid", "sysdatetime", "current_user", "session_user", "user");

  private final String script;
  private final QueryText qt;
  private final Function<String, List<String>> tables;
  /** Base tables and views read, in order of first use. */
  final LinkedHashSet<String> tablesRead = new LinkedHashSet<>();

  /** UPDATE/DELETE: the target, added to the outermost FROM unless there already. */
  private List<String> extraTarget;
  private String extraAlias;
  private SqlSelect top;
  /** The outermost SELECT's scope, for resolving assignment qualifiers. */
  Scope topScope;
  /** The table the UPDATE/DELETE target resolved to. */
  String targetTable;

  /** Inside a routine body: a name no known column has is a variable, not a column. */
  private final boolean procedural;

  Resolver(String script, QueryText qt, Function<String, List<String>> tables, boolean procedural) {
    this.script = script;
    this.qt = qt;
    this.tables = tables;
    this.procedural = procedural;
  }

  // ================================================================== model

  /** The lineage of one value: source columns, column-specific filters, and how it is derived. */
  static final class Flow {
    final LinkedHashSet<String> src = new LinkedHashSet<>();
    final LinkedHashSet<String> flt = new LinkedHashSet<>();
    /** 0 constant, 1 identity, 2 transformation, 3 aggregation. */
    int rank;

    static Flow col(String name) {
      Flow f = new Flow();
      f.src.add(name);
      f.rank = 1;
      return f;
    }

    Flow copy() {
      Flow f = new Flow();
      f.add(this);
      return f;
    }

    Flow add(Flow o) {
      src.addAll(o.src);
      flt.addAll(o.flt);
      rank = Math.max(rank, o.rank);
      return this;
    }

    Flow atLeast(int r) {
      rank = Math.max(rank, r);
      return this;
    }

    void addAsFilter(Flow o) {
      flt.addAll(o.src);
      flt.addAll(o.flt);
    }
  }

  /** An output column of a relation; a star column stands for the unknown columns of relations. */
  static final class Col {
    final String name;
    final Flow flow;
    final List<Rel> starOf;

    Col(String name, Flow flow, List<Rel> starOf) {
      this.name = name;
      this.flow = flow;
      this.starOf = starOf;
    }

    boolean star() {
      return starOf != null;
    }
  }

  /** A relation: a base table or view (table != null), or the result of a query. */
  static final class Rel {
    String table;
    /** Known columns: for a base table null when its columns are unknown. */
    List<Col> cols;
    /** A table function whose columns are unknown: every column flows from its arguments. */
    Flow fn;
    final LinkedHashSet<String> filters = new LinkedHashSet<>();
    /** Columns of enclosing queries referenced inside (correlation). */
    final LinkedHashSet<String> outer = new LinkedHashSet<>();

    boolean hasStar() {
      if (cols == null) {
        return false;
      }
      for (Col c : cols) {
        if (c.star()) {
          return true;
        }
      }
      return false;
    }
  }

  record Item(String alias, Rel rel, List<String> tableParts) {}

  /** The names visible in one query block. */
  static final class Scope {
    final Scope parent;
    final SqlSelect select;
    final Map<String, Rel> env;
    final List<Item> items = new ArrayList<>();
    final Map<String, Flow> using = new HashMap<>();
    List<Col> aliases = List.of();
    final LinkedHashSet<String> outer = new LinkedHashSet<>();

    Scope(Scope parent, SqlSelect select, Map<String, Rel> env) {
      this.parent = parent;
      this.select = select;
      this.env = env;
    }
  }

  private enum Status { FOUND, AMBIGUOUS, NONE }

  private record Hit(Status status, Flow flow) {
    static final Hit NONE = new Hit(Status.NONE, null);
    static final Hit AMBIGUOUS = new Hit(Status.AMBIGUOUS, null);

    static Hit of(Flow f) {
      return new Hit(Status.FOUND, f);
    }
  }

  // ================================================================== entry points

  /** Resolves a statement's query; for UPDATE/DELETE the target joins the outermost FROM. */
  Rel statement(SqlNode query, List<String> target, String alias, boolean targetInScope) {
    if (targetInScope) {
      extraTarget = target;
      extraAlias = alias;
    }
    top = outermostSelect(query);
    return query(query, null, Map.of());
  }

  private static SqlSelect outermostSelect(SqlNode q) {
    while (q != null) {
      if (q instanceof SqlSelect s) {
        return s;
      } else if (q instanceof SqlWith w) {
        q = w.body;
      } else if (q instanceof SqlOrderBy o) {
        q = o.query;
      } else {
        return null;
      }
    }
    return null;
  }

  /** The table an assignment qualifier ({@code t} in {@code SET t.c = ...}) stands for, or null. */
  String tableOf(List<String> qualifier) {
    if (topScope == null) {
      return null;
    }
    List<Item> items = matchItems(topScope, qualifier);
    return items.size() == 1 ? items.get(0).rel.table : null;
  }

  /** The one table of the outermost scope that has column c (known columns), or null. */
  String tableWithColumn(String c) {
    if (topScope == null) {
      return null;
    }
    String found = null;
    for (Item it : topScope.items) {
      if (it.rel.table != null && it.rel.cols != null && match(it.rel, c) != null) {
        if (found != null) {
          return null;
        }
        found = it.rel.table;
      }
    }
    return found;
  }

  // ================================================================== queries

  Rel query(SqlNode q, Scope parent, Map<String, Rel> env) {
    switch (q.getKind()) {
      case SELECT:
        return select((SqlSelect) q, parent, env);
      case ORDER_BY:
        return query(((SqlOrderBy) q).query, parent, env);
      case WITH:
        return with((SqlWith) q, parent, env);
      case UNION:
      case INTERSECT:
      case EXCEPT:
        return setOp((SqlCall) q, parent, env);
      case VALUES:
        return values((SqlCall) q, new Scope(parent, null, env));
      case EXPLICIT_TABLE:
        return table(((SqlCall) q).operand(0), env);
      default:
        throw new LineageException("Unsupported query construct: " + q.getKind(), tokAt(q));
    }
  }

  private Rel select(SqlSelect sel, Scope parent, Map<String, Rel> env) {
    Scope sc = new Scope(parent, sel, env);
    Rel r = new Rel();
    if (sel.getFrom() != null) {
      from(sel.getFrom(), sc, r.filters);
    }
    if (sel == top) {
      topScope = sc;
      if (extraTarget != null) {
        addTarget(sc);
      }
    }
    List<Col> out = new ArrayList<>();
    sc.aliases = out;
    for (SqlNode item : sel.getSelectList()) {
      if (item instanceof SqlStarExclude se) {
        Set<String> exclude = new java.util.HashSet<>();
        for (SqlNode x : se.getExcludeList()) {
          exclude.add(((SqlIdentifier) x).names.get(((SqlIdentifier) x).names.size() - 1));
        }
        expand(se.getStarIdentifier(), sc, out, exclude);
      } else if (item instanceof SqlIdentifier id && id.isStar()) {
        expand(id, sc, out, Set.of());
      } else {
        SqlNode e = item;
        String alias = null;
        if (item.getKind() == SqlKind.AS) {
          SqlCall as = (SqlCall) item;
          e = as.operand(0);
          alias = simple(as.operand(1));
        }
        Flow f = expr(e, sc);
        out.add(new Col(alias != null ? alias : name(e), f, null));
      }
    }
    filter(sel.getWhere(), sc, r);
    filter(sel.getHaving(), sc, r);
    filter(sel.getQualify(), sc, r);
    if (sel.getGroup() != null) {
      for (SqlNode g : sel.getGroup()) {
        filter(g, sc, r);
      }
    }
    r.cols = out;
    r.outer.addAll(sc.outer);
    return r;
  }

  private void filter(SqlNode e, Scope sc, Rel r) {
    if (e != null) {
      Flow f = expr(e, sc);
      r.filters.addAll(f.src);
      r.filters.addAll(f.flt);
    }
  }

  private void addTarget(Scope sc) {
    if (extraAlias == null && extraTarget.size() == 1) {
      for (Item it : sc.items) {
        if (extraTarget.get(0).equals(it.alias)) {
          targetTable = it.rel.table;
          return;
        }
      }
    }
    for (Item it : sc.items) {
      if (it.alias == null && it.tableParts != null && it.tableParts.equals(extraTarget)) {
        targetTable = it.rel.table;
        return;
      }
    }
    Rel t = base(String.join(".", extraTarget), false);
    sc.items.add(new Item(extraAlias, t, extraTarget));
    targetTable = t.table;
  }

  private Rel with(SqlWith w, Scope parent, Map<String, Rel> env) {
    Map<String, Rel> e2 = new HashMap<>(env);
    for (SqlNode n : w.withList) {
      SqlWithItem wi = (SqlWithItem) n;
      String name = wi.name.names.get(wi.name.names.size() - 1);
      List<String> cols = wi.columnList == null ? null : names(wi.columnList);
      boolean recursive = wi.recursive != null && Boolean.TRUE.equals(wi.recursive.getValueAs(Boolean.class));
      Rel r;
      if (recursive && isSetOp(wi.query)) {
        r = recursive(wi.query, name, cols, parent, e2);
      } else {
        r = rename(query(wi.query, parent, e2), cols);
      }
      e2.put(name, r);
    }
    return query(w.body, parent, e2);
  }

  private static boolean isSetOp(SqlNode q) {
    return q.getKind() == SqlKind.UNION || q.getKind() == SqlKind.INTERSECT || q.getKind() == SqlKind.EXCEPT;
  }

  /** A recursive CTE: the anchor first, then the whole query until its lineage stops growing. */
  private Rel recursive(SqlNode q, String name, List<String> cols, Scope parent, Map<String, Rel> env) {
    SqlNode anchor = q;
    while (isSetOp(anchor)) {
      anchor = ((SqlCall) anchor).operand(0);
    }
    Rel cur = rename(query(anchor, parent, env), cols);
    for (int i = 0; i < 8; i++) {
      Map<String, Rel> e3 = new HashMap<>(env);
      e3.put(name, cur);
      Rel next = rename(query(q, parent, e3), cols);
      if (size(next) == size(cur)) {
        return next;
      }
      cur = next;
    }
    return cur;
  }

  private static int size(Rel r) {
    int n = r.filters.size();
    for (Col c : r.cols) {
      n += c.flow.src.size() + c.flow.flt.size() + c.flow.rank;
    }
    return n;
  }

  private Rel setOp(SqlCall call, Scope parent, Map<String, Rel> env) {
    Rel l = query(call.operand(0), parent, env);
    Rel r = query(call.operand(1), parent, env);
    Rel out = new Rel();
    out.filters.addAll(l.filters);
    out.filters.addAll(r.filters);
    out.outer.addAll(l.outer);
    out.outer.addAll(r.outer);
    out.cols = new ArrayList<>();
    if (l.cols.size() == r.cols.size()) {
      for (int i = 0; i < l.cols.size(); i++) {
        Col a = l.cols.get(i);
        Col b = r.cols.get(i);
        List<Rel> star = null;
        if (a.star() || b.star()) {
          star = new ArrayList<>();
          if (a.star()) {
            star.addAll(a.starOf);
          }
          if (b.star()) {
            star.addAll(b.starOf);
          }
        }
        out.cols.add(new Col(a.name, a.flow.copy().add(b.flow), star));
      }
    } else if (l.hasStar() || r.hasStar()) {
      Flow f = new Flow();
      List<Rel> star = new ArrayList<>();
      for (Rel x : List.of(l, r)) {
        for (Col c : x.cols) {
          f.add(c.flow);
          if (c.star()) {
            star.addAll(c.starOf);
          }
        }
      }
      out.cols.add(new Col("*", f, star));
    } else {
      throw new LineageException("The branches of " + call.getKind() + " have different numbers of columns ("
          + l.cols.size() + " and " + r.cols.size() + ")", tokAt(call));
    }
    return out;
  }

  private Rel values(SqlCall call, Scope sc) {
    Rel r = new Rel();
    r.cols = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    for (SqlNode row : call.getOperandList()) {
      List<SqlNode> vals = row.getKind() == SqlKind.ROW ? ((SqlCall) row).getOperandList() : List.of(row);
      for (int i = 0; i < vals.size(); i++) {
        if (flows.size() <= i) {
          flows.add(new Flow());
        }
        flows.get(i).add(expr(vals.get(i), sc));
      }
    }
    for (int i = 0; i < flows.size(); i++) {
      r.cols.add(new Col("column" + (i + 1), flows.get(i), null));
    }
    r.outer.addAll(sc.outer);
    return r;
  }

  // ================================================================== FROM

  private void from(SqlNode node, Scope sc, LinkedHashSet<String> filters) {
    if (node instanceof SqlJoin j) {
      int before = sc.items.size();
      from(j.getLeft(), sc, filters);
      int mid = sc.items.size();
      from(j.getRight(), sc, filters);
      List<Item> left = new ArrayList<>(sc.items.subList(before, mid));
      List<Item> right = new ArrayList<>(sc.items.subList(mid, sc.items.size()));
      if (j.isNatural()) {
        for (Item l : left) {
          if (l.rel.cols == null) {
            continue;
          }
          for (Col c : l.rel.cols) {
            if (!c.star()) {
              for (Item r : right) {
                if (knows(r.rel, c.name)) {
                  addUsing(sc, c.name, left, right);
                }
              }
            }
          }
        }
      }
      if (j.getConditionType() == JoinConditionType.USING && j.getCondition() instanceof SqlNodeList l) {
        for (SqlNode n : l) {
          addUsing(sc, simple(n), left, right);
        }
      } else if (j.getCondition() != null && j.getConditionType() == JoinConditionType.ON) {
        Flow f = expr(j.getCondition(), sc);
        filters.addAll(f.src);
        filters.addAll(f.flt);
      }
      return;
    }
    Item it = item(node, sc);
    sc.items.add(it);
    filters.addAll(it.rel.filters);
  }

  private void addUsing(Scope sc, String c, List<Item> left, List<Item> right) {
    Flow f = new Flow();
    for (List<Item> side : List.of(left, right)) {
      Hit h = unqualified(side, Map.of(), c);
      if (h.status == Status.FOUND) {
        f.add(h.flow);
      }
    }
    sc.using.put(c, f);
  }

  private Item item(SqlNode node, Scope sc) {
    String alias = null;
    List<String> colAliases = null;
    SqlNode n = node;
    if (n.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) n;
      alias = simple(as.operand(1));
      if (as.operandCount() > 2) {
        colAliases = new ArrayList<>();
        for (int i = 2; i < as.operandCount(); i++) {
          colAliases.add(simple(as.operand(i)));
        }
      }
      n = as.operand(0);
    }
    Rel rel = relation(n, sc);
    List<String> parts = null;
    if (n instanceof SqlIdentifier id) {
      if (rel.table != null) {
        parts = id.names;
      } else if (alias == null) {
        alias = id.names.get(id.names.size() - 1); // a CTE is named by its name
      }
    }
    if (colAliases != null) {
      rel = rename(rel, colAliases);
    }
    return new Item(alias, rel, parts);
  }

  private Rel relation(SqlNode n, Scope sc) {
    switch (n.getKind()) {
      case IDENTIFIER:
        return table((SqlIdentifier) n, sc.env);
      case SELECT:
      case ORDER_BY:
      case WITH:
      case UNION:
      case INTERSECT:
      case EXCEPT:
      case VALUES:
      case EXPLICIT_TABLE:
        return query(n, sc.parent, sc.env);
      case LATERAL: {
        SqlNode inner = ((SqlCall) n).operand(0);
        if (isQuery(inner.getKind())) {
          return query(inner, sc, sc.env);
        }
        return relation(inner, sc);
      }
      case UNNEST: {
        Rel r = new Rel();
        r.cols = new ArrayList<>();
        r.fn = new Flow();
        int i = 0;
        for (SqlNode arg : ((SqlCall) n).getOperandList()) {
          Flow f = expr(arg, sc).atLeast(2);
          r.cols.add(new Col("expr$" + i++, f, null));
          r.fn.add(f);
        }
        return r;
      }
      case COLLECTION_TABLE:
      case OTHER_FUNCTION: {
        Rel r = new Rel();
        r.fn = expr(n, sc).atLeast(2);
        r.cols = new ArrayList<>();
        return r;
      }
      case TABLESAMPLE:
      case EXTEND:
        return relation(((SqlCall) n).operand(0), sc);
      case SNAPSHOT:
        return relation(((SqlCall) n).operand(0), sc);
      case AS:
        return item(n, sc).rel;
      default:
        throw new LineageException("Unsupported FROM item: " + n.getKind(), tokAt(n));
    }
  }

  private Rel table(SqlNode node, Map<String, Rel> env) {
    SqlIdentifier id = (SqlIdentifier) node;
    if (id.names.size() == 1 && env.containsKey(id.names.get(0))) {
      return env.get(id.names.get(0));
    }
    String name = String.join(".", id.names);
    if (name.equals("dual") || name.equals("sys.dual")) {
      Rel r = new Rel();
      r.cols = new ArrayList<>();
      return r;
    }
    return base(name, true);
  }

  private Rel base(String name, boolean read) {
    Rel r = new Rel();
    r.table = name;
    List<String> cols = tables.apply(name);
    if (cols != null) {
      r.cols = new ArrayList<>(cols.size());
      for (String c : cols) {
        r.cols.add(new Col(c, Flow.col(name + "." + c), null));
      }
    }
    if (read) {
      tablesRead.add(name);
    }
    return r;
  }

  /** Renames a relation's columns by position ({@code AS t(a, b)}, CTE and view column lists). */
  private Rel rename(Rel r, List<String> names) {
    if (names == null) {
      return r;
    }
    Rel out = new Rel();
    out.filters.addAll(r.filters);
    out.outer.addAll(r.outer);
    out.cols = new ArrayList<>();
    List<Col> cols = r.cols == null ? List.of() : r.cols;
    if (r.hasStar() || (r.table != null && r.cols == null) || cols.size() < names.size()) {
      // positions unknown: each named column may come from any unknown column
      Flow any = new Flow();
      if (r.table != null && r.cols == null) {
        any.add(Flow.col(r.table + ".*"));
      }
      for (Col c : cols) {
        any.add(c.flow);
      }
      if (r.fn != null) {
        any.add(r.fn);
      }
      for (int i = 0; i < names.size(); i++) {
        out.cols.add(new Col(names.get(i), i < cols.size() && !r.hasStar() ? cols.get(i).flow : any.copy(), null));
      }
      return out;
    }
    for (int i = 0; i < cols.size(); i++) {
      out.cols.add(new Col(i < names.size() ? names.get(i) : cols.get(i).name, cols.get(i).flow, null));
    }
    return out;
  }

  // ================================================================== stars

  private void expand(SqlIdentifier star, Scope sc, List<Col> out, Set<String> exclude) {
    List<Item> items;
    if (star.names.size() == 1) {
      items = sc.items;
    } else {
      items = matchItems(sc, star.names.subList(0, star.names.size() - 1));
      if (items.isEmpty()) {
        String q = String.join(".", star.names.subList(0, star.names.size() - 1));
        out.add(new Col("*", Flow.col(q + ".*"), List.of()));
        return;
      }
    }
    Set<String> usingDone = new java.util.HashSet<>();
    for (Item it : items) {
      for (Col c : colsOf(it)) {
        if (exclude.contains(c.name)) {
          continue;
        }
        if (star.names.size() == 1 && !c.star() && sc.using.containsKey(c.name)) {
          if (usingDone.add(c.name)) {
            out.add(new Col(c.name, sc.using.get(c.name).copy(), null));
          }
          continue;
        }
        out.add(new Col(c.name, c.flow.copy(), c.starOf));
      }
    }
  }

  private static List<Col> colsOf(Item it) {
    Rel r = it.rel;
    if (r.table != null && r.cols == null) {
      return List.of(new Col("*", Flow.col(r.table + ".*"), List.of(r)));
    }
    List<Col> cols = new ArrayList<>(r.cols);
    if (r.fn != null && cols.isEmpty()) {
      cols.add(new Col("*", r.fn.copy(), List.of(r)));
    }
    return cols;
  }

  // ================================================================== column lookup

  private static String match(Rel r, String c) {
    String ci = null;
    int n = 0;
    for (Col col : r.cols) {
      if (col.star()) {
        continue;
      }
      if (col.name.equals(c)) {
        return col.name;
      }
      if (col.name.equalsIgnoreCase(c)) {
        ci = col.name;
        n++;
      }
    }
    return n == 1 ? ci : null;
  }

  private static boolean knows(Rel r, String c) {
    return r.cols != null && match(r, c) != null;
  }

  private static boolean unknownColumns(Rel r) {
    return (r.table != null && r.cols == null) || r.hasStar() || r.fn != null;
  }

  private Hit lookup(Rel r, String c) {
    if (r.table != null) {
      if (r.cols == null) {
        return Hit.of(Flow.col(r.table + "." + c));
      }
      String m = match(r, c);
      return m == null ? Hit.NONE : Hit.of(Flow.col(r.table + "." + m));
    }
    String m = match(r, c);
    if (m != null) {
      Flow f = new Flow();
      for (Col col : r.cols) {
        if (!col.star() && col.name.equals(m)) {
          f.add(col.flow);
        }
      }
      return Hit.of(f);
    }
    List<Col> stars = new ArrayList<>();
    for (Col col : r.cols) {
      if (col.star()) {
        stars.add(col);
      }
    }
    if (stars.size() == 1) {
      Flow f = new Flow();
      boolean any = false;
      for (Rel s : stars.get(0).starOf) {
        Hit h = lookup(s, c);
        if (h.status == Status.AMBIGUOUS) {
          return h;
        }
        if (h.status == Status.FOUND) {
          f.add(h.flow);
          any = true;
        }
      }
      return any ? Hit.of(f) : Hit.NONE;
    }
    if (stars.size() > 1) {
      return Hit.AMBIGUOUS;
    }
    if (r.fn != null) {
      return Hit.of(r.fn.copy().atLeast(2));
    }
    return Hit.NONE;
  }

  private Hit unqualified(List<Item> items, Map<String, Flow> using, String c) {
    Flow u = using.get(c);
    if (u != null) {
      return Hit.of(u.copy());
    }
    List<Item> known = new ArrayList<>();
    List<Item> open = new ArrayList<>();
    for (Item it : items) {
      if (it.rel.cols != null && match(it.rel, c) != null) {
        known.add(it);
      } else if (unknownColumns(it.rel) && it.rel.fn == null) {
        open.add(it);
      }
    }
    if (known.size() == 1) {
      return lookup(known.get(0).rel, c);
    }
    if (known.size() > 1) {
      Flow f = null;
      for (Item it : known) {
        Hit h = lookup(it.rel, c);
        if (f == null) {
          f = h.flow;
        } else if (h.flow == null || !h.flow.src.equals(f.src)) {
          return Hit.AMBIGUOUS;
        }
      }
      return Hit.of(f);
    }
    if (open.size() == 1) {
      return lookup(open.get(0).rel, c);
    }
    if (open.size() > 1) {
      return Hit.AMBIGUOUS;
    }
    return Hit.NONE;
  }

  private Hit lookupIn(Scope sc, List<String> names) {
    if (names.size() == 1) {
      String c = names.get(0);
      for (Item it : sc.items) {
        if (it.rel.fn != null && it.rel.table == null && c.equals(it.alias) && (it.rel.cols.size() <= 1)) {
          return Hit.of(it.rel.fn.copy()); // UNNEST(x) AS e: e is the element
        }
      }
      Hit h = unqualified(sc.items, sc.using, c);
      if (h.status != Status.NONE) {
        return h;
      }
      for (Col a : sc.aliases) {
        if (!a.star() && a.name.equals(c)) {
          return Hit.of(a.flow.copy()); // a select alias (lateral reference, or GROUP BY/HAVING alias)
        }
      }
      if (sc.items.size() == 1 && sc.items.get(0).rel.table != null && !procedural) {
        // a column the catalog does not list: trust the SQL
        return Hit.of(Flow.col(sc.items.get(0).rel.table + "." + c));
      }
      return Hit.NONE;
    }
    for (int k = names.size() - 1; k >= 1; k--) {
      List<Item> items = matchItems(sc, names.subList(0, k));
      if (items.size() == 1) {
        Item it = items.get(0);
        String c = names.get(k);
        Hit h = lookup(it.rel, c);
        if (h.status == Status.FOUND || h.status == Status.AMBIGUOUS) {
          return h;
        }
        if (it.rel.table != null) {
          return Hit.of(Flow.col(it.rel.table + "." + c));
        }
        return Hit.of(Flow.col(c)); // a derived table without that column: unresolved, never "alias.c"
      }
      if (items.size() > 1) {
        return Hit.AMBIGUOUS;
      }
    }
    // struct field access on an unqualified column: col.field
    Hit h = unqualified(sc.items, sc.using, names.get(0));
    if (h.status == Status.FOUND) {
      for (Item it : sc.items) {
        if (it.rel.cols != null && match(it.rel, names.get(0)) != null) {
          return h;
        }
      }
    }
    return Hit.NONE;
  }

  private static List<Item> matchItems(Scope sc, List<String> qual) {
    List<Item> out = new ArrayList<>();
    if (qual.size() == 1) {
      String q = qual.get(0);
      for (Item it : sc.items) {
        if (q.equals(it.alias)) {
          out.add(it);
        }
      }
      if (out.isEmpty()) {
        for (Item it : sc.items) {
          if (it.alias == null && it.tableParts != null && q.equals(last(it.tableParts))) {
            out.add(it);
          }
        }
      }
      if (out.isEmpty()) {
        for (Item it : sc.items) {
          if (it.tableParts != null && q.equals(last(it.tableParts))) {
            out.add(it); // lenient: a table referenced by its name although aliased
          }
        }
      }
      if (out.isEmpty()) {
        for (Item it : sc.items) {
          if (q.equalsIgnoreCase(it.alias) || (it.tableParts != null && q.equalsIgnoreCase(last(it.tableParts)))) {
            out.add(it);
          }
        }
      }
      return out;
    }
    for (Item it : sc.items) {
      if (it.tableParts != null && endsWith(it.tableParts, qual)) {
        out.add(it);
      }
    }
    return out;
  }

  private static boolean endsWith(List<String> parts, List<String> suffix) {
    if (suffix.size() > parts.size()) {
      return false;
    }
    for (int i = 0; i < suffix.size(); i++) {
      if (!parts.get(parts.size() - suffix.size() + i).equalsIgnoreCase(suffix.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String last(List<String> l) {
    return l.get(l.size() - 1);
  }

  /** A column reference, through this scope and enclosing ones (recording correlation). */
  private Flow column(List<String> names, Scope sc) {
    if (names.get(0).startsWith("@")) {
      return new Flow(); // a variable (T-SQL, MySQL, BigQuery)
    }
    if (names.size() == 1 && PSEUDO_COLUMNS.contains(names.get(0).toLowerCase(Locale.ROOT))) {
      // CURRENT_TIMESTAMP, SYSDATE, ROWNUM, ...: a value unless a known column has that name
      for (Scope s = sc; s != null; s = s.parent) {
        for (Item it : s.items) {
          if (it.rel.cols != null && match(it.rel, names.get(0)) != null) {
            return lookup(it.rel, names.get(0)).flow;
          }
        }
      }
      return new Flow();
    }
    List<Scope> crossed = new ArrayList<>();
    boolean anyItems = false;
    for (Scope s = sc; s != null; s = s.parent) {
      anyItems |= !s.items.isEmpty();
      Hit h = lookupIn(s, names);
      if (h.status == Status.FOUND) {
        for (Scope x : crossed) {
          x.outer.addAll(h.flow.src);
        }
        return h.flow;
      }
      if (h.status == Status.AMBIGUOUS) {
        return unresolved(names);
      }
      crossed.add(s);
    }
    String first = names.get(0);
    if (!anyItems || first.startsWith("@") || first.startsWith("$") || first.startsWith(":") || first.contains("%")) {
      return new Flow(); // a variable, parameter or niladic function: not a column
    }
    if (names.size() == 1 && PSEUDO_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
      return new Flow();
    }
    return unresolved(names);
  }

  /** An unresolved column: its name as written (bare when unqualified). */
  private static Flow unresolved(List<String> names) {
    if (names.get(0).startsWith("@")) {
      return new Flow();
    }
    return Flow.col(names.size() == 1 ? names.get(0) : String.join(".", names));
  }

  // ================================================================== expressions

  private static boolean isQuery(SqlKind k) {
    return k == SqlKind.SELECT || k == SqlKind.ORDER_BY || k == SqlKind.WITH || k == SqlKind.UNION
        || k == SqlKind.INTERSECT || k == SqlKind.EXCEPT || k == SqlKind.VALUES || k == SqlKind.EXPLICIT_TABLE;
  }

  Flow expr(SqlNode e, Scope sc) {
    if (e == null || e instanceof SqlLiteral || e instanceof SqlDynamicParam || e instanceof SqlDataTypeSpec
        || e instanceof SqlIntervalQualifier) {
      return new Flow();
    }
    if (e instanceof SqlIdentifier id) {
      return id.isStar() ? new Flow() : column(id.names, sc);
    }
    if (e instanceof SqlNodeList l) {
      Flow f = new Flow();
      for (SqlNode x : l) {
        f.add(expr(x, sc));
      }
      return f;
    }
    if (!(e instanceof SqlCall c)) {
      return new Flow();
    }
    SqlKind k = c.getKind();
    if (isQuery(k)) {
      return subquery(c, sc, false);
    }
    switch (k) {
      case AS:
      case DESCENDING:
      case NULLS_FIRST:
      case NULLS_LAST:
        return expr(c.operand(0), sc);
      case ARGUMENT_ASSIGNMENT:
        return expr(c.operand(0), sc).atLeast(2);
      case DOT:
        return expr(c.operand(0), sc).atLeast(2);
      case OVER:
        return over(c, sc);
      case FILTER: {
        Flow f = expr(c.operand(0), sc);
        f.addAsFilter(expr(c.operand(1), sc));
        return f;
      }
      case EXISTS:
        return subquery(c.operand(0), sc, true);
      case CASE: {
        // in the order written: value, WHEN/THEN pairs, ELSE
        SqlCase cs = (SqlCase) c;
        Flow f = expr(cs.getValueOperand(), sc);
        for (int i = 0; i < cs.getWhenOperands().size(); i++) {
          f.add(expr(cs.getWhenOperands().get(i), sc));
          f.add(expr(cs.getThenOperands().get(i), sc));
        }
        f.add(expr(cs.getElseOperand(), sc));
        return f.atLeast(2);
      }
      default:
        break;
    }
    String fname = c.getOperator().getName().toUpperCase(Locale.ROOT);
    boolean agg = c.getOperator().isAggregator() || AGGREGATES.contains(fname);
    Flow f = new Flow();
    for (SqlNode op : c.getOperandList()) {
      if (op == null || (op instanceof SqlIdentifier id && id.isStar())) {
        continue;
      }
      f.add(expr(op, sc));
    }
    return f.atLeast(agg ? 3 : 2);
  }

  private Flow over(SqlCall c, Scope sc) {
    Flow f = expr(c.operand(0), sc);
    SqlNode w = c.operand(1);
    Set<String> seen = new java.util.HashSet<>();
    while (w != null) {
      SqlWindow win = null;
      if (w instanceof SqlWindow sw) {
        win = sw;
      } else if (w instanceof SqlIdentifier id) {
        win = namedWindow(sc, id.getSimple());
      }
      if (win == null) {
        break;
      }
      f.add(expr(win.getPartitionList(), sc));
      f.add(expr(win.getOrderList(), sc));
      SqlIdentifier ref = win.getRefName();
      w = ref != null && seen.add(ref.getSimple()) ? ref : null;
    }
    return f.atLeast(2);
  }

  private static SqlWindow namedWindow(Scope sc, String name) {
    for (Scope s = sc; s != null; s = s.parent) {
      if (s.select != null && s.select.getWindowList() != null) {
        for (SqlNode n : s.select.getWindowList()) {
          SqlWindow w = (SqlWindow) n;
          if (w.getDeclName() != null && w.getDeclName().getSimple().equals(name)) {
            return w;
          }
        }
      }
    }
    return null;
  }

  /** A subquery in an expression: its selected columns (unless EXISTS) and its correlated columns. */
  private Flow subquery(SqlNode q, Scope sc, boolean exists) {
    Rel r = query(q, sc, sc.env);
    Flow f = new Flow();
    if (!exists) {
      for (Col col : r.cols) {
        if (!col.star()) {
          f.add(col.flow);
        }
      }
    }
    f.src.addAll(r.outer);
    f.flt.addAll(r.filters);
    f.flt.removeAll(f.src);
    return f.atLeast(2);
  }

  // ================================================================== names and positions

  private static String simple(SqlNode n) {
    SqlIdentifier id = (SqlIdentifier) n;
    return id.names.get(id.names.size() - 1);
  }

  private static List<String> names(SqlNodeList l) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : l) {
      out.add(simple(n));
    }
    return out;
  }

  /** The name of an unaliased select item: a column's name, else the expression as written. */
  String name(SqlNode e) {
    if (e instanceof SqlIdentifier id) {
      return last(id.names);
    }
    if (e.getKind() == SqlKind.CAST && e instanceof SqlCall c) {
      int t = tokenIndex(e);
      if (t >= 0 && "::".equals(qt.toks.get(t).mark)) {
        return name(c.operand(0));
      }
    }
    return rawText(e);
  }

  private String rawText(SqlNode e) {
    int s = tokenIndex(e);
    if (s < 0) {
      return e.toString();
    }
    List<Tok> t = qt.toks;
    int start = s;
    while (start > 0 && t.get(start - 1).isOp("(") && start - 1 > 0 && !t.get(start - 2).isName()) {
      start--;
    }
    int depth = 0;
    int end = start;
    for (; end < t.size(); end++) {
      Tok x = t.get(end);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && (x.isOp(",") || x.isAny("FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
          "UNION", "EXCEPT", "INTERSECT", "MINUS", "INTO", "WINDOW", "QUALIFY", "FETCH", "OFFSET"))) {
        break;
      }
    }
    int from = Integer.MAX_VALUE;
    int to = -1;
    for (int i = start; i < end; i++) {
      Tok x = t.get(i);
      if (x.end > x.start || x.mark == null) {
        from = Math.min(from, x.start);
        to = Math.max(to, x.end);
      }
    }
    if (to <= from) {
      return e.toString();
    }
    return script.substring(from, to).replaceAll("\\s+", " ").strip();
  }

  /** The emitted token where a node starts (the smallest position in its subtree). */
  private int tokenIndex(SqlNode e) {
    int[] min = {Integer.MAX_VALUE};
    minOffset(e, min);
    return min[0] == Integer.MAX_VALUE ? -1 : qt.tokenAtOffset(min[0]);
  }

  private void minOffset(SqlNode e, int[] min) {
    if (e == null) {
      return;
    }
    SqlParserPos p = e.getParserPosition();
    if (p != null && p.getLineNum() > 0) {
      int off = qt.offsetOf(p.getLineNum(), p.getColumnNum());
      if (off >= 0) {
        min[0] = Math.min(min[0], off);
      }
    }
    if (e instanceof SqlNodeList l) {
      for (SqlNode x : l) {
        minOffset(x, min);
      }
    } else if (e instanceof SqlCall c) {
      for (SqlNode x : c.getOperandList()) {
        minOffset(x, min);
      }
    }
  }

  private Tok tokAt(SqlNode n) {
    int k = tokenIndex(n);
    return k < 0 || qt.toks.isEmpty() ? null : qt.toks.get(k);
  }
}
