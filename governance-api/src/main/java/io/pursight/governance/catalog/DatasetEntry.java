package io.pursight.governance.catalog;

import io.pursight.governance.profile.QualityScore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset as the catalog knows it.
 *
 * @param dataset the technical metadata
 * @param annotations what people set on the dataset
 * @param fields the fields with their annotations, classifications and profiles
 * @param quality the dataset's quality, or null when never sampled
 * @param sample how its values were last sampled, or null
 * @param scannedAt when a scan last read it
 */
public record DatasetEntry(
    Dataset dataset, Annotations annotations, List<FieldEntry> fields, QualityScore quality, SampleInfo sample,
    Instant scannedAt) {

  /** Validates the parts. */
  public DatasetEntry {
    Objects.requireNonNull(dataset, "dataset");
    annotations = annotations == null ? Annotations.EMPTY : annotations;
    fields = List.copyOf(fields);
  }

  /** The dataset's name. */
  public QualifiedName name() {
    return dataset.name();
  }

  /** The field called {@code fieldName}, if any. */
  public Optional<FieldEntry> field(String fieldName) {
    return fields.stream().filter(f -> f.field().name().equals(fieldName)).findFirst();
  }
}
