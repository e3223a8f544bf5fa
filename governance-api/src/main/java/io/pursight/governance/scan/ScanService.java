package io.pursight.governance.scan;

/**
 * Scans sources: discover → sample → classify → profile → store, one dataset at a time (in
 * parallel across datasets), isolating failures per source, dataset and column.
 */
public interface ScanService {

  /** Runs a scan and waits for it. Never throws for source or dataset failures: see the result's errors. */
  ScanResult scan(ScanRequest request);

  /** Starts a scan in the background. */
  Scan start(ScanRequest request);
}
