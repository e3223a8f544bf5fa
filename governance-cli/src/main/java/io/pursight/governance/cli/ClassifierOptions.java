package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.core.Governance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Classifier settings shared by the commands that classify. */
final class ClassifierOptions {
  @Option(names = "--custom-types", paramLabel = "FILE",
      description = "YAML or JSON file of custom info types (regex, validator, keywords); see docs/classification.md.")
  Path customTypes;

  void apply(Governance.Builder b) {
    if (customTypes == null) {
      return;
    }
    if (!Files.isReadable(customTypes)) {
      throw new ConfigurationException("--custom-types " + customTypes + " is not a readable file");
    }
    b.pluginConfig("patterns", Map.of("patterns.customTypes", customTypes.toAbsolutePath().toString()));
  }
}
