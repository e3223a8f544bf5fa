package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recognises a statement from its tokens and reads its head: the kind, the written table, target
 * columns, and the query for Calcite. UPDATE, MERGE and DELETE become a synthesised SELECT whose
 * items are the assigned expressions, whose FROM holds the target and the other tables, and whose
 * WHERE holds every condition, so one resolver serves all statements.
 */
final class StatementReader {

  /** Statements that write no column lineage. */
  private static final Set<String> OTHER = Set.of(
      "SET", "DECLARE", "DROP", "ALTER", "GRANT", "REVOKE", "DENY", "USE", "COMMIT", "ROLLBACK", "SAVEPOINT",
      "RELEASE", "BEGIN", "START", "END", "TRUNCATE", "ANALYZE", "ANALYSE", "VACUUM", "EXPLAIN", "SHOW",
      "DESCRIBE", "DESC", "CALL", "EXEC", "EXECUTE", "PRINT", "RAISE", "THROW", "RAISERROR", "RETURN", "LEAVE",
      "EXIT", "CONTINUE", "BREAK", "ITERATE", "OPEN", "CLOSE", "FETCH", "DEALLOCATE", "PREPARE", "LOCK",
      "UNLOCK", "COMMENT", "REFRESH", "MSCK", "CACHE", "UNCACHE", "CLEAR", "OPTIMIZE", "COPY", "LOAD", "UNLOAD",
      "PUT", "GET", "LIST", "REMOVE", "RM", "DO", "RESET", "DISCARD", "LISTEN", "NOTIFY", "UNLISTEN",
      "CHECKPOINT", "CLUSTER", "REINDEX", "WAITFOR", "GOTO", "NULL", "FLUSH", "KILL", "CHECKSUM", "REPAIR",
      "RENAME", "HANDLER", "INSTALL", "UNINSTALL", "SIGNAL", "RESIGNAL", "GO", "UNDROP", "ADD", "DBCC",
      "BACKUP", "RESTORE", "SECURITY", "ASSERT", "UNSET", "DATABASE", "MODIFY", "COLLECT", "HELP", "LOGON",
      "CT", "ECHO", "ABORT");

  private static final Set<String> CREATE_MODIFIERS = Set.of(
      "OR", "REPLACE", "ALTER", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "VOLATILE", "MULTISET", "SET",
      "TRANSIENT", "EXTERNAL", "UNLOGGED", "SECURE", "RECURSIVE", "MATERIALIZED", "FORCE", "NOFORCE",
      "EDITIONABLE", "NONEDITIONABLE", "PRIVATE", "SHARDED", "DUPLICATED", "IMMUTABLE", "HYBRID", "DYNAMIC",
      "ICEBERG", "NO", "LIVE", "STREAMING", "SQL", "SECURITY", "DEFINER", "INVOKER", "ALGORITHM", "UNDEFINED",
      "MERGE", "TEMPTABLE", "=");

  private static final Set<String> QUERY_START = Set.of("SELECT", "WITH", "VALUES", "SEL", "TABLE", "FROM");

  private final Dialect dialect;
  private final List<Tok> t;
  private final int n;
  private final boolean procedural;

  private StatementReader(Dialect dialect, List<Tok> toks, boolean procedural) {
    this.dialect = dialect;
    this.t = toks;
    this.n = toks.size();
    this.procedural = procedural;
  }

  /**
   * Reads one statement.
   *
   * @param procedural inside a routine body, where SELECT ... INTO assigns variables
   */
  static Stmt read(Dialect dialect, List<Tok> toks, boolean procedural) {
    return new StatementReader(dialect, toks, procedural).read();
  }

  private Stmt read() {
    Stmt st = new Stmt();
    st.at = t.get(0);
    Tok first = t.get(0);
    for (Tok x : t) {
      if (x.type == Tok.Type.ERROR) {
        throw new LineageException("Cannot read the statement: " + x.value, x);
      }
    }
    if (first.isOp("(")) {
      return query(st, 0, n);
    }
    if (first.type != Tok.Type.WORD) {
      if (isAssignment()) {
        st.kind = "OTHER"; // variable assignment in a procedure body
        return st;
      }
      throw new LineageException("Not a statement: unexpected '" + show(first) + "'", first);
    }
    switch (first.upper) {
      case "SELECT", "SEL", "VALUES", "TABLE", "FROM" -> {
        return query(st, 0, n);
      }
      case "WITH" -> {
        return with(st);
      }
      case "INSERT", "INS", "REPLACE", "UPSERT" -> {
        if (first.is("REPLACE") && n > 1 && t.get(1).isAny("VIEW", "RECURSIVE", "FUNCTION", "PROCEDURE", "MACRO")) {
          return create(st, 0);
        }
        return insert(st, 0, null);
      }
      case "UPDATE", "UPD" -> {
        return update(st, 0, null);
      }
      case "DELETE", "DEL" -> {
        return delete(st, 0, null);
      }
      case "MERGE" -> {
        return merge(st, 0, null);
      }
      case "CREATE" -> {
        return create(st, 0);
      }
      case "LOCKING", "LOCK" -> {
        if (first.is("LOCKING")) {
          int k = find(1, n, "SELECT", "SEL", "INSERT", "INS", "UPDATE", "DELETE", "CREATE", "REPLACE", "MERGE");
          if (k > 0) {
            return new StatementReader(dialect, t.subList(k, n), procedural).read();
          }
        }
        st.kind = "OTHER";
        return st;
      }
      case "ALTER" -> {
        if (n > 1 && t.get(1).is("VIEW")) {
          return create(st, 0); // T-SQL ALTER VIEW ... AS
        }
        st.kind = "OTHER";
        return st;
      }
      case "DROP" -> {
        st.kind = "OTHER";
        if (n > 2 && t.get(1).isAny("TABLE", "VIEW")) {
          int k = 2;
          if (k + 1 < n && t.get(k).is("IF") && t.get(k + 1).is("EXISTS")) {
            k += 2;
          }
          while (k < n) {
            Name nm = readName(k);
            if (nm == null) {
              break;
            }
            st.dropped.add(nm.parts);
            k = nm.next;
            if (k < n && t.get(k).isOp(",")) {
              k++;
            } else {
              break;
            }
          }
        }
        return st;
      }
      default -> {
        if (OTHER.contains(first.upper) || isAssignment()) {
          st.kind = "OTHER";
          return st;
        }
        throw new LineageException("Unrecognised statement '" + first.value + "'", first);
      }
    }
  }

  /** {@code x := ...}, {@code NEW.col = ...} (procedural assignments). */
  private boolean isAssignment() {
    Name nm = readName(0);
    if (nm == null && t.get(0).type == Tok.Type.PARAM) {
      nm = new Name(List.of(t.get(0).value), 1);
    }
    if (nm == null || nm.next >= n) {
      return false;
    }
    Tok op = t.get(nm.next);
    return op.isOp(":=") || (op.isOp("=") && (procedural || dialect != Dialect.ANSI));
  }

  private static String show(Tok x) {
    return x.type == Tok.Type.STR ? "string literal" : x.value;
  }

  // ---------------------------------------------------------------- SELECT / WITH

  private Stmt query(Stmt st, int from, int to) {
    st.kind = "SELECT";
    List<Tok> q = new ArrayList<>(t.subList(from, to));
    selectInto(st, q);
    st.query = q;
    return st;
  }

  /** SELECT ... INTO t FROM (T-SQL, PostgreSQL) creates a table; INTO a variable is dropped. */
  private void selectInto(Stmt st, List<Tok> q) {
    int depth = 0;
    for (int k = 0; k < q.size(); k++) {
      Tok x = q.get(k);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0 && x.isAny("UNION", "EXCEPT", "INTERSECT", "MINUS")) {
        return;
      } else if (depth == 0 && x.is("INTO") && k > 0) {
        int e = k + 1;
        while (e < q.size() && q.get(e).isAny("TEMP", "TEMPORARY", "UNLOGGED", "TABLE")) {
          e++;
        }
        if (e < q.size() && q.get(e).isAny("OUTFILE", "DUMPFILE")) {
          e += 2;
          int end = e;
          while (end < q.size() && !q.get(end).isAny("FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "UNION")) {
            end++;
          }
          q.subList(k, end).clear();
          return;
        }
        boolean variables = dialect == Dialect.ORACLE || dialect == Dialect.BIGQUERY || dialect == Dialect.MYSQL
            || (procedural && dialect != Dialect.TSQL) || (e < q.size() && (q.get(e).type == Tok.Type.PARAM));
        int end = e;
        if (variables) {
          // INTO v1, rec.field, @v2
          while (end < q.size()) {
            if (q.get(end).type == Tok.Type.PARAM) {
              end++;
            } else {
              Name v = readName(q, end);
              if (v == null) {
                break;
              }
              end = v.next;
            }
            if (end < q.size() && q.get(end).isOp(",")) {
              end++;
            } else {
              break;
            }
          }
        } else {
          Name nm = readName(q, e);
          if (nm == null) {
            throw new LineageException("SELECT ... INTO without a table name", q.get(k));
          }
          st.kind = "CREATE_TABLE_AS";
          st.target = nm.parts;
          end = nm.next;
        }
        q.subList(k, end).clear();
        return;
      }
    }
  }

  private Stmt with(Stmt st) {
    int k = 1;
    if (k < n && t.get(k).is("RECURSIVE")) {
      k++;
    }
    while (k < n) {
      Name nm = readName(k);
      if (nm == null) {
        throw new LineageException("Expected a CTE name after WITH", tok(k));
      }
      k = nm.next;
      if (k < n && t.get(k).isOp("(")) {
        k = close(k) + 1;
      }
      if (k >= n || !t.get(k).is("AS")) {
        throw new LineageException("Expected AS in the WITH clause", tok(k));
      }
      k++;
      if (k < n && t.get(k).is("NOT")) {
        k++;
      }
      if (k < n && t.get(k).is("MATERIALIZED")) {
        k++;
      }
      if (k >= n || !t.get(k).isOp("(")) {
        throw new LineageException("Expected '(' after AS in the WITH clause", tok(k));
      }
      k = close(k) + 1;
      if (k < n && t.get(k).isOp(",")) {
        k++;
        continue;
      }
      break;
    }
    if (k >= n) {
      throw new LineageException("WITH clause without a statement", tok(n - 1));
    }
    List<Tok> ctes = t.subList(0, k);
    Tok main = t.get(k);
    if (main.isAny("SELECT", "SEL", "VALUES", "TABLE") || main.isOp("(")) {
      return query(st, 0, n);
    }
    StatementReader rest = new StatementReader(dialect, t.subList(k, n), procedural);
    if (main.isAny("INSERT", "INS", "REPLACE")) {
      return rest.insert(st, 0, ctes);
    }
    if (main.isAny("UPDATE", "UPD")) {
      return rest.update(st, 0, ctes);
    }
    if (main.isAny("DELETE", "DEL")) {
      return rest.delete(st, 0, ctes);
    }
    if (main.is("MERGE")) {
      return rest.merge(st, 0, ctes);
    }
    throw new LineageException("Unexpected '" + show(main) + "' after the WITH clause", main);
  }

  // ---------------------------------------------------------------- INSERT

  private Stmt insert(Stmt st, int k, List<Tok> ctes) {
    st.kind = "INSERT";
    Tok head = t.get(k);
    k++;
    while (k < n && t.get(k).isAny("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE")) {
      k++;
    }
    if (k < n && t.get(k).is("TOP")) {
      k = skipTop(k);
    }
    if (k < n && t.get(k).isAny("ALL", "FIRST")) {
      throw new LineageException("Multi-table INSERT ALL/FIRST is not supported", t.get(k));
    }
    if (k < n && t.get(k).is("OVERWRITE")) {
      k++;
      if (k < n && t.get(k).isAny("LOCAL", "DIRECTORY")) {
        st.kind = "OTHER"; // writes files, not tables
        return st;
      }
    }
    if (k < n && t.get(k).is("INTO")) {
      k++;
    }
    if (k < n && t.get(k).is("TABLE")) {
      k++;
    }
    Name nm = readName(k);
    if (nm == null) {
      throw new LineageException("Expected a table name after " + head.value, tok(k));
    }
    st.target = nm.parts;
    k = nm.next;
    if (k < n && t.get(k).is("PARTITION") && k + 1 < n && t.get(k + 1).isOp("(")) {
      int c = close(k + 1);
      for (List<Tok> item : splitCommas(k + 2, c)) {
        if (!item.isEmpty() && item.get(0).isName() && item.size() > 1 && item.get(1).isOp("=")) {
          st.staticPartitions.add(item.get(0).name());
        }
      }
      k = c + 1;
    }
    if (k + 2 < n && t.get(k).is("IF") && t.get(k + 1).is("NOT") && t.get(k + 2).is("EXISTS")) {
      k += 3;
    }
    if (k < n && t.get(k).is("WITH") && k + 1 < n && t.get(k + 1).isOp("(")) {
      k = close(k + 1) + 1; // table hints
    }
    if (k + 1 < n && t.get(k).is("AS") && t.get(k + 1).isName()) {
      k += 2; // INSERT INTO t AS alias (PostgreSQL)
    }
    if (k < n && t.get(k).isOp("(") && !(k + 1 < n && isQueryStart(t.get(k + 1)))) {
      int c = close(k);
      st.targetCols = new ArrayList<>();
      for (List<Tok> item : splitCommas(k + 1, c)) {
        if (item.isEmpty() || !item.get(item.size() - 1).isName()) {
          throw new LineageException("Expected a column name in the INSERT column list", item.isEmpty() ? tok(c) : item.get(0));
        }
        st.targetCols.add(item.get(item.size() - 1).name());
      }
      k = c + 1;
    }
    if (k < n && t.get(k).is("OVERRIDING")) {
      k += 3;
    }
    if (k < n && t.get(k).is("OUTPUT")) {
      k = find(k, n, "SELECT", "VALUES", "DEFAULT", "WITH", "EXEC", "EXECUTE");
      if (k < 0) {
        throw new LineageException("Cannot find the source of the INSERT", head);
      }
    }
    if (k >= n) {
      throw new LineageException("INSERT without VALUES or a query", tok(n - 1));
    }
    Tok src = t.get(k);
    int end = insertEnd(k);
    if (src.is("DEFAULT") && k + 1 < n && t.get(k + 1).is("VALUES")) {
      st.query = null;
      return st;
    }
    if (src.isAny("EXEC", "EXECUTE", "CALL")) {
      throw new LineageException("INSERT ... EXEC: the procedure's result columns are unknown", src);
    }
    if (src.is("SET")) {
      // MySQL INSERT ... SET a = x, b = y
      List<Tok> q = new ArrayList<>();
      q.add(Tok.word("SELECT", src));
      st.targetCols = new ArrayList<>();
      int i = 0;
      for (List<Tok> item : splitCommas(k + 1, end)) {
        int eq = indexOfOp(item, "=");
        if (eq < 1) {
          throw new LineageException("Expected column = value in INSERT ... SET", item.isEmpty() ? src : item.get(0));
        }
        st.targetCols.add(item.get(eq - 1).name());
        if (i++ > 0) {
          q.add(Tok.op(",", item.get(0)));
        }
        q.addAll(item.subList(eq + 1, item.size()));
      }
      st.query = q;
      return st;
    }
    if (!(isQueryStart(src) || src.isOp("(") || src.is("VALUE"))) {
      throw new LineageException("Unexpected '" + show(src) + "' in INSERT", src);
    }
    List<Tok> q = new ArrayList<>();
    if (ctes != null) {
      q.addAll(ctes);
    }
    if (src.is("VALUE")) {
      q.add(Tok.word("VALUES", src));
      q.addAll(t.subList(k + 1, end));
    } else {
      q.addAll(t.subList(k, end));
    }
    st.query = q;
    return st;
  }

  /** Where the source of an INSERT ends: ON DUPLICATE KEY / ON CONFLICT / RETURNING / a row alias. */
  private int insertEnd(int k) {
    int depth = 0;
    for (int i = k; i < n; i++) {
      Tok x = t.get(i);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0) {
        if (x.is("ON") && i + 1 < n && t.get(i + 1).isAny("DUPLICATE", "CONFLICT")) {
          return trimRowAlias(k, i);
        }
        if (x.isAny("RETURNING", "OUTPUT")) {
          return i;
        }
      }
    }
    return n;
  }

  /** MySQL 8: VALUES (...) AS new [(cols)] ON DUPLICATE KEY UPDATE. */
  private int trimRowAlias(int k, int on) {
    int i = on - 1;
    if (i > k && t.get(i).isOp(")")) {
      int open = open(i);
      if (open > k + 1 && t.get(open - 1).isName() && t.get(open - 2).is("AS")) {
        return open - 2;
      }
    }
    if (i > k + 1 && t.get(i).isName() && t.get(i - 1).is("AS")) {
      return i - 1;
    }
    return on;
  }

  private boolean isQueryStart(Tok x) {
    return QUERY_START.contains(x.upper) && x.type == Tok.Type.WORD || x.isOp("(");
  }

  private int skipTop(int k) {
    k++;
    if (k < n && t.get(k).isOp("(")) {
      k = close(k) + 1;
    } else {
      k++;
    }
    if (k < n && t.get(k).is("PERCENT")) {
      k++;
    }
    return k;
  }

  // ---------------------------------------------------------------- CREATE

  private Stmt create(Stmt st, int k) {
    int i = k + 1;
    boolean view = t.get(k).isAny("REPLACE", "ALTER") && i < n && t.get(i).is("VIEW");
    while (i < n && !t.get(i).isAny("TABLE", "VIEW")) {
      if (!CREATE_MODIFIERS.contains(t.get(i).upper) && !t.get(i).isOp("=") && !(i > k && t.get(i - 1).isOp("="))) {
        st.kind = "OTHER"; // CREATE INDEX / SCHEMA / FUNCTION / SEQUENCE / ...
        return st;
      }
      i++;
    }
    if (i >= n) {
      st.kind = "OTHER";
      return st;
    }
    view = t.get(i).is("VIEW");
    i++;
    if (i + 2 < n && t.get(i).is("IF") && t.get(i + 1).is("NOT") && t.get(i + 2).is("EXISTS")) {
      i += 3;
    }
    Name nm = readName(i);
    if (nm == null) {
      throw new LineageException("Expected a name after CREATE " + (view ? "VIEW" : "TABLE"), tok(i));
    }
    st.target = nm.parts;
    i = nm.next;
    List<String> cols = null;
    if (i < n && t.get(i).isOp("(") && !(i + 1 < n && isQueryStart(t.get(i + 1)))) {
      int c = close(i);
      if (i + 1 < c && t.get(i + 1).is("LIKE")) {
        Name like = readName(i + 2);
        st.kind = "CREATE_TABLE";
        st.likeTable = like == null ? null : like.parts;
        return st;
      }
      cols = new ArrayList<>();
      for (List<Tok> item : splitCommas(i + 1, c)) {
        if (item.isEmpty() || isConstraint(item)) {
          continue;
        }
        Tok f = item.get(0);
        if (!f.isName()) {
          throw new LineageException("Expected a column name in CREATE " + (view ? "VIEW" : "TABLE"), f);
        }
        cols.add(f.name());
      }
      i = c + 1;
    }
    if (i < n && t.get(i).is("LIKE")) {
      Name like = readName(i + 1);
      st.kind = "CREATE_TABLE";
      st.likeTable = like == null ? null : like.parts;
      return st;
    }
    int as = asQuery(i);
    if (as < 0 && i < n && t.get(i).isAny("SELECT", "WITH") && dialect.isHiveFamily()) {
      as = i; // Spark: CREATE TABLE t SELECT ...
    }
    if (as < 0) {
      if (view) {
        throw new LineageException("CREATE VIEW without AS query", tok(i));
      }
      st.kind = "CREATE_TABLE";
      st.createdColumns = cols == null ? List.of() : cols;
      if (cols == null && i < n && !t.get(i).isAny("CLONE", "COPY", "USING", "STORED", "LOCATION", "ENGINE",
          "PARTITIONED", "WITH", "COMMENT", "TBLPROPERTIES", "ROW", "ON", "AS")) {
        throw new LineageException("Unexpected '" + show(t.get(i)) + "' in CREATE TABLE", t.get(i));
      }
      if (cols == null) {
        st.kind = "OTHER";
      }
      return st;
    }
    st.kind = view ? "CREATE_VIEW" : "CREATE_TABLE_AS";
    st.targetCols = cols;
    int end = n;
    // trailing WITH [NO] DATA, WITH CHECK OPTION, PRIMARY INDEX ..., ON COMMIT ...
    int depth = 0;
    for (int j = as; j < n; j++) {
      Tok x = t.get(j);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0 && j + 1 < n && ((x.is("WITH") && t.get(j + 1).isAny("DATA", "NO", "CHECK", "CASCADED",
          "LOCAL", "READ")) || (x.isAny("PRIMARY", "UNIQUE") && t.get(j + 1).is("INDEX"))
          || (x.is("ON") && t.get(j + 1).is("COMMIT")) || (x.is("NO") && t.get(j + 1).is("PRIMARY")))) {
        end = j;
        break;
      }
    }
    st.query = new ArrayList<>(t.subList(as, end));
    return st;
  }

  /**
   * Whether a CREATE TABLE element is a constraint or index rather than a column: {@code PRIMARY KEY
   * (a)}, {@code CONSTRAINT c ...}, {@code UNIQUE (a)}, MySQL {@code KEY idx (a)}, {@code UNIQUE KEY uk
   * (a)}; but {@code key varchar(10)} and {@code index int} are columns.
   */
  private static boolean isConstraint(List<Tok> item) {
    Tok f = item.get(0);
    if (f.isAny("CONSTRAINT", "PRIMARY", "FOREIGN", "CHECK", "EXCLUDE", "PERIOD", "LIKE")) {
      return item.size() > 1;
    }
    if (!f.isAny("UNIQUE", "INDEX", "KEY", "FULLTEXT", "SPATIAL") || item.size() == 1) {
      return false;
    }
    Tok second = item.get(1);
    if (second.isOp("(") || second.isAny("KEY", "INDEX")) {
      return true;
    }
    return item.size() > 2 && (item.get(2).is("USING")
        || (item.get(2).isOp("(") && item.size() > 3 && item.get(3).type != Tok.Type.NUM));
  }

  /** The start of the query after a depth-0 AS in a CREATE statement, or -1. */
  private int asQuery(int i) {
    int depth = 0;
    for (int j = i; j < n; j++) {
      Tok x = t.get(j);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0 && x.is("AS") && j + 1 < n) {
        Tok y = t.get(j + 1);
        if (isQueryStart(y)) {
          return j + 1;
        }
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- UPDATE

  private Stmt update(Stmt st, int k, List<Tok> ctes) {
    st.kind = "UPDATE";
    Tok head = t.get(k);
    int i = k + 1;
    while (i < n && t.get(i).isAny("LOW_PRIORITY", "IGNORE", "ONLY")) {
      i++;
    }
    if (i < n && t.get(i).is("TOP")) {
      i = skipTop(i);
    }
    int set = find(i, n, "SET");
    if (set < 0) {
      throw new LineageException("UPDATE without SET", head);
    }
    List<Tok> refs = t.subList(i, set);
    if (refs.isEmpty()) {
      throw new LineageException("UPDATE without a table", t.get(set));
    }
    int setEnd = find(set + 1, n, "FROM", "WHERE", "RETURNING", "OUTPUT", "ORDER", "LIMIT", "OPTION");
    if (setEnd < 0) {
      setEnd = n;
    }
    int fromAt = setEnd < n && t.get(setEnd).is("OUTPUT") ? find(setEnd, n, "FROM") : setEnd;
    int from = fromAt >= 0 && fromAt < n && t.get(fromAt).is("FROM") ? fromAt : -1;
    int where = find(Math.max(set, from < 0 ? set : from), n, "WHERE");
    int whereEnd = where < 0 ? n : find(where + 1, n, "RETURNING", "OUTPUT", "ORDER", "LIMIT", "OPTION");
    if (whereEnd < 0) {
      whereEnd = n;
    }
    boolean multi = topLevel(refs, "JOIN") || topLevelOp(refs, ",");
    List<Tok> fromClause = new ArrayList<>();
    if (multi) {
      fromClause.addAll(refs);
      if (from >= 0) {
        fromClause.add(Tok.op(",", t.get(from)));
        fromClause.addAll(t.subList(from + 1, where >= 0 ? where : endOfFrom(from + 1)));
      }
    } else {
      Name nm = readName(refs, 0);
      if (nm == null) {
        throw new LineageException("Expected a table name after UPDATE", refs.get(0));
      }
      st.target = nm.parts;
      int a = nm.next;
      if (a < refs.size() && refs.get(a).is("AS")) {
        a++;
      }
      if (a < refs.size() && refs.get(a).isName()) {
        st.targetAlias = refs.get(a).name();
      }
      if (from >= 0) {
        fromClause.addAll(t.subList(from + 1, where >= 0 ? where : endOfFrom(from + 1)));
        st.targetInScope = true;
      } else {
        fromClause.addAll(refs);
      }
    }
    List<Tok> q = new ArrayList<>();
    if (ctes != null) {
      q.addAll(ctes);
    }
    q.add(Tok.word("SELECT", head));
    int item = 0;
    for (List<Tok> a : splitCommas(set + 1, setEnd)) {
      int eq = indexOfOp(a, "=");
      if (eq < 1 || eq == a.size() - 1) {
        throw new LineageException("Expected column = value in UPDATE ... SET", a.isEmpty() ? t.get(set) : a.get(0));
      }
      List<Tok> lhs = a.subList(0, eq);
      List<Tok> rhs = a.subList(eq + 1, a.size());
      Tok compound = lhs.size() > 1 ? lhs.get(lhs.size() - 1) : null;
      if (compound != null && compound.type == Tok.Type.OP && !a.get(eq).spaceBefore
          && "+-*/%&|^".contains(compound.value) && compound.value.length() == 1) {
        // T-SQL SET x += expr: x = x + (expr)
        lhs = lhs.subList(0, lhs.size() - 1);
        List<Tok> expanded = new ArrayList<>(lhs);
        expanded.add(compound);
        expanded.add(Tok.op("(", rhs.get(0)));
        expanded.addAll(rhs);
        expanded.add(Tok.op(")", rhs.get(rhs.size() - 1)));
        rhs = expanded;
      }
      if (lhs.get(0).isOp("(")) {
        item = rowAssign(st, lhs, rhs, q, item);
        continue;
      }
      List<String> parts = nameParts(lhs);
      if (parts == null) {
        throw new LineageException("Expected a column name before '=' in UPDATE ... SET", lhs.get(0));
      }
      if (item > 0) {
        q.add(Tok.op(",", rhs.get(0)));
      }
      addExpr(q, rhs);
      st.assigns.add(new Stmt.Assign(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1), item++, -1));
    }
    if (st.assigns.isEmpty()) {
      throw new LineageException("UPDATE ... SET without assignments", t.get(set));
    }
    q.add(Tok.word("FROM", head));
    q.addAll(fromClause);
    if (where >= 0) {
      q.addAll(t.subList(where, whereEnd));
    }
    st.query = q;
    return st;
  }

  /** {@code (a, b) = (x, y)} or {@code (a, b) = (SELECT x, y ...)}: one item per column. */
  private int rowAssign(Stmt st, List<Tok> lhs, List<Tok> rhs, List<Tok> q, int item) {
    List<String> cols = new ArrayList<>();
    for (List<Tok> c : splitCommas(lhs, 1, lhs.size() - 1)) {
      List<String> parts = nameParts(c);
      if (parts == null) {
        throw new LineageException("Expected a column name in the SET column list", c.isEmpty() ? lhs.get(0) : c.get(0));
      }
      cols.add(parts.get(parts.size() - 1));
    }
    List<List<Tok>> values;
    if (rhs.size() > 2 && rhs.get(0).isOp("(") && rhs.get(1).isAny("SELECT", "SEL")) {
      // one scalar subquery per column: (SELECT item_k FROM ...)
      int sel = 1;
      int fromK = indexOfTop(rhs, sel + 1, rhs.size() - 1, "FROM");
      int itemsEnd = fromK < 0 ? rhs.size() - 1 : fromK;
      List<List<Tok>> items = splitCommas(rhs, sel + 1, itemsEnd);
      values = new ArrayList<>();
      for (List<Tok> it : items) {
        List<Tok> v = new ArrayList<>();
        v.add(rhs.get(0));
        v.add(rhs.get(1));
        v.addAll(it);
        v.addAll(rhs.subList(itemsEnd, rhs.size()));
        values.add(v);
      }
    } else if (rhs.get(0).isOp("(")) {
      values = splitCommas(rhs, 1, rhs.size() - 1);
    } else {
      throw new LineageException("Expected a row value after the SET column list", rhs.get(0));
    }
    if (values.size() != cols.size()) {
      throw new LineageException("The SET column list has " + cols.size() + " columns but the value has "
          + values.size(), rhs.get(0));
    }
    for (int c = 0; c < cols.size(); c++) {
      if (item > 0) {
        q.add(Tok.op(",", rhs.get(0)));
      }
      addExpr(q, values.get(c));
      st.assigns.add(new Stmt.Assign(List.of(), cols.get(c), item++, -1));
    }
    return item;
  }

  private static void addExpr(List<Tok> q, List<Tok> e) {
    if (e.size() == 1 && e.get(0).is("DEFAULT")) {
      q.add(Tok.word("NULL", e.get(0)));
    } else {
      q.addAll(e);
    }
  }

  private int endOfFrom(int from) {
    int e = find(from, n, "RETURNING", "OUTPUT", "ORDER", "LIMIT", "OPTION");
    return e < 0 ? n : e;
  }

  // ---------------------------------------------------------------- DELETE

  private Stmt delete(Stmt st, int k, List<Tok> ctes) {
    st.kind = "DELETE";
    Tok head = t.get(k);
    int i = k + 1;
    while (i < n && t.get(i).isAny("LOW_PRIORITY", "QUICK", "IGNORE")) {
      i++;
    }
    if (i < n && t.get(i).is("TOP")) {
      i = skipTop(i);
    }
    List<Tok> fromClause = new ArrayList<>();
    int where;
    if (i < n && !t.get(i).is("FROM")) {
      // DELETE t1[, t2] FROM refs (MySQL) or DELETE t FROM refs (T-SQL) or DELETE t WHERE (Teradata)
      int from = find(i, n, "FROM");
      int stop = from < 0 ? find(i, n, "WHERE", "ALL") : from;
      if (stop < 0) {
        stop = n;
      }
      for (List<Tok> tgt : splitCommas(i, stop)) {
        List<String> parts = nameParts(stripStar(tgt));
        if (parts == null) {
          throw new LineageException("Expected a table name after DELETE", tgt.isEmpty() ? head : tgt.get(0));
        }
        st.deleteTargets.add(parts);
      }
      where = find(stop, n, "WHERE");
      if (from >= 0) {
        fromClause.addAll(t.subList(from + 1, where >= 0 ? where : endOfFrom(from + 1)));
      } else {
        fromClause.addAll(t.subList(i, stop));
      }
    } else {
      i++;
      int using = find(i, n, "USING", "FROM");
      where = find(i, n, "WHERE");
      int refsEnd = using >= 0 ? using : where >= 0 ? where : endOfFrom(i);
      List<Tok> refs = t.subList(i, refsEnd);
      if (topLevel(refs, "JOIN") || topLevelOp(refs, ",")) {
        throw new LineageException("Expected one table after DELETE FROM", refs.isEmpty() ? head : refs.get(0));
      }
      Name nm = readName(refs, 0);
      if (nm == null) {
        throw new LineageException("Expected a table name after DELETE FROM", refs.isEmpty() ? head : refs.get(0));
      }
      st.target = nm.parts;
      int a = nm.next;
      if (a < refs.size() && refs.get(a).is("AS")) {
        a++;
      }
      if (a < refs.size() && refs.get(a).isName()) {
        st.targetAlias = refs.get(a).name();
      }
      fromClause.addAll(refs);
      if (using >= 0) {
        fromClause.add(Tok.op(",", t.get(using)));
        fromClause.addAll(t.subList(using + 1, where >= 0 ? where : endOfFrom(using + 1)));
      }
    }
    List<Tok> q = new ArrayList<>();
    if (ctes != null) {
      q.addAll(ctes);
    }
    q.add(Tok.word("SELECT", head));
    q.add(Tok.synth(Tok.Type.NUM, "1", head.start, head.start, "synthetic"));
    q.add(Tok.word("FROM", head));
    q.addAll(fromClause);
    if (where >= 0) {
      int whereEnd = find(where + 1, n, "RETURNING", "OUTPUT", "ORDER", "LIMIT", "OPTION");
      q.addAll(t.subList(where, whereEnd < 0 ? n : whereEnd));
    }
    st.query = q;
    return st;
  }

  private static List<Tok> stripStar(List<Tok> x) {
    if (x.size() >= 2 && x.get(x.size() - 1).isOp("*") && x.get(x.size() - 2).isOp(".")) {
      return x.subList(0, x.size() - 2);
    }
    return x;
  }

  // ---------------------------------------------------------------- MERGE

  private Stmt merge(Stmt st, int k, List<Tok> ctes) {
    st.kind = "MERGE";
    Tok head = t.get(k);
    int i = k + 1;
    if (i < n && t.get(i).is("TOP")) {
      i = skipTop(i);
    }
    if (i < n && t.get(i).is("INTO")) {
      i++;
    }
    Name nm = readName(i);
    if (nm == null) {
      throw new LineageException("Expected a table name after MERGE INTO", tok(i));
    }
    st.target = nm.parts;
    int using = find(nm.next, n, "USING");
    if (using < 0) {
      throw new LineageException("MERGE without USING", head);
    }
    List<Tok> targetRef = t.subList(i, using);
    int a = nm.next;
    if (a < using && t.get(a).is("WITH") && a + 1 < using && t.get(a + 1).isOp("(")) {
      a = close(a + 1) + 1;
    }
    if (a < using && t.get(a).is("AS")) {
      a++;
    }
    if (a < using && t.get(a).isName()) {
      st.targetAlias = t.get(a).name();
    }
    int on = find(using + 1, n, "ON");
    if (on < 0) {
      throw new LineageException("MERGE without ON", head);
    }
    int firstWhen = find(on + 1, n, "WHEN");
    if (firstWhen < 0) {
      throw new LineageException("MERGE without WHEN clauses", head);
    }
    List<Tok> conds = new ArrayList<>();
    conds.add(Tok.op("(", t.get(on)));
    conds.addAll(t.subList(on + 1, firstWhen));
    conds.add(Tok.op(")", t.get(on)));
    List<Tok> items = new ArrayList<>();
    int item = 0;
    int w = firstWhen;
    while (w >= 0 && w < n) {
      int next = find(w + 1, n, "WHEN");
      int end = next < 0 ? n : next;
      int out = find(w + 1, end, "OUTPUT");
      if (out >= 0) {
        end = out;
      }
      int then = find(w + 1, end, "THEN");
      if (then < 0) {
        throw new LineageException("Expected THEN in the MERGE clause", t.get(w));
      }
      int and = find(w + 1, then, "AND");
      if (and >= 0) {
        conds.add(Tok.word("AND", t.get(and)));
        conds.add(Tok.op("(", t.get(and)));
        conds.addAll(t.subList(and + 1, then));
        conds.add(Tok.op(")", t.get(and)));
      }
      int act = then + 1;
      if (act >= end) {
        throw new LineageException("Expected an action after THEN", t.get(then));
      }
      Tok action = t.get(act);
      if (action.is("UPDATE")) {
        int set = act + 1;
        if (set >= end || !t.get(set).is("SET")) {
          throw new LineageException("Expected SET after UPDATE in MERGE", tok(set));
        }
        if (set + 1 < end && t.get(set + 1).isOp("*")) {
          st.assigns.add(new Stmt.Assign(List.of(), null, -1, -1));
        } else {
          int whereK = find(set + 1, end, "WHERE", "DELETE");
          for (List<Tok> as : splitCommas(set + 1, whereK < 0 ? end : whereK)) {
            int eq = indexOfOp(as, "=");
            if (eq < 1 || eq == as.size() - 1) {
              throw new LineageException("Expected column = value in MERGE ... UPDATE SET", as.isEmpty() ? action : as.get(0));
            }
            List<String> parts = nameParts(as.subList(0, eq));
            if (parts == null) {
              throw new LineageException("Expected a column name before '='", as.get(0));
            }
            if (item > 0) {
              items.add(Tok.op(",", as.get(eq)));
            }
            addExpr(items, as.subList(eq + 1, as.size()));
            st.assigns.add(new Stmt.Assign(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1), item++, -1));
          }
          if (whereK >= 0 && t.get(whereK).is("WHERE")) {
            conds.add(Tok.word("AND", t.get(whereK)));
            conds.add(Tok.op("(", t.get(whereK)));
            int whereEnd = find(whereK + 1, end, "DELETE");
            conds.addAll(t.subList(whereK + 1, whereEnd < 0 ? end : whereEnd));
            conds.add(Tok.op(")", t.get(whereK)));
          }
        }
      } else if (action.is("INSERT")) {
        int p = act + 1;
        List<String> cols = null;
        if (p < end && t.get(p).isOp("*")) {
          st.assigns.add(new Stmt.Assign(List.of(), null, -1, -1));
          p = end;
        } else if (p < end && t.get(p).is("ROW")) {
          st.assigns.add(new Stmt.Assign(List.of(), null, -1, -1));
          p = end;
        } else {
          if (p < end && t.get(p).isOp("(")) {
            int c = close(p);
            cols = new ArrayList<>();
            for (List<Tok> col : splitCommas(p + 1, c)) {
              List<String> parts = nameParts(col);
              if (parts == null) {
                throw new LineageException("Expected a column name in MERGE ... INSERT", col.isEmpty() ? action : col.get(0));
              }
              cols.add(parts.get(parts.size() - 1));
            }
            p = c + 1;
          }
          if (p < end && t.get(p).is("VALUES") && p + 1 < end && t.get(p + 1).isOp("(")) {
            int c = close(p + 1);
            List<List<Tok>> vals = splitCommas(p + 2, c);
            if (cols != null && cols.size() != vals.size()) {
              throw new LineageException("MERGE ... INSERT lists " + cols.size() + " columns but " + vals.size()
                  + " values", t.get(p));
            }
            for (int v = 0; v < vals.size(); v++) {
              if (item > 0) {
                items.add(Tok.op(",", t.get(p)));
              }
              addExpr(items, vals.get(v));
              st.assigns.add(new Stmt.Assign(List.of(), cols == null ? null : cols.get(v), item++, v));
            }
          } else if (p < end && !(t.get(p).is("DEFAULT"))) {
            throw new LineageException("Expected VALUES in MERGE ... INSERT", t.get(p));
          }
        }
      } else if (!action.isAny("DELETE", "DO", "IGNORE")) {
        throw new LineageException("Unexpected '" + show(action) + "' in MERGE", action);
      }
      w = next;
    }
    List<Tok> q = new ArrayList<>();
    if (ctes != null) {
      q.addAll(ctes);
    }
    q.add(Tok.word("SELECT", head));
    boolean star = st.assigns.stream().anyMatch(as -> as.item() < 0);
    if (items.isEmpty()) {
      q.add(Tok.synth(Tok.Type.NUM, "1", head.start, head.start, "synthetic"));
    } else {
      q.addAll(items);
    }
    if (star) {
      // INSERT * / UPDATE SET *: every source column, by name; appended after the explicit items
      List<Tok> src = t.subList(using + 1, on);
      List<String> qual;
      Tok last = src.isEmpty() ? null : src.get(src.size() - 1);
      if (last != null && last.isName() && src.size() > 1
          && (src.get(src.size() - 2).is("AS") || src.get(src.size() - 2).isOp(")") || src.get(src.size() - 2).isName())) {
        qual = List.of(last.name());
      } else {
        qual = nameParts(src);
        if (qual == null) {
          throw new LineageException("MERGE ... INSERT * needs a source alias", t.get(using));
        }
      }
      q.add(Tok.op(",", head));
      for (String part : qual) {
        q.add(Tok.synth(Tok.Type.QID, part, head.start, head.start, "synthetic"));
        q.add(Tok.op(".", head));
      }
      q.add(Tok.op("*", head));
    }
    q.add(Tok.word("FROM", head));
    q.addAll(targetRef);
    q.add(Tok.op(",", t.get(using)));
    q.addAll(t.subList(using + 1, on));
    q.add(Tok.word("WHERE", t.get(on)));
    q.addAll(conds);
    st.query = q;
    st.targetInScope = false;
    return st;
  }

  // ---------------------------------------------------------------- helpers

  record Name(List<String> parts, int next) {}

  private Name readName(int k) {
    return readName(t, k);
  }

  /** A dotted name at k: {@code a}, {@code a.b.c}, {@code [db]..t}, {@code @tablevar}. */
  static Name readName(List<Tok> x, int k) {
    List<String> parts = new ArrayList<>();
    int size = x.size();
    if (k >= size) {
      return null;
    }
    if (x.get(k).type == Tok.Type.PARAM && x.get(k).value.startsWith("@")) {
      return new Name(List.of(x.get(k).value), k + 1);
    }
    while (k < size && x.get(k).isName()) {
      parts.add(x.get(k).name());
      k++;
      if (k + 1 < size && x.get(k).isOp(".") && x.get(k + 1).isName()) {
        k++;
      } else if (k + 2 < size && x.get(k).isOp(".") && x.get(k + 1).isOp(".") && x.get(k + 2).isName()) {
        k += 2; // T-SQL db..table
      } else {
        break;
      }
    }
    return parts.isEmpty() ? null : new Name(List.copyOf(parts), k);
  }

  /** The parts of a plain dotted name filling all of x, or null. */
  private static List<String> nameParts(List<Tok> x) {
    Name nm = readName(x, 0);
    return nm != null && nm.next == x.size() ? nm.parts : null;
  }

  private Tok tok(int k) {
    return t.get(Math.max(0, Math.min(k, n - 1)));
  }

  private int close(int open) {
    int depth = 0;
    for (int k = open; k < n; k++) {
      if (t.get(k).isOp("(")) {
        depth++;
      } else if (t.get(k).isOp(")") && --depth == 0) {
        return k;
      }
    }
    throw new LineageException("Unbalanced parentheses", t.get(open));
  }

  private int open(int close) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      if (t.get(k).isOp(")")) {
        depth++;
      } else if (t.get(k).isOp("(") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /** The first depth-0 token in [from, to) that is one of the keywords, or -1. */
  private int find(int from, int to, String... keywords) {
    return findIn(t, from, to, keywords);
  }

  private static int findIn(List<Tok> x, int from, int to, String... keywords) {
    int depth = 0;
    int cases = 0;
    for (int k = from; k < to; k++) {
      Tok y = x.get(k);
      if (y.isOp("(")) {
        depth++;
      } else if (y.isOp(")")) {
        depth--;
      } else if (depth == 0 && y.is("CASE")) {
        cases++;
      } else if (depth == 0 && cases > 0 && y.is("END")) {
        cases--;
      } else if (depth == 0 && cases == 0 && y.isAny(keywords)) {
        return k;
      }
    }
    return -1;
  }

  private static int indexOfTop(List<Tok> x, int from, int to, String keyword) {
    return findIn(x, from, to, keyword);
  }

  private static boolean topLevel(List<Tok> x, String keyword) {
    return findIn(x, 0, x.size(), keyword) >= 0;
  }

  private static boolean topLevelOp(List<Tok> x, String op) {
    int depth = 0;
    for (Tok y : x) {
      if (y.isOp("(")) {
        depth++;
      } else if (y.isOp(")")) {
        depth--;
      } else if (depth == 0 && y.isOp(op)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfOp(List<Tok> x, String op) {
    int depth = 0;
    for (int k = 0; k < x.size(); k++) {
      Tok y = x.get(k);
      if (y.isOp("(")) {
        depth++;
      } else if (y.isOp(")")) {
        depth--;
      } else if (depth == 0 && y.isOp(op)) {
        return k;
      }
    }
    return -1;
  }

  private List<List<Tok>> splitCommas(int from, int to) {
    return splitCommas(t, from, to);
  }

  /** The depth-0 comma-separated parts of x[from, to). */
  static List<List<Tok>> splitCommas(List<Tok> x, int from, int to) {
    List<List<Tok>> parts = new ArrayList<>();
    int depth = 0;
    int cases = 0;
    int s = from;
    for (int k = from; k < to; k++) {
      Tok y = x.get(k);
      if (y.isOp("(") || y.isOp("[")) {
        depth++;
      } else if (y.isOp(")") || y.isOp("]")) {
        depth--;
      } else if (depth == 0 && y.is("CASE")) {
        cases++;
      } else if (depth == 0 && cases > 0 && y.is("END")) {
        cases--;
      } else if (depth == 0 && cases == 0 && y.isOp(",")) {
        parts.add(x.subList(s, k));
        s = k + 1;
      }
    }
    if (to > s || !parts.isEmpty()) {
      parts.add(x.subList(s, to));
    }
    return parts;
  }
}
