package io.pursight.governance.connector.jdbc;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.ConnectorProvider;
import io.pursight.governance.spi.SecretResolver;
import io.pursight.governance.spi.SourceConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@link JdbcConnector}s for {@code jdbc:} URLs. Stateless. Connection settings: the
 * driver properties are {@link SourceConfig#properties()} minus the keys starting with {@code
 * pursight.}, which configure the connector itself ({@code pursight.poolSize}, default 4; {@code
 * pursight.connectTimeoutSeconds}, default 10, passed as the driver's own connect timeout where the
 * driver is known and the user did not set one).
 */
final class JdbcConnectorProvider implements ConnectorProvider {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcConnectorProvider.class);
  static final String TYPE = "jdbc";
  static final String POOL_SIZE = "pursight.poolSize";
  static final String CONNECT_TIMEOUT = "pursight.connectTimeoutSeconds";
  private static final int DEFAULT_POOL_SIZE = 4;
  private static final int DEFAULT_CONNECT_TIMEOUT = 10;
  private static final long BORROW_TIMEOUT_MILLIS = 120_000;
  private static final Pattern URL_USER = Pattern.compile("(?i)[?&;]user=([^&;]*)");
  private static final Pattern URL_USERINFO = Pattern.compile("//([^/:@?;&]+)(?::[^@/?;&]*)?@");

  /** Driver artifacts to suggest, by the subprotocol of the URL. */
  private static final Map<String, String> DRIVER_HINTS = new LinkedHashMap<>();

  static {
    DRIVER_HINTS.put("postgresql", "org.postgresql:postgresql");
    DRIVER_HINTS.put("mariadb", "org.mariadb.jdbc:mariadb-java-client");
    DRIVER_HINTS.put("mysql", "com.mysql:mysql-connector-j (or the MariaDB driver with ?permitMysqlScheme in the URL)");
    DRIVER_HINTS.put("h2", "com.h2database:h2");
    DRIVER_HINTS.put("sqlserver", "com.microsoft.sqlserver:mssql-jdbc");
    DRIVER_HINTS.put("oracle", "com.oracle.database.jdbc:ojdbc11");
    DRIVER_HINTS.put("sqlite", "org.xerial:sqlite-jdbc");
    DRIVER_HINTS.put("db2", "com.ibm.db2:jcc");
    DRIVER_HINTS.put("snowflake", "net.snowflake:snowflake-jdbc");
    DRIVER_HINTS.put("clickhouse", "com.clickhouse:clickhouse-jdbc");
    DRIVER_HINTS.put("duckdb", "org.duckdb:duckdb_jdbc");
    DRIVER_HINTS.put("trino", "io.trino:trino-jdbc");
    DRIVER_HINTS.put("hsqldb", "org.hsqldb:hsqldb");
    DRIVER_HINTS.put("derby", "org.apache.derby:derbyclient");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean supports(SourceConfig config) {
    String location = config == null ? null : config.location();
    if (location == null) {
      return false;
    }
    String l = location.strip().toLowerCase(Locale.ROOT);
    return l.startsWith("jdbc:") && !l.startsWith("jdbc:governance:");
  }

  @Override
  public Connector connect(SourceConfig config, SecretResolver secrets) {
    String url = config.location().strip();
    String redacted = Redaction.url(url);
    if (!supports(config)) {
      throw new SourceException(config.name(), Reason.NO_DRIVER, "The jdbc connector reads jdbc: URLs (other than"
          + " jdbc:governance:), not '" + redacted + "'. Use a connector that understands this location.", null);
    }
    int poolSize = intSetting(config, POOL_SIZE, DEFAULT_POOL_SIZE, 1, 64);
    int connectTimeout = intSetting(config, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, 1, 3600);
    String password = config.password().isEmpty() ? null : secrets.resolve(config.password());
    String user = config.user() != null && !config.user().isBlank() ? config.user() : userFromUrl(url);

    Driver driver = findDriver(url);
    if (driver == null) {
      throw new SourceException(config.name(), Reason.NO_DRIVER, noDriverMessage(redacted), null);
    }
    Properties props = driverProperties(config, url, password, connectTimeout);
    ConnectionPool.Factory factory = () -> open(driver, url, props);
    Connection first;
    try {
      first = factory.open();
    } catch (SQLException e) {
      throw connectFailure(config.name(), redacted, user, password, connectTimeout, e);
    } catch (RuntimeException e) {
      // some drivers throw unchecked exceptions for malformed URLs
      throw new SourceException(config.name(), Reason.OTHER, "Cannot connect to " + redacted + ": "
          + Redaction.message(String.valueOf(e.getMessage()), password) + ". Check the URL.", null);
    }
    if (first == null) {
      throw new SourceException(config.name(), Reason.NO_DRIVER, noDriverMessage(redacted), null);
    }
    try {
      DatabaseMetaData md = first.getMetaData();
      Dialect dialect = Dialect.of(first);
      Map<String, String> props2 = new LinkedHashMap<>();
      props2.put("dialect", dialect.id());
      putIfPresent(props2, "driver", md.getDriverName());
      putIfPresent(props2, "driverVersion", md.getDriverVersion());
      putIfPresent(props2, "database", quietly(first::getCatalog));
      putIfPresent(props2, "schema", quietly(first::getSchema));
      DataSource source = new DataSource(config.name(), TYPE, redacted, md.getDatabaseProductName(),
          md.getDatabaseProductVersion(), props2);
      ConnectionPool pool = new ConnectionPool(factory, poolSize, BORROW_TIMEOUT_MILLIS);
      pool.offer(first);
      LOG.info("Source '{}': connected to {} {} at {} ({} dialect, pool of {})", config.name(),
          source.product(), source.productVersion(), redacted, dialect.id(), poolSize);
      return new JdbcConnector(config.name(), user, password, source, dialect, pool);
    } catch (SQLException e) {
      ConnectionPool.closeQuietly(first);
      throw connectFailure(config.name(), redacted, user, password, connectTimeout, e);
    } catch (RuntimeException e) {
      ConnectionPool.closeQuietly(first);
      throw e;
    }
  }

  private interface SqlSupplier {
    String get() throws SQLException;
  }

  /** The value, or null when the driver does not support the call. */
  private static String quietly(SqlSupplier s) {
    try {
      return s.get();
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      return null;
    }
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  /** Opens one connection, read-only where the driver supports it: sampling never writes. */
  private static Connection open(Driver driver, String url, Properties props) throws SQLException {
    Connection c = driver.connect(url, props);
    if (c == null) {
      throw new SQLException("The driver " + driver.getClass().getName() + " declined the URL", "08001");
    }
    try {
      c.setReadOnly(true);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Driver does not support read-only connections: {}", e.getClass().getSimpleName());
    }
    return c;
  }

  /** The driver accepting {@code url}: registered with DriverManager, or found with ServiceLoader. */
  static Driver findDriver(String url) {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      // not registered or not visible from here: look for it the way plugins are found
    }
    ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), JdbcConnectorProvider.class.getClassLoader()};
    for (ClassLoader cl : loaders) {
      if (cl == null) {
        continue;
      }
      Iterator<Driver> it = ServiceLoader.load(Driver.class, cl).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          Driver d = it.next();
          if (d.acceptsURL(url)) {
            return d;
          }
        } catch (ServiceConfigurationError | SQLException | RuntimeException e) {
          LOG.debug("Skipping a JDBC driver that failed to load: {}", e.getClass().getSimpleName());
        }
      }
    }
    return null;
  }

  static String noDriverMessage(String redactedUrl) {
    String sub = subprotocol(redactedUrl);
    String hint = DRIVER_HINTS.get(sub);
    String example = hint != null ? hint : "e.g. org.postgresql:postgresql for jdbc:postgresql: URLs";
    String shown = redactedUrl.length() > 60 ? redactedUrl.substring(0, 60) + "..." : redactedUrl;
    return "No JDBC driver on the classpath accepts '" + shown + "'. Add the driver jar (" + example
        + ") to the application's classpath, or check the URL's spelling.";
  }

  private static String subprotocol(String url) {
    String rest = url.length() > 5 ? url.substring(5) : "";
    int colon = rest.indexOf(':');
    return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static Properties driverProperties(SourceConfig config, String url, String password, int timeoutSeconds) {
    Properties props = new Properties();
    for (Map.Entry<String, String> e : config.properties().entrySet()) {
      if (!e.getKey().startsWith("pursight.") && e.getValue() != null) {
        props.setProperty(e.getKey(), e.getValue());
      }
    }
    if (config.user() != null && !config.user().isBlank()) {
      props.setProperty("user", config.user());
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    String sub = subprotocol(url);
    if (sub.equals("postgresql")) {
      setTimeoutIfAbsent(props, url, "connectTimeout", Integer.toString(timeoutSeconds));
      setTimeoutIfAbsent(props, url, "loginTimeout", Integer.toString(timeoutSeconds));
    } else if (sub.equals("mariadb") || sub.equals("mysql")) {
      setTimeoutIfAbsent(props, url, "connectTimeout", Integer.toString(timeoutSeconds * 1000));
    }
    return props;
  }

  private static void setTimeoutIfAbsent(Properties props, String url, String key, String value) {
    boolean inProps = props.stringPropertyNames().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    boolean inUrl = url.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT) + "=");
    if (!inProps && !inUrl) {
      props.setProperty(key, value);
    }
  }

  private static int intSetting(SourceConfig config, String key, int fallback, int min, int max) {
    String v = config.properties().get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("Source '" + config.name() + "': setting " + key + " must be a whole number in "
        + min + ".." + max + ", got '" + v + "'");
  }

  private static String userFromUrl(String url) {
    Matcher m = URL_USER.matcher(url);
    if (m.find() && !m.group(1).isEmpty()) {
      return m.group(1);
    }
    Matcher u = URL_USERINFO.matcher(url);
    return u.find() ? u.group(1) : null;
  }

  private static SourceException connectFailure(String source, String redactedUrl, String user, String password,
      int timeoutSeconds, SQLException e) {
    Reason reason = SqlErrors.classify(e);
    String detail = SqlErrors.describe(e, password);
    String who = user == null ? "the driver's default user" : "user '" + user + "'";
    String message = switch (reason) {
      case AUTHENTICATION -> "Source '" + source + "' rejected " + who + ": " + detail
          + ". Check user and password" + (password == null ? " (no password was given)." : ".");
      case UNREACHABLE -> "Cannot reach " + redactedUrl + ": " + detail
          + ". Check host, port, and that the server is running (and any TLS or firewall setting).";
      case TIMEOUT -> "Connecting to " + redactedUrl + " timed out after " + timeoutSeconds + " s: " + detail
          + ". Check host, port and firewall, or raise " + CONNECT_TIMEOUT + ".";
      case PERMISSION -> "Source '" + source + "': " + who + " may not connect: " + detail
          + ". Grant the user access to the database.";
      case NOT_FOUND -> "Source '" + source + "': " + detail + ". Check the database name in " + redactedUrl + ".";
      default -> "Cannot connect to " + redactedUrl + ": " + detail + ".";
    };
    return new SourceException(source, reason, message, SqlErrors.safeCause(e));
  }
}
