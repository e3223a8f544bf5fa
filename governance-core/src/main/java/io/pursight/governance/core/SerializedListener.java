package io.pursight.governance.core;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanListener;
import io.pursight.governance.scan.ScanResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a user's listener one call at a time and never lets its exceptions escape. */
final class SerializedListener implements ScanListener {
  private static final Logger LOG = LoggerFactory.getLogger(SerializedListener.class);
  private final ScanListener delegate;

  SerializedListener(ScanListener delegate) {
    this.delegate = delegate;
  }

  private synchronized void call(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("Scan listener failed in {}: {}", what, e.toString());
    }
  }

  @Override
  public void sourceStarted(String scanId, String source, int datasets) {
    call("sourceStarted", () -> delegate.sourceStarted(scanId, source, datasets));
  }

  @Override
  public void datasetStarted(QualifiedName dataset) {
    call("datasetStarted", () -> delegate.datasetStarted(dataset));
  }

  @Override
  public void datasetFinished(DatasetOutcome outcome, int done, int total) {
    call("datasetFinished", () -> delegate.datasetFinished(outcome, done, total));
  }

  @Override
  public void error(ScanError error) {
    call("error", () -> delegate.error(error));
  }

  @Override
  public void scanFinished(ScanResult result) {
    call("scanFinished", () -> delegate.scanFinished(result));
  }
}
