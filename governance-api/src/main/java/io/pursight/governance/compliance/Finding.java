package io.pursight.governance.compliance;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Objects;

/**
 * One compliance problem found over the catalog, e.g. "column payments.pan holds
 * CREDIT_CARD_NUMBER and no masking policy covers role analyst".
 *
 * @param control the framework's control, e.g. {@code PCI-DSS 3.4.1}
 * @param severity how serious it is
 * @param asset the asset concerned, or null for a catalog-wide finding
 * @param evidence what was observed (names, types, policy ids; never values)
 * @param remediation what to do about it
 */
public record Finding(String control, Severity severity, QualifiedName asset, String evidence, String remediation) {

  /** Validates the parts. */
  public Finding {
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(remediation, "remediation");
  }
}
