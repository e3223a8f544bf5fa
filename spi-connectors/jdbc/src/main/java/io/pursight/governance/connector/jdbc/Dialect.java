package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What differs between databases: how names map to {@link QualifiedName}s, which namespaces are
 * system ones, where view SQL and row estimates live, and how to sample. The generic behaviour
 * uses only {@link DatabaseMetaData}; subclasses push work down to PostgreSQL, MariaDB/MySQL and
 * H2. Chosen from {@link DatabaseMetaData#getDatabaseProductName()}.
 */
abstract class Dialect {
  /** A table sampled with plain {@code LIMIT} when its estimate is at most this many times the row budget. */
  static final int SMALL_TABLE_FACTOR = 5;
  /** Up to this many rows, a random order over the whole table is cheap; above it, sample first. */
  static final long MEDIUM_TABLE_ROWS = 20_000;

  /** How a table's estimate compares with the row budget. */
  enum Size {
    /** Unknown, or a few times the budget at most: read with LIMIT. */
    SMALL,
    /** Larger than the budget but cheap to read whole: random order, LIMIT. */
    MEDIUM,
    /** Sample inside the database first. */
    LARGE
  }

  /** Where a dataset lives, in the terms {@link DatabaseMetaData} calls take. */
  record MetaRef(String catalog, String schema, String table) {}

  /** Table-level facts beyond {@link DatabaseMetaData#getTables}. */
  record Details(String comment, String definition, Long estimatedRows, Map<String, String> properties) {}

  /** One sampling query and its description for {@code SampleInfo.method}. */
  record SamplePlan(String method, String sql) {}

  private final String quote;
  private final String catalogSeparator;
  private final boolean catalogAtStart;
  private final boolean catalogsInDml;
  private final boolean schemasInDml;
  /** The connection's catalog when it was opened (the database on PostgreSQL, MariaDB and H2). */
  protected final String currentCatalog;

  Dialect(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String q = md.getIdentifierQuoteString();
    this.quote = q == null || q.isBlank() ? "" : q.strip();
    String sep = safe(md::getCatalogSeparator);
    this.catalogSeparator = sep == null || sep.isEmpty() ? "." : sep;
    this.catalogAtStart = Boolean.TRUE.equals(safeBool(md::isCatalogAtStart, true));
    this.catalogsInDml = Boolean.TRUE.equals(safeBool(md::supportsCatalogsInDataManipulation, false));
    this.schemasInDml = Boolean.TRUE.equals(safeBool(md::supportsSchemasInDataManipulation, true));
    String cat = safe(c::getCatalog);
    this.currentCatalog = cat == null || cat.isBlank() ? null : cat;
  }

  /** Picks the dialect for the database behind {@code c}. */
  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("postgresql")) {
      return new PostgresDialect(c);
    }
    if (p.contains("mariadb") || p.contains("mysql")) {
      return new MariaDbDialect(c);
    }
    if (p.equals("h2")) {
      return new H2Dialect(c);
    }
    return new GenericDialect(c);
  }

  /** A short id for logs and {@code DataSource.properties}: postgresql, mariadb, h2 or generic. */
  abstract String id();

  // ---- names ----

  /** The qualified name of a dataset as {@link DatabaseMetaData} reports it. */
  QualifiedName name(String source, String catalog, String schema, String table) {
    return QualifiedName.dataset(source, blankToNull(catalog), blankToNull(schema), table);
  }

  /** The metadata coordinates of a dataset name, or null when it cannot be in this source. */
  MetaRef ref(QualifiedName name) {
    return new MetaRef(name.database(), name.schema(), name.dataset());
  }

  /** The catalog to list, or null for all. */
  String listCatalog() {
    return null;
  }

  /** True for namespaces that hold the database's own tables. */
  boolean isSystem(String catalog, String schema) {
    Set<String> system = Set.of("information_schema", "pg_catalog", "sys", "mysql", "performance_schema");
    return (schema != null && system.contains(schema.toLowerCase(Locale.ROOT)))
        || (schema == null && catalog != null && system.contains(catalog.toLowerCase(Locale.ROOT)));
  }

  // ---- describe ----

  /**
   * Facts beyond {@link DatabaseMetaData}: comment, view SQL, row estimate, properties.
   *
   * @param remarks the table's remarks from {@code getTables}
   * @return the details, or null when the dataset does not exist (any more)
   */
  Details details(Connection c, MetaRef ref, DatasetKind kind, String remarks) throws SQLException {
    return new Details(blankToNull(remarks), null, null, Map.of());
  }

  /** Maps a default expression as reported to what users see; null when there is none. */
  String defaultValue(String columnDef) {
    return blankToNull(columnDef);
  }

  // ---- sampling ----

  /** {@code id} quoted, with embedded quote characters doubled. */
  String quote(String id) {
    if (quote.isEmpty()) {
      return id;
    }
    return quote + id.replace(quote, quote + quote) + quote;
  }

  /** The dataset as a SQL table reference. */
  String tableRef(MetaRef ref) {
    StringBuilder b = new StringBuilder();
    boolean useCatalog = ref.catalog() != null && catalogsInDml;
    if (useCatalog && catalogAtStart) {
      b.append(quote(ref.catalog())).append(catalogSeparator);
    }
    if (ref.schema() != null && schemasInDml) {
      b.append(quote(ref.schema())).append('.');
    }
    b.append(quote(ref.table()));
    if (useCatalog && !catalogAtStart) {
      b.append(catalogSeparator).append(quote(ref.catalog()));
    }
    return b.toString();
  }

  /**
   * The sampling queries to try in order; a later one runs only when the one before returned
   * fewer than half the rows asked for.
   *
   * @param columns the quoted select list
   * @param table the quoted table reference
   * @param estimate the row estimate, or null
   */
  List<SamplePlan> plans(String columns, String table, DatasetKind kind, Long estimate, int maxRows) {
    return List.of(new SamplePlan("SELECT with setMaxRows(" + maxRows + ")",
        "SELECT " + columns + " FROM " + table));
  }

  /** True when the driver streams rows only inside a transaction (PostgreSQL). */
  boolean streamsInTransaction() {
    return false;
  }

  /** Rows fetched per round trip while sampling. */
  int fetchSize(int maxRows) {
    return Math.min(maxRows, 200);
  }

  // ---- helpers for subclasses ----

  /** The size class of a table with {@code estimate} rows for a budget of {@code maxRows}. */
  static Size size(Long estimate, int maxRows) {
    if (estimate == null || estimate <= (long) SMALL_TABLE_FACTOR * maxRows) {
      return Size.SMALL;
    }
    return estimate <= MEDIUM_TABLE_ROWS ? Size.MEDIUM : Size.LARGE;
  }

  /** {@code value} with three significant digits, plain notation: 1.5, 0.0075, 100. */
  static String format(double value) {
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A plan reading {@code LIMIT n} rows. */
  static SamplePlan limit(String columns, String table, int maxRows) {
    return new SamplePlan("LIMIT " + maxRows, "SELECT " + columns + " FROM " + table + " LIMIT " + maxRows);
  }

  /** A plan reading {@code LIMIT n} rows in random order; {@code filter} (may be empty) runs first. */
  static SamplePlan randomOrder(String columns, String table, String filter, String random, int maxRows) {
    String method = filter + "ORDER BY " + random + " LIMIT " + maxRows;
    return new SamplePlan(method, "SELECT " + columns + " FROM " + table + " " + method);
  }

  /**
   * Plans for databases with {@code RAND()}: LIMIT for small tables and views, a random order for
   * medium ones, and for large ones a {@code RAND() < p} filter sized from the estimate (1.5 times
   * the rows needed) whose survivors are shuffled, so that the sample is not biased towards the
   * start of the table; a random order over everything when the filter returns too few.
   */
  static List<SamplePlan> randPlans(String columns, String table, DatasetKind kind, Long estimate, int maxRows) {
    Size size = kind == DatasetKind.VIEW ? Size.SMALL : size(estimate, maxRows);
    return switch (size) {
      case SMALL -> List.of(limit(columns, table, maxRows));
      case MEDIUM -> List.of(randomOrder(columns, table, "", "RAND()", maxRows));
      case LARGE -> List.of(
          randomOrder(columns, table, "WHERE RAND() < " + format(Math.min(1.0, 1.5 * maxRows / estimate)) + " ",
              "RAND()", maxRows),
          randomOrder(columns, table, "", "RAND()", maxRows));
    };
  }

  private interface SqlSupplier<T> {
    T get() throws SQLException;
  }

  private static String safe(SqlSupplier<String> s) {
    try {
      return s.get();
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      return null;
    }
  }

  private static Boolean safeBool(SqlSupplier<Boolean> s, boolean fallback) {
    try {
      return s.get();
    } catch (SQLException | RuntimeException | AbstractMethodError e) {
      return fallback;
    }
  }
}
