package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DatasetKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * H2 2.x: database = catalog (e.g. {@code DEMO}), schema = schema ({@code PUBLIC}). View SQL and
 * row estimates from {@code INFORMATION_SCHEMA}; sampling with {@code RAND()}.
 */
final class H2Dialect extends Dialect {
  private static final String DETAILS = """
      SELECT t.TABLE_TYPE, t.ROW_COUNT_ESTIMATE, t.REMARKS, v.VIEW_DEFINITION
      FROM INFORMATION_SCHEMA.TABLES t
      LEFT JOIN INFORMATION_SCHEMA.VIEWS v ON v.TABLE_CATALOG = t.TABLE_CATALOG
        AND v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
      WHERE t.TABLE_SCHEMA = ? AND t.TABLE_NAME = ?""";

  H2Dialect(Connection c) throws SQLException {
    super(c);
  }

  @Override
  String id() {
    return "h2";
  }

  @Override
  boolean isSystem(String catalog, String schema) {
    // PG_CATALOG appears in PostgreSQL compatibility mode
    return schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("PG_CATALOG"));
  }

  @Override
  Details details(Connection c, MetaRef ref, DatasetKind kind, String remarks) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DETAILS)) {
      ps.setString(1, ref.schema());
      ps.setString(2, ref.table());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String type = rs.getString(1);
        boolean view = type != null && type.toUpperCase(Locale.ROOT).contains("VIEW");
        long rows = rs.getLong(2);
        Long estimate = view || rs.wasNull() ? null : rows;
        return new Details(blankToNull(rs.getString(3)), view ? blankToNull(rs.getString(4)) : null, estimate,
            Map.of());
      }
    }
  }

  @Override
  String tableRef(MetaRef ref) {
    return ref.schema() == null ? quote(ref.table()) : quote(ref.schema()) + "." + quote(ref.table());
  }

  @Override
  List<SamplePlan> plans(String columns, String table, DatasetKind kind, Long estimate, int maxRows) {
    return randPlans(columns, table, kind, estimate, maxRows);
  }
}
