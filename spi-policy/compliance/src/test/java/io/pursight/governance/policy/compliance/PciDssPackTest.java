package io.pursight.governance.policy.compliance;

import static io.pursight.governance.policy.compliance.Classes.inherited;
import static io.pursight.governance.policy.compliance.Classes.nameOnly;
import static io.pursight.governance.policy.compliance.Classes.values;
import static io.pursight.governance.policy.compliance.FakeCatalog.col;
import static io.pursight.governance.policy.compliance.FakePolicies.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Effect;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PciDssPackTest {

  /** Payments with a plain PAN and a CVV, an encrypted vault, a legacy table with track data, and copies. */
  static FakeCatalog catalog() {
    return new FakeCatalog()
        .table("payments").owners("payments-team").cols(col("id"), col("pan", values("CREDIT_CARD_NUMBER")),
            col("cvv", values("CARD_VERIFICATION_VALUE")), col("amount")).add()
        .table("cards_vault").cols(col("pan_enc", values("CREDIT_CARD_NUMBER")).tagged("encrypted")).add()
        .table("legacy_orders").cols(col("card_no", nameOnly("CREDIT_CARD_NUMBER")),
            col("card_track", values("CREDIT_CARD_TRACK_DATA"))).add()
        .table("tmp_export").cols(col("pan", inherited("CREDIT_CARD_NUMBER", "payments.pan"))).add()
        .table("reports").cols(col("pan_last4")).add()
        .table("stats").cols(col("card_count")).add();
  }

  static FakeLineage lineage() {
    return new FakeLineage()
        .edge("payments.pan", "tmp_export.pan", TransformKind.IDENTITY)
        .edge("tmp_export.pan", "tmp_export2.pan", TransformKind.IDENTITY)
        .edge("payments.pan", "cards_vault.pan_enc", TransformKind.TRANSFORMATION)
        .edge("cards_vault.pan_enc", "vault_dump.pan", TransformKind.IDENTITY)
        .edge("payments.pan", "reports.pan_last4", TransformKind.TRANSFORMATION)
        .edge("payments.pan", "stats.card_count", TransformKind.AGGREGATION)
        .edge("payments.pan", "payments.amount", TransformKind.FILTER);
  }

  @Test
  void withoutPoliciesEveryControlFindsItsAssets() {
    FakeCatalog cat = catalog();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, lineage(), new FakePolicies(cat)));

    assertThat(r.framework()).isEqualTo("pci-dss");
    assertThat(r.title()).isEqualTo("PCI DSS v4.0");
    assertThat(r.evaluatedAt()).isEqualTo(Reports.NOW);
    assertThat(r.processingRecords()).isEmpty();
    assertThat(Reports.controls(r)).containsExactly(
        "PCI-DSS 3.3.1.1 4/1",
        "PCI-DSS 3.3.1.2 4/1",
        "PCI-DSS 3.4.1 4/4",
        "PCI-DSS 3.5.1 4/1",
        "PCI-DSS 3.2.1 3/1");
    assertThat(Reports.findings(r)).containsExactly(
        "CRITICAL | PCI-DSS 3.3.1.1 | legacy_orders.card_track | column legacy_orders.card_track holds "
            + "CREDIT_CARD_TRACK_DATA: sensitive authentication data must not be stored after authorization",
        "CRITICAL | PCI-DSS 3.3.1.2 | payments.cvv | column payments.cvv holds CARD_VERIFICATION_VALUE: sensitive "
            + "authentication data must not be stored after authorization",
        "CRITICAL | PCI-DSS 3.5.1 | payments.pan | column payments.pan stores CREDIT_CARD_NUMBER in readable form "
            + "(48/50 values pass the CREDIT_CARD_NUMBER checks) and is not marked encrypted, tokenized, hashed or "
            + "truncated",
        "HIGH | PCI-DSS 3.2.1 | tmp_export.pan | copy of payments.pan found in tmp_export.pan via lineage "
            + "(CREDIT_CARD_NUMBER)",
        "HIGH | PCI-DSS 3.2.1 | tmp_export2.pan | copy of payments.pan found in tmp_export2.pan via lineage "
            + "(CREDIT_CARD_NUMBER)",
        "HIGH | PCI-DSS 3.4.1 | cards_vault.pan_enc | column cards_vault.pan_enc holds CREDIT_CARD_NUMBER and no "
            + "masking policy covers role analyst",
        "HIGH | PCI-DSS 3.4.1 | legacy_orders.card_no | column legacy_orders.card_no holds CREDIT_CARD_NUMBER and no "
            + "masking policy covers role analyst",
        "HIGH | PCI-DSS 3.4.1 | payments.pan | column payments.pan holds CREDIT_CARD_NUMBER and no masking policy "
            + "covers role analyst",
        "HIGH | PCI-DSS 3.4.1 | tmp_export.pan | column tmp_export.pan holds CREDIT_CARD_NUMBER and no masking "
            + "policy covers role analyst",
        "MEDIUM | PCI-DSS 3.2.1 | reports.pan_last4 | transformed copy of payments.pan found in reports.pan_last4 "
            + "via lineage (CREDIT_CARD_NUMBER)");
    // 8×3/4 + 8×3/4 + 4×0 + 8×3/4 + 4×2/3 = 20.667 of 32
    assertThat(r.score()).isEqualTo(64.5);
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.remediation()).isNotBlank());
  }

  @Test
  void aMaskingPolicyForAnalystsPassesTheDisplayControl() {
    FakeCatalog cat = catalog();
    FakePolicies policies = new FakePolicies(cat).rule("pci-3.4.1-mask-pan", Effect.MASK, types("CREDIT_CARD_NUMBER"),
        "pci_full_pan");
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, lineage(), policies));

    assertThat(Reports.controls(r)).contains("PCI-DSS 3.4.1 4/0");
    assertThat(r.findings()).noneMatch(f -> f.control().equals("PCI-DSS 3.4.1"));
    assertThat(r.score()).isEqualTo(77.0);
    // the probes: one READ per PAN field, by the synthetic principal with the one role, marked as checks
    assertThat(policies.requests).hasSize(4).allSatisfy(req -> {
      assertThat(req.action()).isEqualTo(Action.READ);
      assertThat(req.fields()).hasSize(1);
      assertThat(req.principal().id()).isEqualTo("compliance-probe");
      assertThat(req.principal().roles()).containsExactly("analyst");
      assertThat(req.purpose()).isNull();
      assertThat(req.context()).containsEntry("origin", "compliance-check");
    });
    assertThat(policies.requests).extracting(AccessRequest::fields).extracting(l -> l.get(0).displayName())
        .containsExactlyInAnyOrder("payments.pan", "cards_vault.pan_enc", "legacy_orders.card_no", "tmp_export.pan");
  }

  @Test
  void aDenyPolicyAlsoPassesTheDisplayControlButNotAtRest() {
    FakeCatalog cat = catalog();
    FakePolicies policies = new FakePolicies(cat).rule("deny-pan", Effect.DENY, types("CREDIT_CARD_NUMBER"));
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, lineage(), policies));
    assertThat(Reports.controls(r)).contains("PCI-DSS 3.4.1 4/0", "PCI-DSS 3.5.1 4/1");
  }

  @Test
  void aRowFilterOrAnAllowDoesNotHideThePanAndTheEvidenceSaysWhichPolicyDecided() {
    FakeCatalog cat = new FakeCatalog()
        .table("payments").cols(col("pan", values("CREDIT_CARD_NUMBER"))).add();
    FakePolicies policies = new FakePolicies(cat)
        .ruleWhen("eu-rows", Effect.FILTER, types("CREDIT_CARD_NUMBER"), "analyst")
        .ruleWhen("support-sees-all", Effect.ALLOW, types("CREDIT_CARD_NUMBER"), "support")
        .ruleWhen("mask-for-auditors", Effect.MASK, types("CREDIT_CARD_NUMBER"), "auditor");
    ComplianceReport r = Reports.pack("pci-dss", Map.of("pci-dss.roles", "analyst, support, auditor, intern"))
        .evaluate(Reports.context(cat, new FakeLineage(), policies));
    assertThat(r.findings()).filteredOn(f -> f.control().equals("PCI-DSS 3.4.1")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).isEqualTo("column payments.pan holds CREDIT_CARD_NUMBER and no "
            + "masking policy covers roles analyst, support, intern (role analyst: rows filtered, column readable by "
            + "eu-rows; role support: allowed by support-sees-all)"));
  }

  @Test
  void sameNoteForEveryUncoveredRoleIsSaidOnce() {
    FakeCatalog cat = new FakeCatalog().table("payments").cols(col("pan", values("CREDIT_CARD_NUMBER"))).add();
    FakePolicies policies = new FakePolicies(cat).failing(new IllegalStateException("engine down"));
    ComplianceReport r = Reports.pack("pci-dss", Map.of("pci-dss.roles", "analyst,support"))
        .evaluate(Reports.context(cat, new FakeLineage(), policies));
    assertThat(r.findings()).filteredOn(f -> f.control().equals("PCI-DSS 3.4.1")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).isEqualTo("column payments.pan holds CREDIT_CARD_NUMBER and no "
            + "masking policy covers roles analyst, support (the policy decision failed: IllegalStateException)"));
  }

  @Test
  void withoutPolicyOrLineageServicesThePolicyChecksFailAndCopiesAreUnknown() {
    FakeCatalog cat = catalog();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, null, null));
    // without lineage the copies control does not apply (rather than pass)
    assertThat(Reports.controls(r)).contains("PCI-DSS 3.4.1 4/4", "PCI-DSS 3.2.1 0/0");
    assertThat(r.findings()).filteredOn(f -> f.control().equals("PCI-DSS 3.4.1"))
        .allSatisfy(f -> assertThat(f.evidence()).endsWith("covers role analyst (no policy service is configured)"));
  }

  @Test
  void protectionMarkersOnTheColumnCountAsUnreadableAtRest() {
    FakeCatalog cat = new FakeCatalog().table("t").cols(
        col("a", values("CREDIT_CARD_NUMBER")).tagged("tokenized"),
        col("b", values("CREDIT_CARD_NUMBER")).property("protection", "encrypted"),
        col("c", values("CREDIT_CARD_NUMBER")).property("Tokenized", "true"),
        col("d", values("CREDIT_CARD_NUMBER")).property("encrypted", "false"),
        col("e", values("CREDIT_CARD_NUMBER")).tagged("pii"),
        col("f", Classes.model("CREDIT_CARD_NUMBER")),
        col("g", Classes.modelByName("CREDIT_CARD_NUMBER")),
        col("h", Classes.masked("CREDIT_CARD_NUMBER")),
        col("i", Classes.confirmed("CREDIT_CARD_NUMBER")),
        col("j", Classes.rejected("CREDIT_CARD_NUMBER"))).add();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, new FakeLineage(), new FakePolicies(cat)));
    assertThat(r.findings()).filteredOn(f -> f.control().equals("PCI-DSS 3.5.1"))
        .extracting(f -> f.asset().simpleName()).containsExactly("d", "e", "f");
    assertThat(Reports.controls(r)).contains("PCI-DSS 3.5.1 9/3");
  }

  @Test
  void protectedTagsAreASetting() {
    FakeCatalog cat = new FakeCatalog().table("t").cols(col("a", values("CREDIT_CARD_NUMBER")).tagged("vaulted")).add();
    assertThat(Reports.pack("pci-dss").evaluate(Reports.context(cat, null, null)).controls())
        .filteredOn(c -> c.control().equals("PCI-DSS 3.5.1")).singleElement().satisfies(c -> assertThat(c.failed()).isOne());
    assertThat(Reports.pack("pci-dss", Map.of("pci-dss.protectedTags", "vaulted")).evaluate(Reports.context(cat, null, null))
        .controls()).filteredOn(c -> c.control().equals("PCI-DSS 3.5.1")).singleElement()
        .satisfies(c -> assertThat(c.failed()).isZero());
  }

  @Test
  void aCatalogWithoutCardDataScoresFullAndChecksNothing() {
    FakeCatalog cat = new FakeCatalog().table("orders").cols(col("id"), col("email", values("EMAIL_ADDRESS"))).add();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, new FakeLineage(), new FakePolicies(cat)));
    assertThat(r.findings()).isEmpty();
    assertThat(r.controls()).allSatisfy(c -> assertThat(c.checked()).isZero());
    assertThat(r.score()).isEqualTo(100.0);
  }

  @Test
  void storedSensitiveAuthenticationDataOutsideTheCardholderEnvironmentWidensTheUnit() {
    FakeCatalog cat = new FakeCatalog()
        .table("a").cols(col("pan", values("CREDIT_CARD_NUMBER"))).add()
        .table("b").cols(col("pan", values("CREDIT_CARD_NUMBER"))).add()
        .table("c").cols(col("cvc", values("CARD_VERIFICATION_VALUE")), col("cvc2", values("CARD_VERIFICATION_VALUE")))
        .add();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, null, null));
    assertThat(Reports.controls(r)).contains("PCI-DSS 3.3.1.2 3/1", "PCI-DSS 3.3.1.1 3/0");
    assertThat(r.findings()).filteredOn(f -> f.control().equals("PCI-DSS 3.3.1.2")).hasSize(2)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void theDatasetKindNamesFieldsOfCollections() {
    FakeCatalog cat = new FakeCatalog().table("wallets").kind(io.pursight.governance.catalog.DatasetKind.COLLECTION)
        .cols(col("cvv", values("CARD_VERIFICATION_VALUE"))).add();
    ComplianceReport r = Reports.pack("pci-dss").evaluate(Reports.context(cat, null, null));
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).startsWith("field wallets.cvv holds"));
    assertThat(Set.copyOf(r.findings())).hasSize(1);
  }
}
