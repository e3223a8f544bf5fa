package io.pursight.governance.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pursight.governance.StoreException;
import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.spi.CatalogStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A persistent catalog store in a relational database: H2 (the embedded default, a file) or
 * PostgreSQL. Tables are prefixed {@code pursight_} and created or upgraded by versioned migrations
 * when the store opens. Scan snapshots are JSON documents, one row per dataset, replaced in one
 * transaction; annotations and classification decisions live in their own tables and are never
 * touched by scans.
 *
 * <p>Thread-safe: operations serialise on one connection, which is re-opened if it breaks.
 */
public final class JdbcCatalogStore implements CatalogStore {
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
  private final String url;
  private final Properties props;
  private final String where;
  private final StoreDialect dialect;
  private final ObjectMapper json = GovernanceJson.mapper();
  private final int schemaVersion;
  private Connection connection;
  private boolean closed;

  private JdbcCatalogStore(String url, String user, String password, List<Migrations.Migration> migrations) {
    this.url = url;
    this.where = PASSWORD_IN_URL.matcher(url).replaceAll("$1****");
    this.props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    this.connection = connect();
    try {
      this.dialect = StoreDialect.of(connection.getMetaData().getDatabaseProductName(), where);
    } catch (SQLException e) {
      closeQuietly();
      throw new StoreException("Cannot read the catalog store's database product at " + where + ": " + e.getMessage(), e);
    }
    try {
      this.schemaVersion = Migrations.migrate(connection, dialect, migrations, where);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /**
   * Opens (creating or migrating as needed) a store at a JDBC URL, e.g. {@code
   * jdbc:postgresql://db/catalog} or {@code jdbc:h2:file:/var/lib/app/catalog}.
   *
   * @throws StoreException when the database cannot be reached or migrated, or is not supported
   */
  public static JdbcCatalogStore open(String url, String user, String password) {
    return new JdbcCatalogStore(url, user, password, Migrations.ALL);
  }

  /** Opens with an explicit migration list (tests of the migration mechanism). */
  static JdbcCatalogStore open(String url, String user, String password, List<Migrations.Migration> migrations) {
    return new JdbcCatalogStore(url, user, password, migrations);
  }

  /**
   * Opens an embedded H2 store in {@code file} (H2 adds {@code .mv.db}), creating parent directories.
   *
   * @throws StoreException when the file is locked by another process or cannot be created
   */
  public static JdbcCatalogStore h2File(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    try {
      java.nio.file.Files.createDirectories(abs.getParent());
    } catch (java.io.IOException e) {
      throw new StoreException("Cannot create the catalog directory " + abs.getParent() + ": " + e.getMessage(), e);
    }
    return open("jdbc:h2:file:" + abs, "sa", "");
  }

  /** The schema version the store is at. */
  public int schemaVersion() {
    return schemaVersion;
  }

  private Connection connect() {
    try {
      Connection c = DriverManager.getConnection(url, props);
      c.setAutoCommit(true);
      return c;
    } catch (SQLException e) {
      String hint = e.getMessage() != null && e.getMessage().contains("already in use")
          ? " Another process has this H2 file open; stop it or give this process its own store directory."
          : " Check the URL, that the database runs, and the credentials.";
      throw new StoreException("Cannot open the catalog store at " + where + ": " + e.getMessage() + "." + hint, e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException, JsonProcessingException;
  }

  private synchronized <T> T inConnection(String what, boolean transactional, Work<T> work) {
    if (closed) {
      throw new StoreException("The catalog store at " + where + " is closed");
    }
    try {
      if (!connection.isValid(2)) {
        closeQuietly();
        connection = connect();
      }
    } catch (SQLException e) {
      connection = connect();
    }
    try {
      if (transactional) {
        connection.setAutoCommit(false);
      }
      T result = work.run(connection);
      if (transactional) {
        connection.commit();
      }
      return result;
    } catch (SQLException | JsonProcessingException | RuntimeException e) {
      if (transactional) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // the connection is broken; it is replaced on the next call
        }
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("Catalog store at " + where + " failed to " + what + ": " + e.getMessage()
          + ". Nothing was changed.", e);
    } finally {
      if (transactional) {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException ignored) {
          // replaced on the next call
        }
      }
    }
  }

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  @Override
  public void putSource(DataSource source) {
    inConnection("store source " + source.name(), true, c -> {
      delete(c, "DELETE FROM pursight_source WHERE name = ?", source.name());
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO pursight_source (name, doc, updated_at) VALUES (?, ?, ?)")) {
        p.setString(1, source.name());
        p.setString(2, json.writeValueAsString(source));
        p.setObject(3, ts(Instant.now()));
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<DataSource> sources() {
    return inConnection("read sources", false, c -> {
      List<DataSource> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT doc FROM pursight_source ORDER BY name");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(json.readValue(rs.getString(1), DataSource.class));
        }
      }
      return out;
    });
  }

  @Override
  public Optional<DatasetSnapshot> snapshot(QualifiedName dataset) {
    return inConnection("read dataset " + dataset, false, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT doc FROM pursight_dataset WHERE id = ?")) {
        p.setString(1, dataset.toString());
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(json.readValue(rs.getString(1), DatasetSnapshot.class)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<QualifiedName> datasetNames(QualifiedName scope) {
    return inConnection("list datasets of " + scope, false, c -> {
      List<QualifiedName> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM pursight_dataset WHERE source = ? ORDER BY id")) {
        p.setString(1, scope.source());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            QualifiedName n = QualifiedName.parse(rs.getString(1));
            if (scope.contains(n)) {
              out.add(n);
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public void putSnapshot(DatasetSnapshot snapshot) {
    String id = snapshot.name().toString();
    inConnection("store dataset " + snapshot.name(), true, c -> {
      String doc = json.writeValueAsString(snapshot);
      delete(c, "DELETE FROM pursight_dataset WHERE id = ?", id);
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO pursight_dataset (id, source, kind, doc, scanned_at) VALUES (?, ?, ?, ?, ?)")) {
        p.setString(1, id);
        p.setString(2, snapshot.name().source());
        p.setString(3, snapshot.dataset().kind().name());
        p.setString(4, doc);
        p.setObject(5, ts(snapshot.scannedAt()));
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void removeSnapshot(QualifiedName dataset) {
    inConnection("remove dataset " + dataset, true, c -> {
      delete(c, "DELETE FROM pursight_dataset WHERE id = ?", dataset.toString());
      return null;
    });
  }

  @Override
  public Annotations annotations(QualifiedName asset) {
    return inConnection("read annotations of " + asset, false, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT doc FROM pursight_annotation WHERE asset = ?")) {
        p.setString(1, asset.toString());
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? json.readValue(rs.getString(1), Annotations.class) : Annotations.EMPTY;
        }
      }
    });
  }

  @Override
  public Map<QualifiedName, Annotations> allAnnotations() {
    return inConnection("read annotations", false, c -> {
      Map<QualifiedName, Annotations> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT asset, doc FROM pursight_annotation");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(QualifiedName.parse(rs.getString(1)), json.readValue(rs.getString(2), Annotations.class));
        }
      }
      return out;
    });
  }

  @Override
  public void putAnnotations(QualifiedName asset, Annotations annotations) {
    inConnection("store annotations of " + asset, true, c -> {
      delete(c, "DELETE FROM pursight_annotation WHERE asset = ?", asset.toString());
      if (!annotations.isEmpty()) {
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO pursight_annotation (asset, source, doc, updated_at) VALUES (?, ?, ?, ?)")) {
          p.setString(1, asset.toString());
          p.setString(2, asset.source());
          p.setString(3, json.writeValueAsString(annotations));
          p.setObject(4, ts(Instant.now()));
          p.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public List<ClassificationDecision> decisions() {
    return inConnection("read classification decisions", false, c -> {
      List<ClassificationDecision> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT field, info_type, verdict, decided_by, decided_at, note FROM pursight_decision ORDER BY seq");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new ClassificationDecision(QualifiedName.parse(rs.getString(1)), rs.getString(2),
              Classification.Status.valueOf(rs.getString(3)), rs.getString(4),
              rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)));
        }
      }
      return out;
    });
  }

  @Override
  public void putDecision(ClassificationDecision d) {
    inConnection("store classification decision on " + d.field(), true, c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM pursight_decision WHERE field = ? AND info_type = ?")) {
        p.setString(1, d.field().toString());
        p.setString(2, d.infoType());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pursight_decision"
          + " (field, info_type, verdict, decided_by, decided_at, note) VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, d.field().toString());
        p.setString(2, d.infoType());
        p.setString(3, d.verdict().name());
        p.setString(4, d.decidedBy());
        p.setObject(5, ts(d.decidedAt()));
        p.setString(6, d.note());
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void appendChanges(List<SchemaChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    inConnection("record schema changes", true, c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pursight_change"
          + " (kind, asset, source, before_value, after_value, detected_at, scan_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (SchemaChange ch : changes) {
          p.setString(1, ch.kind().name());
          p.setString(2, ch.asset().toString());
          p.setString(3, ch.asset().source());
          p.setString(4, ch.before());
          p.setString(5, ch.after());
          p.setObject(6, ts(ch.detectedAt()));
          p.setString(7, ch.scanId());
          p.addBatch();
        }
        p.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<SchemaChange> changes(QualifiedName scope, int limit) {
    return inConnection("read schema changes of " + scope, false, c -> {
      List<SchemaChange> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT kind, asset, before_value, after_value, detected_at, scan_id"
          + " FROM pursight_change WHERE source = ? ORDER BY seq DESC")) {
        p.setString(1, scope.source());
        p.setFetchSize(200);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next() && out.size() < limit) {
            QualifiedName asset = QualifiedName.parse(rs.getString(2));
            if (scope.contains(asset)) {
              out.add(new SchemaChange(SchemaChange.Kind.valueOf(rs.getString(1)), asset, rs.getString(3),
                  rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public void putLineage(Collection<LineageEdge> edges) {
    if (edges.isEmpty()) {
      return;
    }
    inConnection("record lineage", true, c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO pursight_lineage"
          + " (source, target, transform, statement, recorded_at) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS"
          + " (SELECT 1 FROM pursight_lineage WHERE source = ? AND target = ? AND transform = ?)")) {
        OffsetDateTime now = ts(Instant.now());
        for (LineageEdge e : edges) {
          String src = e.source().toString();
          String tgt = e.target().toString();
          p.setString(1, src);
          p.setString(2, tgt);
          p.setString(3, e.transform().name());
          p.setString(4, e.statement());
          p.setObject(5, now);
          p.setString(6, src);
          p.setString(7, tgt);
          p.setString(8, e.transform().name());
          p.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public List<LineageEdge> lineage() {
    return inConnection("read lineage", false, c -> {
      List<LineageEdge> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT source, target, transform, statement FROM pursight_lineage ORDER BY recorded_at, source, target");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new LineageEdge(QualifiedName.parse(rs.getString(1)), QualifiedName.parse(rs.getString(2)),
              TransformKind.valueOf(rs.getString(3)), rs.getString(4)));
        }
      }
      return out;
    });
  }

  private static void delete(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, key);
      p.executeUpdate();
    }
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // closing anyway
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly();
    }
  }

  @Override
  public String toString() {
    return "JdbcCatalogStore[" + where + ", schema version " + schemaVersion + "]";
  }
}
