package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB and MySQL: database = the catalog (what MySQL calls a database), no schema. Lists only
 * the database the URL names, or every non-system database when it names none. View SQL, row
 * estimates and the storage engine from {@code information_schema}; sampling with {@code RAND()}.
 */
final class MariaDbDialect extends Dialect {
  private static final Set<String> SYSTEM = Set.of("information_schema", "mysql", "performance_schema", "sys");
  private static final String DETAILS = """
      SELECT t.TABLE_TYPE, t.ENGINE, t.TABLE_ROWS, t.TABLE_COMMENT, t.TABLE_COLLATION, v.VIEW_DEFINITION
      FROM information_schema.TABLES t
      LEFT JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
      WHERE t.TABLE_SCHEMA = ? AND t.TABLE_NAME = ?""";

  MariaDbDialect(Connection c) throws SQLException {
    super(c);
  }

  @Override
  String id() {
    return "mariadb";
  }

  @Override
  QualifiedName name(String source, String catalog, String schema, String table) {
    return QualifiedName.dataset(source, blankToNull(catalog != null ? catalog : schema), null, table);
  }

  @Override
  MetaRef ref(QualifiedName name) {
    String db = name.database() != null ? name.database() : currentCatalog;
    return new MetaRef(db, null, name.dataset());
  }

  @Override
  String listCatalog() {
    return currentCatalog;
  }

  @Override
  boolean isSystem(String catalog, String schema) {
    String db = catalog != null ? catalog : schema;
    return db != null && SYSTEM.contains(db.toLowerCase(Locale.ROOT));
  }

  @Override
  String defaultValue(String columnDef) {
    // information_schema reports a missing default as the text NULL
    return columnDef == null || columnDef.isBlank() || columnDef.equalsIgnoreCase("NULL") ? null : columnDef;
  }

  @Override
  Details details(Connection c, MetaRef ref, DatasetKind kind, String remarks) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DETAILS)) {
      ps.setString(1, ref.catalog());
      ps.setString(2, ref.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String type = rs.getString(1);
        boolean view = type != null && type.toUpperCase(Locale.ROOT).contains("VIEW");
        Map<String, String> props = new LinkedHashMap<>();
        putIfPresent(props, "engine", rs.getString(2));
        long rows = rs.getLong(3);
        Long estimate = view || rs.wasNull() ? null : rows;
        // MariaDB reports the comment of every view as "VIEW"
        String comment = view ? null : blankToNull(rs.getString(4));
        putIfPresent(props, "collation", rs.getString(5));
        String definition = view ? blankToNull(rs.getString(6)) : null;
        return new Details(comment, definition, estimate, props);
      }
    }
  }

  private static void putIfPresent(Map<String, String> props, String key, String value) {
    if (value != null && !value.isBlank()) {
      props.put(key, value);
    }
  }

  @Override
  String tableRef(MetaRef ref) {
    return ref.catalog() == null ? quote(ref.table()) : quote(ref.catalog()) + "." + quote(ref.table());
  }

  @Override
  List<SamplePlan> plans(String columns, String table, DatasetKind kind, Long estimate, int maxRows) {
    return randPlans(columns, table, kind, estimate, maxRows);
  }
}
