package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: database = the connection's current database, schema = schema. View SQL from {@code
 * pg_get_viewdef}, row estimates from {@code pg_class} scaled to the table's current size (the
 * planner's own method), sampling with {@code TABLESAMPLE}.
 */
final class PostgresDialect extends Dialect {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);
  private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");
  private static final String DETAILS = """
      SELECT c.relkind, c.reltuples, c.relpages, c.relhassubclass, c.relispartition,
             CASE WHEN c.relkind IN ('r', 'm', 't') THEN pg_relation_size(c.oid) / current_setting('block_size')::int END,
             obj_description(c.oid, 'pg_class'),
             CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
             pg_get_userbyid(c.relowner)
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ? AND c.relname = ?""";

  PostgresDialect(Connection c) throws SQLException {
    super(c);
  }

  @Override
  String id() {
    return "postgresql";
  }

  @Override
  QualifiedName name(String source, String catalog, String schema, String table) {
    return QualifiedName.dataset(source, currentCatalog, blankToNull(schema), table);
  }

  @Override
  MetaRef ref(QualifiedName name) {
    // PostgreSQL cannot query across databases: a name in another database does not exist here
    if (name.database() != null && currentCatalog != null && !name.database().equals(currentCatalog)) {
      return null;
    }
    return new MetaRef(null, name.schema(), name.dataset());
  }

  @Override
  boolean isSystem(String catalog, String schema) {
    if (schema == null) {
      return false;
    }
    return schema.equals("pg_catalog") || schema.equals("information_schema") || schema.equals("pg_toast")
        || schema.startsWith("pg_temp_") || schema.startsWith("pg_toast_temp_");
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
        String relkind = rs.getString(1);
        double reltuples = rs.getDouble(2);
        long relpages = rs.getLong(3);
        boolean hasChildren = rs.getBoolean(4);
        boolean partition = rs.getBoolean(5);
        long curpages = rs.getLong(6);
        boolean hasSize = !rs.wasNull();
        String comment = blankToNull(rs.getString(7));
        String definition = blankToNull(rs.getString(8));
        String owner = rs.getString(9);
        Map<String, String> props = new LinkedHashMap<>();
        if (owner != null) {
          props.put("owner", owner);
        }
        if (partition) {
          props.put("partition", "true");
        }
        Long estimate = null;
        if ("r".equals(relkind) || "m".equals(relkind) || "p".equals(relkind)) {
          if (hasSize && !hasChildren && curpages == 0) {
            estimate = 0L;
          } else if (hasSize && !hasChildren && reltuples > 0 && relpages > 0) {
            // the planner's own estimate: density from the last ANALYZE times the current size
            estimate = Math.round(reltuples / relpages * curpages);
          } else {
            // never analyzed (reltuples = -1), a partitioned table or an inheritance parent
            estimate = plannerEstimate(c, ref);
          }
        }
        return new Details(comment, definition, estimate, props);
      }
    }
  }

  /** The planner's row estimate for a full scan, read from {@code EXPLAIN}; null when unavailable. */
  private Long plannerEstimate(Connection c, MetaRef ref) {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + tableRef(ref))) {
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(rs.getString(1));
      }
      Matcher m = PLAN_ROWS.matcher(b);
      return m.find() ? Math.round(Double.parseDouble(m.group(1))) : null;
    } catch (SQLException | NumberFormatException e) {
      LOG.debug("No planner estimate for {}: {}", ref.table(), e.getClass().getSimpleName());
      return null;
    }
  }

  @Override
  String tableRef(MetaRef ref) {
    return ref.schema() == null ? quote(ref.table()) : quote(ref.schema()) + "." + quote(ref.table());
  }

  /**
   * Views and small tables: LIMIT. Medium tables: a random order over the whole table. Large tables
   * and materialized views: {@code TABLESAMPLE SYSTEM} sized for twice the rows needed, the
   * sampled rows shuffled (so that LIMIT does not favour the first sampled blocks); when too few
   * rows come back (stale statistics, clustered free space), {@code TABLESAMPLE BERNOULLI} at twice
   * the rate, then a random order over the whole table.
   */
  @Override
  List<SamplePlan> plans(String columns, String table, DatasetKind kind, Long estimate, int maxRows) {
    boolean sampleable = kind == DatasetKind.TABLE || kind == DatasetKind.MATERIALIZED_VIEW;
    Size size = sampleable ? size(estimate, maxRows) : Size.SMALL;
    return switch (size) {
      case SMALL -> List.of(limit(columns, table, maxRows));
      case MEDIUM -> List.of(randomOrder(columns, table, "", "random()", maxRows));
      case LARGE -> {
        double p = Math.min(100.0, 100.0 * 2 * maxRows / estimate);
        yield List.of(
            randomOrder(columns, table, "TABLESAMPLE SYSTEM (" + format(p) + ") ", "random()", maxRows),
            randomOrder(columns, table, "TABLESAMPLE BERNOULLI (" + format(Math.min(100.0, 2 * p)) + ") ",
                "random()", maxRows),
            randomOrder(columns, table, "", "random()", maxRows));
      }
    };
  }

  @Override
  boolean streamsInTransaction() {
    return true;
  }
}
