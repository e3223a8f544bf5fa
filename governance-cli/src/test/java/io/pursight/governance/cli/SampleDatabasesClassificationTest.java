package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.connector.jdbc.SqlScripts;
import io.pursight.governance.core.Governance;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The classification acceptance check on real schemas: Chinook and Sakila loaded into PostgreSQL
 * and scanned with every classifier plugin; the people columns are classified as the hand labels in
 * bench/classification/sample-db-labels.tsv say, and no business column is flagged.
 */
@EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
    disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
class SampleDatabasesClassificationTest {
  static Map<String, FieldEntry> fields = new LinkedHashMap<>();
  static java.util.Set<io.pursight.governance.lineage.LineageEdge> customerListName;
  static ScanResult chinook;
  static ScanResult sakila;

  @BeforeAll
  static void loadAndScan() throws Exception {
    String chinookUrl = ItDatabases.freshPostgres("pursight_it_cls_chinook");
    try (Connection c = DriverManager.getConnection(chinookUrl)) {
      SqlScripts.run(c, SqlScripts.dataset("chinook/chinook-postgresql.sql"), SqlScripts.Flavor.POSTGRESQL);
    }
    String sakilaUrl = ItDatabases.freshPostgres("pursight_it_cls_sakila");
    try (Connection c = DriverManager.getConnection(sakilaUrl)) {
      SqlScripts.run(c, SqlScripts.dataset("sakila/sakila-postgresql-schema.sql"), SqlScripts.Flavor.POSTGRESQL);
      SqlScripts.run(c, SqlScripts.dataset("sakila/sakila-postgresql-data-copy.sql"), SqlScripts.Flavor.POSTGRESQL);
    }
    try (Governance gov = Governance.builder().inMemoryStore().source("chinook", chinookUrl)
        .source("sakila", sakilaUrl).build()) {
      chinook = gov.scan(ScanRequest.builder().sources("chinook").build());
      sakila = gov.scan(ScanRequest.builder().sources("sakila").build());
      customerListName = gov.lineage().upstream(
          QualifiedName.dataset("sakila", "pursight_it_cls_sakila", "public", "customer_list").child("name"), 1);
      for (String source : List.of("chinook", "sakila")) {
        gov.catalog().datasets(QualifiedName.source(source)).forEach(d -> d.fields().forEach(f ->
            fields.put(source + "." + d.name().dataset() + "." + f.field().name(), f)));
      }
    }
  }

  static Map<String, Set<String>> labels() throws Exception {
    Path dir = SqlScripts.dataset("chinook").getParent().getParent().resolve("classification");
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("sample-db-labels.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      labels.put(parts[0], parts[1].equals("-") ? Set.of() : Set.of(parts[1].split(",")));
    }
    return labels;
  }

  static Set<String> active(FieldEntry f) {
    Set<String> types = new TreeSet<>();
    f.activeClassifications().stream().filter(c -> c.confidence() >= 0.5).map(Classification::infoType)
        .forEach(types::add);
    return types;
  }

  @Test
  void scansComplete() {
    assertThat(chinook.errors()).isEmpty();
    assertThat(sakila.errors()).as("the seven Sakila views included").isEmpty();
    assertThat(fields).containsKeys("chinook.customer.email", "sakila.staff.password");
  }

  @Test
  void peopleColumnsAreClassifiedAndBusinessColumnsAreNot() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> label : labels().entrySet()) {
      FieldEntry f = fields.get(label.getKey());
      if (f == null) {
        wrong.add(label.getKey() + ": not in the catalog");
        continue;
      }
      Set<String> found = active(f);
      if (label.getValue().isEmpty() ? !found.isEmpty() : !found.containsAll(label.getValue())) {
        wrong.add(label.getKey() + ": expected " + label.getValue() + ", found " + found);
      }
    }
    assertThat(wrong).as("columns classified wrongly").isEmpty();
  }

  @Test
  void viewLineageIsRecordedAndViewColumnsInheritClassifications() {
    assertThat(customerListName).extracting(e -> e.source().dataset() + "." + e.source().simpleName() + " "
        + e.transform()).contains("customer.first_name TRANSFORMATION", "customer.last_name TRANSFORMATION");
    FieldEntry name = fields.get("sakila.customer_list.name");
    assertThat(name.activeClassifications()).extracting(Classification::infoType).contains("PERSON_NAME");
    FieldEntry zip = fields.get("sakila.customer_list.zip code");
    assertThat(zip.activeClassifications()).extracting(Classification::infoType).contains("POSTAL_CODE");
  }

  @Test
  void noOrdinaryBusinessColumnIsFlagged() {
    List<String> flagged = new ArrayList<>();
    for (String business : List.of("chinook.track.name", "chinook.track.milliseconds", "chinook.track.unit_price",
        "chinook.invoice.invoice_date", "chinook.invoice.total", "chinook.album.title", "sakila.film.title",
        "sakila.film.rental_rate", "sakila.film.length", "sakila.film.release_year", "sakila.payment.amount",
        "sakila.rental.rental_date", "sakila.rental.return_date", "sakila.film.film_id", "sakila.inventory.inventory_id",
        "sakila.category.name", "sakila.language.name", "chinook.genre.name", "chinook.media_type.name")) {
      FieldEntry f = fields.get(business);
      assertThat(f).as(business).isNotNull();
      if (!active(f).isEmpty()) {
        flagged.add(business + " " + active(f));
      }
    }
    assertThat(flagged).isEmpty();
  }
}
