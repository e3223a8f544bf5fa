package io.pursight.governance;

/** A search or policy query could not be parsed; the message gives the position and the fix. */
public class InvalidQueryException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
