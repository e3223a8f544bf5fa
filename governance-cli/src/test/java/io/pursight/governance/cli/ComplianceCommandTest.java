package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance compliance} over the demo's catalog (scanned, annotated) and its deliberately
 * incomplete policies: nothing masks card numbers for analysts, nothing marks them encrypted.
 */
class ComplianceCommandTest {
  static final String ACCT_DATA = "demo/SHOP/PUBLIC/PAYMENTS/ACCT_DATA";

  @TempDir static Path store;
  static Path policies;

  @TempDir Path work;

  @BeforeAll
  static void populateTheCatalogWithTheDemo() {
    CliRunner demo = CliRunner.run("demo", "--no-progress", "--store-dir", store.toString());
    assertThat(demo.code).as(demo.toString()).isEqualTo(0);
    policies = store.resolve("demo").resolve("policies.yaml");
    assertThat(policies).isRegularFile();
  }

  static CliRunner compliance(String... args) {
    List<String> all = new ArrayList<>(List.of("compliance", "--store-dir", store.toString()));
    all.addAll(List.of(args));
    return CliRunner.run(all.toArray(String[]::new));
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  static JsonNode control(JsonNode report, String id) {
    for (JsonNode c : report.get("controls")) {
      if (c.get("control").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no control " + id + " in " + report.get("controls"));
  }

  @Test
  void tableReportShowsThePciControlsAndTheFindingsOnTheCardNumberColumn() {
    CliRunner r = compliance("--pack", "pci-dss", "--policy", policies.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.err).as(r.toString()).isEmpty();
    assertThat(r.out).containsPattern("^PCI DSS v4\\.0 — score \\d+/100, 2 findings\n")
        .containsPattern("(?m)^  PCI-DSS 3\\.4\\.1 +PAN is masked when displayed.* +1 +1$")
        .containsPattern("(?m)^  PCI-DSS 3\\.5\\.1 +PAN is rendered unreadable anywhere it is stored +1 +1$")
        .containsPattern("(?m)^  PCI-DSS 3\\.2\\.1 +Account data storage.* +1 +0$")
        .containsPattern("(?m)^  CRITICAL PCI-DSS 3\\.5\\.1 +SHOP\\.PUBLIC\\.PAYMENTS\\.ACCT_DATA: column "
            + "SHOP\\.PUBLIC\\.PAYMENTS\\.ACCT_DATA stores CREDIT_CARD_NUMBER in readable form .*not marked encrypted")
        .containsPattern("(?m)^  HIGH +PCI-DSS 3\\.4\\.1 +SHOP\\.PUBLIC\\.PAYMENTS\\.ACCT_DATA: column "
            + "SHOP\\.PUBLIC\\.PAYMENTS\\.ACCT_DATA holds CREDIT_CARD_NUMBER and no masking policy covers role analyst$")
        .containsPattern("(?m)^ {29}-> Adopt policy pci-3\\.4\\.1-mask-pan from the PCI-DSS template");
    assertThat(r.out.indexOf("CRITICAL PCI-DSS 3.5.1")).as("most severe first")
        .isLessThan(r.out.indexOf("HIGH     PCI-DSS 3.4.1"));
    assertThat(r.out).as("PCI DSS has no Art. 30 section").doesNotContain("Record of processing activities");
  }

  @Test
  void jsonReportHasTheApiRecordShapeAndAgreesWithTheTable() {
    CliRunner r = compliance("--pack", "pci-dss", "--policy", policies.toString(), "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    JsonNode report = r.json();
    assertThat(report.isObject()).as("one pack gives one object, not an array").isTrue();
    assertThat(report.get("framework").asText()).isEqualTo("pci-dss");
    assertThat(report.get("title").asText()).isEqualTo("PCI DSS v4.0");
    assertThat(report.get("score").isNumber()).isTrue();
    double score = report.get("score").asDouble();
    assertThat(score).isGreaterThan(0).isLessThan(100);
    assertThat(Instant.parse(report.get("evaluatedAt").asText())).isBefore(Instant.now().plusSeconds(1));
    assertThat(report.get("processingRecords").isArray()).isTrue();
    assertThat(report.get("processingRecords")).isEmpty();

    assertThat(texts(report.get("controls"), "control")).containsExactlyInAnyOrder(
        "PCI-DSS 3.2.1", "PCI-DSS 3.3.1.1", "PCI-DSS 3.3.1.2", "PCI-DSS 3.4.1", "PCI-DSS 3.5.1");
    for (JsonNode c : report.get("controls")) {
      assertThat(c.get("title").asText()).as(c.toString()).isNotBlank();
      assertThat(c.get("checked").asInt()).as(c.toString()).isGreaterThanOrEqualTo(c.get("failed").asInt());
    }
    assertThat(control(report, "PCI-DSS 3.4.1").get("failed").asInt()).isEqualTo(1);
    assertThat(control(report, "PCI-DSS 3.5.1").get("failed").asInt()).isEqualTo(1);
    assertThat(control(report, "PCI-DSS 3.2.1").get("failed").asInt()).isEqualTo(0);

    JsonNode findings = report.get("findings");
    assertThat(findings).hasSize(2);
    JsonNode storage = findings.get(0);
    assertThat(storage.get("control").asText()).isEqualTo("PCI-DSS 3.5.1");
    assertThat(storage.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(storage.get("asset").asText()).isEqualTo(ACCT_DATA);
    assertThat(storage.get("evidence").asText()).contains("stores CREDIT_CARD_NUMBER in readable form")
        .contains("not marked encrypted, tokenized, hashed or truncated");
    assertThat(storage.get("remediation").asText()).contains("encrypted").contains("tokenized");
    JsonNode display = findings.get(1);
    assertThat(display.get("control").asText()).isEqualTo("PCI-DSS 3.4.1");
    assertThat(display.get("severity").asText()).isEqualTo("HIGH");
    assertThat(display.get("asset").asText()).isEqualTo(ACCT_DATA);
    assertThat(display.get("evidence").asText())
        .isEqualTo("column SHOP.PUBLIC.PAYMENTS.ACCT_DATA holds CREDIT_CARD_NUMBER and no masking policy covers role analyst");
    assertThat(display.get("remediation").asText()).contains("pci-3.4.1-mask-pan").contains("masking pci");
    assertThat(r.out).as("evidence names types and counts, never a card number").doesNotContainPattern("\\d{12,19}");

    // the table's rounded score and finding count are the JSON's
    CliRunner table = compliance("--pack", "pci-dss", "--policy", policies.toString());
    assertThat(table.out).startsWith(String.format(Locale.ROOT, "PCI DSS v4.0 — score %.0f/100, %d findings",
        score, findings.size()));
  }

  @Test
  void packAllEvaluatesTheFourInstalledPacksInOrder() {
    CliRunner json = compliance("--pack", "all", "--policy", policies.toString(), "--format", "json");
    assertThat(json.code).as(json.toString()).isEqualTo(0);
    JsonNode reports = json.json();
    assertThat(reports.isArray()).isTrue();
    assertThat(texts(reports, "framework")).containsExactly("gdpr", "hipaa", "pci-dss", "soc2");
    for (JsonNode report : reports) {
      assertThat(report.get("findings")).as(report.get("framework").asText() + " finds something in the demo")
          .isNotEmpty();
    }
    // only GDPR drafts the Art. 30 record, and it lists the documented payments table with its owner
    assertThat(reports.get(0).get("processingRecords")).isNotEmpty().anySatisfy(p -> {
      assertThat(p.get("dataset").asText()).isEqualTo("demo/SHOP/PUBLIC/PAYMENTS");
      assertThat(p.get("owner").asText()).isEqualTo("finance");
      assertThat(p.get("purposes").toString()).isEqualTo("[\"payment-processing\"]");
      assertThat(p.get("retention").asText()).isEqualTo("P7Y");
    });
    assertThat(reports.get(1).get("processingRecords")).isEmpty();
    assertThat(reports.get(3).get("processingRecords")).isEmpty();

    CliRunner table = compliance("--pack", "all", "--policy", policies.toString());
    assertThat(table.code).as(table.toString()).isEqualTo(0);
    List<String> titles = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(\\S.*) — score \\d+/100, \\d+ findings$").matcher(table.out);
    while (m.find()) {
      titles.add(m.group(1));
    }
    assertThat(titles).hasSize(4);
    assertThat(titles.get(0)).startsWith("GDPR");
    assertThat(titles.get(1)).startsWith("HIPAA");
    assertThat(titles.get(2)).isEqualTo("PCI DSS v4.0");
    assertThat(titles.get(3)).startsWith("SOC 2");
    assertThat(table.out).contains("Record of processing activities (Art. 30, draft):");
  }

  @Test
  void aListOfPacksIsEvaluatedInTheGivenOrder() {
    CliRunner r = compliance("--pack", "pci-dss,gdpr", "--policy", policies.toString(), "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(texts(r.json(), "framework")).containsExactly("pci-dss", "gdpr");

    CliRunner repeated = compliance("--pack", "gdpr", "--pack", "pci-dss", "--policy", policies.toString(),
        "--format", "json");
    assertThat(repeated.code).as(repeated.toString()).isEqualTo(0);
    assertThat(texts(repeated.json(), "framework")).containsExactly("gdpr", "pci-dss");
  }

  @Test
  void failOnSetsExitCodeOneOnlyWhenAFindingAtOrAboveTheSeverityExists() {
    String pol = policies.toString();
    // pci-dss has one CRITICAL (3.5.1) and one HIGH (3.4.1)
    assertThat(compliance("--pack", "pci-dss", "--policy", pol).code).as("no --fail-on: findings alone exit 0")
        .isEqualTo(0);
    CliRunner high = compliance("--pack", "pci-dss", "--policy", pol, "--fail-on", "HIGH");
    assertThat(high.code).as(high.toString()).isEqualTo(1);
    assertThat(high.out).as("the report is still printed").contains("CRITICAL PCI-DSS 3.5.1");
    assertThat(compliance("--pack", "pci-dss", "--policy", pol, "--fail-on", "CRITICAL").code).isEqualTo(1);

    // hipaa: HIGH findings, none CRITICAL
    CliRunner hipaa = compliance("--pack", "hipaa", "--policy", pol, "--format", "json");
    assertThat(texts(hipaa.json().get("findings"), "severity")).contains("HIGH").doesNotContain("CRITICAL");
    CliRunner critical = compliance("--pack", "hipaa", "--policy", pol, "--fail-on", "CRITICAL");
    assertThat(critical.code).as(critical.toString()).isEqualTo(0);
    assertThat(compliance("--pack", "hipaa", "--policy", pol, "--fail-on", "HIGH").code).isEqualTo(1);
    assertThat(compliance("--pack", "hipaa", "--policy", pol, "--fail-on", "LOW").code).isEqualTo(1);

    // over several packs, any pack's finding counts
    assertThat(compliance("--pack", "hipaa,pci-dss", "--policy", pol, "--fail-on", "CRITICAL").code).isEqualTo(1);

    CliRunner bogus = compliance("--pack", "pci-dss", "--policy", pol, "--fail-on", "SEVERE");
    assertThat(bogus.code).as(bogus.toString()).isEqualTo(2);
    assertThat(bogus.err).contains("--fail-on").contains("LOW, MEDIUM, HIGH, CRITICAL").contains("'SEVERE'");
  }

  @Test
  void anUnknownPackIsAUsageErrorNamingTheInstalledPacks() {
    for (String packs : List.of("pci-ds", "gdpr,nope", "all,nope")) {
      CliRunner r = compliance("--pack", packs, "--policy", policies.toString());
      assertThat(r.code).as(packs + ": " + r).isEqualTo(2);
      assertThat(r.err).as(packs).containsPattern("error: No compliance pack '(pci-ds|nope)'")
          .contains("Installed: gdpr, hipaa, pci-dss, soc2");
      assertThat(r.out).as(packs + ": no partial report").isEmpty();
    }
    CliRunner upper = compliance("--pack", "PCI-DSS", "--policy", policies.toString());
    assertThat(upper.code).as(upper.toString()).isEqualTo(2);
    assertThat(upper.err).contains("'PCI-DSS'").contains("pci-dss");
  }

  @Test
  void aBadFormatIsAUsageError() {
    CliRunner r = compliance("--pack", "pci-dss", "--policy", policies.toString(), "--format", "xml");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("error: --format must be table or json, got 'xml'");
    assertThat(r.out).isEmpty();
  }

  @Test
  void aMissingOrUnusablePolicyFileIsAUsageError() throws Exception {
    Path missing = work.resolve("nope.yaml");
    CliRunner r = compliance("--pack", "pci-dss", "--policy", missing.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("error: --policy " + missing + " is not a readable file");
    assertThat(r.out).isEmpty();

    CliRunner dir = compliance("--pack", "pci-dss", "--policy", work.toString());
    assertThat(dir.code).as(dir.toString()).isEqualTo(2);
    assertThat(dir.err).contains("error: --policy " + work + " is not a readable file");

    Path empty = Files.writeString(work.resolve("empty.yaml"), "");
    CliRunner invalid = compliance("--pack", "pci-dss", "--policy", empty.toString());
    assertThat(invalid.code).as(invalid.toString()).isEqualTo(2);
    assertThat(invalid.err).contains("Invalid policy file " + empty).contains("the file is empty");
  }

  @Test
  void aNegativeMaxFindingsIsAUsageErrorAndAPositiveOneLimitsTheTable() {
    CliRunner bad = compliance("--pack", "pci-dss", "--policy", policies.toString(), "--max-findings", "-1");
    assertThat(bad.code).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err).contains("error: --max-findings must be 0 or more, got -1");
    assertThat(bad.out).isEmpty();

    CliRunner one = compliance("--pack", "pci-dss", "--policy", policies.toString(), "--max-findings", "1");
    assertThat(one.code).as(one.toString()).isEqualTo(0);
    assertThat(one.out).contains("2 findings").contains("Findings (first 1):").contains("CRITICAL PCI-DSS 3.5.1")
        .doesNotContain("HIGH     PCI-DSS 3.4.1");
  }

  @Test
  void anEmptyCatalogIsAUsageErrorNotAPerfectScore() {
    Path empty = work.resolve("typo-store");
    CliRunner r = CliRunner.run("compliance", "--pack", "pci-dss", "--fail-on", "LOW", "--store-dir", empty.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("holds no datasets").contains("scan");
    assertThat(r.out).doesNotContain("score 100/100");

    CliRunner memory = CliRunner.run("compliance", "--pack", "gdpr", "--in-memory");
    assertThat(memory.code).as(memory.toString()).isEqualTo(2);
    assertThat(memory.err).contains("in memory").contains("holds no datasets");
  }

  @Test
  void aMaskingPolicyForCardNumbersClosesTheDisplayFindingButNotTheStorageOne() throws Exception {
    CliRunner before = compliance("--pack", "pci-dss", "--policy", policies.toString(), "--format", "json");
    assertThat(before.code).as(before.toString()).isEqualTo(0);
    String original = Files.readString(policies);
    Path fixed = work.resolve("policies-with-mask-pan.yaml");
    Files.writeString(fixed, original + """

          - id: mask-pan
            match: { infoTypes: [CREDIT_CARD_NUMBER] }
            unless: { roles: [payments_admin] }
            effect: mask
            masking: pci
        """);

    CliRunner after = compliance("--pack", "pci-dss", "--policy", fixed.toString(), "--format", "json");
    assertThat(after.code).as(after.toString()).isEqualTo(0);
    JsonNode report = after.json();
    assertThat(texts(report.get("findings"), "control")).containsExactly("PCI-DSS 3.5.1");
    assertThat(report.get("findings").get(0).get("asset").asText()).isEqualTo(ACCT_DATA);
    assertThat(control(report, "PCI-DSS 3.4.1").get("failed").asInt()).isEqualTo(0);
    assertThat(control(report, "PCI-DSS 3.4.1").get("checked").asInt()).isEqualTo(1);
    assertThat(control(report, "PCI-DSS 3.5.1").get("failed").asInt()).isEqualTo(1);
    assertThat(report.get("score").asDouble()).isGreaterThan(before.json().get("score").asDouble());

    // the storage finding is still CRITICAL, so a CRITICAL gate still fails; the table no longer lists 3.4.1
    CliRunner table = compliance("--pack", "pci-dss", "--policy", fixed.toString(), "--fail-on", "CRITICAL");
    assertThat(table.code).as(table.toString()).isEqualTo(1);
    assertThat(table.out).contains("1 findings").contains("CRITICAL PCI-DSS 3.5.1")
        .doesNotContain("PCI-DSS 3.4.1     SHOP.PUBLIC.PAYMENTS.ACCT_DATA");

    assertThat(Files.readString(policies)).as("the demo's file is untouched").isEqualTo(original);
    assertThat(compliance("--pack", "pci-dss", "--policy", policies.toString()).out)
        .contains("HIGH     PCI-DSS 3.4.1");
  }
}
