package io.pursight.governance.lineage.calcite;

import static io.pursight.governance.lineage.TransformKind.AGGREGATION;
import static io.pursight.governance.lineage.TransformKind.IDENTITY;
import static io.pursight.governance.lineage.TransformKind.TRANSFORMATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realistic ETL script over the Chinook sample database, with the catalog (read from the Chinook
 * PostgreSQL DDL) as the schema lookup; every written column's lineage is written out by hand.
 */
class ChinookEtlTest {

  private static final Path DDL = Path.of("../bench/datasets/chinook/chinook-postgresql.sql");

  private static Map<String, List<String>> catalog;
  private static ScriptLineage result;

  @BeforeAll
  static void analyse() throws IOException {
    catalog = readCatalog(Files.readString(DDL));
    String etl;
    try (InputStream in = ChinookEtlTest.class.getResourceAsStream("/chinook-etl.sql")) {
      etl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    result = Lin.run("postgresql", etl, catalog);
  }

  /** Tables and columns of the Chinook DDL (test fixture; deliberately not parsed with the code under test). */
  static Map<String, List<String>> readCatalog(String ddl) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    Matcher m = Pattern.compile("CREATE TABLE (\\w+)\\s*\\((.*?)\\);", Pattern.DOTALL).matcher(ddl);
    while (m.find()) {
      List<String> cols = new ArrayList<>();
      for (String line : m.group(2).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("CONSTRAINT")) {
          cols.add(l.split("\\s+")[0].toLowerCase(Locale.ROOT));
        }
      }
      tables.put(m.group(1).toLowerCase(Locale.ROOT), cols);
    }
    return tables;
  }

  private static void check(StatementLineage s, Object... triples) {
    Map<String, Object[]> expected = new LinkedHashMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      expected.put((String) triples[i], new Object[] {triples[i + 1], triples[i + 2]});
    }
    assertThat(s.columns()).extracting(ColumnLineage::target).containsExactlyElementsOf(expected.keySet());
    for (ColumnLineage c : s.columns()) {
      Object[] x = expected.get(c.target());
      assertThat(c.sources()).as(c.target()).containsExactlyInAnyOrderElementsOf(List.of((String[]) x[0]));
      assertThat(c.transform()).as(c.target()).isEqualTo(x[1]);
    }
  }

  private static String[] src(String... s) {
    return s;
  }

  private static StatementLineage statement(int i) {
    return result.statements().get(i);
  }

  @Test
  void catalogFixture() {
    assertThat(catalog).hasSize(11).containsEntry("genre", List.of("genre_id", "name"));
  }

  @Test
  void everyStatementIsAnalysed() {
    assertThat(result.errors()).isEmpty();
    assertThat(result.statements()).extracting(StatementLineage::kind).containsExactly(
        "OTHER", "CREATE_TABLE", "INSERT", "CREATE_TABLE_AS", "CREATE_VIEW", "UPDATE", "INSERT", "MERGE", "DELETE",
        "SELECT");
  }

  @Test
  void customerDimensionByPosition() {
    StatementLineage s = statement(2);
    assertThat(s.sources()).containsExactly("customer", "employee");
    check(s,
        "mart.dim_customer.customer_key", src("customer.customer_id"), TRANSFORMATION,
        "mart.dim_customer.customer_id", src("customer.customer_id"), IDENTITY,
        "mart.dim_customer.full_name", src("customer.first_name", "customer.last_name"), TRANSFORMATION,
        "mart.dim_customer.email_domain", src("customer.email"), TRANSFORMATION,
        "mart.dim_customer.country", src("customer.country"), TRANSFORMATION,
        "mart.dim_customer.support_rep", src("employee.first_name", "employee.last_name"), TRANSFORMATION);
    assertThat(s.columns().get(1).filters()).containsExactlyInAnyOrder("employee.employee_id", "customer.support_rep_id");
  }

  @Test
  void salesFactThroughACte() {
    StatementLineage s = statement(3);
    assertThat(s.sources()).containsExactly("invoice_line", "invoice", "track");
    check(s,
        "mart.fct_sales.invoice_id", src("invoice.invoice_id"), IDENTITY,
        "mart.fct_sales.invoice_day", src("invoice.invoice_date"), TRANSFORMATION,
        "mart.fct_sales.customer_id", src("invoice.customer_id"), IDENTITY,
        "mart.fct_sales.genre_id", src("track.genre_id"), IDENTITY,
        "mart.fct_sales.revenue", src("invoice_line.unit_price", "invoice_line.quantity"), AGGREGATION,
        "mart.fct_sales.line_count", src(), AGGREGATION);
    assertThat(s.columns().get(0).filters()).containsExactlyInAnyOrder("invoice_line.invoice_id", "invoice.invoice_id",
        "track.track_id", "invoice_line.track_id", "invoice.total", "invoice.invoice_date", "invoice.customer_id",
        "track.genre_id");
  }

  @Test
  void genreViewReadsTheFactTableCreatedEarlier() {
    StatementLineage s = statement(4);
    assertThat(s.sources()).containsExactly("mart.fct_sales", "genre");
    check(s,
        "mart.v_genre_revenue.genre", src("genre.name"), IDENTITY,
        "mart.v_genre_revenue.revenue", src("mart.fct_sales.revenue"), AGGREGATION,
        "mart.v_genre_revenue.revenue_rank", src("mart.fct_sales.revenue"), AGGREGATION);
  }

  @Test
  void enrichmentUpdateFrom() {
    StatementLineage s = statement(5);
    assertThat(s.targets()).containsExactly("mart.dim_customer");
    check(s, "mart.dim_customer.country", src("customer.country"), TRANSFORMATION);
    assertThat(s.columns().get(0).filters())
        .containsExactlyInAnyOrder("customer.customer_id", "mart.dim_customer.customer_id", "customer.country");
  }

  @Test
  void topTracksWithACorrelatedScalarSubquery() {
    check(statement(6),
        "mart.top_tracks.track_name", src("track.name"), IDENTITY,
        "mart.top_tracks.artist_name", src("artist.name"), IDENTITY,
        "mart.top_tracks.album_title", src("album.title"), IDENTITY,
        "mart.top_tracks.units_sold", src("invoice_line.quantity", "track.track_id"), AGGREGATION);
  }

  @Test
  void mergeAndDelete() {
    check(statement(7), "mart.dim_customer.email_domain", src("customer.email"), TRANSFORMATION);
    StatementLineage delete = statement(8);
    assertThat(delete.targets()).containsExactly("mart.fct_sales");
    assertThat(delete.columns()).isEmpty();
  }

  @Test
  void finalQueryReadsTheView() {
    StatementLineage s = statement(9);
    assertThat(s.sources()).containsExactly("mart.v_genre_revenue");
    check(s, "genre", src("mart.v_genre_revenue.genre"), IDENTITY,
        "revenue", src("mart.v_genre_revenue.revenue"), IDENTITY);
  }

  @Test
  void withoutACatalogUnambiguousColumnsStillResolve() {
    ScriptLineage r = Lin.run("postgresql", result.statements().isEmpty() ? "" : etlText());
    assertThat(r.errors()).isEmpty();
    // qualified columns resolve without a catalog; the positional insert still uses the CREATE TABLE
    assertThat(Lin.sources(r.statements().get(2))).isEqualTo(Lin.sources(statement(2)));
    assertThat(Lin.sources(r.statements().get(3))).isEqualTo(Lin.sources(statement(3)));
  }

  private static String etlText() {
    try (InputStream in = ChinookEtlTest.class.getResourceAsStream("/chinook-etl.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void transformKindsAreNeverNull() {
    for (StatementLineage s : result.statements()) {
      for (ColumnLineage c : s.columns()) {
        assertThat(c.transform()).isIn((Object[]) TransformKind.values());
      }
    }
  }
}
