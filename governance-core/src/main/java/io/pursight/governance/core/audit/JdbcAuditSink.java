package io.pursight.governance.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.StoreException;
import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.spi.AuditSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A hash-chained audit log in a database table ({@code pursight_audit}: seq, prev, hash, event),
 * H2 or PostgreSQL, with the same chain as the JSONL log. Each batch is appended in one
 * transaction that locks the table, so several processes may share the log.
 */
public final class JdbcAuditSink implements AuditSink {
  private final String url;
  private final Properties props = new Properties();
  private final String where;
  private final boolean postgres;
  private Connection connection;

  /**
   * Opens the log, creating the table if needed.
   *
   * @throws StoreException when the database cannot be reached or the table created
   */
  public JdbcAuditSink(String url, String user, String password) {
    this.url = url;
    this.where = url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try {
      connection = DriverManager.getConnection(url, props);
      String product = connection.getMetaData().getDatabaseProductName();
      this.postgres = "PostgreSQL".equalsIgnoreCase(product);
      String clob = postgres ? "TEXT" : "CHARACTER LARGE OBJECT";
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS pursight_audit (seq BIGINT PRIMARY KEY, prev CHAR(64) NOT NULL,"
            + " hash CHAR(64) NOT NULL, event " + clob + " NOT NULL)");
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot open the audit table at " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void append(AuditEvent event) {
    appendAll(List.of(event));
  }

  @Override
  public synchronized void appendAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      if (!connection.isValid(2)) {
        connection = DriverManager.getConnection(url, props);
      }
      connection.setAutoCommit(false);
      if (postgres) {
        // writers of other processes wait, so the chain never forks; on H2 (one process) the
        // primary key on seq refuses a second writer's fork
        try (Statement s = connection.createStatement()) {
          s.execute("LOCK TABLE pursight_audit IN EXCLUSIVE MODE");
        }
      }
      long seq = 0;
      String prev = AuditChain.GENESIS;
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT seq, hash FROM pursight_audit ORDER BY seq DESC LIMIT 1")) {
        if (rs.next()) {
          seq = rs.getLong(1);
          prev = rs.getString(2);
        }
      }
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT INTO pursight_audit (seq, prev, hash, event) VALUES (?, ?, ?, ?)")) {
        for (AuditEvent e : events) {
          String canonical = AuditChain.canonical(e);
          seq++;
          String hash = AuditChain.hash(seq, prev, canonical);
          p.setLong(1, seq);
          p.setString(2, prev);
          p.setString(3, hash);
          p.setString(4, canonical);
          p.addBatch();
          prev = hash;
        }
        p.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // broken connection: replaced on the next call
      }
      throw new StoreException("Cannot append to the audit table at " + where + ": " + e.getMessage()
          + ". The events were not recorded.", e);
    } finally {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException ignored) {
        // replaced on the next call
      }
    }
  }

  @Override
  public synchronized AuditVerification verify() {
    List<String> problems = new ArrayList<>();
    long records = 0;
    long expected = 1;
    String prev = AuditChain.GENESIS;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq, prev, hash, event FROM pursight_audit ORDER BY seq")) {
      while (rs.next()) {
        records++;
        long seq = rs.getLong(1);
        String p = rs.getString(2).strip();
        String h = rs.getString(3).strip();
        JsonNode event;
        try {
          event = AuditChain.mapper().readTree(rs.getString(4));
        } catch (IOException e) {
          problems.add("record " + seq + ": the event is not JSON (edited)");
          expected = seq + 1;
          prev = h;
          continue;
        }
        if (!AuditChain.hash(seq, p, AuditChain.canonical(event)).equals(h)) {
          problems.add("record " + seq + ": content does not match its hash (edited)");
        }
        if (seq != expected) {
          problems.add("record " + seq + " follows record " + (expected - 1) + ": records " + expected + ".."
              + (seq - 1) + " removed");
        } else if (!p.equals(prev)) {
          problems.add("record " + seq + ": does not follow the previous record (replaced)");
        }
        expected = seq + 1;
        prev = h;
      }
    } catch (SQLException e) {
      problems.add("cannot read the audit table: " + e.getMessage());
    }
    return new AuditVerification(problems.isEmpty(), records, problems);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
