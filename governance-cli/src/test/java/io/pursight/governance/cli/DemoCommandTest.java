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
  void demoAppliesItsPoliciesAndPrintsPciAndGdprReportsWithRealFindings() throws Exception {
    CliRunner r = CliRunner.run("demo", "--no-progress", "--store-dir", dir.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    Path policies = dir.resolve("demo").resolve("policies.yaml");
    assertThat(policies).exists();
    assertThat(r.out).contains("mask-direct-identifiers, mask-emails, deny-credentials, support-sees-email-domain");
    // the analyst sees redacted identifiers; support sees the e-mail domain only
    assertThat(r.out).containsPattern("ana \\(role analyst\\) reads SHOP.PUBLIC.CUSTOMERS -> MASK")
        .containsPattern("(?m)^  email +\\*{4} +\\(masked: redact\\)")
        .containsPattern("(?m)^  email +\\*{4}@[a-z.]+ +\\(masked: email\\)")
        .containsPattern("(?m)^  ref_code +\\*{4} +\\(masked: redact\\)");
    // PCI DSS: the card numbers behind the opaque name are neither masked for analysts nor protected at rest
    assertThat(r.out).contains("PCI DSS v4.0 — score")
        .containsPattern("CRITICAL PCI-DSS 3.5.1 +SHOP.PUBLIC.PAYMENTS.ACCT_DATA: .*CREDIT_CARD_NUMBER")
        .containsPattern("HIGH +PCI-DSS 3.4.1 +SHOP.PUBLIC.PAYMENTS.ACCT_DATA: .*no masking policy covers role analyst");
    // GDPR: the clinic has no owner or purpose, the documented tables are in the Art. 30 draft without gaps
    assertThat(r.out).contains("GDPR (Regulation (EU) 2016/679) — score")
        .containsPattern("GDPR Art. 5\\(1\\)\\(b\\) SHOP.PUBLIC.PATIENTS: .*declares no purpose")
        .containsPattern("GDPR Art. 9 +SHOP.PUBLIC.PATIENTS.MRN: .*special-category")
        .containsPattern("SHOP.PUBLIC.PAYMENTS +owner finance; purposes payment-processing; data [A-Z_, ]+\\n")
        .containsPattern("SHOP.PUBLIC.EMPLOYEES +owner hr-team; purposes -; .*GAPS: no purpose declared");
    assertThat(r.out).contains("AUDIT LOG: 2 hash-chained records, chain intact");
    assertThat(dir.resolve("audit.jsonl")).exists();
    // the audit records name the assets, never the values shown above
    String audit = java.nio.file.Files.readString(dir.resolve("audit.jsonl"));
    assertThat(audit).contains("DECIDE_READ").contains("mask-emails").doesNotContain("@outlook").doesNotContain("@gmail");

    // an edited policy file is kept and changes the reports: masking PANs for analysts closes 3.4.1
    java.nio.file.Files.writeString(policies, java.nio.file.Files.readString(policies) + """

          - id: mask-pan
            match: { infoTypes: [CREDIT_CARD_NUMBER] }
            unless: { roles: [payments_admin] }
            effect: mask
            masking: pci
        """);
    CliRunner again = CliRunner.run("demo", "--no-progress", "--store-dir", dir.toString());
    assertThat(again.code).as(again.toString()).isEqualTo(0);
    assertThat(again.out).contains("mask-pan").doesNotContain("PCI-DSS 3.4.1     SHOP.PUBLIC.PAYMENTS.ACCT_DATA")
        .contains("CRITICAL PCI-DSS 3.5.1");
    assertThat(again.out).as("the audit log continues the chain").contains("AUDIT LOG: 4 hash-chained records, chain intact");
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
