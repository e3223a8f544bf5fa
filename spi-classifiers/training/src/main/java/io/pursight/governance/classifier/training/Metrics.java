package io.pursight.governance.classifier.training;

import io.pursight.governance.classification.Classification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Column-level metrics of a classifier run over a labelled set.
 *
 * <ul>
 *   <li>A column's <b>predicted set</b> is every info type whose merged confidence is at least the
 *       threshold (default 0.5).
 *   <li><b>Exact accuracy</b>: share of columns whose predicted set equals the expected set (a decoy
 *       is right when nothing is predicted).
 *   <li><b>Top-1 accuracy</b>: share of columns whose best type (at or above the threshold) is one of
 *       the expected types, or, for a decoy, that have no type at or above the threshold.
 *   <li>Per info type t, over columns: TP = t predicted and expected, FP = predicted not expected, FN =
 *       expected not predicted; precision, recall and F1 from those (0 when undefined).
 *   <li><b>Macro-F1</b>: the mean F1 over the info types expected by at least one column of the set.
 *   <li><b>Decoy FPR</b>: share of decoy columns with a non-empty predicted set.
 * </ul>
 */
public final class Metrics {
  /** The default threshold. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** One column and what the classifiers found. */
  public record Prediction(LabeledColumn column, List<Classification> found) {}

  /** Counts for one info type. */
  public record TypeStats(int tp, int fp, int fn) {
    /** TP / (TP + FP), 0 when nothing was predicted. */
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    /** TP / (TP + FN), 0 when nothing was expected. */
    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    /** Harmonic mean of precision and recall, 0 when both are 0. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public final double threshold;
  public final int columns;
  public final int decoys;
  public final double exactAccuracy;
  public final double top1Accuracy;
  public final double macroF1;
  public final double decoyFpr;
  public final int decoyHits;
  /** Per expected info type (the macro-F1 types). */
  public final Map<String, TypeStats> perType;
  /** Expected type -> predicted-set members that are not it (or "(missed)") -> columns. */
  public final Map<String, Map<String, Integer>> confusion;
  /** Decoy kind -> types predicted on its columns -> columns. */
  public final Map<String, Map<String, Integer>> decoyConfusion;
  /** Types predicted on columns that did not expect them, per predicted type. */
  public final Map<String, Integer> falsePositivesByType;

  private Metrics(double threshold, List<Prediction> predictions) {
    this.threshold = threshold;
    this.columns = predictions.size();
    Set<String> expectedTypes = new TreeSet<>();
    for (Prediction p : predictions) {
      expectedTypes.addAll(p.column().expected());
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (String t : expectedTypes) {
      counts.put(t, new int[3]);
    }
    Map<String, Map<String, Integer>> conf = new TreeMap<>();
    Map<String, Map<String, Integer>> decoyConf = new TreeMap<>();
    Map<String, Integer> fpByType = new TreeMap<>();
    int exact = 0;
    int top1 = 0;
    int nDecoys = 0;
    int nDecoyHits = 0;
    for (Prediction p : predictions) {
      Set<String> expected = new LinkedHashSet<>(p.column().expected());
      Set<String> predicted = predictedSet(p.found(), threshold);
      if (predicted.equals(expected)) {
        exact++;
      }
      String best = p.found().isEmpty() || p.found().get(0).confidence() < threshold ? null : p.found().get(0).infoType();
      if (expected.isEmpty() ? best == null : best != null && expected.contains(best)) {
        top1++;
      }
      if (expected.isEmpty()) {
        nDecoys++;
        String kind = p.column().kind() == null ? "decoy" : p.column().kind().replaceFirst("^decoy:", "");
        if (!predicted.isEmpty()) {
          nDecoyHits++;
          for (String t : predicted) {
            decoyConf.computeIfAbsent(kind, k -> new TreeMap<>()).merge(t, 1, Integer::sum);
          }
        }
      }
      for (String t : predicted) {
        int[] c = counts.get(t);
        if (expected.contains(t)) {
          c[0]++;
        } else {
          if (c != null) {
            c[1]++;
          }
          fpByType.merge(t, 1, Integer::sum);
        }
      }
      for (String t : expected) {
        if (!predicted.contains(t)) {
          counts.get(t)[2]++;
        }
        Map<String, Integer> row = conf.computeIfAbsent(t, k -> new TreeMap<>());
        boolean any = false;
        for (String q : predicted) {
          if (!expected.contains(q)) {
            row.merge(q, 1, Integer::sum);
          }
          any |= q.equals(t);
        }
        if (!any) {
          row.merge("(missed)", 1, Integer::sum);
        }
      }
    }
    Map<String, TypeStats> stats = new TreeMap<>();
    double f1sum = 0;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      TypeStats s = new TypeStats(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
      stats.put(e.getKey(), s);
      f1sum += s.f1();
    }
    conf.values().removeIf(Map::isEmpty);
    this.perType = stats;
    this.confusion = conf;
    this.decoyConfusion = decoyConf;
    this.falsePositivesByType = fpByType;
    this.decoys = nDecoys;
    this.decoyHits = nDecoyHits;
    this.exactAccuracy = columns == 0 ? 0 : (double) exact / columns;
    this.top1Accuracy = columns == 0 ? 0 : (double) top1 / columns;
    this.macroF1 = stats.isEmpty() ? 0 : f1sum / stats.size();
    this.decoyFpr = nDecoys == 0 ? 0 : (double) nDecoyHits / nDecoys;
  }

  /** The types at or above the threshold. */
  public static Set<String> predictedSet(List<Classification> found, double threshold) {
    Set<String> out = new TreeSet<>();
    for (Classification c : found) {
      if (c.confidence() >= threshold && c.isActive()) {
        out.add(c.infoType());
      }
    }
    return out;
  }

  /** Computes the metrics. */
  public static Metrics compute(List<Prediction> predictions, double threshold) {
    return new Metrics(threshold, predictions);
  }

  /** The one-line summary. */
  public String summary() {
    return String.format(Locale.ROOT, "exact accuracy %.4f | top-1 accuracy %.4f | macro-F1 %.4f over %d types | "
        + "decoy FPR %.4f (%d/%d)", exactAccuracy, top1Accuracy, macroF1, perType.size(), decoyFpr, decoyHits, decoys);
  }

  /** Per-type table and confusion, as text. */
  public String details() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-46s %4s %4s %4s %9s %7s %6s%n", "info type", "TP", "FP", "FN", "precision",
        "recall", "F1"));
    for (Map.Entry<String, TypeStats> e : perType.entrySet()) {
      TypeStats s = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-46s %4d %4d %4d %9.3f %7.3f %6.3f%n", e.getKey(), s.tp(), s.fp(), s.fn(),
          s.precision(), s.recall(), s.f1()));
    }
    sb.append("\nConfusion (expected -> also/instead predicted: columns):\n");
    if (confusion.isEmpty()) {
      sb.append("  none\n");
    }
    confusion.forEach((t, row) -> sb.append("  ").append(t).append(" -> ").append(row).append('\n'));
    sb.append("\nDecoys flagged (kind -> predicted types: columns):\n");
    if (decoyConfusion.isEmpty()) {
      sb.append("  none\n");
    }
    decoyConfusion.forEach((k, row) -> sb.append("  ").append(k).append(" -> ").append(row).append('\n'));
    return sb.toString();
  }

  /** The types with F1 below {@code f1}, worst first. */
  public List<String> weakTypes(double f1) {
    List<String> out = new ArrayList<>();
    perType.entrySet().stream().filter(e -> e.getValue().f1() < f1)
        .sorted((a, b) -> Double.compare(a.getValue().f1(), b.getValue().f1())).forEach(e -> out.add(e.getKey()));
    return out;
  }
}
