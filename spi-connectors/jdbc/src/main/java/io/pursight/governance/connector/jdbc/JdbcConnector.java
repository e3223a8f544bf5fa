package io.pursight.governance.connector.jdbc;

import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SampleInfo;
import io.pursight.governance.connector.jdbc.CellReaders.CellReader;
import io.pursight.governance.connector.jdbc.Dialect.Details;
import io.pursight.governance.connector.jdbc.Dialect.MetaRef;
import io.pursight.governance.connector.jdbc.Dialect.SamplePlan;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.Sample.ColumnValues;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector to one JDBC source: lists datasets through {@link DatabaseMetaData}, describes them
 * with one round of metadata calls per dataset (no per-column queries), and samples them with the
 * dialect's pushed-down query under a row and time budget. Thread-safe: every call borrows its own
 * pooled connection.
 *
 * <p>A cancelled sample throws {@link SourceException} (reason OTHER, "cancelled") rather than
 * returning what was read, so that the runtime can mark the dataset cancelled.
 */
final class JdbcConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcConnector.class);
  private static final Set<String> WANTED_TYPES =
      Set.of("TABLE", "BASE TABLE", "VIEW", "MATERIALIZED VIEW", "PARTITIONED TABLE", "FOREIGN TABLE");
  private static final List<String> UNWANTED_TYPE_WORDS =
      List.of("SYSTEM", "INDEX", "SEQUENCE", "TEMPORARY", "TOAST", "TYPE", "SYNONYM", "ALIAS");
  private static final AtomicInteger TIMER_IDS = new AtomicInteger();

  private final String sourceName;
  private final String user;
  private final String password;
  private final DataSource source;
  private final Dialect dialect;
  private final ConnectionPool pool;
  private final ScheduledThreadPoolExecutor timer;
  private volatile String[] tableTypes;
  private volatile boolean closed;

  JdbcConnector(String sourceName, String user, String password, DataSource source, Dialect dialect,
      ConnectionPool pool) {
    this.sourceName = sourceName;
    this.user = user;
    this.password = password;
    this.source = source;
    this.dialect = dialect;
    this.pool = pool;
    int id = TIMER_IDS.incrementAndGet();
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pursight-jdbc-timer-" + id);
      t.setDaemon(true);
      return t;
    });
    this.timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public DataSource source() {
    return source;
  }

  Dialect dialect() {
    return dialect;
  }

  // ------------------------------------------------------------------------------------------
  // list

  @Override
  public List<QualifiedName> list(BiPredicate<String, String> filter) {
    return withConnection(null, lease -> {
      DatabaseMetaData md = lease.connection.getMetaData();
      String[] types = tableTypes(md);
      Set<QualifiedName> out = new LinkedHashSet<>();
      try (ResultSet rs = md.getTables(dialect.listCatalog(), null, "%", types)) {
        while (rs.next()) {
          String cat = rs.getString("TABLE_CAT");
          String schem = rs.getString("TABLE_SCHEM");
          String table = rs.getString("TABLE_NAME");
          String type = rs.getString("TABLE_TYPE");
          if (table == null || !acceptType(type) || dialect.isSystem(cat, schem)) {
            continue;
          }
          QualifiedName name = dialect.name(sourceName, cat, schem, table);
          String namespace = name.schema() != null ? name.schema() : name.database();
          if (filter == null || filter.test(namespace, table)) {
            out.add(name);
          }
        }
      }
      List<QualifiedName> sorted = new ArrayList<>(out);
      sorted.sort(NAME_ORDER);
      LOG.debug("Source '{}': listed {} datasets", sourceName, sorted.size());
      return sorted;
    });
  }

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  static final Comparator<QualifiedName> NAME_ORDER = Comparator
      .comparing(QualifiedName::database, NULLS_FIRST)
      .thenComparing(QualifiedName::schema, NULLS_FIRST)
      .thenComparing(QualifiedName::dataset, NULLS_FIRST);

  private String[] tableTypes(DatabaseMetaData md) throws SQLException {
    String[] t = tableTypes;
    if (t == null) {
      List<String> wanted = new ArrayList<>();
      try (ResultSet rs = md.getTableTypes()) {
        while (rs.next()) {
          String type = rs.getString(1);
          if (type != null && WANTED_TYPES.contains(type.strip().toUpperCase(Locale.ROOT))) {
            wanted.add(type.strip());
          }
        }
      }
      t = wanted.toArray(new String[0]);
      tableTypes = t;
    }
    return t.length == 0 ? null : t;
  }

  private static boolean acceptType(String type) {
    if (type == null) {
      return true;
    }
    String u = type.toUpperCase(Locale.ROOT);
    if (WANTED_TYPES.contains(u)) {
      return true;
    }
    return UNWANTED_TYPE_WORDS.stream().noneMatch(u::contains);
  }

  static DatasetKind kindOf(String type) {
    String u = type == null ? "" : type.toUpperCase(Locale.ROOT).strip();
    if (u.contains("MATERIALIZED")) {
      return DatasetKind.MATERIALIZED_VIEW;
    }
    if (u.equals("VIEW") || u.equals("SYSTEM VIEW")) {
      return DatasetKind.VIEW;
    }
    if (u.equals("TABLE") || u.equals("BASE TABLE") || u.equals("PARTITIONED TABLE") || u.equals("SYSTEM TABLE")) {
      return DatasetKind.TABLE;
    }
    return DatasetKind.OTHER;
  }

  // ------------------------------------------------------------------------------------------
  // describe

  private record TableRow(String type, String remarks) {}

  private record ColumnRow(int ordinal, Field field) {}

  @Override
  public Dataset describe(QualifiedName dataset) {
    QualifiedName name = Objects.requireNonNull(dataset, "dataset").datasetName();
    MetaRef ref = dialect.ref(name);
    String what = name.displayName();
    if (ref == null) {
      throw notFound(what);
    }
    return withConnection(what, lease -> {
      Connection c = lease.connection;
      DatabaseMetaData md = c.getMetaData();
      String esc = md.getSearchStringEscape();
      TableRow table = findTable(md, ref, esc);
      if (table == null) {
        throw notFound(what);
      }
      DatasetKind kind = kindOf(table.type());
      boolean keyed = kind == DatasetKind.TABLE || kind == DatasetKind.OTHER;
      List<String> primaryKey = keyed ? primaryKey(md, ref) : List.of();
      List<Field> fields = columns(md, ref, esc, new HashSet<>(primaryKey));
      List<ForeignKey> foreignKeys = keyed ? foreignKeys(md, ref) : List.of();
      Details details = details(c, ref, kind, table.remarks());
      if (details == null) {
        throw notFound(what);
      }
      Map<String, String> props = new LinkedHashMap<>(details.properties());
      if (table.type() != null) {
        props.put("tableType", table.type());
      }
      return new Dataset(name, kind, fields, primaryKey, foreignKeys, details.comment(), details.definition(),
          details.estimatedRows(), props);
    });
  }

  private Details details(Connection c, MetaRef ref, DatasetKind kind, String remarks) throws SQLException {
    try {
      return dialect.details(c, ref, kind, remarks);
    } catch (SQLException e) {
      if (SqlErrors.classify(e) == Reason.UNREACHABLE) {
        throw e;
      }
      // the catalog query is an extra: keep what DatabaseMetaData said
      LOG.debug("Source '{}': {} details unavailable ({}); using DatabaseMetaData only", sourceName,
          dialect.id(), SqlErrors.withheld(e));
      return new Details(Dialect.blankToNull(remarks), null, null, Map.of());
    }
  }

  private TableRow findTable(DatabaseMetaData md, MetaRef ref, String esc) throws SQLException {
    try (ResultSet rs = md.getTables(ref.catalog(), pattern(ref.schema(), esc), pattern(ref.table(), esc), null)) {
      while (rs.next()) {
        if (matches(ref, rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"))) {
          return new TableRow(rs.getString("TABLE_TYPE"), rs.getString("REMARKS"));
        }
      }
    }
    return null;
  }

  private List<Field> columns(DatabaseMetaData md, MetaRef ref, String esc, Set<String> primaryKey)
      throws SQLException {
    List<ColumnRow> rows = new ArrayList<>();
    try (ResultSet rs = md.getColumns(ref.catalog(), pattern(ref.schema(), esc), pattern(ref.table(), esc), "%")) {
      while (rs.next()) {
        if (!matches(ref, rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"))) {
          continue;
        }
        String column = rs.getString("COLUMN_NAME");
        int jdbcType = rs.getInt("DATA_TYPE");
        String typeName = rs.getString("TYPE_NAME");
        Integer size = intOrNull(rs, "COLUMN_SIZE");
        Integer scale = intOrNull(rs, "DECIMAL_DIGITS");
        int nullable = rs.getInt("NULLABLE");
        String remarks = rs.getString("REMARKS");
        String def = rs.getString("COLUMN_DEF");
        int ordinal = rs.getInt("ORDINAL_POSITION");
        Integer sourceType = null;
        try {
          sourceType = intOrNull(rs, "SOURCE_DATA_TYPE");
        } catch (SQLException e) {
          // optional column (JDBC 3+); some drivers omit it
        }
        DataType type = TypeMapping.dataType(jdbcType, typeName, size, scale, sourceType);
        Field f = new Field(column, 1, type, nullable != DatabaseMetaData.columnNoNulls,
            primaryKey.contains(column), Dialect.blankToNull(remarks), dialect.defaultValue(def));
        rows.add(new ColumnRow(ordinal, f));
      }
    }
    rows.sort(Comparator.comparingInt(ColumnRow::ordinal));
    List<Field> fields = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Field f = rows.get(i).field();
      // positions are dense 1..n even where the database leaves gaps for dropped columns
      fields.add(new Field(f.name(), i + 1, f.type(), f.nullable(), f.primaryKey(), f.comment(), f.defaultValue()));
    }
    return fields;
  }

  private List<String> primaryKey(DatabaseMetaData md, MetaRef ref) throws SQLException {
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(ref.catalog(), ref.schema(), ref.table())) {
      while (rs.next()) {
        if (matches(ref, rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"))) {
          bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
    }
    return List.copyOf(bySeq.values());
  }

  private static final class FkBuilder {
    final String name;
    final QualifiedName referenced;
    final Map<Integer, String[]> columns = new java.util.TreeMap<>();
    final String onUpdate;
    final String onDelete;

    FkBuilder(String name, QualifiedName referenced, String onUpdate, String onDelete) {
      this.name = name;
      this.referenced = referenced;
      this.onUpdate = onUpdate;
      this.onDelete = onDelete;
    }

    ForeignKey build() {
      List<String> from = columns.values().stream().map(p -> p[0]).toList();
      List<String> to = columns.values().stream().map(p -> p[1]).toList();
      return new ForeignKey(name, from, referenced, to, onUpdate, onDelete);
    }
  }

  private List<ForeignKey> foreignKeys(DatabaseMetaData md, MetaRef ref) throws SQLException {
    Map<String, FkBuilder> groups = new LinkedHashMap<>();
    int unnamed = 0;
    String lastKey = null;
    try (ResultSet rs = md.getImportedKeys(ref.catalog(), ref.schema(), ref.table())) {
      while (rs.next()) {
        if (!matches(ref, rs.getString("FKTABLE_CAT"), rs.getString("FKTABLE_SCHEM"),
            rs.getString("FKTABLE_NAME"))) {
          continue;
        }
        String fkName = Dialect.blankToNull(rs.getString("FK_NAME"));
        int seq = rs.getInt("KEY_SEQ");
        QualifiedName referenced = dialect.name(sourceName, rs.getString("PKTABLE_CAT"),
            rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"));
        String key;
        if (fkName != null) {
          key = "n:" + fkName + "|" + referenced;
        } else {
          // unnamed keys: a new key starts at KEY_SEQ 1
          if (seq <= 1 || lastKey == null) {
            unnamed++;
          }
          key = "u:" + unnamed + "|" + referenced;
        }
        lastKey = key;
        FkBuilder b = groups.get(key);
        if (b == null) {
          b = new FkBuilder(fkName, referenced, rule(rs, "UPDATE_RULE"), rule(rs, "DELETE_RULE"));
          groups.put(key, b);
        }
        b.columns.put(seq, new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKey> out = new ArrayList<>();
    for (FkBuilder b : groups.values()) {
      out.add(b.build());
    }
    out.sort(Comparator.comparing(ForeignKey::name, NULLS_FIRST)
        .thenComparing(fk -> String.join(",", fk.columns())));
    return out;
  }

  private static String rule(ResultSet rs, String column) throws SQLException {
    int r = rs.getInt(column);
    if (rs.wasNull()) {
      return null;
    }
    return switch (r) {
      case DatabaseMetaData.importedKeyCascade -> "CASCADE";
      case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
      case DatabaseMetaData.importedKeySetNull -> "SET NULL";
      case DatabaseMetaData.importedKeyNoAction -> "NO ACTION";
      case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
      default -> null;
    };
  }

  private static boolean matches(MetaRef ref, String cat, String schem, String table) {
    return ref.table().equals(table)
        && (ref.schema() == null || ref.schema().equals(schem))
        && (ref.catalog() == null || cat == null || ref.catalog().equals(cat));
  }

  /** {@code name} as a LIKE pattern matching only itself (exactness is checked again on the rows). */
  private static String pattern(String name, String esc) {
    if (name == null || esc == null || esc.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '_' || ch == '%' || esc.indexOf(ch) >= 0) {
        b.append(esc);
      }
      b.append(ch);
    }
    return b.toString();
  }

  private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  // ------------------------------------------------------------------------------------------
  // sample

  private record Column(String name, DataType type, CellReader reader, String javaType) {}

  /** The values read by one sampling query. */
  private static final class Attempt {
    final SamplePlan plan;
    final List<List<Object>> values = new ArrayList<>();
    final int[] errors;
    final String[] firstError;
    long rows;
    boolean truncated;

    Attempt(SamplePlan plan, int columns) {
      this.plan = plan;
      for (int i = 0; i < columns; i++) {
        values.add(new ArrayList<>());
      }
      this.errors = new int[columns];
      this.firstError = new String[columns];
    }
  }

  /** Cancels a running statement at most while it is active; never after {@link #finish}. */
  private final class Canceller {
    private final Statement statement;
    private boolean active = true;
    private volatile boolean timedOut;

    Canceller(Statement statement) {
      this.statement = statement;
    }

    synchronized void cancelNow() {
      if (!active) {
        return;
      }
      try {
        statement.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("Source '{}': cancelling a statement failed: {}", sourceName, e.getClass().getSimpleName());
      }
    }

    void timeUp() {
      timedOut = true;
      cancelNow();
    }

    /** Quick and non-throwing, as {@link CancellationToken#onCancel} requires: cancels on the timer thread. */
    void cancelAsync() {
      try {
        timer.execute(this::cancelNow);
      } catch (RejectedExecutionException e) {
        LOG.debug("Source '{}': connector closed while cancelling", sourceName);
      }
    }

    synchronized void finish() {
      active = false;
    }
  }

  @Override
  public Sample sample(Dataset dataset, SampleSpec spec, CancellationToken cancellation) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(spec, "spec");
    CancellationToken token = cancellation == null ? CancellationToken.NONE : cancellation;
    QualifiedName name = dataset.name();
    String what = name.displayName();
    MetaRef ref = dialect.ref(name);
    if (ref == null) {
      throw notFound(what);
    }
    if (token.isCancelled()) {
      throw cancelled(what);
    }
    Map<String, ColumnValues> skipped = new LinkedHashMap<>();
    List<Column> columns = new ArrayList<>();
    for (Field f : dataset.fields()) {
      CellReaders.Choice choice = CellReaders.choose(f.type());
      if (choice.reader() == null) {
        skipped.put(f.name(), new ColumnValues(List.of(), 0, null, choice.skipped()));
      } else {
        columns.add(new Column(f.name(), f.type(), choice.reader(), choice.what()));
      }
    }
    if (columns.isEmpty()) {
      return new Sample(new SampleInfo("none: no readable columns", 0, 0, false), skipped);
    }
    String select = columns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
    List<SamplePlan> plans = dialect.plans(select, dialect.tableRef(ref), dataset.kind(), dataset.estimatedRows(),
        spec.maxRows());
    return withConnection(what, lease -> {
      long start = System.nanoTime();
      long deadline = start + spec.timeout().toNanos();
      List<Attempt> attempts = new ArrayList<>();
      Attempt result = null;
      for (int i = 0; i < plans.size(); i++) {
        Attempt a = runAttempt(lease, plans.get(i), columns, spec.maxRows(), deadline, token, what);
        attempts.add(a);
        if (a.truncated && result != null && result.rows > a.rows) {
          result.truncated = true; // time ran out in the fallback: keep the larger earlier sample
          break;
        }
        result = a;
        if (a.truncated || i == plans.size() - 1 || a.rows * 2 >= spec.maxRows()) {
          break;
        }
        LOG.debug("Source '{}': {} returned only {} rows from {}; trying {}", sourceName, a.plan.method(), a.rows,
            what, plans.get(i + 1).method());
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      Map<String, ColumnValues> out = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        out.put(columns.get(i).name(),
            new ColumnValues(result.values.get(i), result.errors[i], result.firstError[i], null));
      }
      out.putAll(skipped);
      String method = describeMethod(result, attempts);
      LOG.debug("Source '{}': sampled {} rows of {} with {} in {} ms{}", sourceName, result.rows, what, method,
          millis, result.truncated ? " (time budget reached)" : "");
      return new Sample(new SampleInfo(method, result.rows, millis, result.truncated), out);
    });
  }

  /** The winning plan, and which plans ran before or after it and why they were not used. */
  private static String describeMethod(Attempt result, List<Attempt> attempts) {
    List<String> others = new ArrayList<>();
    for (Attempt a : attempts) {
      if (a != result) {
        others.add(a.plan.method() + (a.truncated ? " ran out of time" : " returned " + a.rows + " rows"));
      }
    }
    if (others.isEmpty()) {
      return result.plan.method();
    }
    boolean fallback = attempts.indexOf(result) > 0;
    return result.plan.method() + (fallback ? " (after " : " (then ") + String.join("; ", others) + ")";
  }

  private Attempt runAttempt(Lease lease, SamplePlan plan, List<Column> columns, int maxRows, long deadline,
      CancellationToken token, String what) throws SQLException {
    Attempt a = new Attempt(plan, columns.size());
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      a.truncated = true;
      return a;
    }
    Connection c = lease.connection;
    boolean tx = dialect.streamsInTransaction();
    if (tx) {
      c.setAutoCommit(false);
    }
    try (Statement st = c.createStatement()) {
      st.setMaxRows(maxRows);
      st.setFetchSize(dialect.fetchSize(maxRows));
      // a backstop: the watchdog below cancels at the exact deadline
      st.setQueryTimeout((int) Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L));
      Canceller canceller = new Canceller(st);
      ScheduledFuture<?> watchdog = timer.schedule(canceller::timeUp, remaining, TimeUnit.NANOSECONDS);
      AutoCloseable registration = token.onCancel(canceller::cancelAsync);
      try {
        LOG.debug("Source '{}': sampling {} with {}", sourceName, what, plan.method());
        read(st, plan, columns, a, maxRows, deadline, token, canceller, what);
      } finally {
        watchdog.cancel(false);
        try {
          registration.close();
        } catch (Exception e) {
          LOG.debug("Closing a cancellation registration failed: {}", e.getClass().getSimpleName());
        }
        canceller.finish();
      }
    } finally {
      if (tx) {
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException e) {
          lease.broken = true;
        }
      }
    }
    return a;
  }

  private void read(Statement st, SamplePlan plan, List<Column> columns, Attempt a, int maxRows, long deadline,
      CancellationToken token, Canceller canceller, String what) throws SQLException {
    ResultSet rs;
    try {
      rs = st.executeQuery(plan.sql());
    } catch (SQLException e) {
      onReadFailure(e, a, token, canceller, what);
      return;
    }
    try {
      while (a.rows < maxRows) {
        if (token.isCancelled()) {
          canceller.cancelNow();
          throw cancelled(what);
        }
        if (System.nanoTime() >= deadline) {
          a.truncated = true;
          canceller.cancelNow();
          break;
        }
        boolean hasRow;
        try {
          hasRow = rs.next();
        } catch (SQLException e) {
          onReadFailure(e, a, token, canceller, what);
          break;
        }
        if (!hasRow) {
          break;
        }
        for (int i = 0; i < columns.size(); i++) {
          Column col = columns.get(i);
          try {
            a.values.get(i).add(col.reader().read(rs, i + 1));
          } catch (Exception e) {
            a.errors[i]++;
            if (a.firstError[i] == null) {
              a.firstError[i] = "cannot read " + col.type().nativeName() + " as " + col.javaType() + ": "
                  + SqlErrors.withheld(e);
            }
          }
        }
        a.rows++;
      }
    } finally {
      try {
        rs.close();
      } catch (SQLException e) {
        LOG.debug("Closing a sample result failed: {}", e.getClass().getSimpleName());
      }
    }
  }

  /** A timeout keeps what was read; a cancellation throws; anything else is the dataset's failure. */
  private void onReadFailure(SQLException e, Attempt a, CancellationToken token, Canceller canceller, String what)
      throws SQLException {
    if (token.isCancelled()) {
      throw cancelled(what);
    }
    if (canceller.timedOut || SqlErrors.classify(e) == Reason.TIMEOUT) {
      a.truncated = true;
      return;
    }
    throw e;
  }

  // ------------------------------------------------------------------------------------------
  // plumbing

  /** A borrowed connection and whether it must be discarded. */
  private static final class Lease {
    final Connection connection;
    boolean broken;

    Lease(Connection connection) {
      this.connection = connection;
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Lease lease) throws SQLException;
  }

  /**
   * Runs {@code work} on a pooled connection, mapping driver failures to {@link SourceException}.
   *
   * @param what the dataset concerned, or null for source-wide work
   */
  private <T> T withConnection(String what, Work<T> work) {
    if (closed) {
      throw new SourceException(sourceName, Reason.OTHER, "The connector of source '" + sourceName
          + "' is closed; connect again.", null);
    }
    Connection c;
    try {
      c = pool.borrow();
    } catch (SQLException e) {
      throw SqlErrors.forOperation(sourceName, user, "opening a connection", e, password);
    }
    Lease lease = new Lease(c);
    try {
      return work.run(lease);
    } catch (SQLException e) {
      Reason reason = SqlErrors.classify(e);
      lease.broken = reason == Reason.UNREACHABLE;
      throw what == null
          ? SqlErrors.forOperation(sourceName, user, "listing the datasets", e, password)
          : SqlErrors.forDataset(sourceName, user, what, e, password);
    } catch (SourceException e) {
      throw e;
    } catch (RuntimeException e) {
      lease.broken = true;
      throw e;
    } finally {
      pool.release(c, lease.broken);
    }
  }

  private SourceException notFound(String what) {
    return new SourceException(sourceName, Reason.NOT_FOUND,
        "Table " + what + " no longer exists (dropped during the scan?). List the source again.", null);
  }

  private SourceException cancelled(String what) {
    return new SourceException(sourceName, Reason.OTHER, "Sampling " + what + " was cancelled.", null);
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    pool.close();
  }
}
