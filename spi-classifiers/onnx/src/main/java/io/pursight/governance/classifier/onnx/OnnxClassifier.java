package io.pursight.governance.classifier.onnx;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.spi.Classifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tier 3: the ONNX model. Suggests every info type whose probability is at least {@code
 * minConfidence} when a lower tier also suggested it (confirmation), or at least {@code
 * minConfidenceNew} when none did (adding a type nobody else saw needs more certainty: the model has
 * no dictionaries), with that probability as confidence. Evidence names the feature groups the decision
 * rests on, found by re-running the model with each group zeroed (column name, values, lower tiers):
 * {@code "model: 0.93 for EMAIL_ADDRESS (value shape, column name)"}.
 *
 * <p>With {@code vetoes} on, it also returns confidence 0 for lower-tier types the model finds
 * implausible (probability below {@code vetoBelow} while another label wins), and declares that it
 * {@linkplain #overridesLowerTiers() overrides lower tiers}, so the runtime removes those types.
 *
 * <p>Thread-safe; {@link #close()} releases the ONNX session.
 */
public final class OnnxClassifier implements Classifier, AutoCloseable {
  private final OnnxModel model;
  private final double minConfidence;
  private final double minConfidenceNew;
  private final boolean vetoes;
  private final double vetoBelow;
  private final Map<String, Integer> labelIndex = new HashMap<>();
  private final int noneIndex;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A classifier over {@code model}. */
  public OnnxClassifier(OnnxModel model, double minConfidence, double minConfidenceNew, boolean vetoes,
      double vetoBelow) {
    this.model = model;
    this.minConfidence = minConfidence;
    this.minConfidenceNew = Math.max(minConfidence, minConfidenceNew);
    this.vetoes = vetoes;
    this.vetoBelow = vetoBelow;
    List<String> labels = model.manifest().labels();
    for (int i = 0; i < labels.size(); i++) {
      labelIndex.put(labels.get(i), i);
    }
    String none = model.manifest().noneLabel();
    noneIndex = none == null ? -1 : labels.indexOf(none);
  }

  @Override
  public String id() {
    return "onnx";
  }

  @Override
  public int tier() {
    return 3;
  }

  /** With vetoes on, the model's confidence replaces lower tiers' and 0 removes a type. */
  @Override
  public boolean overridesLowerTiers() {
    return vetoes;
  }

  /** The model. */
  public OnnxModel model() {
    return model;
  }

  @Override
  public List<Classification> classify(ColumnSample sample, Context context) {
    return classifyAll(List.of(sample), List.of(context)).get(0);
  }

  /** Classifies several columns with one model run. */
  public List<List<Classification>> classifyAll(List<ColumnSample> samples, List<Context> contexts) {
    if (closed.get()) {
      throw new IllegalStateException("The ONNX classifier is closed");
    }
    Features fx = model.features();
    int nameFrom = Features.nameOffset();
    int prevFrom = fx.previousOffset();
    List<float[]> rows = new ArrayList<>(samples.size() * 4);
    for (int i = 0; i < samples.size(); i++) {
      ColumnSample s = samples.get(i);
      List<Classification> previous = contexts.get(i) == null ? List.of() : contexts.get(i).previous();
      float[] f = fx.extract(s.fieldName(), s.values(), s.nullCount(), previous);
      rows.add(f);
      rows.add(zeroed(f, nameFrom, prevFrom)); // without the column name
      rows.add(zeroed(f, 0, nameFrom)); // without the values
      rows.add(zeroed(f, prevFrom, f.length)); // without lower tiers
    }
    float[][] p = model.predict(rows);
    List<List<Classification>> out = new ArrayList<>(samples.size());
    List<String> labels = model.manifest().labels();
    for (int i = 0; i < samples.size(); i++) {
      float[] full = p[4 * i];
      List<Classification> previous = contexts.get(i) == null ? List.of() : contexts.get(i).previous();
      Map<String, Double> prev = new HashMap<>();
      for (Classification c : previous) {
        if (c.isActive()) {
          prev.merge(c.infoType(), c.confidence(), Math::max);
        }
      }
      int best = argmax(full);
      List<Classification> found = new ArrayList<>();
      for (int k = 0; k < labels.size(); k++) {
        if (k == noneIndex) {
          continue;
        }
        String type = labels.get(k);
        double prob = clamp(full[k]);
        if (prob >= (prev.containsKey(type) ? minConfidence : minConfidenceNew)) {
          String why = reasons(full[k], p[4 * i + 1][k], p[4 * i + 2][k], p[4 * i + 3][k]);
          double conf = vetoes ? Math.max(prob, prev.getOrDefault(type, 0.0)) : prob;
          found.add(Classification.suggested(type, conf, id(),
              List.of(String.format(Locale.ROOT, "model: %.2f for %s (%s)", prob, type, why))));
        } else if (vetoes && prev.containsKey(type) && prob < vetoBelow && best != k) {
          found.add(Classification.suggested(type, 0.0, id(), List.of(String.format(Locale.ROOT,
              "model: %.2f for %s; vetoed (model prefers %s at %.2f)", prob, type, labels.get(best), clamp(full[best])))));
        }
      }
      out.add(found);
    }
    return out;
  }

  private static double clamp(float v) {
    return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
  }

  private static String reasons(float full, float noName, float noValues, float noPrevious) {
    List<String> parts = new ArrayList<>(3);
    float[] drops = {full - noValues, full - noName, full - noPrevious};
    String[] names = {"value shape", "column name", "lower tiers"};
    Integer[] order = {0, 1, 2};
    java.util.Arrays.sort(order, (a, b) -> Float.compare(drops[b], drops[a]));
    for (int o : order) {
      if (drops[o] >= 0.05f) {
        parts.add(names[o]);
      }
    }
    return parts.isEmpty() ? "values, name and lower tiers together" : String.join(", ", parts);
  }

  private static float[] zeroed(float[] f, int from, int to) {
    float[] c = f.clone();
    java.util.Arrays.fill(c, from, to, 0f);
    return c;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }
}
