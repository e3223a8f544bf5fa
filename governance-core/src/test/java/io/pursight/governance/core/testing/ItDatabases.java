package io.pursight.governance.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Access to the real PostgreSQL named by PURSIGHT_IT_POSTGRES_URL; tests skip when it is not set. */
public final class ItDatabases {
  private ItDatabases() {}

  /** The configured PostgreSQL URL, or skips the test with a clear message. */
  public static String postgresUrl() {
    String url = System.getenv("PURSIGHT_IT_POSTGRES_URL");
    assumeTrue(url != null && !url.isBlank(),
        "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)");
    return url;
  }

  /** Drops and creates database {@code name} and returns a URL for it. */
  public static String freshPostgresDatabase(String name) {
    String url = postgresUrl();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return withDatabase(url, name);
  }

  /** {@code url} pointing at database {@code name} instead. */
  public static String withDatabase(String url, String name) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String params = q < 0 ? "" : url.substring(q);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
  }

  /** Drops every table whose name starts with {@code prefix}. */
  public static void resetPostgresTables(String url, String prefix) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
          + " AND tablename LIKE '" + prefix + "%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        s.execute("DROP TABLE IF EXISTS " + t + " CASCADE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
