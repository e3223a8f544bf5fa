package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.engine;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.principal;
import static io.pursight.governance.policy.rules.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ABAC: when/unless on roles, groups, attributes and purpose. */
class ConditionsTest {
  private static final FieldFacts SSN = field("shop.public.customers.ssn").types("US_SOCIAL_SECURITY_NUMBER").build();

  private static Effect decide(String yaml, Principal who, String purpose) {
    return engine(yaml).decide(request(who, Action.READ, purpose, List.of(SSN)), List.of(SSN)).effect();
  }

  private static String maskUnless(String unless) {
    return """
        policies:
          - id: mask-pii
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER, CREDIT_CARD_NUMBER, EMAIL_ADDRESS] }
            unless: %s
            effect: mask
            masking: redact
        """.formatted(unless);
  }

  private static String denyWhen(String when) {
    return """
        policies:
          - id: deny-ssn
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            when: %s
            effect: deny
        """.formatted(when);
  }

  @Test
  void theIssueExampleMasksUnlessThePrincipalIsAPiiReader() {
    String yaml = maskUnless("{ roles: [pii_reader] }");
    assertThat(decide(yaml, Fixtures.user("analyst"), null)).isEqualTo(Effect.MASK);
    assertThat(decide(yaml, Fixtures.user("analyst", "pii_reader"), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, Fixtures.user(), null)).isEqualTo(Effect.MASK);
  }

  @Test
  void rolesAndGroupsMatchAnyListedValueAndAreCaseSensitive() {
    String yaml = denyWhen("{ roles: [contractor, intern] }");
    assertThat(decide(yaml, Fixtures.user("intern"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(yaml, Fixtures.user("Intern"), null)).isEqualTo(Effect.ALLOW);
    String groups = denyWhen("{ groups: [external] }");
    assertThat(decide(groups, principal(Set.of(), Set.of("external", "eu"), Map.of()), null)).isEqualTo(Effect.DENY);
    assertThat(decide(groups, principal(Set.of("external"), Set.of("eu"), Map.of()), null)).isEqualTo(Effect.ALLOW);
  }

  @Test
  void keysOfOneBlockAllMustHold() {
    String yaml = denyWhen("{ roles: [analyst], groups: [external], purpose: [marketing] }");
    Principal both = principal(Set.of("analyst"), Set.of("external"), Map.of());
    assertThat(decide(yaml, both, "marketing")).isEqualTo(Effect.DENY);
    assertThat(decide(yaml, both, "billing")).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, both, null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, principal(Set.of("analyst"), Set.of(), Map.of()), "marketing")).isEqualTo(Effect.ALLOW);
  }

  @Test
  void aListOfBlocksHoldsWhenAnyBlockHolds() {
    String yaml = maskUnless("[ { roles: [pii_reader] }, { groups: [privacy-office] } ]");
    assertThat(decide(yaml, principal(Set.of(), Set.of("privacy-office"), Map.of()), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, Fixtures.user("pii_reader"), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, Fixtures.user("analyst"), null)).isEqualTo(Effect.MASK);
  }

  @Test
  void attributeEqualsInExistsAndAbsent() {
    String equals = denyWhen("{ attributes: { region: US } }");
    assertThat(decide(equals, Fixtures.withAttributes("region", "US"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(equals, Fixtures.withAttributes("region", "us"), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(equals, Fixtures.withAttributes(), null)).isEqualTo(Effect.ALLOW);

    String explicit = denyWhen("{ attributes: { level: { equals: 3 } } }");
    assertThat(decide(explicit, Fixtures.withAttributes("level", "3"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(explicit, Fixtures.withAttributes("level", "03"), null)).isEqualTo(Effect.ALLOW);

    String in = denyWhen("{ attributes: { clearance: { in: [none, basic] } } }");
    assertThat(decide(in, Fixtures.withAttributes("clearance", "basic"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(in, Fixtures.withAttributes("clearance", "secret"), null)).isEqualTo(Effect.ALLOW);

    String exists = denyWhen("{ attributes: { contractor_company: { exists: true } } }");
    assertThat(decide(exists, Fixtures.withAttributes("contractor_company", "Acme"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(exists, Fixtures.withAttributes(), null)).isEqualTo(Effect.ALLOW);

    String absent = denyWhen("{ attributes: { employee_id: { exists: false } } }");
    assertThat(decide(absent, Fixtures.withAttributes(), null)).isEqualTo(Effect.DENY);
    assertThat(decide(absent, Fixtures.withAttributes("employee_id", "42"), null)).isEqualTo(Effect.ALLOW);
  }

  @Test
  void severalAttributesAllMustHold() {
    String yaml = denyWhen("{ attributes: { region: EU, department: { in: [sales, support] } } }");
    assertThat(decide(yaml, Fixtures.withAttributes("region", "EU", "department", "sales"), null)).isEqualTo(Effect.DENY);
    assertThat(decide(yaml, Fixtures.withAttributes("region", "EU", "department", "hr"), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, Fixtures.withAttributes("department", "sales"), null)).isEqualTo(Effect.ALLOW);
  }

  @Test
  void purposeMatchesTheDeclaredPurposeOnly() {
    String yaml = """
        policies:
          - id: allow-ssn-for-fraud
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            when: { purpose: [fraud-investigation] }
            effect: allow
        """;
    RulesEngine e = Fixtures.engine(yaml, "deny");
    assertThat(e.decide(request(Fixtures.user(), Action.READ, "fraud-investigation", List.of(SSN)), List.of(SSN)).effect())
        .isEqualTo(Effect.ALLOW);
    assertThat(e.decide(request(Fixtures.user(), Action.READ, "marketing", List.of(SSN)), List.of(SSN)).effect())
        .isEqualTo(Effect.DENY);
    assertThat(e.decide(request(Fixtures.user(), Action.READ, null, List.of(SSN)), List.of(SSN)).effect())
        .isEqualTo(Effect.DENY);
  }

  @Test
  void whenAndUnlessCombine() {
    String yaml = """
        policies:
          - id: deny-external-unless-approved
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            when: { groups: [external] }
            unless: { attributes: { nda: signed } }
            effect: deny
        """;
    assertThat(decide(yaml, principal(Set.of(), Set.of("external"), Map.of()), null)).isEqualTo(Effect.DENY);
    assertThat(decide(yaml, principal(Set.of(), Set.of("external"), Map.of("nda", "signed")), null)).isEqualTo(Effect.ALLOW);
    assertThat(decide(yaml, principal(Set.of(), Set.of("internal"), Map.of()), null)).isEqualTo(Effect.ALLOW);
  }

  @Test
  void identicalConditionsInManyPoliciesAreEvaluatedConsistently() {
    StringBuilder yaml = new StringBuilder("policies:\n");
    for (int i = 0; i < 20; i++) {
      yaml.append("  - id: p").append(i).append("\n    match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }\n")
          .append("    unless: { roles: [pii_reader] }\n    effect: mask\n    masking: redact\n");
    }
    Decision masked = engine(yaml.toString()).decide(request(Fixtures.user(), Action.READ, null, List.of(SSN)), List.of(SSN));
    assertThat(masked.policies()).containsExactly("p0");
    Decision clear = engine(yaml.toString()).decide(
        request(Fixtures.user("pii_reader"), Action.READ, null, List.of(SSN)), List.of(SSN));
    assertThat(clear.effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void reasonsNeverEchoPrincipalAttributeValues() {
    String secret = "Sup3r-Secret-Value";
    String yaml = """
        policies:
          - id: deny-by-attr
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            when: { attributes: { token: { exists: true } } }
            effect: deny
          - id: filter-by-tenant
            match: { datasets: ["shop.public.customers"] }
            effect: filter
            filter: "tenant = ${principal.tenant}"
        """;
    Principal p = new Principal("bob", Set.of("r"), Set.of("g"), Map.of("token", secret, "other", secret));
    Decision d = engine(yaml).decide(request(p, Action.READ, null, List.of(SSN)), List.of(SSN));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reason()).doesNotContain(secret).contains("deny-by-attr").contains("tenant");
  }
}
