package io.pursight.governance.lineage.calcite;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageError;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * Analyses one script: splits it, reads each statement, has Calcite parse its query, resolves the
 * lineage and maps it onto the written columns. Tables created earlier in the script (CREATE TABLE,
 * CTAS, CREATE VIEW) are known to later statements; other tables come from the {@link SchemaLookup},
 * whose answers are recorded as the fingerprint the cache validates against.
 */
final class Analyzer {

  private final Dialect dialect;
  private final String script;
  private final SchemaLookup schema;
  /** Every schema answer used, in order: the result is valid while these answers hold. */
  final Map<String, Optional<List<String>>> lookups = new LinkedHashMap<>();
  /** Tables and views the script created (null value: created with unknown columns). */
  private final Map<String, List<String>> session = new HashMap<>();
  private int[] lineStarts;

  Analyzer(Dialect dialect, String script, SchemaLookup schema) {
    this.dialect = dialect;
    this.script = script;
    this.schema = schema;
  }

  ScriptLineage run() {
    List<StatementLineage> statements = new ArrayList<>();
    List<LineageError> errors = new ArrayList<>();
    List<Splitter.Unit> units;
    try {
      units = Splitter.split(dialect, script, Lexer.lex(dialect, script));
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(new LineageError(0, "Cannot split the script into statements: " + e.getClass().getSimpleName(), 1, 1));
      return new ScriptLineage(statements, errors);
    }
    int index = 0;
    for (Splitter.Unit u : units) {
      try {
        statements.add(statement(index, u));
      } catch (LineageException e) {
        int off = e.offset >= 0 ? e.offset : u.first().start;
        errors.add(new LineageError(index, e.getMessage(), line(off), column(off)));
      } catch (RuntimeException | StackOverflowError e) {
        int off = u.first().start;
        errors.add(new LineageError(index, "Cannot analyse the statement (internal error: "
            + e.getClass().getSimpleName() + ")", line(off), column(off)));
      }
      index++;
    }
    return new ScriptLineage(statements, errors);
  }

  // ---------------------------------------------------------------- statements

  private StatementLineage statement(int index, Splitter.Unit u) {
    if (u.declaration()) {
      return new StatementLineage(index, "OTHER", List.of(), List.of(), List.of());
    }
    List<Tok> toks = Rewrites.prepare(dialect, u.toks());
    Stmt st = StatementReader.read(dialect, toks, u.procedural());
    String target = st.target == null ? null : String.join(".", st.target);
    switch (st.kind) {
      case "OTHER" -> {
        for (List<String> d : st.dropped) {
          session.remove(String.join(".", d));
        }
        return new StatementLineage(index, "OTHER", List.of(), List.of(), List.of());
      }
      case "CREATE_TABLE" -> {
        List<String> cols = st.createdColumns;
        List<String> sources = List.of();
        if (st.likeTable != null) {
          String like = String.join(".", st.likeTable);
          cols = columns(like);
          sources = List.of(like);
        }
        session.put(target, cols);
        return new StatementLineage(index, "CREATE_TABLE", List.of(target), sources, List.of());
      }
      default -> { }
    }
    if (st.query == null) {
      return new StatementLineage(index, st.kind, List.of(target), List.of(), List.of());
    }
    CalciteFrontEnd.Parsed parsed = CalciteFrontEnd.parse(Rewrites.query(dialect, st.query));
    Resolver r = new Resolver(script, parsed.text(), this::columns, u.procedural());
    Resolver.Rel rel = r.statement(parsed.node(), st.target, st.targetAlias, st.targetInScope);
    return switch (st.kind) {
      case "SELECT" -> select(index, r, rel);
      case "INSERT", "CREATE_TABLE_AS", "CREATE_VIEW" -> write(index, st, target, r, rel, isValues(parsed.node()));
      case "UPDATE" -> update(index, st, target, r, rel);
      case "MERGE" -> merge(index, st, target, r, rel);
      case "DELETE" -> delete(index, st, target, r, rel);
      default -> throw new LineageException("Unsupported statement kind " + st.kind, st.at);
    };
  }

  private StatementLineage select(int index, Resolver r, Resolver.Rel rel) {
    List<ColumnLineage> cols = new ArrayList<>();
    for (Resolver.Col c : rel.cols) {
      cols.add(lineage(c.name, c.flow, rel));
    }
    return new StatementLineage(index, "SELECT", List.of(), List.copyOf(r.tablesRead), cols);
  }

  private static boolean isValues(SqlNode n) {
    while (n instanceof SqlOrderBy o) {
      n = o.query;
    }
    return n.getKind() == SqlKind.VALUES;
  }

  private StatementLineage write(int index, Stmt st, String target, Resolver r, Resolver.Rel rel, boolean values) {
    List<String> known = st.kind.equals("INSERT") && st.targetCols == null ? targetColumns(target, st) : null;
    Map<String, Resolver.Flow> mapped;
    if (values && st.targetCols == null && known == null) {
      // VALUES into a table of unknown columns: the target columns cannot be named
      Resolver.Flow all = new Resolver.Flow();
      for (Resolver.Col c : rel.cols) {
        all.add(c.flow);
      }
      mapped = new LinkedHashMap<>();
      if (!all.src.isEmpty()) {
        mapped.put("*", all);
      }
    } else {
      mapped = map(st, rel.cols, st.targetCols, known);
    }
    List<ColumnLineage> cols = new ArrayList<>();
    for (Map.Entry<String, Resolver.Flow> e : mapped.entrySet()) {
      cols.add(lineage(target + "." + e.getKey(), e.getValue(), rel));
    }
    if (!st.kind.equals("INSERT")) {
      session.put(target, mapped.containsKey("*") ? null : List.copyOf(mapped.keySet()));
    }
    return new StatementLineage(index, st.kind, List.of(target), List.copyOf(r.tablesRead), cols);
  }

  /** The target table's columns for a positional INSERT, without static partition columns. */
  private List<String> targetColumns(String target, Stmt st) {
    List<String> cols = columns(target);
    if (cols == null || st.staticPartitions.isEmpty()) {
      return cols;
    }
    List<String> out = new ArrayList<>();
    for (String c : cols) {
      if (!st.staticPartitions.contains(c.toLowerCase(java.util.Locale.ROOT))) {
        out.add(c);
      }
    }
    return out;
  }

  /** Maps query columns onto target columns: by an explicit list, by the target's known columns, or by name. */
  private static Map<String, Resolver.Flow> map(Stmt st, List<Resolver.Col> cols, List<String> explicit,
      List<String> known) {
    Map<String, Resolver.Flow> out = new LinkedHashMap<>();
    boolean star = cols.stream().anyMatch(Resolver.Col::star);
    List<String> positional = explicit != null ? explicit : known;
    if (positional != null && !star) {
      if (cols.size() > positional.size() || (explicit != null && cols.size() != explicit.size())) {
        throw new LineageException((explicit != null ? "The column list names " : "The target table has ")
            + positional.size() + " columns but the query yields " + cols.size(), st.at);
      }
      for (int i = 0; i < cols.size(); i++) {
        put(out, positional.get(i), cols.get(i).flow);
      }
      return out;
    }
    if (explicit != null) {
      // a star of unknown width: columns before it map by position, the rest may come from any later one
      int firstStar = 0;
      while (!cols.get(firstStar).star()) {
        firstStar++;
      }
      Resolver.Flow rest = new Resolver.Flow();
      for (int i = firstStar; i < cols.size(); i++) {
        rest.add(cols.get(i).flow);
      }
      for (int i = 0; i < explicit.size(); i++) {
        put(out, explicit.get(i), i < firstStar ? cols.get(i).flow : rest.copy());
      }
      return out;
    }
    if (star) {
      // target positions unknown: one t.* column carrying everything
      Resolver.Flow all = new Resolver.Flow();
      for (Resolver.Col c : cols) {
        all.add(c.flow);
      }
      out.put("*", all);
      return out;
    }
    for (Resolver.Col c : cols) {
      put(out, c.name, c.flow);
    }
    return out;
  }

  private static void put(Map<String, Resolver.Flow> out, String name, Resolver.Flow f) {
    Resolver.Flow prev = out.get(name);
    if (prev == null) {
      out.put(name, f.copy());
    } else {
      prev.add(f);
    }
  }

  private StatementLineage update(int index, Stmt st, String target, Resolver r, Resolver.Rel rel) {
    String single = null;
    if (st.target != null) {
      single = st.targetInScope && r.targetTable != null ? r.targetTable : target;
    }
    Map<String, Resolver.Flow> mapped = new LinkedHashMap<>();
    Set<String> targets = new LinkedHashSet<>();
    for (Stmt.Assign a : st.assigns) {
      String table = single;
      if (table == null) {
        table = a.qualifier().isEmpty() ? r.tableWithColumn(a.column()) : r.tableOf(a.qualifier());
        if (table == null) {
          table = a.qualifier().isEmpty() ? firstTable(r) : String.join(".", a.qualifier());
        }
      }
      if (table == null) {
        throw new LineageException("Cannot tell which table column '" + a.column() + "' belongs to", st.at);
      }
      targets.add(table);
      put(mapped, table + "." + a.column(), rel.cols.get(a.item()).flow);
    }
    return dml(index, "UPDATE", targets, mapped, r, rel);
  }

  private static String firstTable(Resolver r) {
    if (r.topScope == null) {
      return null;
    }
    for (Resolver.Item it : r.topScope.items) {
      if (it.rel().table != null) {
        return it.rel().table;
      }
    }
    return null;
  }

  private StatementLineage merge(int index, Stmt st, String target, Resolver r, Resolver.Rel rel) {
    Map<String, Resolver.Flow> mapped = new LinkedHashMap<>();
    int explicit = 0;
    for (Stmt.Assign a : st.assigns) {
      if (a.item() >= 0) {
        explicit++;
      }
    }
    List<String> known = null;
    boolean knownLoaded = false;
    for (Stmt.Assign a : st.assigns) {
      if (a.item() < 0) {
        int from = explicit == 0 ? 1 : explicit;
        for (int i = from; i < rel.cols.size(); i++) {
          Resolver.Col c = rel.cols.get(i);
          put(mapped, target + "." + (c.star() ? "*" : c.name), c.flow);
        }
        continue;
      }
      String col = a.column();
      if (col == null) {
        if (!knownLoaded) {
          known = columns(target);
          knownLoaded = true;
        }
        col = known != null && a.position() < known.size() ? known.get(a.position()) : "*";
      }
      put(mapped, target + "." + col, rel.cols.get(a.item()).flow);
    }
    return dml(index, "MERGE", Set.of(target), mapped, r, rel);
  }

  private StatementLineage delete(int index, Stmt st, String target, Resolver r, Resolver.Rel rel) {
    Set<String> targets = new LinkedHashSet<>();
    if (target != null) {
      targets.add(target);
    }
    for (List<String> t : st.deleteTargets) {
      String table = r.tableOf(t);
      targets.add(table != null ? table : String.join(".", t));
    }
    List<String> sources = new ArrayList<>(r.tablesRead);
    sources.removeAll(targets);
    return new StatementLineage(index, "DELETE", List.copyOf(targets), sources, List.of());
  }

  private StatementLineage dml(int index, String kind, Set<String> targets, Map<String, Resolver.Flow> mapped,
      Resolver r, Resolver.Rel rel) {
    List<ColumnLineage> cols = new ArrayList<>();
    for (Map.Entry<String, Resolver.Flow> e : mapped.entrySet()) {
      cols.add(lineage(e.getKey(), e.getValue(), rel));
    }
    // the target is read only when one of its columns is a source or a filter
    Set<String> sources = new LinkedHashSet<>(r.tablesRead);
    for (String t : targets) {
      boolean used = cols.stream().anyMatch(c -> c.sources().stream().anyMatch(x -> x.startsWith(t + "."))
          || c.filters().stream().anyMatch(x -> x.startsWith(t + ".")));
      if (used) {
        sources.add(t);
      } else {
        sources.remove(t);
      }
    }
    return new StatementLineage(index, kind, List.copyOf(targets), List.copyOf(sources), cols);
  }

  private static ColumnLineage lineage(String target, Resolver.Flow f, Resolver.Rel rel) {
    LinkedHashSet<String> src = new LinkedHashSet<>(f.src);
    // t.* stands for every column of t
    List<String> stars = new ArrayList<>();
    for (String s : src) {
      if (s.endsWith(".*")) {
        stars.add(s.substring(0, s.length() - 1));
      }
    }
    if (!stars.isEmpty()) {
      src.removeIf(s -> !s.endsWith(".*") && stars.stream().anyMatch(p -> s.startsWith(p) && s.indexOf('.', p.length()) < 0));
    }
    LinkedHashSet<String> filters = new LinkedHashSet<>(rel.filters);
    filters.addAll(f.flt);
    TransformKind kind = switch (f.rank) {
      case 1 -> TransformKind.IDENTITY;
      case 3 -> TransformKind.AGGREGATION;
      default -> TransformKind.TRANSFORMATION;
    };
    if (src.isEmpty() && kind == TransformKind.IDENTITY) {
      kind = TransformKind.TRANSFORMATION;
    }
    return new ColumnLineage(target, List.copyOf(src), List.copyOf(filters), kind);
  }

  // ---------------------------------------------------------------- schema

  /** Columns of a table: created in the script, else from the schema lookup; null when unknown. */
  List<String> columns(String table) {
    if (session.containsKey(table)) {
      return session.get(table);
    }
    Optional<List<String>> cols = lookups.computeIfAbsent(table, t -> ask(schema, t));
    return cols.orElse(null);
  }

  static Optional<List<String>> ask(SchemaLookup schema, String table) {
    try {
      Optional<List<String>> r = schema.columns(table);
      return r == null || r.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(r.get()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- positions

  private int line(int off) {
    starts();
    int k = java.util.Arrays.binarySearch(lineStarts, off);
    return (k >= 0 ? k : -k - 2) + 1;
  }

  private int column(int off) {
    starts();
    int k = java.util.Arrays.binarySearch(lineStarts, off);
    int l = k >= 0 ? k : -k - 2;
    return off - lineStarts[l] + 1;
  }

  private void starts() {
    if (lineStarts != null) {
      return;
    }
    List<Integer> l = new ArrayList<>();
    l.add(0);
    for (int i = 0; i < script.length(); i++) {
      if (script.charAt(i) == '\n') {
        l.add(i + 1);
      }
    }
    lineStarts = l.stream().mapToInt(Integer::intValue).toArray();
  }
}
