package io.pursight.governance.catalog;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one scan learned about one dataset: its technical metadata, the classifiers'
 * suggestions, profiles and quality per field. A {@link io.pursight.governance.spi.CatalogStore}
 * replaces a dataset's snapshot atomically; people's annotations and decisions are stored apart
 * and never touched by it.
 *
 * @param dataset the technical metadata
 * @param classifications classifier suggestions per field name, best first
 * @param profiles profile per field name (absent when not sampled)
 * @param fieldQuality quality per field name (absent when not sampled)
 * @param quality the dataset's quality, or null when not sampled
 * @param sample how the values were sampled (method, rows, time), or null when not sampled
 * @param scannedAt when the scan read the dataset
 * @param sampledAt when values were last sampled (may be older than {@code scannedAt} when an
 *     incremental scan kept the previous results), or null
 * @param scanId the id of the scan
 */
public record DatasetSnapshot(
    Dataset dataset, Map<String, List<Classification>> classifications, Map<String, Profile> profiles,
    Map<String, QualityScore> fieldQuality, QualityScore quality, SampleInfo sample, Instant scannedAt,
    Instant sampledAt, String scanId) {

  /** Validates the parts and copies the collections. */
  public DatasetSnapshot {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(scannedAt, "scannedAt");
    classifications = classifications == null ? Map.of()
        : Map.copyOf(classifications.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    fieldQuality = fieldQuality == null ? Map.of() : Map.copyOf(fieldQuality);
  }

  /** The dataset's name. */
  public QualifiedName name() {
    return dataset.name();
  }
}
