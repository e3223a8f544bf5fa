package io.pursight.governance.policy.compliance;

import static io.pursight.governance.policy.compliance.Classes.inherited;
import static io.pursight.governance.policy.compliance.Classes.values;
import static io.pursight.governance.policy.compliance.FakeCatalog.col;
import static io.pursight.governance.policy.compliance.FakePolicies.categories;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.Effect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HipaaPackTest {

  static FakeCatalog catalog() {
    return new FakeCatalog()
        .table("patients").cols(col("name", values("PERSON_NAME")), col("mrn", values("MEDICAL_RECORD_NUMBER")),
            col("dob", values("DATE_OF_BIRTH")), col("zip", values("POSTAL_CODE")),
            col("diagnosis", values("ICD10_CODE"))).add()
        .table("visits").owners("clinic-ops").tags("phi").cols(col("patient_mrn", values("MEDICAL_RECORD_NUMBER")),
            col("npi", values("US_NATIONAL_PROVIDER_IDENTIFIER")), col("visit_date")).add()
        // identifiers without health data: not PHI
        .table("newsletter").cols(col("email", values("EMAIL_ADDRESS")), col("name", values("PERSON_NAME"))).add()
        .table("tmp_export").cols(col("mrn", inherited("MEDICAL_RECORD_NUMBER", "patients.mrn")),
            col("name", inherited("PERSON_NAME", "patients.name"))).add()
        .table("research").owners("research-team").property("phi", "true")
        .cols(col("mrn", inherited("MEDICAL_RECORD_NUMBER", "patients.mrn"))).add()
        .annotate("billing_extract", Annotations.EMPTY.withTags(List.of(Tag.of("hipaa"))));
  }

  static FakeLineage lineage() {
    return new FakeLineage()
        .edge("patients.mrn", "tmp_export.mrn", TransformKind.IDENTITY)
        .edge("patients.name", "tmp_export.name", TransformKind.IDENTITY)
        .edge("patients.mrn", "research.mrn", TransformKind.TRANSFORMATION)
        .edge("patients.zip", "geo.zip3", TransformKind.TRANSFORMATION)
        .edge("patients.diagnosis", "dashboard.diagnosis_count", TransformKind.AGGREGATION)
        .edge("newsletter.email", "crm.email", TransformKind.IDENTITY)
        .edge("visits.patient_mrn", "billing_extract.mrn", TransformKind.IDENTITY);
  }

  @Test
  void phiWithoutOwnerUnmaskedIdentifiersAndUntaggedCopies() {
    FakeCatalog cat = catalog();
    FakePolicies policies = new FakePolicies(cat).rule("hipaa-mask-health-data", Effect.MASK, categories("health"),
        "clinician");
    ComplianceReport r = Reports.pack("hipaa").evaluate(Reports.context(cat, lineage(), policies));

    assertThat(Reports.controls(r)).containsExactly(
        "HIPAA 164.308(a)(2) 4/2",
        "HIPAA 164.312(a)(1) 10/4",
        "HIPAA 164.308(a)(1)(ii)(A) 7/3");
    assertThat(Reports.findings(r)).containsExactly(
        "HIGH | HIPAA 164.308(a)(1)(ii)(A) | tmp_export.mrn | PHI (MEDICAL_RECORD_NUMBER) from patients.mrn flows to "
            + "tmp_export.mrn via lineage (IDENTITY) and table tmp_export is not tagged phi",
        "HIGH | HIPAA 164.308(a)(1)(ii)(A) | tmp_export.name | PHI (PERSON_NAME) from patients.name flows to "
            + "tmp_export.name via lineage (IDENTITY) and table tmp_export is not tagged phi",
        "HIGH | HIPAA 164.308(a)(2) | patients | table patients has PHI (DATE_OF_BIRTH, ICD10_CODE, "
            + "MEDICAL_RECORD_NUMBER, PERSON_NAME, POSTAL_CODE) and no owner",
        "HIGH | HIPAA 164.308(a)(2) | tmp_export | table tmp_export has PHI (MEDICAL_RECORD_NUMBER, PERSON_NAME) and "
            + "no owner",
        "HIGH | HIPAA 164.312(a)(1) | patients.dob | column patients.dob holds PHI (DATE_OF_BIRTH) and no masking or "
            + "deny policy covers role analyst",
        "HIGH | HIPAA 164.312(a)(1) | patients.name | column patients.name holds PHI (PERSON_NAME) and no masking or "
            + "deny policy covers role analyst",
        "HIGH | HIPAA 164.312(a)(1) | patients.zip | column patients.zip holds PHI (POSTAL_CODE) and no masking or "
            + "deny policy covers role analyst",
        "HIGH | HIPAA 164.312(a)(1) | tmp_export.name | column tmp_export.name holds PHI (PERSON_NAME) and no masking "
            + "or deny policy covers role analyst",
        "MEDIUM | HIPAA 164.308(a)(1)(ii)(A) | geo.zip3 | PHI (POSTAL_CODE) from patients.zip flows to geo.zip3 via "
            + "lineage (TRANSFORMATION) and dataset geo is not tagged phi");
    // 4×2/4 + 4×6/10 + 4×4/7 = 6.686 of 12
    assertThat(r.score()).isEqualTo(55.7);
    assertThat(r.findings()).noneMatch(f -> f.asset().displayName().startsWith("newsletter"));
  }

  @Test
  void ownersTagsAndPoliciesForIdentifiersClearEverything() {
    FakeCatalog cat = new FakeCatalog()
        .table("patients").owners("his-team").cols(col("name", values("PERSON_NAME")),
            col("diagnosis", values("ICD10_CODE"))).add()
        .table("copy").owners("his-team").tags("phi").cols(col("name", inherited("PERSON_NAME", "patients.name"))).add();
    FakePolicies policies = new FakePolicies(cat)
        .rule("hipaa-mask-health-data", Effect.MASK, categories("health"), "clinician")
        .rule("hipaa-deny-names", Effect.DENY, FakePolicies.types("PERSON_NAME"), "clinician");
    FakeLineage lineage = new FakeLineage().edge("patients.name", "copy.name", TransformKind.IDENTITY);
    ComplianceReport r = Reports.pack("hipaa").evaluate(Reports.context(cat, lineage, policies));
    assertThat(r.findings()).isEmpty();
    assertThat(Reports.controls(r)).containsExactly(
        "HIPAA 164.308(a)(2) 2/0", "HIPAA 164.312(a)(1) 3/0", "HIPAA 164.308(a)(1)(ii)(A) 2/0");
    assertThat(r.score()).isEqualTo(100.0);
  }

  @Test
  void identifiersAloneAreNotPhi() {
    FakeCatalog cat = new FakeCatalog()
        .table("newsletter").cols(col("email", values("EMAIL_ADDRESS")), col("ssn", values("US_SOCIAL_SECURITY_NUMBER")))
        .add();
    ComplianceReport r = Reports.pack("hipaa").evaluate(Reports.context(cat, null, null));
    assertThat(r.findings()).isEmpty();
    assertThat(r.controls()).allSatisfy(c -> assertThat(c.checked()).isZero());
  }

  @Test
  void theEighteenSafeHarborIdentifiersMapToKnownInfoTypes() {
    List<Identifier> ids = Reports.pack("hipaa").identifiers();
    assertThat(ids).extracting(Identifier::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 18).boxed().toList());
    InfoTypes known = InfoTypes.builtIn();
    Set<String> mapped = new HashSet<>();
    for (Identifier i : ids) {
      assertThat(i.name()).isNotBlank();
      i.infoTypes().forEach(t -> assertThat(known.find(t)).as("identifier %d type %s", i.number(), t).isPresent());
      mapped.addAll(i.infoTypes());
      if (i.infoTypes().isEmpty()) {
        assertThat(i.note()).as("identifier %d has no type and says why", i.number()).isNotBlank();
      }
    }
    assertThat(ids.get(0).infoTypes()).containsExactly("PERSON_NAME");
    assertThat(ids.get(6).infoTypes()).containsExactly("US_SOCIAL_SECURITY_NUMBER");
    assertThat(ids.get(7).infoTypes()).containsExactly("MEDICAL_RECORD_NUMBER");
    assertThat(ids.get(15).infoTypes()).isEmpty(); // biometrics
    assertThat(ids.get(16).infoTypes()).isEmpty(); // photographs
    // every built-in type HIPAA names that is not health data itself is one of the identifiers
    for (InfoType t : known.all()) {
      if (t.regulations().contains("HIPAA") && !t.category().equals("health")) {
        assertThat(mapped).as("HIPAA type %s mapped to an identifier", t.id()).contains(t.id());
      }
    }
  }

  @Test
  void everyHealthTypeIsPhiOnItsOwn() {
    for (InfoType t : InfoTypes.builtIn().all()) {
      if (!t.category().equals("health")) {
        continue;
      }
      FakeCatalog cat = new FakeCatalog().table("t").cols(col("c", values(t.id()))).add();
      ComplianceReport r = Reports.pack("hipaa").evaluate(Reports.context(cat, null, null));
      assertThat(Reports.controls(r)).as(t.id()).contains("HIPAA 164.308(a)(2) 1/1");
    }
  }
}
