package io.pursight.governance.catalog;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import java.util.List;
import java.util.Objects;

/**
 * A field as the catalog knows it: technical metadata, annotations, classifications (with people's
 * verdicts applied), profile and quality.
 *
 * @param name the field's qualified name
 * @param field the technical metadata
 * @param annotations what people set
 * @param classifications confirmed and suggested classifications best first, then rejected ones
 * @param profile the latest profile, or null when never sampled
 * @param quality the latest quality score, or null when never sampled
 */
public record FieldEntry(
    QualifiedName name, Field field, Annotations annotations, List<Classification> classifications, Profile profile,
    QualityScore quality) {

  /** Validates the parts. */
  public FieldEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    annotations = annotations == null ? Annotations.EMPTY : annotations;
    classifications = List.copyOf(classifications);
  }

  /** Classifications nobody rejected, best first. */
  public List<Classification> activeClassifications() {
    return classifications.stream().filter(Classification::isActive).toList();
  }
}
