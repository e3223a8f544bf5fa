package io.pursight.governance.policy.compliance;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.Classification.Status;
import java.util.List;

/** Classifications as the classifiers and the runtime write them (evidence strings without values). */
final class Classes {
  private Classes() {}

  /** Found in sampled values by the patterns classifier. */
  static Classification values(String type) {
    return Classification.suggested(type, 0.85, "patterns", List.of("48/50 values pass the " + type + " checks"));
  }

  /** Found in sampled values, estimated from a subset (the phone form). */
  static Classification estimated(String type) {
    return Classification.suggested(type, 0.8, "patterns",
        List.of("~500/500 values pass libphonenumber validity (estimated from 32 checked)"));
  }

  /** Found by the ONNX model with the value shape weighing in. */
  static Classification model(String type) {
    return Classification.suggested(type, 0.9, "onnx", List.of("model: 0.90 for " + type + " (value shape, column name)"));
  }

  /** Found by the ONNX model from the column name alone. */
  static Classification modelByName(String type) {
    return Classification.suggested(type, 0.7, "onnx", List.of("model: 0.70 for " + type + " (column name)"));
  }

  /** Found by name only, over no values. */
  static Classification nameOnly(String type) {
    return Classification.suggested(type, 0.5, "patterns",
        List.of("name matches " + type, "no non-blank values sampled"));
  }

  /** Found by name over masked values. */
  static Classification masked(String type) {
    return Classification.suggested(type, 0.45, "patterns", List.of("name matches " + type, "20/20 values look masked"));
  }

  /** Inherited along lineage by the runtime. */
  static Classification inherited(String type, String from) {
    return new Classification(type, 0.85, List.of("inherited from " + FakeCatalog.fq(from) + " via IDENTITY"),
        "lineage", Status.SUGGESTED);
  }

  /** Confirmed by a person, no classifier evidence. */
  static Classification confirmed(String type) {
    return new Classification(type, 1.0, List.of("confirmed by alice"), "user", Status.CONFIRMED);
  }

  /** Rejected by a person (inactive). */
  static Classification rejected(String type) {
    return values(type).withStatus(Status.REJECTED);
  }
}
