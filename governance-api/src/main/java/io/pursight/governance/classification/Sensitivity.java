package io.pursight.governance.classification;

/** How much harm disclosure of a value could do, lowest first. */
public enum Sensitivity {
  /** Meant to be public. */
  PUBLIC,
  /** Internal business data, low risk on its own. */
  INTERNAL,
  /** Personal or business-confidential data. */
  CONFIDENTIAL,
  /** Regulated data whose disclosure is a reportable incident (PCI, PHI, government IDs, secrets). */
  RESTRICTED;

  /** True when this level is at least {@code other}. */
  public boolean atLeast(Sensitivity other) {
    return compareTo(other) >= 0;
  }
}
