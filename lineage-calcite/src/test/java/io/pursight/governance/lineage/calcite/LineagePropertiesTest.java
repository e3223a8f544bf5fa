package io.pursight.governance.lineage.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageError;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties (QuickTheories, shrinking):
 * <ul>
 *   <li>a flat INSERT ... SELECT over a random schema has the same lineage (sources, transform kind,
 *       filters) as the same statement with its FROM items wrapped in random stacks of derived
 *       tables, CTEs, star projections and column renames, and with the whole query wrapped again;
 *       with and without the schema known;
 *   <li>random text, random token soup and mutated SQL never make the parser throw: every problem is
 *       a LineageError with a position inside the script.
 * </ul>
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LineagePropertiesTest {

  private static final String[] DIALECTS = {"ansi", "postgresql", "mysql", "snowflake", "bigquery", "hive", "spark",
      "databricks", "tsql", "oracle", "teradata"};

  /** Column names to draw from: plain, reserved words, and quoted mixed-case names. */
  private static final List<String> NAMES = List.of("id", "amount", "value", "date", "name", "key", "\"Mixed\"",
      "\"Upper Case\"", "year", "status", "qty", "\"x\"", "created_at", "type", "level", "price");

  /** A random schema: src_a, src_b and src_c with 2..6 columns each drawn from NAMES. */
  static Map<String, List<String>> schema(int code) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    int c = code;
    for (String t : List.of("src_a", "src_b", "src_c")) {
      int n = 2 + c % 5;
      c /= 5;
      List<String> cols = new ArrayList<>();
      int k = c % NAMES.size();
      c /= 3;
      while (cols.size() < n) {
        String name = NAMES.get(k++ % NAMES.size());
        if (!cols.contains(name)) {
          cols.add(name);
        }
      }
      m.put(t, cols);
    }
    return m;
  }

  /** The lineage name of a column as written (quotes removed, unquoted lower-cased). */
  static String lineageName(String col) {
    return col.startsWith("\"") ? col.substring(1, col.length() - 1) : col.toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, List<String>> SCHEMA = schema(0);

  // ------------------------------------------------------------------ equivalence

  /** One FROM item: its SQL, the alias, and what each base column is called at the top. */
  private static final class Source {
    final String table;
    final String alias;
    String from;
    final Map<String, String> exposed = new LinkedHashMap<>();

    Source(String table, String alias) {
      this.table = table;
      this.alias = alias;
      this.from = table;
      for (String c : SCHEMA.get(table)) {
        exposed.put(c, c);
      }
    }

    String ref(String col) {
      return alias + "." + exposed.get(col);
    }
  }

  private static int counter;

  /** Applies wrap codes (innermost first) to a source; CTE definitions go to ctes. */
  private static void wrap(Source s, List<Integer> wraps, List<String> ctes) {
    for (int code : wraps) {
      int n = ++counter;
      String q = "q" + n;
      String inner = s.from.startsWith("(") || s.from.startsWith("w") ? s.from + " AS " + q : s.from + " " + q;
      switch (code) {
        case 0 -> s.from = "(SELECT * FROM " + inner + ")";
        case 1, 2 -> {
          List<String> items = new ArrayList<>();
          for (Map.Entry<String, String> e : s.exposed.entrySet()) {
            String now = code == 2 ? "r" + n + "_" + (items.size()) : e.getValue();
            items.add(q + "." + e.getValue() + (code == 2 ? " AS " + now : ""));
            e.setValue(now);
          }
          s.from = "(SELECT " + String.join(", ", items) + " FROM " + inner + ")";
        }
        case 3 -> {
          ctes.add("w" + n + " AS (SELECT * FROM " + inner + ")");
          s.from = "w" + n;
        }
        default -> {
          List<String> items = new ArrayList<>();
          for (Map.Entry<String, String> e : s.exposed.entrySet()) {
            String now = "k" + n + "_" + items.size();
            items.add(q + "." + e.getValue() + " AS " + now);
            e.setValue(now);
          }
          ctes.add("w" + n + " AS (SELECT " + String.join(", ", items) + " FROM " + inner + ")");
          s.from = "w" + n;
        }
      }
    }
  }

  /** The statement: expression codes over a (and b when joined), each source wrapped as given. */
  static String statement(List<Integer> exprs, List<Integer> wrapsA, List<Integer> wrapsB, int flags) {
    boolean join = (flags & 1) != 0;
    boolean outer = (flags & 2) != 0;
    List<String> ctes = new ArrayList<>();
    Source a = new Source("src_a", "a");
    Source b = new Source("src_b", "b");
    wrap(a, wrapsA, ctes);
    if (join) {
      wrap(b, wrapsB, ctes);
    }
    List<String> cols = new ArrayList<>();
    for (String c : SCHEMA.get("src_a")) {
      cols.add("a|" + c);
    }
    if (join) {
      for (String c : SCHEMA.get("src_b")) {
        cols.add("b|" + c);
      }
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      int v = exprs.get(i);
      String x = col(a, b, cols, (v / 7) % 7);
      String y = col(a, b, cols, (v / 49) % 7);
      String z = col(a, b, cols, (v / 343) % 7);
      String e = switch (v % 7) {
        case 0 -> x;
        case 1 -> "upper(" + x + ")";
        case 2 -> x + " + " + y;
        case 3 -> "CASE WHEN " + x + " > 0 THEN " + y + " ELSE " + z + " END";
        case 4 -> "coalesce(" + x + ", " + y + ", 'x')";
        case 5 -> "(SELECT max(cc." + SCHEMA.get("src_c").get(1) + ") FROM src_c cc WHERE cc."
            + SCHEMA.get("src_c").get(0) + " = " + x + ")";
        default -> "cast(" + x + " AS varchar(10)) || 'k'";
      };
      items.add(e + " AS o" + i);
    }
    List<String> ca = SCHEMA.get("src_a");
    String from = fromItem(a) + (join ? " JOIN " + fromItem(b) + " ON " + a.ref(ca.get(0)) + " = "
        + b.ref(SCHEMA.get("src_b").get(0)) : "");
    String select = "SELECT " + String.join(", ", items) + " FROM " + from + " WHERE " + a.ref(ca.get(1)) + " > 0";
    if (outer) {
      List<String> outs = new ArrayList<>();
      for (int i = 0; i < exprs.size(); i++) {
        outs.add("z.o" + i);
      }
      select = "SELECT " + String.join(", ", outs) + " FROM (" + select + ") AS z";
    }
    return (ctes.isEmpty() ? "" : "WITH " + String.join(", ", ctes) + " ") + "INSERT INTO out_t " + select;
  }

  private static String fromItem(Source s) {
    return s.from + " AS " + s.alias;
  }

  private static String col(Source a, Source b, List<String> cols, int v) {
    String c = cols.get(Math.floorMod(v, cols.size()));
    String[] p = c.split("\\|", 2);
    return (p[0].equals("a") ? a : b).ref(p[1]);
  }

  /** What must be preserved: per target, sources (as a set), transform and filters (as a set). */
  static Map<String, String> lineage(ScriptLineage r) {
    assertThat(r.errors()).isEmpty();
    StatementLineage s = r.statements().get(r.statements().size() - 1);
    Map<String, String> m = new LinkedHashMap<>();
    for (ColumnLineage c : s.columns()) {
      m.put(c.target(), new java.util.TreeSet<>(c.sources()) + " " + c.transform() + " " + new java.util.TreeSet<>(c.filters()));
    }
    return m;
  }

  @Test
  void wrappedStatementsHaveTheSameLineageAsTheFlatOne() {
    Gen<List<Integer>> exprs = lists().of(integers().between(0, 20_000)).ofSizeBetween(1, 6);
    Gen<List<Integer>> wraps = lists().of(integers().between(0, 4)).ofSizeBetween(0, 4);
    Gen<Integer> flags = integers().between(0, 8 * 5 * 5 * 5 * 16 * 16 - 1);
    qt().withExamples(500).forAll(exprs, wraps, wraps, flags).checkAssert((e, wa, wb, f) -> {
      SCHEMA = schema(f / 8);
      Map<String, List<String>> catalog = new HashMap<>();
      SCHEMA.forEach((t, cols) -> catalog.put(t, cols.stream().map(LineagePropertiesTest::lineageName).toList()));
      SchemaLookup schema = (f & 4) != 0 ? t -> Optional.ofNullable(catalog.get(t)) : SchemaLookup.NONE;
      String flat = statement(e, List.of(), List.of(), f & 1);
      String wrapped = statement(e, wa, wb, f);
      Map<String, String> expected = lineage(Lin.PARSER.analyze(flat, "ansi", schema));
      ScriptLineage actual = Lin.PARSER.analyze(wrapped, "ansi", schema);
      assertThat(actual.errors()).as(wrapped).isEmpty();
      assertThat(lineage(actual)).as("flat: %s%nwrapped: %s", flat, wrapped).isEqualTo(expected);
    });
  }

  @Test
  void theFlatStatementItselfIsRight() {
    // anchors the property: a hand-checked instance
    SCHEMA = Map.of("src_a", List.of("a0", "a1", "a2", "a3", "a4"), "src_b", List.of("b0", "b1"),
        "src_c", List.of("c0", "c1"));
    String flat = statement(List.of(3 + 7 * 1 + 49 * 2 + 343 * 3), List.of(), List.of(), 0);
    assertThat(flat).isEqualTo("INSERT INTO out_t SELECT CASE WHEN a.a1 > 0 THEN a.a2 ELSE a.a3 END AS o0 "
        + "FROM src_a AS a WHERE a.a1 > 0");
    assertThat(lineage(Lin.PARSER.analyze(flat, "ansi", SchemaLookup.NONE)))
        .containsExactly(Map.entry("out_t.o0", "[src_a.a1, src_a.a2, src_a.a3] TRANSFORMATION [src_a.a1]"));
    // and one with reserved and quoted names, wrapped: the lineage names follow the quoting rules
    SCHEMA = Map.of("src_a", List.of("value", "\"Mixed\"", "date"), "src_b", List.of("id", "key"),
        "src_c", List.of("c0", "c1"));
    String wrapped = statement(List.of(2 + 7 * 1 + 49 * 2), List.of(2, 4), List.of(), 0);
    assertThat(lineage(Lin.PARSER.analyze(wrapped, "ansi", SchemaLookup.NONE)))
        .containsExactly(Map.entry("out_t.o0", "[src_a.Mixed, src_a.date] TRANSFORMATION [src_a.Mixed]"));
  }

  // ------------------------------------------------------------------ garbage

  private static final List<String> VOCAB = List.of(
      "SELECT", "FROM", "WHERE", "INSERT", "INTO", "UPDATE", "SET", "DELETE", "MERGE", "USING", "ON", "WHEN",
      "MATCHED", "THEN", "CREATE", "TABLE", "VIEW", "AS", "WITH", "RECURSIVE", "UNION", "ALL", "JOIN", "LEFT",
      "GROUP", "BY", "ORDER", "HAVING", "CASE", "END", "BEGIN", "IF", "WHILE", "LOOP", "DECLARE", "GO", "VALUES",
      "OVER", "PARTITION", "LATERAL", "VIEW", "TOP", "DISTINCT", "INTERVAL", "CAST", "PROCEDURE", "EXCEPT", "*",
      "(", ")", "(", ")", ",", ",", ";", ".", "::", ":", "=", "+", "-", "/", "||", "'", "\"", "`", "[", "]", "$$",
      "$1", "?", "@v", "@@x", "#t", "--", "/*", "*/", "\n", "'x'", "\"Q\"", "`b`", "t", "a", "b", "t.a", "1", "2.5",
      "max", "count", "$tag$", "E'\\''", "N'n'", "/", "GO", "{", "}", "<<", ">>", "%", "SEL", "INS");

  @Test
  void onlyUnknownDialectsThrow() {
    List<String> names = List.of("ansi", "ANSI", " postgres ", "tsql", "sqlite", "", "pl/sql", "Spark");
    qt().withExamples(50).forAll(Generate.pick(names), strings().basicLatinAlphabet().ofLengthBetween(0, 40))
        .checkAssert((d, sql) -> {
          boolean known = Dialect.names().contains(d.strip().toLowerCase(java.util.Locale.ROOT));
          try {
            Lin.PARSER.analyze(sql, d, null);
            assertThat(known).as(d).isTrue();
          } catch (IllegalArgumentException e) {
            assertThat(known).as(d).isFalse();
          }
        });
  }

  @Test
  void randomTextNeverThrows() {
    qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 120), integers().between(0, 10))
        .checkAssert((text, d) -> wellFormed(text, DIALECTS[d]));
  }

  @Test
  void randomTokenSoupNeverThrows() {
    Gen<List<String>> soup = lists().of(Generate.pick(VOCAB)).ofSizeBetween(0, 40);
    qt().withExamples(1500).forAll(soup, integers().between(0, 10))
        .checkAssert((toks, d) -> wellFormed(String.join(" ", toks), DIALECTS[d]));
  }

  @Test
  void mutatedSqlNeverThrows() {
    List<String> seeds = List.of(
        "WITH c AS (SELECT a, b FROM s) INSERT INTO t (x, y) SELECT c.a, sum(c.b) OVER (PARTITION BY a) FROM c",
        "MERGE INTO t USING (SELECT k, max(v) AS v FROM s GROUP BY k) AS b ON t.k = b.k WHEN MATCHED THEN UPDATE "
            + "SET v = b.v WHEN NOT MATCHED THEN INSERT (k, v) VALUES (b.k, b.v)",
        "UPDATE t SET a = s.b FROM s WHERE s.id = t.id; DELETE FROM t WHERE a IN (SELECT a FROM u)",
        "CREATE PROCEDURE p() AS BEGIN IF 1 = 1 THEN INSERT INTO t SELECT x::int FROM s; END IF; END;",
        "SELECT TOP 5 [a], b = c FROM #t WITH (NOLOCK) GO SELECT `x` FROM y LIMIT 1, 2");
    Gen<Integer> ops = integers().between(0, Integer.MAX_VALUE);
    qt().withExamples(1500).forAll(Generate.pick(seeds), lists().of(ops).ofSizeBetween(1, 8), integers().between(0, 10))
        .checkAssert((seed, edits, d) -> wellFormed(mutate(seed, edits), DIALECTS[d]));
  }

  private static String mutate(String s, List<Integer> edits) {
    StringBuilder b = new StringBuilder(s);
    for (int e : edits) {
      if (b.length() == 0) {
        b.append('(');
        continue;
      }
      int pos = e % b.length();
      String chars = "();,'\"`$:*.[]-/ \nx0";
      char c = chars.charAt((e / 7) % chars.length());
      switch ((e / 3) % 3) {
        case 0 -> b.deleteCharAt(pos);
        case 1 -> b.insert(pos, c);
        default -> b.setCharAt(pos, c);
      }
    }
    return b.toString();
  }

  private static void wellFormed(String sql, String dialect) {
    ScriptLineage r;
    try {
      r = Lin.PARSER.analyze(sql, dialect, t -> Optional.empty());
    } catch (Throwable t) {
      throw new AssertionError("threw " + t + " for dialect " + dialect + " on: " + sql, t);
    }
    int lines = sql.split("\n", -1).length;
    Set<Integer> indexes = new HashSet<>();
    for (StatementLineage s : r.statements()) {
      assertThat(indexes.add(s.index())).as(sql).isTrue();
      for (ColumnLineage c : s.columns()) {
        assertThat(c.target()).as(sql).isNotEmpty();
      }
    }
    for (LineageError e : r.errors()) {
      assertThat(indexes.add(e.index())).as(sql).isTrue();
      assertThat(e.line()).as(sql).isBetween(1, lines);
      assertThat(e.column()).as(sql).isPositive();
      assertThat(e.message()).as(sql).isNotBlank();
    }
  }

  @Test
  void mutationHelperChangesText() {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      seen.merge(mutate("SELECT a FROM t", List.of(i * 12345)), 1, Integer::sum);
    }
    assertThat(seen).hasSizeGreaterThan(5);
  }
}
