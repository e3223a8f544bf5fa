package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.connector.jdbc.SqlScripts.Flavor;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chinook and Sakila on PostgreSQL are reported completely: every table and view, every column
 * with its type and nullability, every primary and foreign key, every view's SQL. Checked against
 * the catalog with independent queries and against counts read off the dump files.
 */
class PostgresCatalogTest {
  private static final List<String> CHINOOK_TABLES = List.of("album", "artist", "customer", "employee", "genre",
      "invoice", "invoice_line", "media_type", "playlist", "playlist_track", "track");
  private static final Map<String, Integer> CHINOOK_COLUMNS = Map.ofEntries(Map.entry("album", 3),
      Map.entry("artist", 2), Map.entry("customer", 13), Map.entry("employee", 15), Map.entry("genre", 2),
      Map.entry("invoice", 9), Map.entry("invoice_line", 5), Map.entry("media_type", 2), Map.entry("playlist", 2),
      Map.entry("playlist_track", 2), Map.entry("track", 9));
  /** The dump's foreign keys: table, name, column, referenced table; all NO ACTION. */
  private static final Set<String> CHINOOK_FKS = Set.of(
      "album.album_artist_id_fkey(artist_id)->artist(artist_id)",
      "customer.customer_support_rep_id_fkey(support_rep_id)->employee(employee_id)",
      "employee.employee_reports_to_fkey(reports_to)->employee(employee_id)",
      "invoice.invoice_customer_id_fkey(customer_id)->customer(customer_id)",
      "invoice_line.invoice_line_invoice_id_fkey(invoice_id)->invoice(invoice_id)",
      "invoice_line.invoice_line_track_id_fkey(track_id)->track(track_id)",
      "playlist_track.playlist_track_playlist_id_fkey(playlist_id)->playlist(playlist_id)",
      "playlist_track.playlist_track_track_id_fkey(track_id)->track(track_id)",
      "track.track_album_id_fkey(album_id)->album(album_id)",
      "track.track_genre_id_fkey(genre_id)->genre(genre_id)",
      "track.track_media_type_id_fkey(media_type_id)->media_type(media_type_id)");
  private static final List<String> SAKILA_TABLES = List.of("actor", "address", "category", "city", "country",
      "customer", "film", "film_actor", "film_category", "inventory", "language", "payment", "payment_p2007_01",
      "payment_p2007_02", "payment_p2007_03", "payment_p2007_04", "payment_p2007_05", "payment_p2007_06", "rental",
      "staff", "store");
  private static final List<String> SAKILA_VIEWS = List.of("actor_info", "customer_list", "film_list",
      "nicer_but_slower_film_list", "sales_by_film_category", "sales_by_store", "staff_list");

  private static String chinookUrl;
  private static String sakilaUrl;
  private static Connector chinook;
  private static Connector sakila;

  @BeforeAll
  static void load() throws Exception {
    if (!TestDatabases.hasPostgres()) {
      return; // every test skips itself in requireServer()
    }
    chinookUrl = TestDatabases.recreatePostgres("pursight_it_chinook");
    try (Connection c = DriverManager.getConnection(chinookUrl)) {
      SqlScripts.run(c, SqlScripts.dataset("chinook/chinook-postgresql.sql"), Flavor.POSTGRESQL);
    }
    sakilaUrl = TestDatabases.recreatePostgres("pursight_it_sakila");
    try (Connection c = DriverManager.getConnection(sakilaUrl)) {
      SqlScripts.run(c, SqlScripts.dataset("sakila/sakila-postgresql-schema.sql"), Flavor.POSTGRESQL);
      SqlScripts.run(c, SqlScripts.dataset("sakila/sakila-postgresql-data-copy.sql"), Flavor.POSTGRESQL);
      try (Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }
    }
    chinook = TestDatabases.connect("chinook", chinookUrl);
    sakila = TestDatabases.connect("sakila", sakilaUrl);
  }

  @BeforeEach
  void requireServer() {
    TestDatabases.postgresUrl();
  }

  @AfterAll
  static void close() {
    if (chinook != null) {
      chinook.close();
    }
    if (sakila != null) {
      sakila.close();
    }
  }

  @Test
  void chinookHasTheElevenTablesOfTheDumpWithTheirColumnsAndKeys() throws SQLException {
    List<QualifiedName> names = chinook.list(null);
    assertThat(names).extracting(QualifiedName::dataset).containsExactlyElementsOf(CHINOOK_TABLES);
    assertThat(names).allSatisfy(n -> {
      assertThat(n.source()).isEqualTo("chinook");
      assertThat(n.database()).isEqualTo("pursight_it_chinook");
      assertThat(n.schema()).isEqualTo("public");
    });
    Map<String, Dataset> described = describeAll(chinook, names);
    described.forEach((table, d) -> {
      assertThat(d.kind()).isEqualTo(DatasetKind.TABLE);
      assertThat(d.fields()).as(table).hasSize(CHINOOK_COLUMNS.get(table));
      assertThat(d.estimatedRows()).as(table).isNotNull();
    });
    assertThat(described.values().stream().mapToInt(d -> d.fields().size()).sum()).isEqualTo(64);
    assertThat(described.get("playlist_track").primaryKey()).containsExactly("playlist_id", "track_id");
    assertThat(described.get("invoice").field("total").orElseThrow().type().display()).isEqualTo("numeric(10,2)");
    assertThat(described.get("customer").field("email").orElseThrow().nullable()).isFalse();
    assertThat(described.get("customer").field("company").orElseThrow().nullable()).isTrue();
    assertThat(described.get("employee").field("birth_date").orElseThrow().type().family())
        .isEqualTo(TypeFamily.TIMESTAMP);

    Set<String> fks = new TreeSet<>();
    described.forEach((table, d) -> d.foreignKeys().forEach(fk -> {
      assertThat(fk.onUpdate()).isEqualTo("NO ACTION");
      assertThat(fk.onDelete()).isEqualTo("NO ACTION");
      assertThat(fk.referenced().database()).isEqualTo("pursight_it_chinook");
      fks.add(table + "." + fk.name() + "(" + String.join(",", fk.columns()) + ")->" + fk.referenced().dataset()
          + "(" + String.join(",", fk.referencedColumns()) + ")");
    }));
    assertThat(fks).containsExactlyInAnyOrderElementsOf(CHINOOK_FKS);
    assertMatchesCatalog(chinookUrl, described);
  }

  @Test
  void sakilaHasEveryTableAndTheSevenViewsWithTheirSql() throws SQLException {
    List<QualifiedName> names = sakila.list(null);
    List<String> expected = new ArrayList<>(SAKILA_TABLES);
    expected.addAll(SAKILA_VIEWS);
    expected.sort(null);
    assertThat(names).extracting(QualifiedName::dataset).containsExactlyElementsOf(expected);
    Map<String, Dataset> described = describeAll(sakila, names);
    for (String v : SAKILA_VIEWS) {
      Dataset d = described.get(v);
      assertThat(d.kind()).as(v).isEqualTo(DatasetKind.VIEW);
      assertThat(d.definition()).as(v).isNotBlank().containsIgnoringCase("SELECT");
      assertThat(d.estimatedRows()).as(v).isNull();
      assertThat(d.primaryKey()).as(v).isEmpty();
    }
    assertThat(described.get("customer_list").definition()).contains("address").contains("city");
    assertThat(described.get("sales_by_store").definition()).contains("payment").contains("staff");
    for (String t : SAKILA_TABLES) {
      assertThat(described.get(t).kind()).as(t).isEqualTo(DatasetKind.TABLE);
    }
    assertThat(described.values().stream().mapToInt(d -> d.foreignKeys().size()).sum()).isEqualTo(40);
    assertThat(SAKILA_TABLES.stream().filter(t -> !described.get(t).primaryKey().isEmpty())).hasSize(15);
    assertThat(described.get("film_actor").primaryKey()).containsExactly("actor_id", "film_id");
    assertThat(described.get("address").foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk).isEqualTo(new ForeignKey("address_city_id_fkey", List.of("city_id"),
          QualifiedName.dataset("sakila", "pursight_it_sakila", "public", "city"), List.of("city_id"), "CASCADE",
          "RESTRICT"));
    });
    Dataset film = described.get("film");
    assertThat(film.field("rating").orElseThrow().type().family()).isEqualTo(TypeFamily.STRING);
    assertThat(film.field("release_year").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
    assertThat(film.field("special_features").orElseThrow().type().family()).isEqualTo(TypeFamily.ARRAY);
    assertThat(film.field("fulltext").orElseThrow().type().family()).isEqualTo(TypeFamily.OTHER);
    assertThat(film.field("rental_rate").orElseThrow().defaultValue()).isEqualTo("4.99");
    assertThat(described.get("staff").field("picture").orElseThrow().type().family()).isEqualTo(TypeFamily.BINARY);
    assertThat(described.get("rental").estimatedRows()).isBetween(15_000L, 17_000L);
    assertMatchesCatalog(sakilaUrl, described);
  }

  @Test
  void everySakilaDatasetSamplesWithoutDecodeErrors() throws SQLException {
    for (QualifiedName n : sakila.list(null)) {
      Dataset d = sakila.describe(n);
      Sample s = sakila.sample(d, new SampleSpec(200, Duration.ofSeconds(10)), CancellationToken.NONE);
      assertThat(s.info().truncated()).as(n.dataset()).isFalse();
      long count = count(sakilaUrl, "public." + n.dataset());
      if (count <= 200) {
        assertThat(s.info().rows()).as(n.dataset()).isEqualTo(count);
      } else {
        assertThat(s.info().rows()).as(n.dataset()).isBetween(100L, 200L);
      }
      s.columns().forEach((col, v) -> {
        assertThat(v.decodeErrors()).as(n.dataset() + "." + col).isZero();
        if (v.skipped() == null) {
          assertThat(v.values()).as(n.dataset() + "." + col).hasSize((int) s.info().rows());
        }
      });
      assertThat(s.columns().keySet()).containsExactlyInAnyOrderElementsOf(
          d.fields().stream().map(Field::name).toList());
    }
    Sample staff = sakila.sample(sakila.describe(QualifiedName.dataset("sakila", null, "public", "staff")),
        SampleSpec.DEFAULT, CancellationToken.NONE);
    assertThat(staff.column("picture").orElseThrow().skipped()).contains("bytea");
    assertThat(staff.column("email").orElseThrow().values()).allSatisfy(v -> assertThat((String) v).contains("@"));
  }

  static long count(String url, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Dataset> describeAll(Connector c, List<QualifiedName> names) {
    Map<String, Dataset> out = new TreeMap<>();
    for (QualifiedName n : names) {
      Dataset d = c.describe(n);
      assertThat(d.name()).isEqualTo(n);
      out.put(n.dataset(), d);
    }
    return out;
  }

  /** Compares what the connector reported with pg_catalog and information_schema, queried directly. */
  static void assertMatchesCatalog(String url, Map<String, Dataset> described) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      // datasets
      Set<String> relations = new TreeSet<>();
      try (ResultSet rs = st.executeQuery("""
          SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p', 'f')""")) {
        while (rs.next()) {
          relations.add(rs.getString(1));
        }
      }
      assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(relations);
      // columns: name, order, nullability, default, type
      Map<String, List<String>> columns = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery("""
          SELECT table_name, column_name, is_nullable, column_default, udt_name, domain_name
          FROM information_schema.columns WHERE table_schema = 'public'
          ORDER BY table_name, ordinal_position""")) {
        while (rs.next()) {
          String type = rs.getString(6) != null ? rs.getString(6) : rs.getString(5);
          String def = rs.getString(4);
          if (def != null && def.startsWith("nextval(") && type.equals("int4")) {
            type = "serial"; // how the PostgreSQL driver names an int4 column fed by a sequence
          }
          columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getString(2) + " " + type + " " + ("YES".equals(rs.getString(3)) ? "NULL" : "NOT NULL")
                  + " default=" + def);
        }
      }
      described.forEach((table, d) -> assertThat(d.fields().stream().map(f -> f.name() + " " + f.type().nativeName()
          + " " + (f.nullable() ? "NULL" : "NOT NULL") + " default=" + f.defaultValue()).toList())
          .as("columns of " + table).containsExactlyElementsOf(columns.get(table)));
      // primary keys
      Map<String, List<String>> pks = new TreeMap<>();
      try (ResultSet rs = st.executeQuery("""
          SELECT rel.relname, a.attname FROM pg_constraint con
          JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
          CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
          WHERE con.contype = 'p' AND n.nspname = 'public' ORDER BY rel.relname, k.ord""")) {
        while (rs.next()) {
          pks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      described.forEach((table, d) -> {
        assertThat(d.primaryKey()).as("primary key of " + table).isEqualTo(pks.getOrDefault(table, List.of()));
        d.fields().forEach(f -> assertThat(f.primaryKey()).as(table + "." + f.name())
            .isEqualTo(d.primaryKey().contains(f.name())));
      });
      // foreign keys
      Set<String> expectedFks = new TreeSet<>();
      try (ResultSet rs = st.executeQuery("""
          SELECT rel.relname, con.conname, frel.relname, con.confupdtype, con.confdeltype,
            array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), ','),
            array_to_string(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o), ',')
          FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
          JOIN pg_class frel ON frel.oid = con.confrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
          WHERE con.contype = 'f' AND n.nspname = 'public'""")) {
        while (rs.next()) {
          expectedFks.add(rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(6) + ")->" + rs.getString(3)
              + "(" + rs.getString(7) + ") " + action(rs.getString(4)) + "/" + action(rs.getString(5)));
        }
      }
      Set<String> reportedFks = new TreeSet<>();
      described.forEach((table, d) -> d.foreignKeys().forEach(fk -> reportedFks.add(table + "." + fk.name() + "("
          + String.join(",", fk.columns()) + ")->" + fk.referenced().dataset() + "("
          + String.join(",", fk.referencedColumns()) + ") " + fk.onUpdate() + "/" + fk.onDelete())));
      assertThat(reportedFks).containsExactlyElementsOf(expectedFks);
      // comments and view SQL
      try (ResultSet rs = st.executeQuery("""
          SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','v','m','p')""")) {
        while (rs.next()) {
          assertThat(described.get(rs.getString(1)).comment()).as("comment of " + rs.getString(1))
              .isEqualTo(rs.getString(2));
        }
      }
      try (ResultSet rs = st.executeQuery(
          "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public'")) {
        while (rs.next()) {
          assertThat(described.get(rs.getString(1)).definition()).as("SQL of view " + rs.getString(1))
              .isEqualTo(rs.getString(2));
        }
      }
    }
  }

  private static String action(String code) {
    return switch (code) {
      case "a" -> "NO ACTION";
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "?" + code;
    };
  }
}
