package io.pursight.governance.classifier.patterns;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Throughput benchmark of tiers 1-2 (not a unit test): classifies a mixed, seeded set of columns
 * (1,000,000 values by default, 500 per column, every value scanned) single-threaded and compares
 * with a baseline measured in the same run over the same values (a loop summing String.length()).
 * Wall-clock and thread-CPU throughput are both printed: on a shared machine the CPU figure is the
 * steadier one.
 *
 * <pre>
 * cd /work/main
 * mvn -q -B -o -pl spi-classifiers/patterns test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp spi-classifiers/patterns/target/test-classes:spi-classifiers/patterns/target/classes:$(cat spi-classifiers/patterns/target/cp.txt) \
 *     io.pursight.governance.classifier.patterns.PatternsThroughput [values] [valuesPerColumn]
 * </pre>
 */
public final class PatternsThroughput {
  private PatternsThroughput() {}

  private record Kind(String name, String[] columnNames, Supplier<String> values) {}

  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perColumn = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    long seed = 20250601L;
    List<Kind> kinds = kinds(new Random(seed));
    // pools of generated values per kind, then columns sampled from them (generation is not timed)
    Random r = new Random(seed + 1);
    Map<String, List<String>> pools = new LinkedHashMap<>();
    for (Kind k : kinds) {
      List<String> pool = new ArrayList<>();
      for (int i = 0; i < 4000; i++) {
        pool.add(k.values().get());
      }
      pools.put(k.name(), pool);
    }
    List<ColumnSample> columns = new ArrayList<>();
    int made = 0;
    int c = 0;
    while (made < total) {
      Kind k = kinds.get(c % kinds.size());
      List<String> pool = pools.get(k.name());
      int n = Math.min(perColumn, total - made);
      List<String> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(pool.get(r.nextInt(pool.size())));
      }
      String field = k.columnNames()[c / kinds.size() % k.columnNames().length];
      columns.add(ColumnSample.of("bench_" + (c % 37), field, values));
      made += n;
      c++;
    }
    Classifier classifier = new PatternsPlugin().classifiers().get(0)
        .create(new PluginConfig(Map.of("patterns.referenceDate", "2025-06-01")));
    Classifier.Context context = new Classifier.Context(InfoTypes.builtIn(), List.of());
    System.out.printf(Locale.ROOT, "%,d values in %,d columns (%d per column, %d kinds), seed %d, JDK %s%n", made,
        columns.size(), perColumn, kinds.size(), seed, System.getProperty("java.version"));

    // warm-up: two passes over everything, then timed passes
    long sink = 0;
    for (int w = 0; w < 2; w++) {
      sink += runClassifier(classifier, context, columns);
      sink += runBaseline(columns);
    }
    int rounds = 5;
    double[] classifierSecs = new double[rounds];
    double[] classifierCpuSecs = new double[rounds];
    double[] baselineSecs = new double[rounds];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      sink += runBaseline(columns);
      long t1 = System.nanoTime();
      long cpu0 = mx.getCurrentThreadCpuTime();
      sink += runClassifier(classifier, context, columns);
      long cpu1 = mx.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      baselineSecs[i] = (t1 - t0) / 1e9;
      classifierSecs[i] = (t2 - t1) / 1e9;
      classifierCpuSecs[i] = (cpu1 - cpu0) / 1e9;
    }
    java.util.Arrays.sort(classifierCpuSecs);
    java.util.Arrays.sort(classifierSecs);
    java.util.Arrays.sort(baselineSecs);
    double vps = made / classifierSecs[0];
    double medianVps = made / classifierSecs[rounds / 2];
    double baseVps = made / baselineSecs[0];
    System.out.printf(Locale.ROOT, "baseline (String.length loop), best of %d: %8.4f s %,15.0f values/s%n", rounds,
        baselineSecs[0], baseVps);
    System.out.printf(Locale.ROOT, "patterns classifier (tiers 1-2), best of %d: %6.3f s %,15.0f values/s (median %,.0f)%n",
        rounds, classifierSecs[0], vps, medianVps);
    System.out.printf(Locale.ROOT, "patterns classifier, thread CPU time, best of %d: %6.3f s %,15.0f values/s (median %,.0f)%n",
        rounds, classifierCpuSecs[0], made / classifierCpuSecs[0], made / classifierCpuSecs[rounds / 2]);
    System.out.printf(Locale.ROOT, "classifier / baseline throughput: 1/%.0f; target 500,000 values/s: %s%n",
        baseVps / vps, medianVps >= 500_000 ? "met (median)" : vps >= 500_000 ? "met (best only)" : "NOT met");
    // per kind, to see where time goes
    System.out.println("per kind (values/s, one pass):");
    for (Kind k : kinds) {
      List<ColumnSample> cols = new ArrayList<>();
      long n = 0;
      for (ColumnSample s : columns) {
        if (kinds.get(columns.indexOf(s) % kinds.size()) == k) {
          cols.add(s);
          n += s.values().size();
        }
      }
      long t0 = System.nanoTime();
      sink += runClassifier(classifier, context, cols);
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "  %-14s %,12.0f%n", k.name(), n / secs);
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static long runClassifier(Classifier classifier, Classifier.Context context, List<ColumnSample> columns) {
    long found = 0;
    for (ColumnSample s : columns) {
      for (Classification cl : classifier.classify(s, context)) {
        found += cl.infoType().length();
      }
    }
    return found;
  }

  private static long runBaseline(List<ColumnSample> columns) {
    long sum = 0;
    for (ColumnSample s : columns) {
      for (String v : s.values()) {
        sum += v.length();
      }
    }
    return sum;
  }

  private static List<Kind> kinds(Random r) {
    Faker f = new Faker(Locale.US, r);
    Faker de = new Faker(Locale.GERMANY, r);
    Faker fr = new Faker(Locale.FRANCE, r);
    Faker uk = new Faker(Locale.UK, r);
    List<Kind> k = new ArrayList<>();
    k.add(new Kind("email", new String[] {"email", "contact", "col_a"}, () -> f.internet().emailAddress()));
    k.add(new Kind("phone-us", new String[] {"phone", "col_b"}, () -> f.phoneNumber().phoneNumber()));
    k.add(new Kind("phone-de", new String[] {"telefon", "col_c"}, () -> de.phoneNumber().phoneNumber()));
    k.add(new Kind("phone-fr", new String[] {"telephone", "col_d"}, () -> fr.phoneNumber().phoneNumber()));
    k.add(new Kind("first-name", new String[] {"first_name", "col_e"}, () -> f.name().firstName()));
    k.add(new Kind("full-name", new String[] {"name", "col_f"}, () -> f.name().fullName()));
    k.add(new Kind("city", new String[] {"city", "col_g"}, () -> fr.address().cityName()));
    k.add(new Kind("country", new String[] {"country", "col_h"}, () -> f.address().country()));
    k.add(new Kind("zip", new String[] {"zip", "col_i"}, () -> f.address().zipCode()));
    k.add(new Kind("postcode-uk", new String[] {"postcode", "col_j"}, () -> uk.address().postcode()));
    k.add(new Kind("birth-date", new String[] {"dob", "col_k"}, () -> f.timeAndDate().birthday(1, 99).toString()));
    k.add(new Kind("order-date", new String[] {"order_date", "col_l"},
        () -> String.format(Locale.ROOT, "2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))));
    k.add(new Kind("timestamp", new String[] {"created_at", "col_m"},
        () -> String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
            r.nextInt(24), r.nextInt(60), r.nextInt(60))));
    k.add(new Kind("int-id", new String[] {"id", "col_n"}, () -> Integer.toString(1 + r.nextInt(2_000_000))));
    k.add(new Kind("order-number", new String[] {"order_number", "col_o"},
        () -> Integer.toString(100_000_000 + r.nextInt(900_000_000))));
    k.add(new Kind("price", new String[] {"price", "col_p"}, () -> r.nextInt(1000) + "." + (10 + r.nextInt(90))));
    k.add(new Kind("uuid", new String[] {"uuid", "col_q"}, () -> new java.util.UUID(r.nextLong(), r.nextLong()).toString()));
    k.add(new Kind("sha256", new String[] {"checksum", "col_r"}, () -> hex(r, 64)));
    k.add(new Kind("sku", new String[] {"sku", "col_s"}, () -> "SKU-" + (char) ('A' + r.nextInt(26)) + r.nextInt(100_000)));
    k.add(new Kind("card", new String[] {"card_number", "col_t"}, () -> f.finance().creditCard()));
    k.add(new Kind("iban", new String[] {"iban", "col_u"}, () -> f.finance().iban("DE")));
    k.add(new Kind("ssn", new String[] {"ssn", "col_v"}, () -> f.idNumber().ssnValid()));
    k.add(new Kind("ipv4", new String[] {"ip", "col_w"}, () -> f.internet().ipV4Address()));
    k.add(new Kind("url", new String[] {"website", "col_x"}, () -> f.internet().url()));
    k.add(new Kind("notes", new String[] {"notes", "comment"},
        () -> f.lorem().sentence(12) + (r.nextInt(4) == 0 ? " Call " + f.phoneNumber().phoneNumber() : "")
            + (r.nextInt(5) == 0 ? " or mail " + f.internet().emailAddress() : "")));
    k.add(new Kind("status", new String[] {"status", "col_y"}, () -> new String[] {"active", "inactive", "pending"}[r.nextInt(3)]));
    k.add(new Kind("version", new String[] {"version", "col_z"}, () -> r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(50)));
    k.add(new Kind("product", new String[] {"product_name", "title"}, () -> f.commerce().productName()));
    k.add(new Kind("street", new String[] {"address", "col_aa"}, () -> f.address().streetAddress()));
    k.add(new Kind("bool", new String[] {"active", "col_ab"}, () -> r.nextBoolean() ? "true" : "false"));
    return k;
  }

  private static String hex(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return b.toString();
  }
}
