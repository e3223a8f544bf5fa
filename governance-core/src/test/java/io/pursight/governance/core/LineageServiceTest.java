package io.pursight.governance.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.core.testing.FakeSources;
import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageServiceTest {
  @TempDir Path dir;

  static QualifiedName ds(String t) {
    return GovernanceScanTest.ds(t);
  }

  static StatementLineage insert(String target, List<ColumnLineage> columns) {
    return new StatementLineage(0, "INSERT", List.of(target), List.of("customers"), columns);
  }

  FakeSources.FakeSource source() {
    FakeSources.FakeSource src = FakeSources.create("lin-" + System.nanoTime());
    src.put(GovernanceScanTest.table("customers", GovernanceScanTest.f("id", 1, GovernanceScanTest.INT),
        GovernanceScanTest.f("email", 2, GovernanceScanTest.TEXT)),
        Map.of("id", List.of(1L, 2L), "email", List.of("a@b.io", "c@d.io")));
    src.put(GovernanceScanTest.table("contacts", GovernanceScanTest.f("id", 1, GovernanceScanTest.INT),
        GovernanceScanTest.f("mail", 2, GovernanceScanTest.TEXT), GovernanceScanTest.f("domain", 3, GovernanceScanTest.TEXT)),
        Map.of("id", List.of(1L), "mail", List.of("x"), "domain", List.of("y")));
    return src;
  }

  @Test
  void sqlLineageIsMappedToCatalogFieldsAndWalkable() {
    FakeSources.FakeSource src = source();
    String sql = "INSERT INTO contacts SELECT id, email, lower(email) FROM customers WHERE id > 0";
    FakeSources.LINEAGE.put(sql, new ScriptLineage(List.of(insert("contacts", List.of(
        new ColumnLineage("contacts.mail", List.of("CUSTOMERS.EMAIL"), List.of("customers.id"), TransformKind.IDENTITY),
        new ColumnLineage("contacts.domain", List.of("customers.email"), List.of(), TransformKind.TRANSFORMATION),
        new ColumnLineage("reports.weekly", List.of("customers.email"), List.of(), TransformKind.AGGREGATION)))),
        List.of()));
    try (Governance gov = Governance.builder().inMemoryStore().source("shop", src.location()).build()) {
      gov.scan(ScanRequest.builder().build());
      ScriptLineage r = gov.lineage().record("shop", "postgresql", sql);
      assertThat(r.errors()).isEmpty();
      assertThat(FakeSources.LOOKUPS.get("customers")).contains(List.of("id", "email"));
      assertThat(FakeSources.LOOKUPS.get("public.customers")).contains(List.of("id", "email"));
      assertThat(FakeSources.LOOKUPS.get("nosuch")).isEmpty();

      QualifiedName email = ds("customers").child("email");
      assertThat(gov.lineage().downstream(email, 1)).extracting(e -> e.target().toString() + " " + e.transform())
          .containsExactlyInAnyOrder("shop/db/public/contacts/mail IDENTITY",
              "shop/db/public/contacts/domain TRANSFORMATION",
              "shop/db/public/reports/weekly AGGREGATION");
      assertThat(gov.lineage().upstream(ds("contacts"), 5)).extracting(e -> e.source().simpleName())
          .containsExactlyInAnyOrder("email", "email", "id");
      assertThat(gov.lineage().impact(ds("customers").child("id")))
          .singleElement().satisfies(e -> assertThat(e.transform()).isEqualTo(TransformKind.FILTER));
      assertThat(gov.lineage().downstream(email, 1)).allSatisfy(e -> assertThat(e.statement()).matches("[0-9a-f]{16}#0"));
      assertThatThrownBy(() -> gov.lineage().analyze("cobol", "x")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Supported: [ansi, mysql, postgresql]");
    }
  }

  @Test
  void derivedColumnsInheritClassificationsWithProvenanceUnlessDeidentifiedOrRejected() {
    FakeSources.FakeSource src = source();
    String sql = "INSERT INTO contacts ...";
    FakeSources.LINEAGE.put(sql, new ScriptLineage(List.of(insert("contacts", List.of(
        new ColumnLineage("contacts.mail", List.of("customers.email"), List.of(), TransformKind.IDENTITY),
        new ColumnLineage("contacts.domain", List.of("customers.email"), List.of(), TransformKind.AGGREGATION)))),
        List.of()));
    try (Governance gov = Governance.builder().inMemoryStore().source("shop", src.location())
        .deidentifyingTransforms(TransformKind.AGGREGATION).build()) {
      gov.scan(ScanRequest.builder().build());
      QualifiedName mail = ds("contacts").child("mail");
      assertThat(gov.catalog().field(mail).orElseThrow().activeClassifications()).isEmpty();
      gov.lineage().record("shop", "ansi", sql);
      assertThat(gov.catalog().field(mail).orElseThrow().activeClassifications()).singleElement().satisfies(c -> {
        assertThat(c.infoType()).isEqualTo("EMAIL_ADDRESS");
        assertThat(c.classifier()).isEqualTo("lineage");
        assertThat(c.evidence()).containsExactly("inherited from shop/db/public/customers/email via IDENTITY");
      });
      assertThat(gov.catalog().field(ds("contacts").child("domain")).orElseThrow().activeClassifications())
          .as("AGGREGATION is configured as de-identifying").isEmpty();
      gov.classification().reject(mail, "EMAIL_ADDRESS", "alice", "only test data");
      assertThat(gov.catalog().field(mail).orElseThrow().activeClassifications()).isEmpty();
      gov.classification().reject(ds("customers").child("email"), "EMAIL_ADDRESS", "alice", null);
      gov.classification().confirm(mail, "EMAIL_ADDRESS", "alice", null);
      assertThat(gov.catalog().field(mail).orElseThrow().classifications()).extracting(Classification::status)
          .containsExactly(Classification.Status.CONFIRMED);
    }
  }

  @Test
  void viewDefinitionsGiveLineageDuringScansAndEdgesPersist() {
    FakeSources.FakeSource src = source();
    String def = "SELECT c.email AS contact FROM customers c";
    FakeSources.LINEAGE.put(def, new ScriptLineage(List.of(new StatementLineage(0, "SELECT", List.of(),
        List.of("customers"), List.of(new ColumnLineage("contact", List.of("customers.email"), List.of(),
            TransformKind.IDENTITY)))), List.of()));
    src.put(new Dataset(ds("v_contacts"), DatasetKind.VIEW, List.of(GovernanceScanTest.f("contact", 1,
        GovernanceScanTest.TEXT)), List.of(), List.of(), null, def, null, Map.of()), Map.of("contact", List.of("q")));
    src.put(new Dataset(ds("v_broken"), DatasetKind.VIEW, List.of(GovernanceScanTest.f("x", 1, GovernanceScanTest.TEXT)),
        List.of(), List.of(), null, "SELECT weird", null, Map.of()), Map.of("x", List.of("1")));
    QualifiedName contact = ds("v_contacts").child("contact");
    try (Governance gov = Governance.builder().storeDirectory(dir).source("shop", src.location()).build()) {
      var r = gov.scan(ScanRequest.builder().build());
      assertThat(r.errors()).singleElement().satisfies(e -> {
        assertThat(e.stage()).isEqualTo(ScanError.Stage.LINEAGE);
        assertThat(e.asset()).isEqualTo(ds("v_broken"));
        assertThat(e.message()).contains("line 1, column 1");
      });
      assertThat(gov.lineage().upstream(contact, 1)).extracting(LineageEdge::source)
          .containsExactly(ds("customers").child("email"));
      assertThat(gov.catalog().field(contact).orElseThrow().activeClassifications())
          .extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS");
    }
    try (Governance again = Governance.builder().storeDirectory(dir).build()) {
      assertThat(again.lineage().upstream(contact, 1)).hasSize(1);
    }
  }
}
