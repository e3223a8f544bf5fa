package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Token-level rewrites of vendor constructs Calcite's parser does not take, into equivalent
 * standard SQL with the same column references. Each rewrite keeps the script offsets of the
 * tokens it moves, so positions and expression names still come from the original text.
 */
final class Rewrites {

  private static final Set<String> DATE_PARTS = Set.of(
      "YEAR", "YEARS", "YY", "YYYY", "QUARTER", "QQ", "Q", "MONTH", "MONTHS", "MM", "M", "WEEK", "WEEKS", "WK",
      "WW", "ISOWEEK", "ISOYEAR", "ISO_WEEK", "ISOWK", "ISOWW", "DAY", "DAYS", "DD", "D", "DAYOFYEAR", "DY", "Y",
      "DAYOFWEEK", "DW", "WEEKDAY", "HOUR", "HOURS", "HH", "MINUTE", "MINUTES", "MI", "N", "SECOND", "SECONDS",
      "SS", "S", "MILLISECOND", "MILLISECONDS", "MS", "MICROSECOND", "MICROSECONDS", "MCS", "NANOSECOND",
      "NANOSECONDS", "NS", "TZOFFSET", "TZ", "EPOCH", "DATE", "TIME", "DECADE", "CENTURY", "MILLENNIUM", "DOW",
      "DOY", "YEAROFWEEK", "WEEKOFYEAR", "DAYOFMONTH");

  private static final Set<String> DATE_FUNCTIONS = Set.of(
      "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC", "DATE_TRUNC", "DATE_PART",
      "TIMEADD", "TIMEDIFF", "TIMESTAMP_TRUNC", "DATETIME_TRUNC", "TIME_TRUNC", "DATE_DIFF", "DATETIME_DIFF",
      "TIMESTAMP_DIFF", "TIME_DIFF", "LAST_DAY", "DATE_ADD", "DATE_SUB", "TIMESTAMPADD", "TIMESTAMPDIFF",
      "DATEFROMPARTS", "EOMONTH", "DATE_FROM_PARTS", "TIME_SLICE", "DATETIME_ADD", "DATETIME_SUB");

  private static final Set<String> TABLE_HINTS = Set.of(
      "NOLOCK", "READUNCOMMITTED", "UPDLOCK", "HOLDLOCK", "ROWLOCK", "TABLOCK", "TABLOCKX", "PAGLOCK", "NOWAIT",
      "READPAST", "XLOCK", "SERIALIZABLE", "REPEATABLEREAD", "READCOMMITTED", "READCOMMITTEDLOCK", "NOEXPAND",
      "FORCESEEK", "FORCESCAN", "KEEPIDENTITY", "KEEPDEFAULTS", "IGNORE_CONSTRAINTS", "IGNORE_TRIGGERS", "SNAPSHOT");

  private static final Set<String> CLAUSE_ENDS = Set.of(
      "FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "UNION", "EXCEPT", "INTERSECT", "MINUS", "OPTION",
      "WINDOW", "QUALIFY", "LIMIT", "OFFSET", "FETCH", "FOR");

  private static final Set<String> NOT_FUNCTIONS = Set.of(
      "AND", "OR", "NOT", "IN", "SELECT", "WHERE", "WHEN", "THEN", "ELSE", "ON", "BY", "CASE", "IS", "LIKE",
      "BETWEEN", "AS", "FROM", "JOIN", "EXISTS", "ANY", "ALL", "SOME", "VALUES", "RETURN", "USING", "HAVING",
      "SET", "INTO", "DISTINCT", "UNION", "EXCEPT", "INTERSECT", "LATERAL", "ILIKE", "RLIKE", "REGEXP", "OVER",
      "WITH", "TABLE", "END", "IF", "ELSEIF");

  private Rewrites() {}

  /** Rewrites applied to every unit before the statement reader sees it. */
  static List<Tok> prepare(Dialect d, List<Tok> in) {
    if (d == Dialect.BIGQUERY) {
      return dashedNames(in);
    }
    if (d.isHiveFamily()) {
      // Spark: WITH name (SELECT ...) without AS
      ArrayList<Tok> q = null;
      for (int i = 0; i + 3 < in.size(); i++) {
        Tok t = in.get(i);
        if (t.is("WITH") && in.get(i + 1).isName() && in.get(i + 2).isOp("(") && in.get(i + 3).isAny("SELECT", "WITH")) {
          q = q == null ? new ArrayList<>(in) : q;
        }
      }
      if (q != null) {
        for (int i = 0; i + 3 < q.size(); i++) {
          if ((q.get(i).is("WITH") || (q.get(i).isOp(",") && inCteList(q, i))) && q.get(i + 1).isName()
              && q.get(i + 2).isOp("(") && q.get(i + 3).isAny("SELECT", "WITH")) {
            q.add(i + 2, Tok.word("AS", q.get(i + 2)));
          }
        }
        return q;
      }
    }
    if (d == Dialect.TERADATA) {
      // LOCKING ROW FOR ACCESS, LOCKING TABLE t FOR READ, ... (may precede the query of a view)
      ArrayList<Tok> q = new ArrayList<>(in);
      for (int i = 0; i < q.size(); i++) {
        if (q.get(i).is("LOCKING") && i > 0) {
          int e = i + 1;
          while (e < q.size() && !q.get(e).is("FOR")) {
            e++;
          }
          if (e + 1 < q.size()) {
            e += 2;
            if (e < q.size() && q.get(e).is("MODE")) {
              e++;
            }
            q.subList(i, e).clear();
            i--;
          }
        }
      }
      return q;
    }
    return in;
  }

  /** Rewrites applied to a query before Calcite parses it. */
  static List<Tok> query(Dialect d, List<Tok> in) {
    ArrayList<Tok> q = new ArrayList<>(in);
    if (d == Dialect.TERADATA) {
      teradata(q);
    }
    if (d.colonPaths()) {
      colonPaths(q);
    }
    if (d == Dialect.TSQL) {
      tsql(q);
    }
    if (d == Dialect.MYSQL || d.isHiveFamily() || d == Dialect.BIGQUERY) {
      mysqlLike(q);
    }
    if (d.isHiveFamily()) {
      hive(q);
    }
    if (d == Dialect.ORACLE) {
      oracle(q);
    }
    generic(q);
    doubleColonCasts(q);
    castTypes(q);
    datePartArguments(q);
    return q;
  }

  /**
   * The type of a CAST does not matter for lineage, and vendors write types Calcite does not know
   * ({@code NVARCHAR(MAX)}, {@code STRUCT<a INT>}, {@code VARCHAR2(10 CHAR)}, {@code DATE FORMAT 'x'}):
   * each becomes one quoted name.
   */
  private static void castTypes(ArrayList<Tok> q) {
    for (int i = 0; i + 1 < q.size(); i++) {
      if (!q.get(i).isAny("CAST", "TRY_CAST", "SAFE_CAST") || !q.get(i + 1).isOp("(")) {
        continue;
      }
      int c = close(q, i + 1);
      if (c < 0) {
        continue;
      }
      int as = -1;
      int depth = 0;
      for (int k = i + 2; k < c; k++) {
        Tok x = q.get(k);
        if (x.isOp("(")) {
          depth++;
        } else if (x.isOp(")")) {
          depth--;
        } else if (depth == 0 && x.is("AS")) {
          as = k;
        }
      }
      if (as < 0 || as + 1 >= c || (as + 2 == c && q.get(as + 1).type == Tok.Type.QID)) {
        continue;
      }
      Tok first = q.get(as + 1);
      Tok last = q.get(c - 1);
      String type = first.type == Tok.Type.WORD ? first.value : "type";
      q.subList(as + 1, c).clear();
      q.add(as + 1, Tok.synth(Tok.Type.QID, type, first.start, last.end, "synthetic"));
    }
  }

  /** Whether the comma at i separates CTEs: at depth 0 right after a CTE body, in a WITH list. */
  private static boolean inCteList(List<Tok> q, int i) {
    if (i == 0 || !q.get(i - 1).isOp(")")) {
      return false;
    }
    int open = open(q, i - 1);
    return open > 1 && (q.get(open - 1).is("AS") || q.get(open - 1).isName()) && depthAt(q, i) == 0;
  }

  private static int depthAt(List<Tok> q, int i) {
    int depth = 0;
    for (int k = 0; k < i; k++) {
      if (q.get(k).isOp("(")) {
        depth++;
      } else if (q.get(k).isOp(")")) {
        depth--;
      }
    }
    return depth;
  }

  // ------------------------------------------------------------------ generic

  private static void generic(ArrayList<Tok> q) {
    for (int i = 0; i < q.size(); i++) {
      Tok t = q.get(i);
      // MySQL @v := expr inside a query: the value is expr
      if (t.type == Tok.Type.PARAM && i + 1 < q.size() && q.get(i + 1).isOp(":=")) {
        q.subList(i, i + 2).clear();
        i--;
        continue;
      }
      if (t.type != Tok.Type.WORD) {
        continue;
      }
      switch (t.upper) {
        case "LATERAL" -> {
          // LATERAL f(args) -> LATERAL TABLE(f(args)) (Snowflake FLATTEN, PostgreSQL functions)
          if (i + 2 < q.size() && q.get(i + 1).isName() && !q.get(i + 1).isAny("SELECT", "VIEW", "TABLE", "UNNEST")
              && q.get(i + 2).isOp("(")) {
            int c = close(q, i + 2);
            if (c > 0) {
              q.add(c + 1, Tok.op(")", q.get(c)));
              q.add(i + 1, Tok.op("(", q.get(i + 1)));
              q.add(i + 1, Tok.word("TABLE", q.get(i + 1)));
            }
          }
        }
        case "MINUS" -> {
          if (i + 1 < q.size() && (q.get(i + 1).isAny("SELECT", "ALL", "DISTINCT") || q.get(i + 1).isOp("("))) {
            q.set(i, Tok.word("EXCEPT", t));
          }
        }
        case "MATERIALIZED" -> {
          // WITH x AS [NOT] MATERIALIZED (...)
          if (i > 0 && (q.get(i - 1).is("AS") || q.get(i - 1).is("NOT")) && i + 1 < q.size() && q.get(i + 1).isOp("(")) {
            q.remove(i);
            if (q.get(i - 1).is("NOT")) {
              q.remove(i - 1);
              i--;
            }
            i--;
          }
        }
        case "DISTINCT" -> {
          // PostgreSQL DISTINCT ON (...)
          if (i + 2 < q.size() && q.get(i + 1).is("ON") && q.get(i + 2).isOp("(")) {
            int c = close(q, i + 2);
            if (c > 0) {
              q.subList(i + 1, c + 1).clear();
            }
          }
        }
        case "AT" -> {
          if (i + 3 < q.size() && q.get(i + 1).is("TIME") && q.get(i + 2).is("ZONE")) {
            if (q.get(i + 3).type == Tok.Type.STR) {
              q.subList(i, i + 4).clear();
            } else {
              q.subList(i + 1, i + 3).clear();
              q.set(i, Tok.op("+", t));
            }
            i--;
          }
        }
        case "INTERVAL" -> {
          // PostgreSQL INTERVAL '1 day' (no unit): the string alone carries the same (no) lineage
          if (i + 1 < q.size() && q.get(i + 1).type == Tok.Type.STR
              && (i + 2 >= q.size() || !DATE_PARTS.contains(q.get(i + 2).upper) || q.get(i + 2).type != Tok.Type.WORD)) {
            q.remove(i);
          }
        }
        case "FROM", "JOIN" -> {
          // FROM (tab) : a parenthesised table name
          int k = i + 1;
          if (k < q.size() && q.get(k).isOp("(")) {
            StatementReader.Name nm = StatementReader.readName(q, k + 1);
            if (nm != null && nm.next() < q.size() && q.get(nm.next()).isOp(")")) {
              q.remove(nm.next());
              q.remove(k);
            }
          }
        }
        case "OPERATOR" -> {
          // PostgreSQL OPERATOR(pg_catalog.||)
          if (i + 1 < q.size() && q.get(i + 1).isOp("(")) {
            int c = close(q, i + 1);
            if (c > i + 2 && q.get(c - 1).type == Tok.Type.OP) {
              Tok op = q.get(c - 1);
              q.subList(i, c + 1).clear();
              q.add(i, op);
            }
          }
        }
        case "FOR" -> {
          // row locking: FOR UPDATE [OF ...] [NOWAIT | SKIP LOCKED], FOR SHARE, FOR READ ONLY, ...
          if (i + 1 < q.size() && q.get(i + 1).isAny("UPDATE", "SHARE", "NO", "KEY", "READ", "FETCH")
              && depthAt(q, i) == 0) {
            q.subList(i, q.size()).clear();
          }
        }
        case "REPLACE" -> {
          if (i > 0 && q.get(i - 1).isOp("*") && i + 1 < q.size() && q.get(i + 1).isOp("(")) {
            throw new LineageException("SELECT * REPLACE (...) is not supported", t);
          }
        }
        case "RENAME" -> {
          if (i > 0 && q.get(i - 1).isOp("*") && i + 1 < q.size() && q.get(i + 1).isOp("(")) {
            throw new LineageException("SELECT * RENAME (...) is not supported", t);
          }
        }
        case "LIMIT" -> {
          if (i + 1 < q.size() && q.get(i + 1).is("ALL")) {
            q.subList(i, i + 2).clear();
            i--;
          }
        }
        case "SAMPLE", "TABLESAMPLE" -> {
          int k = i + 1;
          while (k < q.size() && q.get(k).isAny("BERNOULLI", "SYSTEM", "ROW", "BLOCK")) {
            k++;
          }
          if (k < q.size() && q.get(k).isOp("(") && (t.is("SAMPLE") || !q.get(i + 1).isAny("BERNOULLI", "SYSTEM"))) {
            int c = close(q, k);
            if (c > 0) {
              int e = c + 1;
              if (e + 1 < q.size() && q.get(e).isAny("REPEATABLE", "SEED") && q.get(e + 1).isOp("(")) {
                e = Math.max(e, close(q, e + 1) + 1);
              }
              q.subList(i, e).clear();
              i--;
            }
          } else if (t.is("SAMPLE") && k < q.size() && q.get(k).type == Tok.Type.NUM) {
            q.subList(i, k + 1).clear();
            i--;
          }
        }
        default -> { }
      }
    }
  }

  // ------------------------------------------------------------------ ::

  /** {@code x::type} becomes {@code CAST(x AS "type")}, the CAST marked so its name stays x's. */
  static void doubleColonCasts(ArrayList<Tok> q) {
    for (int i = 1; i < q.size(); i++) {
      if (!q.get(i).isOp("::")) {
        continue;
      }
      int s = operandStart(q, i - 1);
      int e = typeEnd(q, i + 1);
      if (s < 0 || e <= i + 1) {
        continue;
      }
      Tok dc = q.get(i);
      StringBuilder type = new StringBuilder();
      for (int k = i + 1; k < e; k++) {
        if (type.length() > 0 && q.get(k).spaceBefore) {
          type.append(' ');
        }
        type.append(q.get(k).value);
      }
      Tok first = q.get(s);
      Tok lastType = q.get(e - 1);
      List<Tok> repl = new ArrayList<>();
      repl.add(Tok.synth(Tok.Type.WORD, "CAST", first.start, first.start, "::"));
      repl.add(Tok.synth(Tok.Type.OP, "(", first.start, first.start, "synthetic"));
      repl.addAll(q.subList(s, i));
      repl.add(Tok.synth(Tok.Type.WORD, "AS", dc.start, dc.end, "synthetic"));
      repl.add(Tok.synth(Tok.Type.QID, type.toString(), q.get(i + 1).start, lastType.end, "synthetic"));
      repl.add(Tok.synth(Tok.Type.OP, ")", lastType.end, lastType.end, "synthetic"));
      q.subList(s, e).clear();
      q.addAll(s, repl);
      i = s + repl.size() - 1;
    }
  }

  private static int operandStart(List<Tok> q, int j) {
    if (j < 0) {
      return -1;
    }
    Tok t = q.get(j);
    if (t.isOp(")")) {
      int open = open(q, j);
      if (open < 0) {
        return -1;
      }
      j = open;
      if (j > 0 && q.get(j - 1).isName() && !NOT_FUNCTIONS.contains(q.get(j - 1).upper)) {
        j--;
        while (j >= 2 && q.get(j - 1).isOp(".") && q.get(j - 2).isName()) {
          j -= 2;
        }
      }
      return j;
    }
    if (t.isOp("]")) {
      int k = opener(q, j, x -> x.isOp("]"), x -> x.isOp("["));
      return k > 0 ? Math.max(0, operandStart(q, k - 1)) : -1;
    }
    if (t.is("END")) {
      return opener(q, j, x -> x.is("END"), x -> x.is("CASE"));
    }
    if (t.isName() || t.type == Tok.Type.PARAM) {
      while (j >= 2 && q.get(j - 1).isOp(".") && (q.get(j - 2).isName() || q.get(j - 2).type == Tok.Type.PARAM)) {
        j -= 2;
      }
      return j;
    }
    if (t.type == Tok.Type.STR) {
      if (j > 0 && q.get(j - 1).isAny("DATE", "TIME", "TIMESTAMP", "INTERVAL")) {
        return j - 1;
      }
      return j;
    }
    if (t.type == Tok.Type.NUM) {
      return j;
    }
    return -1;
  }

  private static int typeEnd(List<Tok> q, int j) {
    if (j >= q.size() || !q.get(j).isName()) {
      return -1;
    }
    j++;
    while (j + 1 < q.size() && q.get(j).isOp(".") && q.get(j + 1).isName()) {
      j += 2;
    }
    while (j < q.size()) {
      Tok t = q.get(j);
      if (t.isOp("(")) {
        int c = close(q, j);
        if (c < 0) {
          return -1;
        }
        j = c + 1;
      } else if (t.isOp("[") && j + 1 < q.size() && q.get(j + 1).isOp("]")) {
        j += 2;
      } else if (t.isAny("PRECISION", "VARYING", "UNSIGNED", "ZONE", "LOCAL")
          || (t.isAny("WITH", "WITHOUT") && j + 1 < q.size() && q.get(j + 1).is("TIME"))
          || (t.is("TIME") && j > 0 && q.get(j - 1).isAny("WITH", "WITHOUT"))) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  // ------------------------------------------------------------------ date parts

  /** DATEADD(day, 1, x): a date-part keyword argument becomes a string, so it is not a column. */
  private static void datePartArguments(ArrayList<Tok> q) {
    for (int i = 0; i + 1 < q.size(); i++) {
      Tok f = q.get(i);
      if (f.type != Tok.Type.WORD || !DATE_FUNCTIONS.contains(f.upper) || !q.get(i + 1).isOp("(")) {
        continue;
      }
      if ((f.is("TIMESTAMPADD") || f.is("TIMESTAMPDIFF")) && i + 2 < q.size() && isUnit(q.get(i + 2))) {
        continue; // Calcite knows these with their unit keyword
      }
      int c = close(q, i + 1);
      if (c < 0) {
        continue;
      }
      List<List<Tok>> args = StatementReader.splitCommas(q, i + 2, c);
      for (int a = 0; a < args.size(); a++) {
        List<Tok> arg = args.get(a);
        if (arg.size() != 1 || arg.get(0).type != Tok.Type.WORD || !DATE_PARTS.contains(arg.get(0).upper)) {
          continue;
        }
        // T-SQL/Snowflake put the part first, BigQuery last (full names only there)
        boolean first = a == 0 && args.size() > 1;
        boolean last = a == args.size() - 1 && a > 0 && arg.get(0).value.length() > 2;
        if (first || last) {
          Tok x = arg.get(0);
          int k = q.indexOf(x);
          q.set(k, new Tok(Tok.Type.STR, x.value, x.start, x.end, x.spaceBefore, null, "datepart"));
        }
      }
    }
  }

  private static boolean isUnit(Tok t) {
    return t.isAny("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND",
        "SQL_TSI_YEAR", "SQL_TSI_MONTH", "SQL_TSI_DAY", "SQL_TSI_HOUR", "SQL_TSI_MINUTE", "SQL_TSI_SECOND",
        "SQL_TSI_WEEK", "SQL_TSI_QUARTER", "MILLISECOND", "NANOSECOND");
  }

  // ------------------------------------------------------------------ T-SQL

  private static void tsql(ArrayList<Tok> q) {
    for (int i = 0; i < q.size(); i++) {
      Tok t = q.get(i);
      // SELECT [DISTINCT|ALL] TOP (n) [PERCENT] [WITH TIES]
      if (t.is("TOP") && i > 0 && q.get(i - 1).isAny("SELECT", "DISTINCT", "ALL")) {
        int e = i + 1;
        if (e < q.size() && q.get(e).isOp("(")) {
          e = close(q, e) + 1;
        } else {
          e++;
        }
        if (e < q.size() && q.get(e).is("PERCENT")) {
          e++;
        }
        if (e + 1 < q.size() && q.get(e).is("WITH") && q.get(e + 1).is("TIES")) {
          e += 2;
        }
        if (e > i && e <= q.size()) {
          q.subList(i, e).clear();
          i--;
        }
        continue;
      }
      // table hints: FROM t WITH (NOLOCK)
      if (t.is("WITH") && i > 0 && i + 1 < q.size() && q.get(i + 1).isOp("(")
          && (q.get(i - 1).isName() || q.get(i - 1).isOp(")"))) {
        int c = close(q, i + 1);
        if (c > 0) {
          q.subList(i, c + 1).clear();
          i--;
        }
        continue;
      }
      // old-style table hints: FROM t (NOLOCK)
      if (t.isOp("(") && i > 0 && q.get(i - 1).isName() && i + 1 < q.size() && TABLE_HINTS.contains(q.get(i + 1).upper)) {
        int c = close(q, i);
        boolean hints = c > 0;
        for (int k = i + 1; hints && k < c; k++) {
          hints = q.get(k).isOp(",") || TABLE_HINTS.contains(q.get(k).upper);
        }
        if (hints) {
          q.subList(i, c + 1).clear();
          i--;
          continue;
        }
      }
      // CONVERT(type, expr[, style]) -> CAST(expr AS "type")
      if (t.isAny("CONVERT", "TRY_CONVERT") && i + 1 < q.size() && q.get(i + 1).isOp("(")) {
        int c = close(q, i + 1);
        if (c < 0) {
          continue;
        }
        List<List<Tok>> args = StatementReader.splitCommas(q, i + 2, c);
        if (args.size() < 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
          continue;
        }
        List<Tok> type = args.get(0);
        List<Tok> repl = new ArrayList<>();
        repl.add(Tok.synth(Tok.Type.WORD, t.is("CONVERT") ? "CAST" : "TRY_CAST", t.start, t.end, "synthetic"));
        repl.add(q.get(i + 1));
        repl.addAll(args.get(1));
        repl.add(Tok.synth(Tok.Type.WORD, "AS", type.get(0).start, type.get(0).start, "synthetic"));
        repl.add(Tok.synth(Tok.Type.QID, type.get(0).value, type.get(0).start, type.get(type.size() - 1).end,
            "synthetic"));
        repl.add(q.get(c));
        q.subList(i, c + 1).clear();
        q.addAll(i, repl);
        continue;
      }
      // OPTION (...) query hints, FOR XML / FOR JSON / FOR BROWSE
      if (t.is("OPTION") && i + 1 < q.size() && q.get(i + 1).isOp("(")) {
        int c = close(q, i + 1);
        if (c > 0) {
          q.subList(i, c + 1).clear();
          i--;
        }
        continue;
      }
      if (t.is("FOR") && i + 1 < q.size() && q.get(i + 1).isAny("XML", "JSON", "BROWSE")) {
        int depth = 0;
        int e = i;
        while (e < q.size()) {
          Tok x = q.get(e);
          if (x.isOp("(")) {
            depth++;
          } else if (x.isOp(")")) {
            if (depth == 0) {
              break;
            }
            depth--;
          }
          e++;
        }
        q.subList(i, e).clear();
        i--;
      }
    }
    // SELECT alias = expr
    for (int i = 0; i < q.size(); i++) {
      if (q.get(i).is("SELECT")) {
        assignmentAliases(q, i);
      }
    }
  }

  private static void assignmentAliases(ArrayList<Tok> q, int sel) {
    int start = sel + 1;
    while (start < q.size() && q.get(start).isAny("DISTINCT", "ALL")) {
      start++;
    }
    int end = start;
    int depth = 0;
    List<int[]> items = new ArrayList<>();
    int s = start;
    for (; end < q.size(); end++) {
      Tok x = q.get(end);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && x.type == Tok.Type.WORD && CLAUSE_ENDS.contains(x.upper)) {
        break;
      } else if (depth == 0 && x.isOp(",")) {
        items.add(new int[] {s, end});
        s = end + 1;
      }
    }
    items.add(new int[] {s, end});
    for (int k = items.size() - 1; k >= 0; k--) {
      int a = items.get(k)[0];
      int b = items.get(k)[1];
      if (b - a > 2 && (q.get(a).isName() || q.get(a).type == Tok.Type.PARAM) && q.get(a + 1).isOp("=")) {
        Tok alias = q.get(a);
        List<Tok> expr = new ArrayList<>(q.subList(a + 2, b));
        expr.add(Tok.synth(Tok.Type.WORD, "AS", alias.end, alias.end, "synthetic"));
        expr.add(alias);
        q.subList(a, b).clear();
        q.addAll(a, expr);
      }
    }
  }

  // ------------------------------------------------------------------ MySQL, BigQuery, Hive

  private static void mysqlLike(ArrayList<Tok> q) {
    for (int i = 0; i < q.size(); i++) {
      Tok t = q.get(i);
      if (t.type != Tok.Type.WORD) {
        continue;
      }
      switch (t.upper) {
        case "DIV" -> q.set(i, Tok.op("/", t));
        case "MOD" -> {
          if (i + 1 < q.size() && !q.get(i + 1).isOp("(")) {
            q.set(i, Tok.op("%", t));
          }
        }
        case "XOR" -> q.set(i, Tok.word("OR", t));
        case "REGEXP", "RLIKE" -> q.set(i, Tok.word("LIKE", t));
        case "STRAIGHT_JOIN" -> q.set(i, Tok.word(i > 0 && q.get(i - 1).is("SELECT") ? "ALL" : "JOIN", t));
        case "SQL_CALC_FOUND_ROWS", "SQL_NO_CACHE", "SQL_CACHE", "HIGH_PRIORITY", "SQL_SMALL_RESULT",
            "SQL_BIG_RESULT", "SQL_BUFFER_RESULT" -> {
          q.remove(i);
          i--;
        }
        case "USE", "FORCE", "IGNORE" -> {
          // index hints: USE INDEX (...), FORCE KEY FOR JOIN (...)
          int k = i + 1;
          if (k < q.size() && q.get(k).isAny("INDEX", "KEY")) {
            k++;
            if (k + 1 < q.size() && q.get(k).is("FOR")) {
              k += 2;
              if (k < q.size() && q.get(k).is("BY")) {
                k++;
              }
            }
            if (k < q.size() && q.get(k).isOp("(")) {
              int c = close(q, k);
              if (c > i) {
                q.subList(i, c + 1).clear();
                i--;
              }
            }
          }
        }
        case "LOCK" -> {
          if (i + 3 < q.size() && q.get(i + 1).is("IN") && q.get(i + 2).is("SHARE") && q.get(i + 3).is("MODE")) {
            q.subList(i, i + 4).clear();
            i--;
          }
        }
        case "FOR" -> {
          if (i + 1 < q.size() && q.get(i + 1).isAny("UPDATE", "SHARE")) {
            q.subList(i, q.size()).clear();
          }
        }
        case "CONVERT" -> {
          // MySQL CONVERT(expr, type) / CONVERT(expr USING charset)
          if (i + 1 < q.size() && q.get(i + 1).isOp("(")) {
            int c = close(q, i + 1);
            if (c < 0) {
              break;
            }
            int using = -1;
            for (int k = i + 2; k < c; k++) {
              if (q.get(k).is("USING")) {
                using = k;
              }
            }
            if (using > 0) {
              q.subList(using, c).clear();
              q.set(i, Tok.synth(Tok.Type.WORD, "COALESCE", t.start, t.end, "synthetic"));
            } else {
              List<List<Tok>> args = StatementReader.splitCommas(q, i + 2, c);
              if (args.size() == 2 && !args.get(1).isEmpty()) {
                List<Tok> type = args.get(1);
                List<Tok> repl = new ArrayList<>();
                repl.add(Tok.synth(Tok.Type.WORD, "CAST", t.start, t.end, "synthetic"));
                repl.add(q.get(i + 1));
                repl.addAll(args.get(0));
                repl.add(Tok.synth(Tok.Type.WORD, "AS", type.get(0).start, type.get(0).start, "synthetic"));
                repl.add(Tok.synth(Tok.Type.QID, type.get(0).value, type.get(0).start, type.get(type.size() - 1).end,
                    "synthetic"));
                repl.add(q.get(c));
                q.subList(i, c + 1).clear();
                q.addAll(i, repl);
              }
            }
          }
        }
        default -> { }
      }
    }
  }

  private static void hive(ArrayList<Tok> q) {
    for (int i = 0; i < q.size(); i++) {
      Tok t = q.get(i);
      // LATERAL VIEW [OUTER] f(args) alias [AS c1, c2] -> CROSS JOIN UNNEST(args) AS alias (c1, c2)
      if (t.is("LATERAL") && i + 1 < q.size() && q.get(i + 1).is("VIEW")) {
        int k = i + 2;
        if (k < q.size() && q.get(k).is("OUTER")) {
          k++;
        }
        if (k + 1 >= q.size() || !q.get(k).isName() || !q.get(k + 1).isOp("(")) {
          continue;
        }
        int c = close(q, k + 1);
        if (c < 0) {
          continue;
        }
        List<Tok> repl = new ArrayList<>();
        repl.add(Tok.word("CROSS", t));
        repl.add(Tok.word("JOIN", t));
        repl.add(Tok.synth(Tok.Type.WORD, "UNNEST", q.get(k).start, q.get(k).end, "synthetic"));
        repl.addAll(q.subList(k + 1, c + 1));
        int e = c + 1;
        if (e < q.size() && q.get(e).isName() && !q.get(e).is("AS")) {
          repl.add(Tok.word("AS", q.get(e)));
          repl.add(q.get(e));
          e++;
          if (e < q.size() && q.get(e).is("AS")) {
            e++;
            List<Tok> cols = new ArrayList<>();
            while (e < q.size() && q.get(e).isName()) {
              if (!cols.isEmpty()) {
                cols.add(Tok.op(",", q.get(e)));
              }
              cols.add(q.get(e));
              e++;
              if (e < q.size() && q.get(e).isOp(",") && e + 1 < q.size() && q.get(e + 1).isName()
                  && !(e + 2 < q.size() && (q.get(e + 2).isOp(".") || q.get(e + 2).isOp("(")))) {
                e++;
              } else {
                break;
              }
            }
            repl.add(Tok.op("(", q.get(e - 1)));
            repl.addAll(cols);
            repl.add(Tok.op(")", q.get(e - 1)));
          }
        }
        q.subList(i, e).clear();
        q.addAll(i, repl);
        i += repl.size() - 1;
        continue;
      }
      // DISTRIBUTE BY / SORT BY / CLUSTER BY ...: ordering only
      if (t.isAny("DISTRIBUTE", "SORT", "CLUSTER") && i + 1 < q.size() && q.get(i + 1).is("BY")) {
        int depth = 0;
        int e = i + 2;
        while (e < q.size()) {
          Tok x = q.get(e);
          if (x.isOp("(")) {
            depth++;
          } else if (x.isOp(")")) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (depth == 0 && x.isAny("LIMIT", "UNION", "EXCEPT", "INTERSECT", "DISTRIBUTE", "SORT", "CLUSTER",
              "ORDER", "INSERT")) {
            break;
          }
          e++;
        }
        q.subList(i, e).clear();
        i--;
      }
    }
  }

  // ------------------------------------------------------------------ Oracle, Teradata

  private static void oracle(ArrayList<Tok> q) {
    for (int i = 0; i + 2 < q.size(); i++) {
      if (q.get(i).isOp("(") && q.get(i + 1).isOp("+") && q.get(i + 2).isOp(")")) {
        q.subList(i, i + 3).clear();
        i--;
      }
    }
    // hierarchical queries: START WITH ... / CONNECT BY [NOCYCLE] ... only choose rows
    for (int i = 0; i + 1 < q.size(); i++) {
      Tok t = q.get(i);
      if ((t.is("START") && q.get(i + 1).is("WITH")) || (t.is("CONNECT") && q.get(i + 1).is("BY"))) {
        int depth = 0;
        int e = i + 2;
        for (; e < q.size(); e++) {
          Tok x = q.get(e);
          if (x.isOp("(")) {
            depth++;
          } else if (x.isOp(")")) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (depth == 0 && (x.isAny("GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT", "MINUS",
              "FETCH", "OFFSET") || (x.is("START") && e + 1 < q.size() && q.get(e + 1).is("WITH"))
              || (x.is("CONNECT") && e + 1 < q.size() && q.get(e + 1).is("BY")))) {
            break;
          }
        }
        q.subList(i, e).clear();
        i--;
      }
    }
  }

  private static void teradata(ArrayList<Tok> q) {
    for (int i = 0; i < q.size(); i++) {
      Tok t = q.get(i);
      if (t.is("SEL") && (i == 0 || q.get(i - 1).isOp("(") || q.get(i - 1).isAny("UNION", "ALL", "AS", "EXCEPT",
          "MINUS", "INTERSECT"))) {
        q.set(i, Tok.synth(Tok.Type.WORD, "SELECT", t.start, t.end, null));
      } else if (t.isOp("(") && i + 2 < q.size() && q.get(i + 1).isAny("TITLE", "FORMAT", "NAMED", "CASESPECIFIC",
          "UPPERCASE") && i > 0 && !q.get(i - 1).isAny("SELECT", "SEL") && !q.get(i - 1).isOp(",")) {
        int c = close(q, i);
        if (c > 0) {
          q.subList(i, c + 1).clear();
          i--;
        }
      }
    }
  }

  // ------------------------------------------------------------------ Snowflake / Databricks paths

  /** {@code col:field.sub[0]} reads col. */
  private static void colonPaths(ArrayList<Tok> q) {
    for (int i = 1; i + 1 < q.size(); i++) {
      Tok c = q.get(i);
      if (!c.isOp(":") || c.spaceBefore) {
        continue;
      }
      Tok prev = q.get(i - 1);
      if (!(prev.isName() || prev.isOp("]"))) {
        continue;
      }
      int e = i;
      while (e < q.size()) {
        Tok x = q.get(e);
        if ((x.isOp(":") || x.isOp(".")) && e + 1 < q.size() && (q.get(e + 1).isName()
            || q.get(e + 1).type == Tok.Type.NUM || q.get(e + 1).type == Tok.Type.STR)) {
          e += 2;
        } else if (x.isOp("[")) {
          int depth = 0;
          while (e < q.size()) {
            if (q.get(e).isOp("[")) {
              depth++;
            } else if (q.get(e).isOp("]") && --depth == 0) {
              break;
            }
            e++;
          }
          e++;
        } else {
          break;
        }
      }
      if (e > i + 1) {
        q.subList(i, Math.min(e, q.size())).clear();
        i--;
      }
    }
  }

  // ------------------------------------------------------------------ BigQuery names

  /** BigQuery allows dashes in project names: {@code FROM my-project.dataset.table}. */
  private static List<Tok> dashedNames(List<Tok> in) {
    List<Tok> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Tok t = in.get(i);
      Tok prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (t.type == Tok.Type.WORD && prev != null && prev.isAny("FROM", "JOIN", "INTO", "TABLE", "UPDATE", "USING",
          "MERGE") && i + 2 < in.size() && in.get(i + 1).isOp("-") && !in.get(i + 1).spaceBefore
          && !in.get(i + 2).spaceBefore) {
        StringBuilder name = new StringBuilder(t.value);
        int k = i + 1;
        while (k + 1 < in.size() && in.get(k).isOp("-") && !in.get(k).spaceBefore && !in.get(k + 1).spaceBefore
            && (in.get(k + 1).type == Tok.Type.WORD || in.get(k + 1).type == Tok.Type.NUM)) {
          name.append('-').append(in.get(k + 1).value);
          k += 2;
        }
        out.add(new Tok(Tok.Type.QID, name.toString(), t.start, in.get(k - 1).end, t.spaceBefore, null, null));
        i = k - 1;
        continue;
      }
      out.add(t);
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  static int close(List<Tok> q, int open) {
    int depth = 0;
    for (int k = open; k < q.size(); k++) {
      if (q.get(k).isOp("(")) {
        depth++;
      } else if (q.get(k).isOp(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  static int open(List<Tok> q, int close) {
    return opener(q, close, x -> x.isOp(")"), x -> x.isOp("("));
  }

  /** The index of the opener matching the closer at {@code close} (nesting counted), or -1. */
  private static int opener(List<Tok> q, int close, java.util.function.Predicate<Tok> isClose,
      java.util.function.Predicate<Tok> isOpen) {
    int depth = 0;
    for (int k = close; k >= 0; k--) {
      if (isClose.test(q.get(k))) {
        depth++;
      } else if (isOpen.test(q.get(k)) && --depth == 0) {
        return k;
      }
    }
    return -1;
  }
}
