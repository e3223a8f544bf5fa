package io.pursight.governance.classifier.training;

import io.pursight.governance.spi.GovernancePlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tunes the tier-3 settings: evaluates tiers 1-2 and tiers 1-3 over a grid of {@code onnx.vetoes},
 * {@code onnx.minConfidence}, {@code onnx.minConfidenceNew} and {@code onnx.vetoBelow} on one or more
 * labelled sets, each configuration a real runtime ({@link BenchRuntime}). Meant for the validation
 * part of the training data (written by {@code ModelTrainer}) and the real-data check — never for the
 * held-out set.
 *
 * <p>{@code --eval-opaque FILE} evaluates FILE with every column name replaced by an opaque one.
 *
 * <p>Usage: {@code ThresholdSweep --eval FILE [--eval FILE]... [--eval-opaque FILE]... [--threshold 0.5] [--set k=v]...
 * [--min 0.5,0.6,...] [--min-new 0.7,0.8,...] [--veto-below 0.02,0.05,...]}
 */
public final class ThresholdSweep {
  private ThresholdSweep() {}

  /** Entry point. */
  public static void main(String[] args) {
    List<Path> evals = new ArrayList<>();
    List<Path> opaque = new ArrayList<>();
    double threshold = Metrics.DEFAULT_THRESHOLD;
    Map<String, String> settings = new HashMap<>();
    double[] mins = {0.5, 0.6, 0.7, 0.8, 0.9};
    double[] minNews = {0.7, 0.8, 0.85, 0.9, 0.95, 1.0};
    double[] vetoBelows = {0.02, 0.05, 0.1};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--eval" -> evals.add(Path.of(args[++i]));
        case "--eval-opaque" -> opaque.add(Path.of(args[++i]));
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--min" -> mins = doubles(args[++i]);
        case "--min-new" -> minNews = doubles(args[++i]);
        case "--veto-below" -> vetoBelows = doubles(args[++i]);
        case "--set" -> {
          String[] kv = args[++i].split("=", 2);
          settings.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "; usage: ThresholdSweep --eval FILE "
            + "[--eval FILE]... [--threshold T] [--set k=v]... [--min a,b] [--min-new a,b] [--veto-below a,b]");
      }
    }
    if (evals.isEmpty() && opaque.isEmpty()) {
      throw new IllegalArgumentException("Give at least one --eval FILE (the validation part, the real-data check)");
    }
    List<Path> all = new ArrayList<>(evals);
    all.addAll(opaque);
    for (Path p : all) {
      if (p.getFileName().toString().startsWith("holdout")) {
        throw new IllegalArgumentException("Do not tune on the held-out set (" + p + ")");
      }
    }
    Map<String, List<LabeledColumn>> sets = new LinkedHashMap<>();
    evals.forEach(p -> sets.put(p.getFileName().toString(), Jsonl.read(p)));
    opaque.forEach(p -> sets.put(p.getFileName() + " opaque", opaqueNames(Jsonl.read(p))));
    List<GovernancePlugin> plugins = BenchRuntime.discoverPlugins();
    List<BenchRuntime.ProviderInfo> infos = BenchRuntime.describe(plugins, settings);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-44s", "configuration"));
    for (String p : sets.keySet()) {
      header.append(String.format(Locale.ROOT, " | %-30s", p + " exact/F1/FPR"));
    }
    System.out.println(header);
    try (BenchRuntime low = BenchRuntime.open(plugins, infos, settings, 2, Set.of())) {
      System.out.println(line("tiers 1-2", low, sets, threshold));
    }
    for (boolean vetoes : new boolean[] {false, true}) {
      for (double min : mins) {
        for (double minNew : minNews) {
          if (minNew < min) {
            continue;
          }
          for (double vb : vetoes ? vetoBelows : new double[] {0.05}) {
            Map<String, String> s = new HashMap<>(settings);
            s.put("onnx.vetoes", Boolean.toString(vetoes));
            s.put("onnx.minConfidence", Double.toString(min));
            s.put("onnx.minConfidenceNew", Double.toString(minNew));
            s.put("onnx.vetoBelow", Double.toString(vb));
            String name = String.format(Locale.ROOT, "vetoes=%-5s min=%.2f new=%.2f%s", vetoes, min, minNew,
                vetoes ? String.format(Locale.ROOT, " below=%.2f", vb) : "");
            try (BenchRuntime full = BenchRuntime.open(plugins, infos, s, 3, Set.of())) {
              System.out.println(line(name, full, sets, threshold));
            }
          }
        }
      }
    }
  }

  private static String line(String name, BenchRuntime rt, Map<String, List<LabeledColumn>> sets, double threshold) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-44s", name));
    for (List<LabeledColumn> cols : sets.values()) {
      Metrics m = Metrics.compute(ClassifierBench.predict(rt, cols), threshold);
      sb.append(String.format(Locale.ROOT, " | %.4f %.4f %.4f (%2d/%3d)  ", m.exactAccuracy, m.macroF1, m.decoyFpr,
          m.decoyHits, m.decoys));
    }
    return sb.toString();
  }

  /**
   * The columns with every name replaced by an opaque one ({@code col0}..{@code col19}): a harder
   * variant in which tier 2 has no name evidence and only values tell.
   */
  static List<LabeledColumn> opaqueNames(List<LabeledColumn> cols) {
    List<LabeledColumn> out = new ArrayList<>(cols.size());
    for (int i = 0; i < cols.size(); i++) {
      LabeledColumn c = cols.get(i);
      out.add(new LabeledColumn(c.id(), c.dataset(), "col" + (i % 20), c.values(), c.expected(), c.kind(), c.rejected()));
    }
    return out;
  }

  private static double[] doubles(String csv) {
    String[] parts = csv.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i].strip());
    }
    return out;
  }
}
