package io.pursight.governance;

/**
 * Base class of every failure PurSight reports to a host application or a plugin.
 *
 * <p>Messages say what failed, where, and what to do about it. They never contain raw data
 * values: at most names of assets, counts and hashes.
 */
public class GovernanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with an actionable message. */
  public GovernanceException(String message) {
    super(message);
  }

  /** Creates an exception with an actionable message and its cause. */
  public GovernanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
