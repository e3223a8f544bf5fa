package io.pursight.governance.spi;

/**
 * Creates connectors for one kind of source. Stateless; found through {@link
 * GovernancePlugin#connectors()}.
 */
public interface ConnectorProvider {

  /** The connector type, e.g. {@code jdbc} or {@code mongodb}. */
  String type();

  /** True when this provider understands {@code config}'s location (e.g. a {@code jdbc:} URL). */
  boolean supports(SourceConfig config);

  /**
   * Connects to the source.
   *
   * @param config where and how to connect
   * @param secrets resolves secret references in {@code config}
   * @throws io.pursight.governance.SourceException with a reason (typically NO_DRIVER, UNREACHABLE,
   *     AUTHENTICATION; also NOT_FOUND for a missing database, PERMISSION, TIMEOUT, OTHER) and a
   *     message a user can act on
   */
  Connector connect(SourceConfig config, SecretResolver secrets);
}
