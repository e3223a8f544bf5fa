package io.pursight.governance.scan;

import java.util.concurrent.CompletableFuture;

/** A running scan. */
public interface Scan {

  /** The scan's id. */
  String id();

  /**
   * Requests cancellation: running statements are aborted, datasets not yet finished are reported
   * as {@link DatasetOutcome.Status#CANCELLED}, and what was finished stays in the catalog.
   */
  void cancel();

  /** Completes with the result, also after cancellation; never completes exceptionally. */
  CompletableFuture<ScanResult> result();
}
