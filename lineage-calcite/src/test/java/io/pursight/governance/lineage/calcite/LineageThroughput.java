package io.pursight.governance.lineage.calcite;

import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Throughput on typical ETL statements (INSERT ... SELECT with joins and a CTE), warm, one thread:
 * the lineage parser without cache, with cache (repeats), and Calcite's own parser alone on the
 * same text as the baseline measured in the same run. Not a unit test: run it as a main.
 *
 * <p>Usage: {@code LineageThroughput [seconds-per-measurement]}
 */
public final class LineageThroughput {

  private LineageThroughput() {}

  /** Distinct ETL statements: a CTE, three joins, expressions, an aggregate, a CASE, filters. */
  static List<String> statements(int n) {
    Random r = new Random(42);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(1000);
      out.add("""
          INSERT INTO mart.fact_sales_%1$d (order_id, customer_key, region, revenue, items, tier, loaded_at)
          WITH recent AS (
            SELECT o.id, o.customer_id, o.amount, o.created_at
            FROM sales.orders_%1$d o
            WHERE o.created_at >= DATE '2024-01-01' AND o.status <> 'cancelled'
          )
          SELECT r.id,
                 c.customer_key,
                 coalesce(g.region_name, 'unknown') AS region,
                 sum(r.amount * (1 - coalesce(d.rate, 0))) AS revenue,
                 count(DISTINCT i.product_id) AS items,
                 CASE WHEN sum(r.amount) > 1000 THEN 'gold' WHEN sum(r.amount) > 100 THEN 'silver' ELSE 'std' END,
                 current_timestamp
          FROM recent r
          JOIN dim.customer c ON c.customer_id = r.customer_id
          LEFT JOIN dim.region g ON g.region_id = c.region_id
          LEFT JOIN sales.discounts d ON d.order_id = r.id
          JOIN sales.order_items i ON i.order_id = r.id
          WHERE c.is_test = false
          GROUP BY r.id, c.customer_key, g.region_name""".formatted(k + i * 1000));
    }
    return out;
  }

  public static void main(String[] args) throws SqlParseException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    List<String> sql = statements(200);
    CalciteLineageParser uncached = CalciteLineageParser.builder().cacheSize(0).build();
    CalciteLineageParser cached = CalciteLineageParser.create();
    SqlParser.Config core = SqlParser.config().withParserFactory(SqlParserImpl.FACTORY)
        .withConformance(SqlConformanceEnum.BABEL).withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER).withQuotedCasing(Casing.UNCHANGED);
    // the query part of each statement, as Calcite's parser alone would be given it
    List<String> queries = sql.stream().map(s -> s.substring(s.indexOf("WITH recent"))).toList();

    ScriptLineage check = uncached.analyze(sql.get(0), "postgresql", SchemaLookup.NONE);
    if (!check.errors().isEmpty() || check.statements().get(0).columns().size() != 7) {
      throw new IllegalStateException("unexpected result: " + check);
    }
    int[] i = {0};
    Runnable ours = () -> uncached.analyze(sql.get(i[0]++ % sql.size()), "postgresql", SchemaLookup.NONE);
    Runnable base = () -> parse(queries.get(i[0]++ % queries.size()), core);
    Runnable hit = () -> cached.analyze(sql.get(i[0]++ % sql.size()), "postgresql", SchemaLookup.NONE);
    // warm up both paths (the JIT needs a while for Calcite's generated parser), then interleave rounds
    for (int warm = 0; warm < 4; warm++) {
      rate(ours, 1);
      rate(base, 1);
    }
    int rounds = 20; // short interleaved rounds: robust to other load on the machine
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      a[r] = rate(ours, seconds / rounds);
      b[r] = rate(base, seconds / rounds);
      ratio[r] = a[r] / b[r];
    }
    double hits = rate(hit, 1);
    double oursRate = median(a);
    double baseline = median(b);
    System.out.printf(Locale.ROOT, "ETL statements (INSERT ... SELECT, CTE, 4 joins), warm, one thread:%n");
    System.out.printf(Locale.ROOT, "  lineage, no cache:        %,10.0f statements/s (median of %d rounds; best %,.0f)%n",
        oursRate, rounds, max(a));
    System.out.printf(Locale.ROOT, "  Calcite parse only:       %,10.0f statements/s (best %,.0f; ours = %.2f x parse-only,"
        + " median of per-round ratios)%n", baseline, max(b), median(ratio));
    System.out.printf(Locale.ROOT, "  lineage, cached repeats:  %,10.0f statements/s  (%.0f x uncached)%n", hits,
        hits / oursRate);
    stages(sql);
    System.out.printf(Locale.ROOT, "RESULT etl_uncached=%.0f etl_uncached_best=%.0f parse_only=%.0f ratio=%.2f cached=%.0f%n",
        oursRate, max(a), baseline, median(ratio), hits);
  }

  /** Where the time goes, per statement: the best of 10 rounds of 1,000 statements. */
  private static void stages(List<String> sql) {
    String[] names = {"lex", "split", "read + rewrite", "Calcite parse", "resolve"};
    double[] best = new double[names.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int round = 0; round < 10; round++) {
      long[] t = new long[names.length];
      for (int n = 0; n < 1000; n++) {
        String s = sql.get(n % sql.size());
        long t0 = System.nanoTime();
        List<Tok> toks = Lexer.lex(Dialect.POSTGRESQL, s);
        long t1 = System.nanoTime();
        List<Splitter.Unit> units = Splitter.split(Dialect.POSTGRESQL, s, toks);
        long t2 = System.nanoTime();
        Stmt st = StatementReader.read(Dialect.POSTGRESQL, Rewrites.prepare(Dialect.POSTGRESQL, units.get(0).toks()), false);
        List<Tok> q = Rewrites.query(Dialect.POSTGRESQL, st.query);
        long t3 = System.nanoTime();
        CalciteFrontEnd.Parsed parsed = CalciteFrontEnd.parse(q);
        long t4 = System.nanoTime();
        new Resolver(s, parsed.text(), x -> null, false).statement(parsed.node(), st.target, st.targetAlias,
            st.targetInScope);
        long t5 = System.nanoTime();
        t[0] += t1 - t0;
        t[1] += t2 - t1;
        t[2] += t3 - t2;
        t[3] += t4 - t3;
        t[4] += t5 - t4;
      }
      for (int k = 0; k < names.length; k++) {
        best[k] = Math.min(best[k], t[k] / 1000.0 / 1000);
      }
    }
    double total = java.util.Arrays.stream(best).sum();
    System.out.printf(Locale.ROOT, "  per statement (best of 10 rounds):");
    for (int k = 0; k < names.length; k++) {
      System.out.printf(Locale.ROOT, " %s %.1f us%s", names[k], best[k], k < names.length - 1 ? "," : "");
    }
    System.out.printf(Locale.ROOT, " = %.0f us (Calcite parse %.0f%%)%n", total, 100 * best[3] / total);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(0);
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c[c.length / 2];
  }

  private static void parse(String q, SqlParser.Config cfg) {
    try {
      SqlParser.create(q, cfg).parseQuery();
    } catch (SqlParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double rate(Runnable r, double seconds) {
    long n = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int k = 0; k < 50; k++) {
        r.run();
      }
      n += 50;
      now = System.nanoTime();
    } while (now < end);
    return n / ((now - start) / 1e9);
  }
}
