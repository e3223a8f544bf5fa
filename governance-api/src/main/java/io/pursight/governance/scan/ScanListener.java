package io.pursight.governance.scan;

import io.pursight.governance.catalog.QualifiedName;

/**
 * Observes a scan's progress, e.g. to draw a progress bar. Every method has an empty default.
 * Calls are serialized (never concurrent) even when datasets are scanned in parallel; they should
 * return quickly. An exception thrown by a listener is logged and otherwise ignored.
 */
public interface ScanListener {

  /** The scan of {@code source} starts with {@code datasets} datasets to process. */
  default void sourceStarted(String scanId, String source, int datasets) {}

  /** Work on {@code dataset} starts. */
  default void datasetStarted(QualifiedName dataset) {}

  /** Work on a dataset ended; {@code done} of {@code total} datasets of this scan are finished. */
  default void datasetFinished(DatasetOutcome outcome, int done, int total) {}

  /** A failure was isolated. */
  default void error(ScanError error) {}

  /** The scan ended (completed, cancelled or failed). */
  default void scanFinished(ScanResult result) {}
}
