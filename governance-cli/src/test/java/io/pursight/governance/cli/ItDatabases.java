package io.pursight.governance.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases on the real servers named by PURSIGHT_IT_POSTGRES_URL / PURSIGHT_IT_MARIADB_URL. */
final class ItDatabases {
  private ItDatabases() {}

  static String freshPostgres(String name) {
    String url = System.getenv("PURSIGHT_IT_POSTGRES_URL");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create " + name + ": " + e.getMessage(), e);
    }
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + (q < 0 ? "" : url.substring(q));
  }

  static void exec(String url, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String x : sql) {
        s.execute(x);
      }
    }
  }
}
