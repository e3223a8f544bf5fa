package io.pursight.governance.cli;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanListener;
import io.pursight.governance.scan.ScanResult;
import java.io.PrintWriter;

/** Draws scan progress on one terminal line: {@code [#####.....] 12/40 public.orders}. */
final class ProgressBar implements ScanListener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private int done;
  private int total;
  private String current = "";

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void sourceStarted(String scanId, String source, int datasets) {
    total += datasets;
    draw();
  }

  @Override
  public void datasetStarted(QualifiedName dataset) {
    current = dataset.displayName();
    draw();
  }

  @Override
  public void datasetFinished(DatasetOutcome outcome, int doneSoFar, int totalSoFar) {
    done = doneSoFar;
    total = Math.max(total, totalSoFar);
    draw();
  }

  @Override
  public void scanFinished(ScanResult result) {
    err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
    err.flush();
  }

  private void draw() {
    int filled = total == 0 ? 0 : (int) ((long) WIDTH * done / total);
    String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + current;
    err.print("\r" + Cli.pad(line, WIDTH + 70));
    err.flush();
  }
}
