package io.pursight.governance;

/** A setting given to a builder, a plugin or a command is missing or invalid; the message names it. */
public class ConfigurationException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} names the setting and the accepted values. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
