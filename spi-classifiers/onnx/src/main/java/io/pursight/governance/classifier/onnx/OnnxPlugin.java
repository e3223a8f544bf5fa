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
 *   <li>{@code onnx.vetoes} (default true) and {@code onnx.vetoBelow} (default 0.02): the classifier
 *       {@linkplain io.pursight.governance.spi.Classifier#overridesLowerTiers() overrides lower
 *       tiers} and returns confidence 0 (a veto) for a lower-tier type whose probability is below
 *       {@code vetoBelow} while another label wins (see docs/classification-model.md).
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

  // Defaults chosen on the validation part of the training data with the real-data check as a
  // constraint (docs/classification-model.md, "Choosing the defaults"); re-check after each retraining.
  /** Default of {@link #MIN_CONFIDENCE_KEY}. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.6;
  /** Default of {@link #MIN_CONFIDENCE_NEW_KEY}. */
  public static final double DEFAULT_MIN_CONFIDENCE_NEW = 0.8;
  /** Default of {@link #VETOES_KEY}: the model may take back lower tiers' suggestions. */
  public static final boolean DEFAULT_VETOES = true;
  /** Default of {@link #VETO_BELOW_KEY}. */
  public static final double DEFAULT_VETO_BELOW = 0.02;

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
      double min = fraction(config, MIN_CONFIDENCE_KEY, DEFAULT_MIN_CONFIDENCE);
      double minNew = fraction(config, MIN_CONFIDENCE_NEW_KEY, DEFAULT_MIN_CONFIDENCE_NEW);
      double vetoBelow = fraction(config, VETO_BELOW_KEY, DEFAULT_VETO_BELOW);
      boolean vetoes = config.getBoolean(VETOES_KEY, DEFAULT_VETOES);
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
