package io.pursight.governance.compliance;

/**
 * How one control of a framework fared.
 *
 * @param control the control id, e.g. {@code PCI-DSS 3.3.1}
 * @param title what the control requires
 * @param checked how many assets the control applied to
 * @param failed how many of them failed it
 * @param severity the severity of the control's findings, or null when not stated
 */
public record ControlResult(String control, String title, int checked, int failed, Severity severity) {

  /** A result without a stated severity. */
  public ControlResult(String control, String title, int checked, int failed) {
    this(control, title, checked, failed, null);
  }

  /** True when no checked asset failed. */
  public boolean passed() {
    return failed == 0;
  }
}
