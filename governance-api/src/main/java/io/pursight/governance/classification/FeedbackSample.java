package io.pursight.governance.classification;

import io.pursight.governance.catalog.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A column people gave verdicts on, with values sampled afresh from its source: labelled data for
 * re-training classifiers. Holds raw values: keep it where the source's data may be kept.
 *
 * @param field the field
 * @param values the sampled non-null values as text
 * @param nullCount sampled nulls
 * @param confirmed info types people confirmed
 * @param rejected info types people rejected
 */
public record FeedbackSample(QualifiedName field, List<String> values, long nullCount, List<String> confirmed,
    List<String> rejected) {

  /** Validates the parts and copies the lists. */
  public FeedbackSample {
    Objects.requireNonNull(field, "field");
    values = List.copyOf(values);
    confirmed = List.copyOf(confirmed);
    rejected = List.copyOf(rejected);
  }
}
