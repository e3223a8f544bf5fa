package io.pursight.governance.connector.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test support: the real PostgreSQL and MariaDB servers named by environment variables, and helpers. */
final class TestDatabases {
  static final String POSTGRES_ENV = "PURSIGHT_IT_POSTGRES_URL";
  static final String MARIADB_ENV = "PURSIGHT_IT_MARIADB_URL";
  private static final Pattern URL_PATH = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]+)(/[^?;]*)?(.*)$");

  private TestDatabases() {}

  /** The PostgreSQL URL from the environment, or the test is skipped. */
  static String postgresUrl() {
    return env(POSTGRES_ENV, "PostgreSQL");
  }

  /** The MariaDB URL from the environment, or the test is skipped. */
  static String mariadbUrl() {
    return env(MARIADB_ENV, "MariaDB");
  }

  /** True when PostgreSQL tests can run. */
  static boolean hasPostgres() {
    return isSet(POSTGRES_ENV);
  }

  /** True when MariaDB tests can run. */
  static boolean hasMariaDb() {
    return isSet(MARIADB_ENV);
  }

  private static boolean isSet(String name) {
    String v = System.getenv(name);
    // Maven passes the literal ${env.X} when the variable is not set
    return v != null && !v.isBlank() && !v.startsWith("${");
  }

  private static String env(String name, String product) {
    assumeTrue(isSet(name), name + " not set; skipping " + product + " tests");
    return System.getenv(name).strip();
  }

  /** {@code url} pointing at database {@code db} instead of the one it names. */
  static String withDatabase(String url, String db) {
    Matcher m = URL_PATH.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("Unexpected test URL shape: " + url);
    }
    return m.group(1) + "/" + db + m.group(3);
  }

  /** {@code url} without a {@code user=} parameter. */
  static String withoutUser(String url) {
    String s = url.replaceAll("([?&])user=[^&]*&?", "$1");
    return s.endsWith("?") || s.endsWith("&") ? s.substring(0, s.length() - 1) : s;
  }

  /** Drops and creates PostgreSQL database {@code db}; returns its URL. */
  static String recreatePostgres(String db) throws SQLException {
    String base = postgresUrl();
    try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + db);
    }
    return withDatabase(base, db);
  }

  /** Drops and creates MariaDB database {@code db}; returns its URL. */
  static String recreateMariaDb(String db) throws SQLException {
    String base = mariadbUrl();
    try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + db + "`");
      st.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4");
    }
    return withDatabase(base, db);
  }

  /** Runs statements on a fresh connection to {@code url}. */
  static void exec(String url, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  /** Connects the JDBC connector to {@code url} as source {@code name}. */
  static Connector connect(String name, String url) {
    return new JdbcConnectorProvider().connect(new SourceConfig(name, url, null, null, null), s -> s.reveal());
  }

  /** A cancellation token the test trips by hand. */
  static final class ManualToken implements CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    @Override
    public boolean isCancelled() {
      return cancelled.get();
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
      actions.add(action);
      if (cancelled.get()) {
        action.run();
      }
      return () -> actions.remove(action);
    }

    void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        actions.forEach(Runnable::run);
      }
    }

    int registered() {
      return actions.size();
    }
  }
}
