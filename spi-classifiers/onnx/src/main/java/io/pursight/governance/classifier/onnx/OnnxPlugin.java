package io.pursight.governance.classifier.onnx;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the tier-3 classifier provider {@code onnx}. Settings:
 *
 * <ul>
 *   <li>{@code onnx.model} and {@code onnx.manifest}: paths to your own ONNX model and its manifest
 *       (both or neither; default: the model bundled in this jar);
 *   <li>{@code onnx.minConfidence} (default 0.6): the probability at which a type that a lower tier
 *       also suggested is suggested (confirmed);
 *   <li>{@code onnx.minConfidenceNew} (default 0.8): the probability at which a type no lower tier
 *       suggested is added;
 *   <li>{@code onnx.vetoes} (default false) and {@code onnx.vetoBelow} (default 0.05): also return
 *       confidence 0 for lower-tier types the model rejects (only useful with a merge that lets a
 *       higher tier override, see docs/classification-model.md).
 * </ul>
 */
public final class OnnxPlugin implements GovernancePlugin {
  /** Path to a custom ONNX model. */
  public static final String MODEL_KEY = "onnx.model";
  /** Path to the custom model's manifest. */
  public static final String MANIFEST_KEY = "onnx.manifest";
  /** Minimum probability to suggest a type. */
  public static final String MIN_CONFIDENCE_KEY = "onnx.minConfidence";
  /** Minimum probability to suggest a type no lower tier suggested. */
  public static final String MIN_CONFIDENCE_NEW_KEY = "onnx.minConfidenceNew";
  /** Whether to emit vetoes. */
  public static final String VETOES_KEY = "onnx.vetoes";
  /** Probability under which a lower-tier type is vetoed. */
  public static final String VETO_BELOW_KEY = "onnx.vetoBelow";

  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public List<ClassifierProvider> classifiers() {
    return List.of(new Provider());
  }

  /** The {@code onnx} provider. */
  public static final class Provider implements ClassifierProvider {
    @Override
    public String name() {
      return "onnx";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Optional<String> model = config.get(MODEL_KEY).filter(s -> !s.isBlank());
      Optional<String> manifest = config.get(MANIFEST_KEY).filter(s -> !s.isBlank());
      if (model.isPresent() != manifest.isPresent()) {
        throw new ConfigurationException("Set both '" + MODEL_KEY + "' (the .onnx file) and '" + MANIFEST_KEY
            + "' (its manifest JSON), or neither to use the bundled model; only '"
            + (model.isPresent() ? MODEL_KEY : MANIFEST_KEY) + "' is set");
      }
      double min = fraction(config, MIN_CONFIDENCE_KEY, 0.6);
      double minNew = fraction(config, MIN_CONFIDENCE_NEW_KEY, 0.8);
      double vetoBelow = fraction(config, VETO_BELOW_KEY, 0.05);
      boolean vetoes = config.getBoolean(VETOES_KEY, false);
      OnnxModel m = model.isPresent()
          ? OnnxModel.load(Path.of(model.get()), Path.of(manifest.get()))
          : OnnxModel.bundled();
      return new OnnxClassifier(m, min, minNew, vetoes, vetoBelow);
    }

    private static double fraction(PluginConfig config, String key, double fallback) {
      String v = config.get(key).orElse(null);
      if (v == null) {
        return fallback;
      }
      try {
        double d = Double.parseDouble(v.strip());
        if (d >= 0 && d <= 1) {
          return d;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
      throw new ConfigurationException("Plugin setting '" + key + "' must be a number within 0..1, got '" + v + "'");
    }
  }
}
