package io.pursight.governance.classifier.training;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.spi.GovernancePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the classifiers found on the class path ({@link GovernancePlugin}s through {@link
 * java.util.ServiceLoader}) on a labelled set, each configuration being a real runtime ({@link
 * BenchRuntime}: a governance-core {@code Governance} whose {@code classification().classify(sample)}
 * runs core's classifier chain and merge rules): tiers 1-2 alone, tiers 1-3 with the settings given
 * (the plugin defaults otherwise), and tiers 1-3 with {@code onnx.vetoes} flipped, for comparison;
 * then measures single-threaded throughput on a mixed workload of about a million values against a
 * {@code String.length} baseline over the same values.
 *
 * <p>Usage: {@code ClassifierBench [--eval FILE] [--threshold 0.5] [--values 1000000] [--set k=v]...
 * [--exclude ID,...] [--json OUT] [--brief] [--misses] [--opaque-names]}; {@code --opaque-names} replaces
 * every column name by an opaque one ({@code col0}..{@code col19}), a harder variant in which only
 * values tell.
 */
public final class ClassifierBench {
  private ClassifierBench() {}

  /** One evaluated configuration. */
  public record Run(String name, Metrics metrics, List<Metrics.Prediction> predictions) {}

  /** Runs the runtime over the columns. */
  public static List<Metrics.Prediction> predict(BenchRuntime runtime, List<LabeledColumn> columns) {
    List<Metrics.Prediction> out = new ArrayList<>(columns.size());
    for (LabeledColumn c : columns) {
      out.add(new Metrics.Prediction(c, runtime.classify(c)));
    }
    return out;
  }

  /** Whether the runtime's tier-3 classifier overrides lower tiers (i.e. {@code onnx.vetoes} is on). */
  static boolean overrides(BenchRuntime runtime) {
    return runtime.classifiers().stream().anyMatch(c -> c.tier() >= 3 && c.overridesLowerTiers());
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Path eval = Path.of("bench/classification/eval-set.jsonl");
    double threshold = Metrics.DEFAULT_THRESHOLD;
    int targetValues = 1_000_000;
    Path json = null;
    boolean brief = false;
    boolean misses = false;
    boolean opaqueNames = false;
    java.util.Set<String> exclude = new java.util.HashSet<>();
    Map<String, String> settings = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--eval" -> eval = Path.of(args[++i]);
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--values" -> targetValues = Integer.parseInt(args[++i]);
        case "--json" -> json = Path.of(args[++i]);
        case "--brief" -> brief = true;
        case "--misses" -> misses = true;
        case "--opaque-names" -> opaqueNames = true;
        case "--exclude" -> exclude.addAll(List.of(args[++i].split(",")));
        case "--set" -> {
          String[] kv = args[++i].split("=", 2);
          settings.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]
            + "; usage: ClassifierBench [--eval FILE] [--threshold T] [--values N] [--set k=v] [--exclude ID,...] "
            + "[--json OUT] [--brief] [--misses] [--opaque-names]");
      }
    }
    List<LabeledColumn> columns = Jsonl.read(eval);
    if (opaqueNames) {
      columns = ThresholdSweep.opaqueNames(columns);
    }
    List<GovernancePlugin> plugins = BenchRuntime.discoverPlugins();
    List<BenchRuntime.ProviderInfo> infos = BenchRuntime.describe(plugins, settings);
    System.out.printf(Locale.ROOT, "Evaluation set %s%s: %d columns, %d decoys; threshold %.2f%n", eval,
        opaqueNames ? " with every column name replaced by an opaque one" : "", columns.size(),
        columns.stream().filter(LabeledColumn::decoy).count(), threshold);
    for (BenchRuntime.ProviderInfo c : infos) {
      System.out.printf("  classifier %-12s tier %d (%s)%s%n", c.classifierId(), c.tier(), c.className(),
          exclude.contains(c.classifierId()) ? " excluded" : "");
    }
    System.out.println("  runtime: governance-core Governance per configuration, classification().classify(sample)");
    if (!settings.isEmpty()) {
      System.out.println("  settings: " + new java.util.TreeMap<>(settings));
    }

    List<Run> runs = new ArrayList<>();
    try (BenchRuntime low = BenchRuntime.open(plugins, infos, settings, 2, exclude);
        BenchRuntime full = BenchRuntime.open(plugins, infos, settings, 3, exclude)) {
      List<Metrics.Prediction> lowPredictions = predict(low, columns);
      runs.add(new Run("tiers 1-2", Metrics.compute(lowPredictions, threshold), lowPredictions));
      boolean hasTier3 = full.hasModelTier();
      if (hasTier3) {
        boolean vetoes = overrides(full);
        List<Metrics.Prediction> fullPredictions = predict(full, columns);
        runs.add(new Run("tiers 1-3 (onnx.vetoes=" + vetoes + (settings.isEmpty() ? ", plugin defaults" : ", settings above")
            + ")", Metrics.compute(fullPredictions, threshold), fullPredictions));
        Map<String, String> flipped = new HashMap<>(settings);
        flipped.put("onnx.vetoes", Boolean.toString(!vetoes));
        try (BenchRuntime alt = BenchRuntime.open(plugins, infos, flipped, 3, exclude)) {
          List<Metrics.Prediction> altPredictions = predict(alt, columns);
          runs.add(new Run("tiers 1-3 (onnx.vetoes=" + !vetoes + ", for comparison)",
              Metrics.compute(altPredictions, threshold), altPredictions));
        }
      } else {
        System.out.println("  (no tier-3 classifier in the runtime: only tiers 1-2 are evaluated)");
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("evalSet", eval.toString());
      report.put("columns", columns.size());
      report.put("threshold", threshold);
      report.put("opaqueNames", opaqueNames);
      report.put("settings", new java.util.TreeMap<>(settings));
      List<Map<String, Object>> runJson = new ArrayList<>();
      for (Run r : runs) {
        System.out.println();
        System.out.println("== " + r.name() + " ==");
        System.out.println(r.metrics().summary());
        if (!brief) {
          System.out.println(r.metrics().details());
        } else {
          System.out.println("  weakest types (F1 < 0.9): " + r.metrics().weakTypes(0.9));
        }
        if (misses) {
          System.out.println("Columns whose predicted set differs from the expected one (id field kind: expected -> predicted):");
          for (Metrics.Prediction p : r.predictions()) {
            java.util.Set<String> predicted = Metrics.predictedSet(p.found(), threshold);
            if (!predicted.equals(new java.util.TreeSet<>(p.column().expected()))) {
              System.out.printf("  %s %s %s: %s -> %s%n", p.column().id(), p.column().field(), p.column().kind(),
                  p.column().expected(), predicted);
            }
          }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("exactAccuracy", r.metrics().exactAccuracy);
        m.put("top1Accuracy", r.metrics().top1Accuracy);
        m.put("macroF1", r.metrics().macroF1);
        m.put("decoyFpr", r.metrics().decoyFpr);
        m.put("decoyHits", r.metrics().decoyHits);
        m.put("decoys", r.metrics().decoys);
        runJson.add(m);
      }
      report.put("runs", runJson);

      if (targetValues > 0) {
        Throughput t = Throughput.measure(columns, targetValues, low, hasTier3 ? full : null);
        System.out.println();
        System.out.println(t.report());
        report.put("throughput", t.asMap());
      }
      if (json != null) {
        try {
          Files.writeString(json, Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Single-threaded throughput of the chains and the baseline over the same mixed workload. */
  public record Throughput(long values, int samples, double baselinePerSec, double lowPerSec, double fullPerSec) {

    /** Builds a workload of at least {@code target} values by cycling through the set, then measures. */
    static Throughput measure(List<LabeledColumn> columns, int target, BenchRuntime low, BenchRuntime full) {
      List<ColumnSample> work = new ArrayList<>();
      long n = 0;
      int i = 0;
      while (n < target) {
        ColumnSample s = columns.get(i++ % columns.size()).sample();
        work.add(s);
        n += s.values().size();
      }
      // warm up
      runChain(low, work.subList(0, Math.min(work.size(), 4000)));
      if (full != null) {
        runChain(full, work.subList(0, Math.min(work.size(), 2000)));
      }
      double baseline = 0;
      for (int k = 0; k < 5; k++) {
        baseline = Math.max(baseline, n / seconds(() -> lengthLoop(work)));
      }
      // best of three passes each: the machine may be shared, and the best pass is the least disturbed
      double lowRate = 0;
      double fullRate = 0;
      for (int k = 0; k < 3; k++) {
        lowRate = Math.max(lowRate, n / seconds(() -> runChain(low, work)));
        if (full != null) {
          fullRate = Math.max(fullRate, n / seconds(() -> runChain(full, work)));
        }
      }
      return new Throughput(n, work.size(), baseline, lowRate, fullRate);
    }

    static long sink;

    static void lengthLoop(List<ColumnSample> work) {
      long total = 0;
      for (ColumnSample s : work) {
        for (String v : s.values()) {
          total += v.length();
        }
      }
      sink += total;
    }

    static void runChain(BenchRuntime chain, List<ColumnSample> work) {
      long total = 0;
      for (ColumnSample s : work) {
        List<Classification> r = chain.classify(s);
        total += r.size();
      }
      sink += total;
    }

    static double seconds(Runnable r) {
      long t0 = System.nanoTime();
      r.run();
      return (System.nanoTime() - t0) / 1e9;
    }

    String report() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "Throughput, single thread, %,d values in %,d column samples (best of 3 passes):%n",
          values, samples));
      sb.append(String.format(Locale.ROOT, "  baseline (sum of String.length): %,15.0f values/s%n", baselinePerSec));
      sb.append(String.format(Locale.ROOT, "  tiers 1-2:                       %,15.0f values/s  (baseline/tiers = %.0fx)%n",
          lowPerSec, baselinePerSec / lowPerSec));
      if (fullPerSec > 0) {
        sb.append(String.format(Locale.ROOT, "  tiers 1-3:                       %,15.0f values/s  (baseline/tiers = %.0fx)%n",
            fullPerSec, baselinePerSec / fullPerSec));
      }
      return sb.toString();
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("values", values);
      m.put("samples", samples);
      m.put("baselineValuesPerSecond", baselinePerSec);
      m.put("tiers12ValuesPerSecond", lowPerSec);
      m.put("tiers13ValuesPerSecond", fullPerSec);
      return m;
    }
  }
}
