package io.pursight.governance.scan;

/** How much a re-scan re-reads. */
public enum ScanMode {
  /**
   * Re-read metadata of every dataset, but re-sample only datasets that are new, changed in
   * structure, changed in estimated size by more than 10%, or whose last sample is older than the
   * request's {@code resampleAfter}. Unchanged datasets keep their classifications and profiles.
   */
  INCREMENTAL,
  /** Re-read and re-sample everything. */
  FULL
}
