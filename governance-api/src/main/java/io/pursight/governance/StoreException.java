package io.pursight.governance;

/** The catalog store could not be opened, migrated, read or written. Nothing was half-written. */
public class StoreException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception without a cause. */
  public StoreException(String message) {
    super(message);
  }
}
