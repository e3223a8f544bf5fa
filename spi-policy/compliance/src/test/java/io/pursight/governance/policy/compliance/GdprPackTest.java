package io.pursight.governance.policy.compliance;

import static io.pursight.governance.policy.compliance.Classes.inherited;
import static io.pursight.governance.policy.compliance.Classes.values;
import static io.pursight.governance.policy.compliance.FakeCatalog.col;
import static io.pursight.governance.policy.compliance.FakePolicies.categories;
import static io.pursight.governance.policy.compliance.FakePolicies.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ProcessingRecord;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

class GdprPackTest {
  private static final String NO_RETENTION = "no retention period declared (annotation 'retention')";

  static FakeCatalog catalog() {
    return new FakeCatalog()
        .table("customers").owners("crm-team").property("purpose", "billing, fraud-prevention")
        .cols(col("id"), col("email", values("EMAIL_ADDRESS")), col("name", values("PERSON_NAME")),
            col("ssn", values("US_SOCIAL_SECURITY_NUMBER")), col("ethnicity", values("ETHNIC_GROUP"))).add()
        .table("orders").owners("shop-team").property("purpose", "fulfilment").property("retention", "P7Y")
        .cols(col("id"), col("customer_id"), col("amount"), col("ip", values("IP_ADDRESS"))).add()
        .table("tmp_export").cols(col("ssn", inherited("US_SOCIAL_SECURITY_NUMBER", "customers.ssn")),
            col("email_hash")).add()
        .table("marketing_list").owners("marketing").property("purpose", "marketing").property("retention", "P1Y")
        .cols(col("email", inherited("EMAIL_ADDRESS", "customers.email"))).add()
        .table("products").cols(col("id"), col("title")).add()
        .table("patients_eu").owners("care").property("purpose", "care").property("retention", "P10Y")
        .cols(col("diagnosis", values("ICD10_CODE"))).add();
  }

  static FakeLineage lineage() {
    return new FakeLineage()
        .edge("customers.ssn", "tmp_export.ssn", TransformKind.IDENTITY)
        .edge("customers.email", "tmp_export.email_hash", TransformKind.TRANSFORMATION)
        .edge("customers.email", "marketing_list.email", TransformKind.IDENTITY)
        .edge("marketing_list.email", "mailchimp_sync.email", TransformKind.IDENTITY)
        .edge("orders.ip", "products.id", TransformKind.FILTER)
        .edge("customers.name", "orders.customer_id", TransformKind.JOIN);
  }

  static FakePolicies policies(FakeCatalog cat) {
    return new FakePolicies(cat)
        .rule("gdpr-mask-email", Effect.MASK, types("EMAIL_ADDRESS"), "pii_reader")
        .rule("gdpr-deny-health", Effect.DENY, categories("health"), "doctor")
        .rule("eu-rows", Effect.FILTER, types("IP_ADDRESS"));
  }

  @Test
  void findingsControlsAndScore() {
    FakeCatalog cat = catalog();
    ComplianceReport r = Reports.pack("gdpr").evaluate(Reports.context(cat, lineage(), policies(cat)));

    assertThat(r.title()).isEqualTo("GDPR (Regulation (EU) 2016/679)");
    assertThat(Reports.controls(r)).containsExactly(
        "GDPR Art. 5(1)(b) 5/1",
        "GDPR Art. 5(1)(e) 5/2",
        "GDPR Art. 9 2/1",
        "GDPR Art. 5(1)(c) 6/2",
        "GDPR Art. 5(2) 5/1");
    assertThat(Reports.findings(r)).containsExactly(
        "HIGH | GDPR Art. 5(1)(b) | tmp_export | table tmp_export holds personal data (US_SOCIAL_SECURITY_NUMBER) and "
            + "declares no purpose (annotation 'purpose')",
        "HIGH | GDPR Art. 9 | customers.ethnicity | column customers.ethnicity holds special-category data "
            + "(ETHNIC_GROUP) and no restricting policy covers role analyst",
        "MEDIUM | GDPR Art. 5(1)(c) | mailchimp_sync.email | copy of customers.email found in mailchimp_sync.email via "
            + "lineage (EMAIL_ADDRESS); dataset mailchimp_sync declares no purpose",
        "MEDIUM | GDPR Art. 5(1)(c) | tmp_export.ssn | copy of customers.ssn found in tmp_export.ssn via lineage "
            + "(US_SOCIAL_SECURITY_NUMBER); table tmp_export declares no purpose",
        "MEDIUM | GDPR Art. 5(1)(e) | customers | table customers holds personal data (EMAIL_ADDRESS, ETHNIC_GROUP, "
            + "PERSON_NAME, US_SOCIAL_SECURITY_NUMBER) and declares no retention period (annotation 'retention')",
        "MEDIUM | GDPR Art. 5(1)(e) | tmp_export | table tmp_export holds personal data (US_SOCIAL_SECURITY_NUMBER) "
            + "and declares no retention period (annotation 'retention')",
        "MEDIUM | GDPR Art. 5(2) | tmp_export | table tmp_export holds personal data (US_SOCIAL_SECURITY_NUMBER) and "
            + "has no owner",
        "LOW | GDPR Art. 5(1)(c) | tmp_export.email_hash | transformed copy of customers.email found in "
            + "tmp_export.email_hash via lineage (EMAIL_ADDRESS); table tmp_export declares no purpose");
    // 4×4/5 + 2×3/5 + 4×1/2 + 2×4/6 + 2×4/5 = 9.333 of 14
    assertThat(r.score()).isEqualTo(66.6);
  }

  @Test
  void draftsTheRecordOfProcessingActivities() {
    FakeCatalog cat = catalog();
    List<ProcessingRecord> records = Reports.pack("gdpr").evaluate(Reports.context(cat, lineage(), policies(cat)))
        .processingRecords();

    assertThat(records).extracting(p -> p.dataset().displayName())
        .containsExactly("customers", "marketing_list", "orders", "patients_eu", "tmp_export");
    assertThat(records.get(0)).isEqualTo(new ProcessingRecord(FakeCatalog.fq("customers"), "crm-team",
        List.of("billing", "fraud-prevention"),
        List.of("EMAIL_ADDRESS", "ETHNIC_GROUP", "PERSON_NAME", "US_SOCIAL_SECURITY_NUMBER"), List.of("ETHNIC_GROUP"),
        null, List.of("shop///mailchimp_sync", "shop///marketing_list", "shop///tmp_export"), List.of("gdpr-mask-email"),
        List.of(NO_RETENTION,
            "special category ETHNIC_GROUP in column customers.ethnicity has no restricting policy for role analyst",
            "recipient mailchimp_sync has no purpose declared",
            "recipient tmp_export has no purpose declared")));
    assertThat(records.get(1)).isEqualTo(new ProcessingRecord(FakeCatalog.fq("marketing_list"), "marketing",
        List.of("marketing"), List.of("EMAIL_ADDRESS"), List.of(), "P1Y", List.of("shop///mailchimp_sync"),
        List.of("gdpr-mask-email"), List.of("recipient mailchimp_sync has no purpose declared")));
    assertThat(records.get(2)).isEqualTo(new ProcessingRecord(FakeCatalog.fq("orders"), "shop-team",
        List.of("fulfilment"), List.of("IP_ADDRESS"), List.of(), "P7Y", List.of(), List.of("eu-rows"), List.of()));
    assertThat(records.get(3)).isEqualTo(new ProcessingRecord(FakeCatalog.fq("patients_eu"), "care",
        List.of("care"), List.of("ICD10_CODE"), List.of("ICD10_CODE"), "P10Y", List.of(), List.of("gdpr-deny-health"),
        List.of()));
    assertThat(records.get(4)).isEqualTo(new ProcessingRecord(FakeCatalog.fq("tmp_export"), null, List.of(),
        List.of("US_SOCIAL_SECURITY_NUMBER"), List.of(), null, List.of(), List.of(),
        List.of("no owner (set the dataset's owners)", "no purpose declared (annotation 'purpose')", NO_RETENTION,
            "no safeguard: no policy masks, denies or filters its personal data for role analyst")));
  }

  @Test
  void aFullyDocumentedAndProtectedCatalogHasNoFindingsAndNoGaps() {
    FakeCatalog cat = new FakeCatalog()
        .table("customers").owners("crm-team", "dpo@example.org").property("purpose", "billing")
        .property("retention", "P2Y").cols(col("email", values("EMAIL_ADDRESS")),
            col("ethnicity", values("ETHNIC_GROUP"))).add()
        .table("billing").owners("finance").property("purpose", "invoicing").property("retention", "P10Y")
        .cols(col("email", inherited("EMAIL_ADDRESS", "customers.email"))).add();
    FakeLineage lineage = new FakeLineage().edge("customers.email", "billing.email", TransformKind.IDENTITY);
    FakePolicies policies = new FakePolicies(cat)
        .rule("gdpr-mask-email", Effect.MASK, types("EMAIL_ADDRESS"), "pii_reader")
        .rule("gdpr-art9-deny-special-categories", Effect.DENY, categories("special-category", "health"), "dpo");
    ComplianceReport r = Reports.pack("gdpr").evaluate(Reports.context(cat, lineage, policies));
    assertThat(r.findings()).isEmpty();
    assertThat(r.score()).isEqualTo(100.0);
    assertThat(r.processingRecords()).hasSize(2).allSatisfy(p -> assertThat(p.gaps()).isEmpty());
    assertThat(r.processingRecords().get(1).owner()).isEqualTo("crm-team, dpo@example.org");
    assertThat(r.processingRecords().get(1).safeguards())
        .containsExactly("gdpr-art9-deny-special-categories", "gdpr-mask-email");
  }

  @Test
  void personalDataIsGdprRegulatedTypesPlusIdentifiersHealthAndSpecialCategories() {
    FakeCatalog cat = new FakeCatalog()
        .table("t").cols(col("vin", values("VEHICLE_IDENTIFICATION_NUMBER")), col("nino", values("UK_NATIONAL_INSURANCE_NUMBER")),
            col("sin", values("CANADA_SOCIAL_INSURANCE_NUMBER")), col("pan", values("CREDIT_CARD_NUMBER")),
            col("aws", values("AWS_ACCESS_KEY_ID")), col("swift", values("SWIFT_CODE")),
            col("npi", values("US_NATIONAL_PROVIDER_IDENTIFIER")),
            col("gone", Classes.rejected("EMAIL_ADDRESS"))).add();
    ComplianceReport r = Reports.pack("gdpr").evaluate(Reports.context(cat, null, null));
    assertThat(r.processingRecords()).singleElement().satisfies(p -> {
      assertThat(p.categories()).containsExactly("CANADA_SOCIAL_INSURANCE_NUMBER", "UK_NATIONAL_INSURANCE_NUMBER",
          "US_NATIONAL_PROVIDER_IDENTIFIER", "VEHICLE_IDENTIFICATION_NUMBER");
      assertThat(p.specialCategories()).containsExactly("US_NATIONAL_PROVIDER_IDENTIFIER");
    });
  }

  @Test
  void aPurposeOfNoneOrABlankPurposeIsNoPurpose() {
    FakeCatalog cat = new FakeCatalog()
        .table("a").owners("x").property("purpose", "none").property("retention", "P1Y")
        .cols(col("email", values("EMAIL_ADDRESS"))).add()
        .table("b").owners("x").property("purpose", "  ").property("retention", "P1Y")
        .cols(col("email", values("EMAIL_ADDRESS"))).add();
    ComplianceReport r = Reports.pack("gdpr").evaluate(Reports.context(cat, null, null));
    assertThat(Reports.controls(r)).contains("GDPR Art. 5(1)(b) 2/2", "GDPR Art. 5(1)(e) 2/0");
  }
}
