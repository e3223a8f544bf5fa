package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.core.Governance;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.scan.ScanMode;
import io.pursight.governance.scan.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Classifications follow data: columns made by CTAS, INSERT ... SELECT and views from a classified
 * column carry its info types in the catalog, with provenance, even when their own values no longer
 * look like it.
 */
@EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
    disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
class LineagePropagationTest {

  @Test
  void ctasInsertAndViewColumnsInheritFromTheirSources() throws Exception {
    String url = ItDatabases.freshPostgres("pursight_it_propagation");
    String etl = """
        CREATE TABLE handles AS SELECT id, split_part(email, '@', 1) AS handle FROM customers;
        INSERT INTO mailing (who, domain) SELECT upper(full_name), split_part(email, '@', 2) FROM customers WHERE active;
        """;
    ItDatabases.exec(url,
        "CREATE TABLE customers (id int PRIMARY KEY, email text, full_name text, active boolean)",
        "INSERT INTO customers SELECT g, 'user' || g || '@example' || (g % 7) || '.com',"
            + " (ARRAY['Ada Lovelace','Alan Turing','Grace Hopper'])[1 + g % 3], g % 2 = 0 FROM generate_series(1, 200) g",
        "CREATE TABLE mailing (who text, domain text)",
        "CREATE VIEW v_domains AS SELECT id, md5(email) AS email_hash FROM customers");
    ItDatabases.exec(url, etl.split(";\n"));
    try (Governance gov = Governance.builder().inMemoryStore().source("pg", url).build()) {
      gov.scan(ScanRequest.builder().build());
      ScriptLineage recorded = gov.lineage().record("pg", "postgresql", etl);
      assertThat(recorded.errors()).isEmpty();
      gov.scan(ScanRequest.builder().mode(ScanMode.FULL).build());

      QualifiedName handle = QualifiedName.dataset("pg", "pursight_it_propagation", "public", "handles").child("handle");
      assertThat(gov.catalog().field(handle).orElseThrow().activeClassifications()).anySatisfy(c -> {
        assertThat(c.infoType()).isEqualTo("EMAIL_ADDRESS");
        assertThat(c.classifier()).isEqualTo("lineage");
        assertThat(c.evidence()).containsExactly(
            "inherited from pg/pursight_it_propagation/public/customers/email via TRANSFORMATION");
      });
      QualifiedName who = QualifiedName.dataset("pg", "pursight_it_propagation", "public", "mailing").child("who");
      assertThat(gov.catalog().field(who).orElseThrow().activeClassifications())
          .extracting(Classification::infoType).contains("PERSON_NAME");
      QualifiedName hash = QualifiedName.dataset("pg", "pursight_it_propagation", "public", "v_domains")
          .child("email_hash");
      assertThat(gov.lineage().upstream(hash, 1)).singleElement()
          .satisfies(e -> assertThat(e.transform()).isEqualTo(TransformKind.TRANSFORMATION));
      assertThat(gov.catalog().field(hash).orElseThrow().activeClassifications())
          .extracting(Classification::infoType).contains("EMAIL_ADDRESS");
      assertThat(gov.lineage().impact(QualifiedName.dataset("pg", "pursight_it_propagation", "public", "customers")
          .child("active"))).as("a filter column's impact").isNotEmpty();
    }
  }
}
