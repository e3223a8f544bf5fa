package io.pursight.governance.policy.compliance;

import static io.pursight.governance.policy.compliance.Classes.values;
import static io.pursight.governance.policy.compliance.FakeCatalog.col;
import static io.pursight.governance.policy.compliance.FakePolicies.atLeast;
import static io.pursight.governance.policy.compliance.FakePolicies.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.policy.Effect;
import org.junit.jupiter.api.Test;

class Soc2PackTest {
  private static final String[] CREDENTIALS = {"PASSWORD", "PASSWORD_HASH", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "GCP_API_KEY", "GITHUB_TOKEN", "SLACK_TOKEN", "STRIPE_API_KEY", "JSON_WEB_TOKEN",
      "PRIVATE_KEY"};

  static FakeCatalog catalog() {
    return new FakeCatalog()
        .table("users").cols(col("id"), col("email", values("EMAIL_ADDRESS")),
            col("password_hash", values("PASSWORD_HASH")), col("api_token", values("GITHUB_TOKEN")),
            col("ssn", values("US_SOCIAL_SECURITY_NUMBER"))).add()
        .table("payments").owners("payments-team").cols(col("pan", values("CREDIT_CARD_NUMBER"))).add()
        .table("logs").cols(col("ip", values("IP_ADDRESS"))).add();
  }

  @Test
  void withoutPoliciesEverythingSensitiveIsReadableAndTheCatalogWideFindingAppears() {
    FakeCatalog cat = catalog();
    ComplianceReport r = Reports.pack("soc2").evaluate(Reports.context(cat, null, new FakePolicies(cat)));
    assertThat(Reports.controls(r)).containsExactly(
        "SOC2 CC6.1 restricted data 2/2",
        "SOC2 CC6.1 credentials 2/2",
        "SOC2 CC6.3 ownership 2/1",
        "SOC2 CC6.1 policies 1/1");
    assertThat(Reports.findings(r)).containsExactly(
        "CRITICAL | SOC2 CC6.1 credentials | users.api_token | column users.api_token holds credentials (GITHUB_TOKEN) "
            + "and a principal without roles or role analyst can read it unmasked",
        "CRITICAL | SOC2 CC6.1 credentials | users.password_hash | column users.password_hash holds credentials "
            + "(PASSWORD_HASH) and a principal without roles or role analyst can read it unmasked",
        "HIGH | SOC2 CC6.1 policies | - | no loaded policy applies to any of the 6 classified columns for a principal "
            + "without roles or role analyst (no policies are loaded, or none matches the catalog)",
        "HIGH | SOC2 CC6.1 restricted data | payments.pan | column payments.pan holds RESTRICTED data "
            + "(CREDIT_CARD_NUMBER) and a principal without roles reads it unmasked",
        "HIGH | SOC2 CC6.1 restricted data | users.ssn | column users.ssn holds RESTRICTED data "
            + "(US_SOCIAL_SECURITY_NUMBER) and a principal without roles reads it unmasked",
        "MEDIUM | SOC2 CC6.3 ownership | users | table users holds RESTRICTED data (GITHUB_TOKEN, PASSWORD_HASH, "
            + "US_SOCIAL_SECURITY_NUMBER) and has no owner");
    assertThat(r.findings()).filteredOn(f -> f.asset() == null).singleElement()
        .satisfies(f -> assertThat(f.control()).isEqualTo("SOC2 CC6.1 policies"));
    // 4×0 + 8×0 + 2×1/2 + 4×0 = 1 of 18
    assertThat(r.score()).isEqualTo(5.5);
  }

  @Test
  void theTemplatesPoliciesLeaveOnlyOwnership() {
    FakeCatalog cat = catalog();
    FakePolicies policies = new FakePolicies(cat)
        .rule("soc2-cc6.1-deny-credentials", Effect.DENY, types(CREDENTIALS), "security_admin")
        .rule("soc2-cc6.1-mask-restricted", Effect.MASK, atLeast(Sensitivity.RESTRICTED), "restricted_data_reader");
    ComplianceReport r = Reports.pack("soc2").evaluate(Reports.context(cat, null, policies));
    assertThat(Reports.controls(r)).containsExactly(
        "SOC2 CC6.1 restricted data 2/0",
        "SOC2 CC6.1 credentials 2/0",
        "SOC2 CC6.3 ownership 2/1",
        "SOC2 CC6.1 policies 1/0");
    assertThat(r.score()).isEqualTo(94.4); // 17 of 18
  }

  @Test
  void credentialsDeniedOnlyForAnalystsAreStillReadableByAGenericPrincipal() {
    FakeCatalog cat = new FakeCatalog().table("keys").owners("sec").cols(col("k", values("PRIVATE_KEY"))).add();
    FakePolicies policies = new FakePolicies(cat).ruleWhen("deny-analysts", Effect.DENY, types(CREDENTIALS), "analyst");
    ComplianceReport r = Reports.pack("soc2").evaluate(Reports.context(cat, null, policies));
    assertThat(Reports.findings(r)).containsExactly(
        "CRITICAL | SOC2 CC6.1 credentials | keys.k | column keys.k holds credentials (PRIVATE_KEY) and a principal "
            + "without roles can read it unmasked");
    assertThat(Reports.controls(r)).contains("SOC2 CC6.1 policies 1/0");
  }

  @Test
  void anAllowPolicyCountsAsLoadedButDoesNotRestrict() {
    FakeCatalog cat = new FakeCatalog().table("t").owners("o").cols(col("ssn", values("US_SOCIAL_SECURITY_NUMBER"))).add();
    FakePolicies policies = new FakePolicies(cat).rule("allow-all", Effect.ALLOW, f -> true);
    ComplianceReport r = Reports.pack("soc2").evaluate(Reports.context(cat, null, policies));
    assertThat(Reports.controls(r)).containsExactly("SOC2 CC6.1 restricted data 1/1", "SOC2 CC6.1 credentials 0/0",
        "SOC2 CC6.3 ownership 1/0", "SOC2 CC6.1 policies 1/0");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).isEqualTo(
        "column t.ssn holds RESTRICTED data (US_SOCIAL_SECURITY_NUMBER) and a principal without roles reads it "
            + "unmasked (allowed by allow-all)"));
  }

  @Test
  void anEmptyCatalogCannotTellWhetherPoliciesAreLoadedUnlessThereIsNoPolicyServiceAtAll() {
    FakeCatalog empty = new FakeCatalog();
    ComplianceReport withService = Reports.pack("soc2").evaluate(Reports.context(empty, null, new FakePolicies(empty)));
    assertThat(withService.findings()).isEmpty();
    assertThat(withService.score()).isEqualTo(100.0);

    ComplianceReport without = Reports.pack("soc2").evaluate(Reports.context(empty, null, null));
    assertThat(Reports.findings(without)).containsExactly("HIGH | SOC2 CC6.1 policies | - | no loaded policy applies "
        + "to any of the 0 classified columns for a principal without roles or role analyst (no policy service is "
        + "configured)");
    assertThat(without.score()).isEqualTo(0.0);
  }

  @Test
  void aMissingCatalogIsAnEmptyOne() {
    ComplianceReport r = Reports.pack("soc2").evaluate(Reports.context(null, null, new FakePolicies(new FakeCatalog())));
    assertThat(r.findings()).isEmpty();
  }
}
