package io.pursight.governance.compliance;

/** How serious a compliance finding is, lowest first. */
public enum Severity {
  /** Worth knowing. */
  LOW,
  /** Should be fixed. */
  MEDIUM,
  /** Must be fixed. */
  HIGH,
  /** A likely breach of the framework. */
  CRITICAL
}
