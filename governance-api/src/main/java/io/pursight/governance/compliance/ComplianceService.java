package io.pursight.governance.compliance;

import java.util.List;

/** Evaluates compliance packs over the catalog, lineage and policies. Thread-safe. */
public interface ComplianceService {

  /** The ids of the installed packs, e.g. {@code gdpr}, {@code hipaa}, {@code pci-dss}, {@code soc2}. */
  List<String> packs();

  /**
   * Evaluates one pack.
   *
   * @throws IllegalArgumentException when no pack has that id (the message lists them)
   */
  ComplianceReport evaluate(String pack);
}
