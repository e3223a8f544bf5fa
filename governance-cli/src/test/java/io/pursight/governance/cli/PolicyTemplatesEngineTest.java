package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.core.Governance;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The compliance packs' policy templates, loaded into the real rules engine with the real masking
 * functions, decide as docs/compliance.md says (the packs' own tests use a small interpreter).
 */
class PolicyTemplatesEngineTest {
  private static String template(String pack) throws IOException {
    try (InputStream in = PolicyTemplatesEngineTest.class.getResourceAsStream(
        "/io/pursight/governance/policy/compliance/" + pack + ".policies.yaml")) {
      assertThat(in).as(pack).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Governance engine(String pack) throws IOException {
    return Governance.builder().inMemoryStore().noAudit().discoverPlugins(true)
        .policyProvider("rules", Map.of("rules.text", template(pack))).build();
  }

  private static FieldFacts field(String name, String infoType, String category, Sensitivity s, Set<String> datasetTags) {
    return new FieldFacts(QualifiedName.parse("pg/shop/public/" + name), Set.of(infoType), Set.of(category), s, Set.of(),
        datasetTags, Map.of());
  }

  private static Decision read(Governance gov, Principal who, String purpose, FieldFacts f) {
    return gov.policies().decide(new AccessRequest(who, Action.READ, List.of(f.field()), purpose, Map.of()), List.of(f));
  }

  private static String mask(Decision d) {
    return d.masks().stream().map(ColumnMask::function).findFirst().orElse(d.effect().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gdpr", "hipaa", "pci-dss", "soc2"})
  void everyTemplateLoadsIntoTheRulesEngine(String pack) throws IOException {
    try (Governance gov = engine(pack)) {
      assertThat(gov.policies().policyIds()).isNotEmpty().allMatch(id -> id.startsWith(pack.replace("-dss", "")));
    }
  }

  @Test
  void pciTemplateMasksPansByRoleAndTokenizesExtracts() throws IOException {
    FieldFacts pan = field("payments/pan", "CREDIT_CARD_NUMBER", "financial", Sensitivity.RESTRICTED, Set.of());
    FieldFacts extract = field("export/pan", "CREDIT_CARD_NUMBER", "financial", Sensitivity.RESTRICTED,
        Set.of("pci-extract"));
    try (Governance gov = engine("pci-dss")) {
      assertThat(mask(read(gov, Principal.of("a", "analyst"), null, pan))).isEqualTo("pci");
      assertThat(mask(read(gov, Principal.of("s", "support"), null, pan))).as("stricter for support").isEqualTo("partial");
      assertThat(read(gov, Principal.of("f", "pci_full_pan"), null, pan).effect()).isEqualTo(Effect.ALLOW);
      assertThat(mask(read(gov, Principal.of("a", "analyst"), null, extract))).isEqualTo("tokenize");
      assertThat(mask(read(gov, Principal.of("s", "support"), null, extract))).isEqualTo("tokenize");
      assertThat(mask(read(gov, Principal.of("f", "pci_full_pan"), null, extract))).as("extracts for every reader")
          .isEqualTo("tokenize");
    }
  }

  @Test
  void policiesMayNameCustomInfoTypesAndCategoriesRegisteredOnTheBuilder() {
    String yaml = """
        policies:
          - id: mask-badges
            match: { infoTypes: [EMPLOYEE_BADGE_ID] }
            effect: mask
            masking: redact
          - id: deny-workforce-to-contractors
            match: { categories: [workforce] }
            when: { roles: [contractor] }
            effect: deny
        """;
    try (Governance gov = Governance.builder().inMemoryStore().noAudit()
        .infoType(new io.pursight.governance.classification.InfoType("EMPLOYEE_BADGE_ID", "workforce", Set.of(),
            Sensitivity.CONFIDENTIAL, "badge numbers"))
        .policyProvider("rules", Map.of("rules.text", yaml)).build()) {
      FieldFacts badge = field("staff/badge", "EMPLOYEE_BADGE_ID", "workforce", Sensitivity.CONFIDENTIAL, Set.of());
      assertThat(mask(read(gov, Principal.of("a", "analyst"), null, badge))).isEqualTo("redact");
      assertThat(read(gov, Principal.of("c", "contractor"), null, badge).effect()).isEqualTo(Effect.DENY);
    }
    // without the builder's type the same file is refused at load, naming the unknown type
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Governance.builder().inMemoryStore().noAudit()
        .policyProvider("rules", Map.of("rules.text", yaml)).build())
        .isInstanceOf(io.pursight.governance.ConfigurationException.class).hasMessageContaining("EMPLOYEE_BADGE_ID");
  }

  @Test
  void gdprTemplateGivesSupportTheEmailDomainAndOthersAPseudonym() throws IOException {
    FieldFacts email = field("customers/email", "EMAIL_ADDRESS", "contact", Sensitivity.CONFIDENTIAL, Set.of());
    FieldFacts dob = field("customers/dob", "DATE_OF_BIRTH", "identity", Sensitivity.CONFIDENTIAL, Set.of());
    try (Governance gov = engine("gdpr")) {
      assertThat(mask(read(gov, Principal.of("s", "support"), null, email))).isEqualTo("email");
      assertThat(mask(read(gov, Principal.of("a", "analyst"), null, email))).isEqualTo("hash");
      assertThat(read(gov, Principal.of("d", "dpo"), null, email).effect()).isEqualTo(Effect.ALLOW);
      assertThat(mask(read(gov, Principal.of("a", "analyst"), "analytics", dob))).isEqualTo("generalize_date");
    }
  }
}
