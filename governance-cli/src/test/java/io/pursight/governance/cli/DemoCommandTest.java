package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoBuildsScansAndSummarisesTheSampleDatabase() {
    CliRunner r = CliRunner.run("demo", "--no-progress", "--store-dir", dir.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("10 tables and 2 views").contains("12 scanned").contains("0 errors")
        .contains("SHOP.PUBLIC.PATIENTS").contains("SENSITIVE COLUMNS").contains("LOWEST-QUALITY COLUMNS");
    assertThat(dir.resolve("catalog.mv.db")).exists();
    assertThat(dir.resolve("demo").resolve("shop.mv.db")).exists();

    CliRunner again = CliRunner.run("demo", "--no-progress", "--store-dir", dir.toString());
    assertThat(again.code).as(again.toString()).isEqualTo(0);
    assertThat(again.out).as("the same seed gives the same data: an incremental re-scan").contains("12 unchanged");
  }

  @Test
  void demoJsonFindsSensitiveColumnsBehindOpaqueNames() {
    CliRunner r = CliRunner.run("demo", "--no-progress", "--format", "json", "--store-dir", dir.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    JsonNode doc = r.json();
    assertThat(doc.get("datasets")).hasSize(12);
    Set<String> found = new HashSet<>();
    for (JsonNode d : doc.get("datasets")) {
      for (JsonNode c : d.get("columns")) {
        for (JsonNode cl : c.get("classifications")) {
          if (!cl.get("status").asText().equals("REJECTED")) {
            found.add(d.get("table").asText() + "." + c.get("name").asText() + "=" + cl.get("infoType").asText());
          }
        }
      }
    }
    assertThat(found).contains("CUSTOMERS.EMAIL=EMAIL_ADDRESS", "PAYMENTS.ACCT_DATA=CREDIT_CARD_NUMBER",
        "CUSTOMERS.REF_CODE=US_SOCIAL_SECURITY_NUMBER", "EMPLOYEES.IBAN=IBAN_CODE",
        "APP_USERS.PASSWORD_HASH=PASSWORD_HASH");
    assertThat(found).noneMatch(s -> s.startsWith("ORDERS.ORDER_NUMBER=") || s.startsWith("PRODUCTS.SKU=")
        || s.startsWith("PRODUCTS.PRICE=") || s.startsWith("PRODUCTS.FIRMWARE_VERSION="));
  }
}
