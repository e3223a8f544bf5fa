package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.connector.jdbc.SqlScripts.Flavor;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chinook on MariaDB, reported completely and checked against information_schema; MariaDB failures. */
class MariaDbConnectorTest {
  private static final String DB = "pursight_it_chinook";
  private static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
      "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");
  /** The dump's foreign keys, all ON DELETE NO ACTION ON UPDATE NO ACTION. */
  private static final Set<String> FKS = Set.of(
      "Album.FK_AlbumArtistId(ArtistId)->Artist(ArtistId)",
      "Customer.FK_CustomerSupportRepId(SupportRepId)->Employee(EmployeeId)",
      "Employee.FK_EmployeeReportsTo(ReportsTo)->Employee(EmployeeId)",
      "Invoice.FK_InvoiceCustomerId(CustomerId)->Customer(CustomerId)",
      "InvoiceLine.FK_InvoiceLineInvoiceId(InvoiceId)->Invoice(InvoiceId)",
      "InvoiceLine.FK_InvoiceLineTrackId(TrackId)->Track(TrackId)",
      "PlaylistTrack.FK_PlaylistTrackPlaylistId(PlaylistId)->Playlist(PlaylistId)",
      "PlaylistTrack.FK_PlaylistTrackTrackId(TrackId)->Track(TrackId)",
      "Track.FK_TrackAlbumId(AlbumId)->Album(AlbumId)",
      "Track.FK_TrackGenreId(GenreId)->Genre(GenreId)",
      "Track.FK_TrackMediaTypeId(MediaTypeId)->MediaType(MediaTypeId)");
  private static String url;
  private static Connector connector;

  @BeforeAll
  static void load() throws Exception {
    if (!TestDatabases.hasMariaDb()) {
      return; // every test skips itself in requireServer()
    }
    url = TestDatabases.recreateMariaDb(DB);
    try (Connection c = DriverManager.getConnection(url)) {
      SqlScripts.run(c, SqlScripts.dataset("chinook/chinook-mysql.sql"), Flavor.MYSQL);
      SqlScripts.run(c, """
          CREATE VIEW customer_emails AS SELECT CustomerId, Email FROM Customer WHERE Email LIKE '%@%';
          CREATE TABLE measurements (id INT PRIMARY KEY, reading DOUBLE, note TEXT, photo BLOB,
            flag BOOLEAN, big BIGINT UNSIGNED, at DATETIME) ENGINE=InnoDB COMMENT='Sensor readings';
          INSERT INTO measurements VALUES (1, 0.5, 'first', X'00', TRUE, 18446744073709551615, '2024-01-02 03:04:05'),
            (2, NULL, NULL, NULL, FALSE, 1, NULL);
          ANALYZE TABLE Track;
          """, Flavor.MYSQL);
    }
    connector = TestDatabases.connect("maria", url);
  }

  @BeforeEach
  void requireServer() {
    TestDatabases.mariadbUrl();
  }

  @AfterAll
  static void tearDown() {
    if (connector != null) {
      connector.close();
    }
  }

  private static QualifiedName name(String table) {
    return QualifiedName.dataset("maria", DB, null, table);
  }

  @Test
  void chinookIsReportedCompletelyWithDatabaseAsNamespace() throws SQLException {
    // other tests here create and drop "doomed" and "slow"
    List<QualifiedName> names = connector.list((db, table) -> !table.equals("doomed") && !table.equals("slow"));
    List<String> expected = new ArrayList<>(TABLES);
    expected.add("customer_emails");
    expected.add("measurements");
    expected.sort(null);
    assertThat(names).extracting(QualifiedName::dataset).containsExactlyElementsOf(expected);
    assertThat(names).allSatisfy(n -> {
      assertThat(n.database()).isEqualTo(DB);
      assertThat(n.schema()).isNull();
    });
    List<String> seenNamespaces = new ArrayList<>();
    connector.list((ns, table) -> seenNamespaces.add(ns));
    assertThat(seenNamespaces).containsOnly(DB);

    Map<String, Dataset> described = new TreeMap<>();
    for (QualifiedName n : names) {
      described.put(n.dataset(), connector.describe(n));
    }
    for (String t : TABLES) {
      Dataset d = described.get(t);
      assertThat(d.kind()).as(t).isEqualTo(DatasetKind.TABLE);
      assertThat(d.properties()).as(t).containsEntry("engine", "InnoDB");
      assertThat(d.estimatedRows()).as(t).isNotNull();
      assertThat(d.definition()).as(t).isNull();
    }
    assertThat(TABLES.stream().mapToInt(t -> described.get(t).fields().size()).sum()).isEqualTo(64);
    assertThat(described.get("PlaylistTrack").primaryKey()).containsExactly("PlaylistId", "TrackId");
    assertThat(described.get("Invoice").field("Total").orElseThrow().type().display()).isEqualTo("DECIMAL(10,2)");
    assertThat(described.get("measurements").comment()).isEqualTo("Sensor readings");

    Set<String> fks = new TreeSet<>();
    described.forEach((table, d) -> d.foreignKeys().forEach(fk -> {
      assertThat(fk.onDelete()).isEqualTo("NO ACTION");
      assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
      assertThat(fk.referenced().database()).isEqualTo(DB);
      assertThat(fk.referenced().schema()).isNull();
      fks.add(table + "." + fk.name() + "(" + String.join(",", fk.columns()) + ")->" + fk.referenced().dataset()
          + "(" + String.join(",", fk.referencedColumns()) + ")");
    }));
    assertThat(fks).containsExactlyInAnyOrderElementsOf(FKS);

    Dataset view = described.get("customer_emails");
    assertThat(view.kind()).isEqualTo(DatasetKind.VIEW);
    assertThat(view.comment()).isNull();
    assertThat(view.estimatedRows()).isNull();
    assertThat(view.definition()).contains("`Customer`").containsIgnoringCase("like");
    assertMatchesInformationSchema(described);
  }

  /** Columns, keys and view SQL as information_schema reports them, queried directly. */
  private static void assertMatchesInformationSchema(Map<String, Dataset> described) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE"
          + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + DB + "' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
        while (rs.next()) {
          // the driver names tinyint(1) BOOLEAN
          String type = rs.getString(5).equals("tinyint(1)") ? "boolean" : rs.getString(4).toLowerCase(Locale.ROOT);
          columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
              + type + " " + ("YES".equals(rs.getString(3)) ? "NULL" : "NOT NULL"));
        }
      }
      assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(columns.keySet());
      described.forEach((table, d) -> assertThat(d.fields().stream().map(f -> f.name() + " "
          + f.type().nativeName().toLowerCase(Locale.ROOT).split(" ")[0] + " " + (f.nullable() ? "NULL" : "NOT NULL"))
          .toList()).as("columns of " + table).containsExactlyElementsOf(columns.get(table)));
      Map<String, List<String>> pks = new TreeMap<>();
      try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
          + " WHERE TABLE_SCHEMA = '" + DB + "' AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
        while (rs.next()) {
          pks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      described.forEach((table, d) -> assertThat(d.primaryKey()).as("primary key of " + table)
          .isEqualTo(pks.getOrDefault(table, List.of())));
      Set<String> expectedFks = new TreeSet<>();
      try (ResultSet rs = st.executeQuery("""
          SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
                 r.UPDATE_RULE, r.DELETE_RULE
          FROM information_schema.KEY_COLUMN_USAGE k
          JOIN information_schema.REFERENTIAL_CONSTRAINTS r
            ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
          WHERE k.TABLE_SCHEMA = '%s' AND k.REFERENCED_TABLE_NAME IS NOT NULL""".formatted(DB))) {
        while (rs.next()) {
          expectedFks.add(rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(3) + ")->" + rs.getString(4)
              + "(" + rs.getString(5) + ") " + rs.getString(6) + "/" + rs.getString(7));
        }
      }
      Set<String> reported = new TreeSet<>();
      described.forEach((table, d) -> d.foreignKeys().forEach(fk -> reported.add(table + "." + fk.name() + "("
          + String.join(",", fk.columns()) + ")->" + fk.referenced().dataset() + "("
          + String.join(",", fk.referencedColumns()) + ") " + fk.onUpdate() + "/" + fk.onDelete())));
      assertThat(reported).containsExactlyElementsOf(expectedFks);
      try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS"
          + " WHERE TABLE_SCHEMA = '" + DB + "'")) {
        while (rs.next()) {
          assertThat(described.get(rs.getString(1)).definition()).isEqualTo(rs.getString(2));
        }
      }
    }
  }

  @Test
  void samplesWithRandAndNormalisesValues() {
    Dataset track = connector.describe(name("Track"));
    assertThat(track.estimatedRows()).isBetween(2_000L, 5_000L);
    Sample s = connector.sample(track, new SampleSpec(100, Duration.ofSeconds(10)), CancellationToken.NONE);
    assertThat(s.info().method()).endsWith("ORDER BY RAND() LIMIT 100");
    assertThat(s.info().rows()).isEqualTo(100);
    assertThat(s.column("TrackId").orElseThrow().values()).allSatisfy(v -> assertThat(v).isInstanceOf(Long.class));
    assertThat(s.column("UnitPrice").orElseThrow().values())
        .allSatisfy(v -> assertThat(v).isInstanceOf(BigDecimal.class));

    Sample invoices = connector.sample(connector.describe(name("Invoice")), new SampleSpec(5, Duration.ofSeconds(10)),
        CancellationToken.NONE);
    assertThat(invoices.info().rows()).isEqualTo(5);
    assertThat(invoices.column("InvoiceDate").orElseThrow().values())
        .allSatisfy(v -> assertThat(v).isInstanceOf(LocalDateTime.class));

    Dataset m = connector.describe(name("measurements"));
    assertThat(m.field("flag").orElseThrow().type().family()).isEqualTo(TypeFamily.BOOLEAN);
    assertThat(m.field("photo").orElseThrow().type().family()).isEqualTo(TypeFamily.BINARY);
    Sample ms = connector.sample(m, SampleSpec.DEFAULT, CancellationToken.NONE);
    assertThat(ms.info().method()).isEqualTo("LIMIT 1000");
    assertThat(ms.column("id").orElseThrow().values()).containsExactly(1L, 2L);
    assertThat(ms.column("reading").orElseThrow().values()).containsExactly(0.5, null);
    assertThat(ms.column("note").orElseThrow().values()).containsExactly("first", null);
    assertThat(ms.column("flag").orElseThrow().values()).containsExactly(true, false);
    assertThat(ms.column("big").orElseThrow().values())
        .containsExactly(new BigDecimal("18446744073709551615"), 1L);
    assertThat(ms.column("at").orElseThrow().values()).containsExactly(LocalDateTime.of(2024, 1, 2, 3, 4, 5), null);
    assertThat(ms.column("photo").orElseThrow().skipped()).contains("BLOB");
  }

  @Test
  void withoutADatabaseInTheUrlListsEveryUserDatabaseButNoSystemOne() {
    try (Connector all = TestDatabases.connect("maria-all", TestDatabases.withDatabase(url, ""))) {
      List<QualifiedName> names = all.list(null);
      assertThat(names).extracting(QualifiedName::database).contains(DB)
          .doesNotContain("mysql", "information_schema", "performance_schema", "sys");
      assertThat(all.describe(name("Album")).fields()).hasSize(3);
    }
  }

  @Test
  void aWrongPasswordIsAuthenticationWithoutThePassword() {
    SourceConfig config = new SourceConfig("maria", TestDatabases.withoutUser(url), "root",
        Secret.of("definitely-wrong-pw"), null);
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> new JdbcConnectorProvider().connect(config, Secret::reveal));
    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(e.getMessage()).startsWith("Source 'maria' rejected user 'root'").contains("Check user and password")
        .doesNotContain("definitely-wrong-pw");
  }

  @Test
  void aDroppedTableIsNotFoundAndTheOthersStillSample() throws SQLException {
    TestDatabases.exec(url, "CREATE TABLE doomed (id INT PRIMARY KEY)", "INSERT INTO doomed VALUES (1)");
    Dataset doomed = connector.describe(name("doomed"));
    TestDatabases.exec(url, "DROP TABLE doomed");
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> connector.sample(doomed, SampleSpec.DEFAULT, CancellationToken.NONE));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).startsWith("Table " + DB + ".doomed no longer exists");
    assertThat(catchThrowableOfType(SourceException.class, () -> connector.describe(name("doomed"))).reason())
        .isEqualTo(Reason.NOT_FOUND);
    assertThat(connector.sample(connector.describe(name("Genre")), SampleSpec.DEFAULT, CancellationToken.NONE)
        .info().rows()).isEqualTo(25);
  }

  @Test
  void theTimeBudgetTruncatesASlowView() throws SQLException {
    TestDatabases.exec(url, "CREATE OR REPLACE VIEW slow AS SELECT TrackId, SLEEP(0.01) AS s FROM Track");
    Dataset slow = connector.describe(name("slow"));
    long start = System.nanoTime();
    Sample s = connector.sample(slow, new SampleSpec(1000, Duration.ofSeconds(1)), CancellationToken.NONE);
    assertThat(s.info().truncated()).isTrue();
    assertThat(s.info().rows()).isLessThan(1000);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
    assertThat(connector.sample(connector.describe(name("Genre")), SampleSpec.DEFAULT, CancellationToken.NONE)
        .info().rows()).isEqualTo(25);
    TestDatabases.exec(url, "DROP VIEW slow");
  }

  @Test
  void fieldNamesKeepTheirCase() {
    assertThat(connector.describe(name("Customer")).fields()).extracting(Field::name)
        .startsWith("CustomerId", "FirstName", "LastName");
  }
}
