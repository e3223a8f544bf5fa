package io.pursight.governance.scan;

import io.pursight.governance.catalog.SchemaChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a scan.
 *
 * @param scanId the scan's id
 * @param started when it started
 * @param finished when it finished
 * @param datasets one outcome per dataset considered
 * @param errors every isolated failure (sources, datasets, columns)
 * @param changes the structural changes detected
 * @param cancelled true when the scan was cancelled before finishing
 */
public record ScanResult(
    String scanId, Instant started, Instant finished, List<DatasetOutcome> datasets, List<ScanError> errors,
    List<SchemaChange> changes, boolean cancelled) {

  /** Copies the lists. */
  public ScanResult {
    datasets = List.copyOf(datasets);
    errors = List.copyOf(errors);
    changes = List.copyOf(changes);
  }

  /** Wall-clock duration. */
  public Duration duration() {
    return Duration.between(started, finished);
  }

  /** Number of datasets with {@code status}. */
  public long count(DatasetOutcome.Status status) {
    return datasets.stream().filter(d -> d.status() == status).count();
  }

  /** True when nothing failed and the scan was not cancelled. */
  public boolean isClean() {
    return errors.isEmpty() && !cancelled;
  }
}
