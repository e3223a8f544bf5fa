package io.pursight.governance.spi;

/** Creates a classifier from configuration. Found through {@link GovernancePlugin#classifiers()}. */
public interface ClassifierProvider {

  /** A stable name, e.g. {@code patterns} or {@code onnx}. */
  String name();

  /** Creates the classifier. @throws io.pursight.governance.ConfigurationException on bad settings */
  Classifier create(PluginConfig config);
}
