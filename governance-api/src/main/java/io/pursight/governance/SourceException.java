package io.pursight.governance;

/**
 * A data source could not be reached or read: unknown driver, unreachable host, rejected
 * credentials, missing permission, or a dataset that vanished while it was being read.
 *
 * <p>{@link #reason()} classifies the failure so that callers can react without parsing text.
 */
public class SourceException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  /** Why a source operation failed. */
  public enum Reason {
    /** No connector or driver understands the source's URL. */
    NO_DRIVER,
    /** The host or port did not answer, or refused the connection. */
    UNREACHABLE,
    /** The source rejected the user or the password. */
    AUTHENTICATION,
    /** The user may connect but lacks a privilege the operation needs. */
    PERMISSION,
    /** The dataset or column does not exist (any more). */
    NOT_FOUND,
    /** The operation ran out of its time budget. */
    TIMEOUT,
    /** Values could not be decoded into Java values. */
    DECODE,
    /** Anything else the source reported. */
    OTHER
  }

  private final String source;
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param source the name of the source (never its password)
   * @param reason the failure class
   * @param message what happened and what to do
   * @param cause the driver's exception, may be null
   */
  public SourceException(String source, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The source's name, as registered. */
  public String source() {
    return source;
  }

  /** The failure class. */
  public Reason reason() {
    return reason;
  }
}
