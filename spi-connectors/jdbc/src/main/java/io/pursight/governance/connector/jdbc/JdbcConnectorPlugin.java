package io.pursight.governance.connector.jdbc;

import io.pursight.governance.spi.ConnectorProvider;
import io.pursight.governance.spi.GovernancePlugin;
import java.util.List;

/**
 * The JDBC connector plugin: discovers and samples any source reachable through a JDBC driver on
 * the classpath, with pushed-down sampling for PostgreSQL, MariaDB/MySQL and H2.
 *
 * <p>Contributes one {@link ConnectorProvider} of type {@code jdbc} that accepts {@code jdbc:} URLs
 * (except {@code jdbc:governance:}, the PurSight wrapper driver). Found through {@link
 * java.util.ServiceLoader}; the plugin brings no driver of its own: add the driver jar of each
 * source to the application. See {@code docs/connectors/jdbc.md} for the settings ({@code
 * pursight.poolSize}, {@code pursight.connectTimeoutSeconds}), the naming per database, the
 * sampling strategies and the error reasons.
 */
public final class JdbcConnectorPlugin implements GovernancePlugin {
  private static final List<ConnectorProvider> PROVIDERS = List.of(new JdbcConnectorProvider());

  /** Creates the plugin; it holds no state. */
  public JdbcConnectorPlugin() {
    // stateless; ServiceLoader needs a public no-argument constructor
  }

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<ConnectorProvider> connectors() {
    return PROVIDERS;
  }
}
