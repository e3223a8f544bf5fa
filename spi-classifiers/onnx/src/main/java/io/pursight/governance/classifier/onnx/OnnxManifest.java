package io.pursight.governance.classifier.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the plugin needs to know about an ONNX model, stored next to it as JSON ({@code model.json}):
 *
 * <pre>{@code
 * {"format": "pursight-onnx-classifier/1",
 *  "featureSpec": "pursight-features-v1",        // Features.SPEC the model was trained on
 *  "modelVersion": "1.3fa9c2d1e0b4",
 *  "input": "input", "output": "output",          // tensor names in the ONNX graph
 *  "outputKind": "probabilities",                 // or "logits" (softmax applied by the plugin)
 *  "features": ["n.tok.003", "v.at", ...],        // input column i = feature named features[i]
 *  "labels": ["AGE", ..., "NONE"],                // output column k = labels[k]
 *  "noneLabel": "NONE",                           // the "nothing sensitive" label, optional
 *  "stackingTypes": ["AGE", ...],                 // info types of the p.* features, optional
 *  "stackedOn": ["patterns"],                     // lower-tier classifiers at training, informative
 *  "trainingData": {"seed": "4242017", "sha256": "..."}}
 * }</pre>
 *
 * @param format {@link #FORMAT}
 * @param featureSpec must be {@link Features#SPEC}
 * @param modelVersion free text
 * @param input the input tensor's name: FLOAT {@code [N, features.size()]}
 * @param output the output tensor's name: FLOAT {@code [N, labels.size()]}
 * @param outputKind whether the output holds probabilities or logits
 * @param features feature names, in input column order; each must be a name of {@link Features}
 * @param labels info type ids (or the none label), in output column order
 * @param noneLabel the label meaning nothing sensitive, or null
 * @param stackingTypes the info types of the {@code p.*} features
 * @param stackedOn ids of the classifiers whose results were stacked at training
 * @param trainingData provenance of the training data
 */
public record OnnxManifest(String format, String featureSpec, String modelVersion, String input, String output,
    OutputKind outputKind, List<String> features, List<String> labels, String noneLabel, List<String> stackingTypes,
    List<String> stackedOn, Map<String, String> trainingData) {

  /** The manifest format id. */
  public static final String FORMAT = "pursight-onnx-classifier/1";

  /** What the output tensor holds. */
  public enum OutputKind {
    /** Softmax probabilities. */
    PROBABILITIES,
    /** Unnormalised scores; the plugin applies softmax. */
    LOGITS
  }

  /** Copies the lists. */
  public OnnxManifest {
    features = List.copyOf(features);
    labels = List.copyOf(labels);
    stackingTypes = stackingTypes == null ? List.of() : List.copyOf(stackingTypes);
    stackedOn = stackedOn == null ? List.of() : List.copyOf(stackedOn);
    trainingData = trainingData == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(trainingData));
    Objects.requireNonNull(outputKind, "outputKind");
  }

  /**
   * Parses a manifest.
   *
   * @throws IllegalArgumentException naming the problem (missing or mistyped key, unsupported spec)
   */
  public static OnnxManifest parse(String json) {
    Object root = MiniJson.parse(json);
    if (!(root instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("the manifest must be a JSON object");
    }
    String format = str(m, "format", FORMAT);
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("unsupported format '" + format + "', expected '" + FORMAT + "'");
    }
    String spec = str(m, "featureSpec", null);
    if (spec == null) {
      throw new IllegalArgumentException("missing key 'featureSpec' (this plugin computes '" + Features.SPEC + "')");
    }
    if (!Features.SPEC.equals(spec)) {
      throw new IllegalArgumentException("feature spec '" + spec + "' is not supported; this plugin computes '"
          + Features.SPEC + "'");
    }
    String kind = str(m, "outputKind", "probabilities");
    OutputKind ok;
    if (kind.equalsIgnoreCase("probabilities")) {
      ok = OutputKind.PROBABILITIES;
    } else if (kind.equalsIgnoreCase("logits")) {
      ok = OutputKind.LOGITS;
    } else {
      throw new IllegalArgumentException("'outputKind' must be 'probabilities' or 'logits', got '" + kind + "'");
    }
    List<String> features = strings(m, "features", true);
    List<String> labels = strings(m, "labels", true);
    String none = str(m, "noneLabel", null);
    List<String> stacking = strings(m, "stackingTypes", false);
    if (stacking.isEmpty()) {
      stacking = new ArrayList<>(labels);
      stacking.remove(none);
    }
    Map<String, String> data = new LinkedHashMap<>();
    Object td = m.get("trainingData");
    if (td instanceof Map<?, ?> tm) {
      tm.forEach((k, v) -> data.put(String.valueOf(k), String.valueOf(v)));
    }
    return new OnnxManifest(format, spec, str(m, "modelVersion", "unknown"), str(m, "input", "input"),
        str(m, "output", "output"), ok, features, labels, none, stacking, strings(m, "stackedOn", false), data);
  }

  private static String str(Map<?, ?> m, String key, String fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' must be a non-empty string");
    }
    return s;
  }

  private static List<String> strings(Map<?, ?> m, String key, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException("missing key '" + key + "' (a list of strings)");
      }
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("'" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException("'" + key + "' must hold non-empty strings only");
      }
      out.add(s);
    }
    if (required && out.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    return out;
  }

  /** The manifest as pretty JSON. */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"format\": ").append(MiniJson.quote(format)).append(",\n");
    sb.append("  \"featureSpec\": ").append(MiniJson.quote(featureSpec)).append(",\n");
    sb.append("  \"modelVersion\": ").append(MiniJson.quote(modelVersion)).append(",\n");
    sb.append("  \"input\": ").append(MiniJson.quote(input)).append(",\n");
    sb.append("  \"output\": ").append(MiniJson.quote(output)).append(",\n");
    sb.append("  \"outputKind\": ").append(MiniJson.quote(outputKind.name().toLowerCase(java.util.Locale.ROOT))).append(",\n");
    if (noneLabel != null) {
      sb.append("  \"noneLabel\": ").append(MiniJson.quote(noneLabel)).append(",\n");
    }
    sb.append("  \"labels\": ").append(list(labels)).append(",\n");
    sb.append("  \"stackingTypes\": ").append(list(stackingTypes)).append(",\n");
    sb.append("  \"stackedOn\": ").append(list(stackedOn)).append(",\n");
    sb.append("  \"trainingData\": {");
    int n = 0;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(trainingData).entrySet()) {
      sb.append(n++ == 0 ? "\n" : ",\n").append("    ").append(MiniJson.quote(e.getKey())).append(": ")
          .append(MiniJson.quote(e.getValue()));
    }
    sb.append(n > 0 ? "\n  },\n" : "},\n");
    sb.append("  \"features\": ").append(list(features)).append("\n}\n");
    return sb.toString();
  }

  private static String list(List<String> l) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(MiniJson.quote(l.get(i)));
    }
    return sb.append(']').toString();
  }
}
