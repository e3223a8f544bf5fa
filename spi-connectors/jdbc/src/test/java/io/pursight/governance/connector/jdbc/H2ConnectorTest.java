package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.ConnectorProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.Sample.ColumnValues;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector against an in-memory H2 database: discovery, sampling, failures. Always runs. */
class H2ConnectorTest {
  private static final String URL = "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1";
  private static final String SRC = "h2demo";
  private static final String LONG_NOTE = "n".repeat(10_000);
  private static Connection keepAlive;
  private static Connector connector;

  @BeforeAll
  static void setUp() throws Exception {
    keepAlive = DriverManager.getConnection(URL);
    try (Statement st = keepAlive.createStatement()) {
      st.execute("""
          CREATE TABLE CUSTOMERS (
            ID INT PRIMARY KEY, EMAIL VARCHAR(120) NOT NULL, NAME VARCHAR(80) DEFAULT 'anon',
            CREATED DATE, BALANCE NUMERIC(10,2), SCORE DOUBLE PRECISION, ACTIVE BOOLEAN,
            UPDATED_AT TIMESTAMP, SEEN_AT TIMESTAMP WITH TIME ZONE, STARTS TIME, EXTERNAL_ID UUID,
            PROFILE JSON, TAGS VARCHAR(20) ARRAY, PHOTO BLOB, NOTES CLOB, BIG BIGINT, SMALL SMALLINT,
            CODE BINARY(4), OBJ JAVA_OBJECT)""");
      st.execute("COMMENT ON TABLE CUSTOMERS IS 'People who buy'");
      st.execute("COMMENT ON COLUMN CUSTOMERS.EMAIL IS 'Contact address'");
      st.execute("""
          INSERT INTO CUSTOMERS VALUES
            (1, 'ann@example.com', 'Ann', DATE '2024-02-29', 12.50, 0.25, TRUE,
             TIMESTAMP '2024-03-01 10:15:30', TIMESTAMP WITH TIME ZONE '2024-03-01 10:15:30+02:00', TIME '08:30:00',
             UUID '123e4567-e89b-12d3-a456-426614174000', JSON '{"tier":"gold"}', ARRAY['a','b'], X'0102',
             '%s', 9007199254740993, 7, X'DEADBEEF', NULL),
            (2, 'bob@example.com', NULL, NULL, NULL, NULL, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL)""".formatted(LONG_NOTE));
      st.execute("""
          CREATE TABLE ORDERS (CUSTOMER_ID INT NOT NULL, ORDER_NO INT NOT NULL, TOTAL NUMERIC(12,2),
            PRIMARY KEY (ORDER_NO, CUSTOMER_ID),
            CONSTRAINT FK_ORDERS_CUSTOMER FOREIGN KEY (CUSTOMER_ID) REFERENCES CUSTOMERS(ID) ON DELETE CASCADE)""");
      st.execute("""
          CREATE TABLE ORDER_LINES (ID INT PRIMARY KEY, CUSTOMER_ID INT, ORDER_NO INT, SKU VARCHAR(20),
            CONSTRAINT FK_LINES_ORDER FOREIGN KEY (ORDER_NO, CUSTOMER_ID) REFERENCES ORDERS(ORDER_NO, CUSTOMER_ID)
              ON UPDATE RESTRICT ON DELETE SET NULL)""");
      // a name ORDER_LINES matches as a LIKE pattern: its columns must not leak into ORDER_LINES
      st.execute("CREATE TABLE ORDERXLINES (STRAY INT)");
      st.execute("CREATE VIEW ACTIVE_CUSTOMERS AS SELECT ID, EMAIL FROM CUSTOMERS WHERE ACTIVE");
      st.execute("CREATE SCHEMA SALES");
      st.execute("CREATE TABLE SALES.REGIONS (ID INT PRIMARY KEY, NAME VARCHAR(30))");
      st.execute("CREATE TABLE EVENTS (ID BIGINT PRIMARY KEY, KIND VARCHAR(10))");
      st.execute("INSERT INTO EVENTS SELECT X, 'k' || MOD(X, 7) FROM SYSTEM_RANGE(1, 50000)");
      // DECFLOAT NaN and Infinity exist in H2 but have no BigDecimal: a real per-cell decode failure
      st.execute("CREATE TABLE MEASUREMENTS (ID INT PRIMARY KEY, READING DECFLOAT, BROKEN DECFLOAT, LABEL VARCHAR(10))");
      st.execute("""
          INSERT INTO MEASUREMENTS VALUES (1, 1.5, CAST('NaN' AS DECFLOAT), 'a'),
            (2, CAST('NaN' AS DECFLOAT), CAST('Infinity' AS DECFLOAT), 'b'),
            (3, 2.5, CAST('-Infinity' AS DECFLOAT), 'c')""");
      st.execute("CREATE ALIAS PAUSE FOR 'java.lang.Thread.sleep(long)'");
      st.execute("CREATE VIEW SLOW AS SELECT X AS ID FROM SYSTEM_RANGE(1, 1000000) WHERE PAUSE(5) IS NULL");
    }
    connector = TestDatabases.connect(SRC, URL);
  }

  @AfterAll
  static void tearDown() throws SQLException {
    if (connector != null) {
      connector.close();
    }
    keepAlive.close();
  }

  private static QualifiedName name(String schema, String table) {
    return QualifiedName.dataset(SRC, "DEMO", schema, table);
  }

  @Test
  void pluginIsFoundByServiceLoaderAndOffersTheJdbcProvider() {
    List<GovernancePlugin> plugins = new ArrayList<>();
    ServiceLoader.load(GovernancePlugin.class).forEach(plugins::add);
    assertThat(plugins).anySatisfy(p -> assertThat(p).isInstanceOf(JdbcConnectorPlugin.class));
    List<ConnectorProvider> providers = new JdbcConnectorPlugin().connectors();
    assertThat(providers).singleElement().satisfies(p -> assertThat(p.type()).isEqualTo("jdbc"));
  }

  @Test
  void supportsJdbcUrlsButNotTheGovernanceWrapper() {
    ConnectorProvider p = new JdbcConnectorProvider();
    assertThat(p.supports(SourceConfig.of("a", "jdbc:h2:mem:x", null, null))).isTrue();
    assertThat(p.supports(SourceConfig.of("a", "JDBC:postgresql://h/db", null, null))).isTrue();
    assertThat(p.supports(SourceConfig.of("a", "jdbc:governance:jdbc:h2:mem:x", null, null))).isFalse();
    assertThat(p.supports(SourceConfig.of("a", "mongodb://localhost/db", null, null))).isFalse();
  }

  @Test
  void reportsTheSourceWithARedactedLocation() {
    assertThat(connector.source().product()).isEqualTo("H2");
    assertThat(connector.source().connector()).isEqualTo("jdbc");
    assertThat(connector.source().location()).isEqualTo(URL);
    assertThat(connector.source().properties()).containsEntry("dialect", "h2");
  }

  @Test
  void listsTablesAndViewsSortedWithoutSystemSchemas() {
    List<QualifiedName> names = connector.list((schema, table) -> true);
    assertThat(names).containsExactly(
        name("PUBLIC", "ACTIVE_CUSTOMERS"), name("PUBLIC", "CUSTOMERS"), name("PUBLIC", "EVENTS"),
        name("PUBLIC", "MEASUREMENTS"), name("PUBLIC", "ORDERS"), name("PUBLIC", "ORDERXLINES"),
        name("PUBLIC", "ORDER_LINES"), name("PUBLIC", "SLOW"), name("SALES", "REGIONS"));
  }

  @Test
  void listPassesSchemaAndTableToTheFilter() {
    List<String> seen = new ArrayList<>();
    BiPredicate<String, String> onlySales = (schema, table) -> {
      seen.add(schema + "." + table);
      return schema.equals("SALES");
    };
    assertThat(connector.list(onlySales)).containsExactly(name("SALES", "REGIONS"));
    assertThat(seen).contains("PUBLIC.CUSTOMERS", "SALES.REGIONS").noneMatch(s -> s.startsWith("INFORMATION_SCHEMA"));
  }

  @Test
  void describesColumnsTypesNullabilityDefaultsAndComments() {
    Dataset d = connector.describe(name("PUBLIC", "CUSTOMERS"));
    assertThat(d.kind()).isEqualTo(DatasetKind.TABLE);
    assertThat(d.comment()).isEqualTo("People who buy");
    assertThat(d.estimatedRows()).isEqualTo(2L);
    assertThat(d.fields()).extracting(Field::name).containsExactly("ID", "EMAIL", "NAME", "CREATED", "BALANCE",
        "SCORE", "ACTIVE", "UPDATED_AT", "SEEN_AT", "STARTS", "EXTERNAL_ID", "PROFILE", "TAGS", "PHOTO", "NOTES",
        "BIG", "SMALL", "CODE", "OBJ");
    assertThat(d.fields()).extracting(Field::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
        14, 15, 16, 17, 18, 19);
    Field email = d.field("EMAIL").orElseThrow();
    assertThat(email.nullable()).isFalse();
    assertThat(email.comment()).isEqualTo("Contact address");
    assertThat(email.type().nativeName()).isEqualTo("CHARACTER VARYING");
    assertThat(email.type().jdbcType()).isEqualTo(Types.VARCHAR);
    assertThat(email.type().size()).isEqualTo(120);
    assertThat(email.type().family()).isEqualTo(TypeFamily.STRING);
    Field nameField = d.field("NAME").orElseThrow();
    assertThat(nameField.nullable()).isTrue();
    assertThat(nameField.defaultValue()).isEqualTo("'anon'");
    Field balance = d.field("BALANCE").orElseThrow();
    assertThat(balance.type().family()).isEqualTo(TypeFamily.DECIMAL);
    assertThat(balance.type().display()).isEqualTo("NUMERIC(10,2)");
    assertThat(d.field("ID").orElseThrow().primaryKey()).isTrue();
    assertThat(d.field("EMAIL").orElseThrow().primaryKey()).isFalse();
    assertThat(d.primaryKey()).containsExactly("ID");
    Map<String, TypeFamily> families = new java.util.LinkedHashMap<>();
    d.fields().forEach(f -> families.put(f.name(), f.type().family()));
    assertThat(families).containsEntry("CREATED", TypeFamily.DATE).containsEntry("SCORE", TypeFamily.FLOAT)
        .containsEntry("ACTIVE", TypeFamily.BOOLEAN).containsEntry("UPDATED_AT", TypeFamily.TIMESTAMP)
        .containsEntry("SEEN_AT", TypeFamily.TIMESTAMP).containsEntry("STARTS", TypeFamily.TIME)
        .containsEntry("EXTERNAL_ID", TypeFamily.UUID).containsEntry("PROFILE", TypeFamily.JSON)
        .containsEntry("TAGS", TypeFamily.ARRAY).containsEntry("PHOTO", TypeFamily.BINARY)
        .containsEntry("NOTES", TypeFamily.STRING).containsEntry("BIG", TypeFamily.INTEGER)
        .containsEntry("CODE", TypeFamily.BINARY);
  }

  @Test
  void describesCompositeKeysInKeyOrderAndForeignKeysWithRules() {
    Dataset orders = connector.describe(name("PUBLIC", "ORDERS"));
    assertThat(orders.primaryKey()).containsExactly("ORDER_NO", "CUSTOMER_ID");
    assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("FK_ORDERS_CUSTOMER", List.of("CUSTOMER_ID"),
        name("PUBLIC", "CUSTOMERS"), List.of("ID"), "NO ACTION", "CASCADE"));

    Dataset lines = connector.describe(name("PUBLIC", "ORDER_LINES"));
    assertThat(lines.fields()).extracting(Field::name).containsExactly("ID", "CUSTOMER_ID", "ORDER_NO", "SKU");
    assertThat(lines.foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.name()).isEqualTo("FK_LINES_ORDER");
      assertThat(fk.columns()).containsExactly("ORDER_NO", "CUSTOMER_ID");
      assertThat(fk.referencedColumns()).containsExactly("ORDER_NO", "CUSTOMER_ID");
      assertThat(fk.referenced()).isEqualTo(name("PUBLIC", "ORDERS"));
      assertThat(fk.onUpdate()).isEqualTo("RESTRICT");
      assertThat(fk.onDelete()).isEqualTo("SET NULL");
    });
    assertThat(lines.foreignKeysOf("CUSTOMER_ID")).hasSize(1);
  }

  @Test
  void describesViewsWithTheirSqlAndNoEstimate() {
    Dataset v = connector.describe(name("PUBLIC", "ACTIVE_CUSTOMERS"));
    assertThat(v.kind()).isEqualTo(DatasetKind.VIEW);
    assertThat(v.definition()).contains("\"PUBLIC\".\"CUSTOMERS\"").containsIgnoringCase("WHERE");
    assertThat(v.estimatedRows()).isNull();
    assertThat(v.primaryKey()).isEmpty();
    assertThat(v.fields()).extracting(Field::name).containsExactly("ID", "EMAIL");
  }

  @Test
  void describeOfAMissingTableIsNotFound() {
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> connector.describe(name("PUBLIC", "NO_SUCH_TABLE")));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains("DEMO.PUBLIC.NO_SUCH_TABLE").contains("no longer exists");
    assertThat(e.source()).isEqualTo(SRC);
  }

  @Test
  void samplesSmallTablesWithLimitAndNormalisesValues() {
    Dataset d = connector.describe(name("PUBLIC", "CUSTOMERS"));
    Sample s = connector.sample(d, SampleSpec.DEFAULT, CancellationToken.NONE);
    assertThat(s.info().method()).isEqualTo("LIMIT 1000");
    assertThat(s.info().rows()).isEqualTo(2);
    assertThat(s.info().truncated()).isFalse();
    assertThat(values(s, "ID")).containsExactly(1L, 2L);
    assertThat(values(s, "EMAIL")).containsExactly("ann@example.com", "bob@example.com");
    assertThat(values(s, "NAME")).containsExactly("Ann", null);
    assertThat(values(s, "CREATED")).containsExactly(LocalDate.of(2024, 2, 29), null);
    assertThat(values(s, "BALANCE").get(0)).isEqualTo(new BigDecimal("12.50"));
    assertThat(values(s, "SCORE")).containsExactly(0.25, null);
    assertThat(values(s, "ACTIVE")).containsExactly(true, false);
    assertThat(values(s, "UPDATED_AT").get(0)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30));
    assertThat(values(s, "SEEN_AT").get(0))
        .isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
    assertThat(values(s, "STARTS").get(0)).isEqualTo(LocalTime.of(8, 30));
    assertThat(values(s, "EXTERNAL_ID").get(0)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat((String) values(s, "PROFILE").get(0)).contains("\"tier\"").contains("gold");
    assertThat(values(s, "TAGS").get(0)).isInstanceOf(String.class);
    assertThat(values(s, "BIG").get(0)).isEqualTo(9007199254740993L);
    assertThat(values(s, "SMALL").get(0)).isEqualTo(7L);
    assertThat((byte[]) values(s, "CODE").get(0)).containsExactly(0xDE, 0xAD, 0xBE, 0xEF);
    assertThat((String) values(s, "NOTES").get(0)).hasSize(CellReaders.MAX_TEXT);
    ColumnValues photo = s.column("PHOTO").orElseThrow();
    assertThat(photo.skipped()).contains("large binary");
    assertThat(photo.values()).isEmpty();
    assertThat(s.column("OBJ").orElseThrow().skipped()).contains("Java objects");
    assertThat(s.columns().values()).allSatisfy(c -> assertThat(c.decodeErrors()).isZero());
  }

  @Test
  void samplesLargeTablesWithRandomFilterWithinTheRowBudget() {
    Dataset d = connector.describe(name("PUBLIC", "EVENTS"));
    assertThat(d.estimatedRows()).isEqualTo(50_000L);
    Sample s = connector.sample(d, new SampleSpec(100, Duration.ofSeconds(10)), CancellationToken.NONE);
    assertThat(s.info().method()).isEqualTo("WHERE RAND() < 0.003 ORDER BY RAND() LIMIT 100");
    assertThat(s.info().rows()).isBetween(50L, 100L);
    List<Object> ids = values(s, "ID");
    assertThat(ids).hasSize((int) s.info().rows()).doesNotHaveDuplicates();
    // a random filter reaches beyond the first rows a plain LIMIT would return, over the whole table
    assertThat(ids.stream().mapToLong(o -> (Long) o).max().orElseThrow()).isGreaterThan(40_000L);
    assertThat(ids.stream().mapToLong(o -> (Long) o).min().orElseThrow()).isLessThan(10_000L);
  }

  @Test
  void aDecodeFailureCostsOnlyThatCellAndTheScanGoesOn() {
    Dataset d = connector.describe(name("PUBLIC", "MEASUREMENTS"));
    assertThat(d.field("READING").orElseThrow().type().family()).isEqualTo(TypeFamily.DECIMAL);
    Sample s = connector.sample(d, SampleSpec.DEFAULT, CancellationToken.NONE);
    assertThat(s.info().rows()).isEqualTo(3);
    assertThat(values(s, "ID")).containsExactly(1L, 2L, 3L);
    assertThat(values(s, "LABEL")).containsExactly("a", "b", "c");
    ColumnValues reading = s.column("READING").orElseThrow();
    assertThat(reading.values()).containsExactly(new BigDecimal("1.5"), new BigDecimal("2.5"));
    assertThat(reading.decodeErrors()).isEqualTo(1);
    assertThat(reading.decodeError()).contains("DECFLOAT").contains("BigDecimal").contains("22018")
        .doesNotContain("NaN").doesNotContain("Infinity");
    ColumnValues broken = s.column("BROKEN").orElseThrow();
    assertThat(broken.values()).isEmpty();
    assertThat(broken.decodeErrors()).isEqualTo(3);
    assertThat(broken.decodeError()).doesNotContain("Infinity");
  }

  @Test
  void aTableDroppedBetweenDescribeAndSampleIsNotFoundAndOthersAreUnaffected() throws SQLException {
    try (Statement st = keepAlive.createStatement()) {
      st.execute("CREATE TABLE DOOMED (ID INT PRIMARY KEY, V VARCHAR(10))");
      st.execute("INSERT INTO DOOMED VALUES (1, 'x')");
    }
    Dataset d = connector.describe(name("PUBLIC", "DOOMED"));
    try (Statement st = keepAlive.createStatement()) {
      st.execute("DROP TABLE DOOMED");
    }
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> connector.sample(d, SampleSpec.DEFAULT, CancellationToken.NONE));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).startsWith("Table DEMO.PUBLIC.DOOMED no longer exists (dropped during the scan?)")
        .doesNotContain("\n");
    assertThatThrownBy(() -> connector.describe(d.name())).isInstanceOfSatisfying(SourceException.class,
        ex -> assertThat(ex.reason()).isEqualTo(Reason.NOT_FOUND));
    Dataset other = connector.describe(name("SALES", "REGIONS"));
    assertThat(connector.sample(other, SampleSpec.DEFAULT, CancellationToken.NONE).info().rows()).isZero();
  }

  @Test
  void theTimeBudgetEndsASlowReadAndReportsTruncated() {
    Dataset slow = connector.describe(name("PUBLIC", "SLOW"));
    long start = System.nanoTime();
    Sample s = connector.sample(slow, new SampleSpec(1000, Duration.ofSeconds(1)), CancellationToken.NONE);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(s.info().truncated()).isTrue();
    assertThat(s.info().rows()).isLessThan(1000);
    assertThat(millis).isLessThan(4000);
    // the pooled connection is still good afterwards
    assertThat(connector.sample(connector.describe(name("PUBLIC", "ORDERS")), SampleSpec.DEFAULT,
        CancellationToken.NONE).info().truncated()).isFalse();
  }

  @Test
  void cancellingAbortsTheReadWithASourceException() throws Exception {
    Dataset slow = connector.describe(name("PUBLIC", "SLOW"));
    TestDatabases.ManualToken token = new TestDatabases.ManualToken();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long start = System.nanoTime();
      Future<Sample> f = pool.submit(() -> connector.sample(slow, new SampleSpec(1000, Duration.ofSeconds(30)), token));
      Thread.sleep(300);
      token.cancel();
      Throwable t = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
          () -> f.get(10, TimeUnit.SECONDS)).getCause();
      assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
        assertThat(e.reason()).isEqualTo(Reason.OTHER);
        assertThat(e.getMessage()).contains("cancelled").contains("PUBLIC.SLOW");
      });
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
      assertThat(token.registered()).as("the cancel callback is deregistered").isZero();
    } finally {
      pool.shutdownNow();
    }
    TestDatabases.ManualToken already = new TestDatabases.ManualToken();
    already.cancel();
    assertThatThrownBy(() -> connector.sample(slow, SampleSpec.DEFAULT, already))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage()).contains("cancelled"));
    assertThat(connector.sample(connector.describe(name("PUBLIC", "ORDERS")), SampleSpec.DEFAULT,
        CancellationToken.NONE).info().rows()).isZero();
  }

  @Test
  void isThreadSafeWithMoreThreadsThanPooledConnections() throws Exception {
    SourceConfig config = new SourceConfig("h2pool", URL, null, null, Map.of("pursight.poolSize", "2"));
    try (Connector c = new JdbcConnectorProvider().connect(config, Secret::reveal)) {
      List<QualifiedName> names = c.list(null);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (QualifiedName n : names) {
            if (n.dataset().equals("SLOW")) {
              continue;
            }
            results.add(pool.submit(() -> c.sample(c.describe(n), new SampleSpec(50, Duration.ofSeconds(10)),
                CancellationToken.NONE).info().rows()));
          }
        }
        for (Future<Long> f : results) {
          assertThat(f.get(30, TimeUnit.SECONDS)).isBetween(0L, 50L);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void theGenericDialectWorksFromDatabaseMetaDataAlone() throws SQLException {
    Connection first = DriverManager.getConnection(URL);
    Dialect generic = new GenericDialect(first);
    ConnectionPool pool = new ConnectionPool(() -> DriverManager.getConnection(URL), 2, 10_000);
    pool.offer(first);
    io.pursight.governance.catalog.DataSource ds =
        new io.pursight.governance.catalog.DataSource("generic", "jdbc", URL, "H2", null, null);
    try (JdbcConnector c = new JdbcConnector("generic", null, null, ds, generic, pool)) {
      QualifiedName customers = QualifiedName.dataset("generic", "DEMO", "PUBLIC", "CUSTOMERS");
      assertThat(c.list(null)).contains(customers).noneMatch(n -> "INFORMATION_SCHEMA".equals(n.schema()));
      Dataset d = c.describe(customers);
      assertThat(d.comment()).isEqualTo("People who buy");
      assertThat(d.primaryKey()).containsExactly("ID");
      assertThat(d.estimatedRows()).isNull();
      Dataset view = c.describe(QualifiedName.dataset("generic", "DEMO", "PUBLIC", "ACTIVE_CUSTOMERS"));
      assertThat(view.kind()).isEqualTo(DatasetKind.VIEW);
      assertThat(view.definition()).isNull();
      Dataset events = c.describe(QualifiedName.dataset("generic", "DEMO", "PUBLIC", "EVENTS"));
      Sample s = c.sample(events, new SampleSpec(100, Duration.ofSeconds(10)), CancellationToken.NONE);
      assertThat(s.info().method()).isEqualTo("SELECT with setMaxRows(100)");
      assertThat(s.info().rows()).isEqualTo(100);
    }
  }

  @Test
  void unknownDriverIsNoDriverWithAnActionableMessage() {
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> TestDatabases.connect("nodrv", "jdbc:nosuchdb://x"));
    assertThat(e.reason()).isEqualTo(Reason.NO_DRIVER);
    assertThat(e.getMessage()).startsWith("No JDBC driver on the classpath accepts 'jdbc:nosuchdb://x'. Add the driver jar");
  }

  @Test
  void unreachableServerIsUnreachableAndNeverShowsThePassword() {
    SourceConfig config = new SourceConfig("down", "jdbc:postgresql://127.0.0.1:1/test?sslpassword=urlsecret",
        "someone", Secret.of("hunter2-pw"), Map.of("pursight.connectTimeoutSeconds", "2"));
    AtomicInteger resolved = new AtomicInteger();
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> new JdbcConnectorProvider().connect(config, s -> {
          resolved.incrementAndGet();
          return s.reveal();
        }));
    assertThat(resolved).hasValue(1);
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("Cannot reach jdbc:postgresql://127.0.0.1:1/test?sslpassword=****: ")
        .contains("Check host, port, and that the server is running")
        .doesNotContain("hunter2-pw").doesNotContain("urlsecret");
  }

  @Test
  void wrongPasswordIsAuthentication() throws SQLException {
    String url = "jdbc:h2:mem:authdb;DB_CLOSE_DELAY=-1";
    try (Connection owner = DriverManager.getConnection(url, "ADMIN", "right-password")) {
      assertThat(owner.isValid(1)).as("the database lives while its owner is connected").isTrue();
      SourceConfig config = new SourceConfig("auth", url, "ADMIN", Secret.of("wrong-password"), null);
      SourceException e = catchThrowableOfType(SourceException.class,
          () -> new JdbcConnectorProvider().connect(config, Secret::reveal));
      assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
      assertThat(e.getMessage()).startsWith("Source 'auth' rejected user 'ADMIN'").contains("Check user and password")
          .doesNotContain("wrong-password");
      try (Connector ok = new JdbcConnectorProvider().connect(
          new SourceConfig("auth", url, "ADMIN", Secret.of("right-password"), null), Secret::reveal)) {
        assertThat(ok.source().product()).isEqualTo("H2");
      }
    }
  }

  @Test
  void invalidPoolSizeIsAConfigurationErrorNamingTheSetting() {
    SourceConfig config = new SourceConfig("bad", URL, null, null, Map.of("pursight.poolSize", "lots"));
    assertThatThrownBy(() -> new JdbcConnectorProvider().connect(config, Secret::reveal))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("pursight.poolSize");
  }

  @Test
  void driverPropertiesArePassedButOurOwnAreNot() {
    // INIT runs at connect only when the property reaches H2; pursight.* keys are ours and are not passed on
    SourceConfig config = new SourceConfig("props", "jdbc:h2:mem:props;DB_CLOSE_DELAY=-1", null, null,
        Map.of("pursight.poolSize", "1", "pursight.futureSetting", "x",
            "INIT", "CREATE TABLE IF NOT EXISTS FROM_INIT(ID INT)"));
    try (Connector c = new JdbcConnectorProvider().connect(config, Secret::reveal)) {
      assertThat(c.list(null)).extracting(QualifiedName::dataset).containsExactly("FROM_INIT");
    }
  }

  @Test
  void closedConnectorRefusesWork() {
    Connector c = TestDatabases.connect("closing", URL);
    c.close();
    AtomicReference<SourceException> e = new AtomicReference<>();
    e.set(catchThrowableOfType(SourceException.class, () -> c.list(null)));
    assertThat(e.get().getMessage()).contains("closed");
  }

  private static List<Object> values(Sample s, String column) {
    return s.column(column).orElseThrow(() -> new AssertionError("no column " + column)).values();
  }
}
