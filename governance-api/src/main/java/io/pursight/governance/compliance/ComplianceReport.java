package io.pursight.governance.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating one compliance pack over the catalog.
 *
 * @param framework the framework id, e.g. {@code pci-dss}
 * @param title the framework's name, e.g. {@code PCI DSS v4.0}
 * @param score 0..100: the share of applicable control checks that passed, weighted by severity
 *     (see the pack's documentation)
 * @param controls per-control results
 * @param findings every finding, most severe first
 * @param processingRecords the drafted Article 30 records (GDPR only; empty otherwise)
 * @param evaluatedAt when it was evaluated
 */
public record ComplianceReport(String framework, String title, double score, List<ControlResult> controls,
    List<Finding> findings, List<ProcessingRecord> processingRecords, Instant evaluatedAt) {

  /** Validates the parts and copies the lists. */
  public ComplianceReport {
    Objects.requireNonNull(framework, "framework");
    controls = List.copyOf(controls);
    findings = List.copyOf(findings);
    processingRecords = processingRecords == null ? List.of() : List.copyOf(processingRecords);
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
  }
}
