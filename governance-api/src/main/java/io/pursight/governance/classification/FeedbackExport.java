package io.pursight.governance.classification;

import io.pursight.governance.scan.ScanError;
import java.util.List;

/**
 * The result of exporting feedback for one source: the labelled columns that could be sampled, and
 * what could not (dataset dropped, no privilege...).
 *
 * @param samples the labelled columns
 * @param errors the isolated failures
 */
public record FeedbackExport(List<FeedbackSample> samples, List<ScanError> errors) {

  /** Copies the lists. */
  public FeedbackExport {
    samples = List.copyOf(samples);
    errors = List.copyOf(errors);
  }
}
