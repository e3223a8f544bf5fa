package io.pursight.governance.scan;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SampleInfo;
import java.util.Objects;

/**
 * What a scan did with one dataset.
 *
 * @param dataset the dataset
 * @param status the result
 * @param fields the number of fields discovered
 * @param sensitiveFields the number of fields with at least one active classification
 * @param sample how values were sampled, or null when they were not
 * @param millis the time spent on the dataset
 * @param error the reason when {@code status} is FAILED, otherwise null
 */
public record DatasetOutcome(
    QualifiedName dataset, Status status, int fields, int sensitiveFields, SampleInfo sample, long millis, String error) {

  /** The result for a dataset. */
  public enum Status {
    /** Metadata read, values sampled, classified and profiled (warnings may exist). */
    SCANNED,
    /** Metadata read; structure and size unchanged, so previous sample results were kept. */
    UNCHANGED,
    /** The dataset could not be processed; see {@link DatasetOutcome#error()}. */
    FAILED,
    /** The scan was cancelled before the dataset was finished. */
    CANCELLED
  }

  /** Validates the parts. */
  public DatasetOutcome {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(status, "status");
  }
}
