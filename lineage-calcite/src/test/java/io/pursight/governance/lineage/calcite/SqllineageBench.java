package io.pursight.governance.lineage.calcite;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageError;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs sqllineage's column-lineage cases ({@code bench/lineage/sqllineage-column-cases.jsonl})
 * through the Calcite lineage parser and prints pass/fail per case, the pass rate and the warm
 * single-thread throughput.
 *
 * <p>Normalisations (the cases are never edited):
 * <ul>
 *   <li>Our per-statement edges are composed end-to-end across the script like sqllineage: self
 *       loops are kept; otherwise an edge runs from every column with no incoming edge to every
 *       column with no outgoing edge that it reaches.
 *   <li>Edges are compared as {@code source -> target} strings, case-insensitively and with runs of
 *       whitespace collapsed (sqllineage lower-cases unquoted names; unaliased expression columns
 *       are named by their text).
 *   <li>{@code COUNT(*)}: our contract gives it no source; sqllineage writes {@code <table>.*}. A
 *       column with transform AGGREGATION and no sources gets {@code <t>.*} for each table the
 *       statement reads.
 *   <li>Unresolved {@code *} and unresolved columns already follow sqllineage's conventions
 *       ({@code tab.*}, bare column name).
 *   <li>The case's {@code metadata} becomes the SchemaLookup; sqllineage's {@code <default>} schema
 *       is never added on either side (the {@code edges} field has none).
 * </ul>
 *
 * <p>Usage: {@code SqllineageBench [cases.jsonl] [--quiet] [--seconds N]}
 */
public final class SqllineageBench {

  /** Cases the README flags as invalid SQL (a strict engine may reject them). */
  static final Set<String> FLAGGED_INVALID = Set.of(
      "tests/sql/column/test_column_select_union.py::test_union_where_later_branch_introduces_new_output_columns",
      "tests/sql/column/test_column_update.py::test_column_update_with_cte",
      "tests/sql/column/test_metadata_unqualified_column.py::test_select_column_from_subqueries#1",
      "tests/sql/column/test_metadata_unqualified_column.py::test_select_column_from_subqueries#2",
      "tests/sql/column/test_metadata_unqualified_column.py::test_select_column_from_table_subquery#1",
      "tests/sql/column/test_metadata_unqualified_column.py::test_select_column_from_table_subquery#2",
      "tests/sql/column/test_column_select_lateral_alias_ref.py::test_column_top_level_disable_lateral_ref#1",
      "tests/sql/column/test_column_select_lateral_alias_ref.py::test_column_disable_lateral_ref_within_subquery#1",
      "tests/sql/column/test_column_select_lateral_alias_ref.py::test_column_disable_lateral_ref_within_subquery#2");

  /** One case. */
  record Case(String id, String dialect, String sql, Set<String> expected, Map<String, List<String>> metadata) {}

  /** The outcome of one case. */
  record Outcome(Case c, Set<String> actual, List<LineageError> errors, boolean pass) {}

  private SqllineageBench() {}

  public static void main(String[] args) throws IOException {
    Path file = null;
    boolean quiet = false;
    double seconds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quiet" -> quiet = true;
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        default -> file = Path.of(args[i]);
      }
    }
    if (file == null) {
      file = defaultCases();
    }
    List<Case> cases = load(file);
    CalciteLineageParser parser = CalciteLineageParser.builder().cacheSize(0).build();
    List<Outcome> outcomes = run(parser, cases);
    int passed = 0;
    for (Outcome o : outcomes) {
      if (o.pass) {
        passed++;
      }
      if (!quiet || !o.pass) {
        System.out.println((o.pass ? "PASS " : "FAIL ") + o.c.id
            + (FLAGGED_INVALID.contains(o.c.id) ? "  [flagged invalid in README]" : ""));
      }
      if (!o.pass) {
        Set<String> missing = new TreeSet<>(o.c.expected);
        missing.removeAll(o.actual);
        Set<String> extra = new TreeSet<>(o.actual);
        extra.removeAll(o.c.expected);
        System.out.println("     missing: " + missing);
        System.out.println("     extra:   " + extra);
        for (LineageError e : o.errors) {
          System.out.println("     error:   #" + e.index() + " " + e.line() + ":" + e.column() + " " + e.message());
        }
      }
    }
    double stmtsPerSec = throughput(parser, cases, seconds);
    System.out.printf(Locale.ROOT, "%nPurSight/Calcite: %d/%d cases pass (%.1f%%); %.0f statements/s warm, one thread%n",
        passed, cases.size(), 100.0 * passed / cases.size(), stmtsPerSec);
    System.out.printf(Locale.ROOT, "RESULT engine=pursight passed=%d total=%d stmts_per_sec=%.0f%n", passed, cases.size(),
        stmtsPerSec);
  }

  static Path defaultCases() {
    for (Path p : List.of(Path.of("bench/lineage/sqllineage-column-cases.jsonl"),
        Path.of("../bench/lineage/sqllineage-column-cases.jsonl"))) {
      if (Files.exists(p)) {
        return p;
      }
    }
    return Path.of("../bench/lineage/sqllineage-column-cases.jsonl");
  }

  @SuppressWarnings("unchecked")
  static List<Case> load(Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> m = (Map<String, Object>) Json.parse(line);
      Set<String> expected = new LinkedHashSet<>();
      for (Object e : (List<Object>) m.get("edges")) {
        List<Object> pair = (List<Object>) e;
        expected.add(edge((String) pair.get(0), (String) pair.get(1)));
      }
      Map<String, List<String>> meta = new HashMap<>();
      Object md = m.get("metadata");
      if (md instanceof Map<?, ?> mm) {
        for (Map.Entry<?, ?> e : mm.entrySet()) {
          List<String> cols = new ArrayList<>();
          for (Object c : (List<Object>) e.getValue()) {
            cols.add((String) c);
          }
          meta.put(((String) e.getKey()).toLowerCase(Locale.ROOT), cols);
        }
      }
      cases.add(new Case((String) m.get("id"), (String) m.get("dialect"), (String) m.get("sql"), expected, meta));
    }
    return cases;
  }

  static String edge(String source, String target) {
    return (source + " -> " + target).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  static SchemaLookup schema(Case c) {
    return t -> Optional.ofNullable(c.metadata.get(t.toLowerCase(Locale.ROOT)));
  }

  static List<Outcome> run(CalciteLineageParser parser, List<Case> cases) {
    List<Outcome> out = new ArrayList<>();
    for (Case c : cases) {
      ScriptLineage r;
      try {
        r = parser.analyze(c.sql, c.dialect, schema(c));
      } catch (IllegalArgumentException e) {
        out.add(new Outcome(c, Set.of(), List.of(new LineageError(0, e.getMessage(), 0, 0)), false));
        continue;
      }
      Set<String> actual = compose(r);
      out.add(new Outcome(c, actual, r.errors(), actual.equals(c.expected)));
    }
    return out;
  }

  /** End-to-end edges of a script, as sqllineage reports them. */
  static Set<String> compose(ScriptLineage r) {
    Map<String, Set<String>> next = new LinkedHashMap<>();
    Set<String> selfLoops = new LinkedHashSet<>();
    Set<String> hasIncoming = new LinkedHashSet<>();
    for (StatementLineage s : r.statements()) {
      if (s.targets().isEmpty()) {
        continue;
      }
      for (ColumnLineage c : s.columns()) {
        List<String> sources = c.sources();
        if (sources.isEmpty() && c.transform() == TransformKind.AGGREGATION) {
          sources = s.sources().stream().map(t -> t + ".*").toList();
        }
        for (String src : sources) {
          if (src.equals(c.target())) {
            selfLoops.add(edge(src, c.target()));
            continue;
          }
          next.computeIfAbsent(src, k -> new LinkedHashSet<>()).add(c.target());
          hasIncoming.add(c.target());
        }
      }
    }
    Set<String> out = new LinkedHashSet<>(selfLoops);
    for (String start : next.keySet()) {
      if (hasIncoming.contains(start)) {
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      List<String> stack = new ArrayList<>(List.of(start));
      while (!stack.isEmpty()) {
        String n = stack.remove(stack.size() - 1);
        Set<String> outs = next.get(n);
        if ((outs == null || outs.isEmpty()) && !n.equals(start)) {
          out.add(edge(start, n));
          continue;
        }
        if (outs != null) {
          for (String m : outs) {
            if (seen.add(m)) {
              stack.add(m);
            }
          }
        }
      }
    }
    return out;
  }

  /** Statements per second over all cases, warm, one thread, cache off. */
  static double throughput(CalciteLineageParser parser, List<Case> cases, double seconds) {
    long warmEnd = System.nanoTime() + (long) (1e9 * Math.min(2, seconds));
    while (System.nanoTime() < warmEnd) {
      for (Case c : cases) {
        parser.analyze(c.sql, c.dialect, schema(c));
      }
    }
    long statements = 0;
    long start = System.nanoTime();
    long end = start + (long) (1e9 * seconds);
    long now;
    do {
      for (Case c : cases) {
        ScriptLineage r = parser.analyze(c.sql, c.dialect, schema(c));
        statements += r.statements().size() + r.errors().size();
      }
      now = System.nanoTime();
    } while (now < end);
    return statements / ((now - start) / 1e9);
  }
}
