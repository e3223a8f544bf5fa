package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.engine;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.name;
import static io.pursight.governance.policy.rules.Fixtures.read;
import static io.pursight.governance.policy.rules.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecedenceTest {
  private static final FieldFacts SSN = field("shop.public.customers.ssn").types("US_SOCIAL_SECURITY_NUMBER").build();
  private static final FieldFacts EMAIL = field("shop.public.customers.email").types("EMAIL_ADDRESS").build();
  private static final FieldFacts CITY = field("shop.public.customers.city").types("LOCATION_CITY").build();

  private static final String ALL_FOUR = """
      policies:
        - id: allow-all
          effect: allow
        - id: filter-eu
          match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
          effect: filter
          filter: "region = 'EU'"
        - id: mask-ssn
          match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
          effect: mask
          masking: redact
        - id: deny-ssn
          match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
          effect: deny
      """;

  @Test
  void denyBeatsMaskFilterAndAllowOnTheSameField() {
    Decision d = engine(ALL_FOUR).decide(read(user(), List.of(SSN)), List.of(SSN));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.permitted()).isFalse();
    assertThat(d.policies()).containsExactly("deny-ssn");
    assertThat(d.masks()).isEmpty();
    assertThat(d.rowFilters()).isEmpty();
    assertThat(d.reason()).contains("deny-ssn").contains("shop.public.customers.ssn");
  }

  @Test
  void aDeniedFieldDeniesTheWholeRequest() {
    List<FieldFacts> facts = List.of(EMAIL, SSN, CITY);
    Decision d = engine(ALL_FOUR + """
          - id: mask-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
        """).decide(read(user(), facts), facts);
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.policies()).containsExactly("deny-ssn");
  }

  @Test
  void maskBeatsFilterButBothApply() {
    String yaml = """
        policies:
          - id: filter-customers
            match: { datasets: ["shop.public.customers"] }
            effect: filter
            filter: "region = 'EU'"
          - id: mask-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
          - id: allow-read
            effect: allow
        """;
    List<FieldFacts> facts = List.of(EMAIL, CITY);
    Decision d = engine(yaml).decide(read(user(), facts), facts);
    assertThat(d.effect()).isEqualTo(Effect.MASK);
    assertThat(d.masks()).containsExactly(new ColumnMask(EMAIL.field(), "redact", Map.of()));
    assertThat(d.rowFilters()).singleElement().satisfies(f -> {
      assertThat(f.dataset()).isEqualTo(EMAIL.field().datasetName());
      assertThat(f.predicate()).isEqualTo("region = 'EU'");
    });
    assertThat(d.policies()).containsExactly("filter-customers", "mask-email", "allow-read");
  }

  @Test
  void filterBeatsAllow() {
    String yaml = """
        policies:
          - id: allow-read
            effect: allow
          - id: filter-customers
            match: { datasets: ["shop.public.customers"] }
            effect: filter
            filter: "active = TRUE"
        """;
    Decision d = engine(yaml).decide(read(user(), List.of(CITY)), List.of(CITY));
    assertThat(d.effect()).isEqualTo(Effect.FILTER);
    assertThat(d.policies()).containsExactly("allow-read", "filter-customers");
    assertThat(d.reason()).contains("filter-customers").contains("allow-read");
  }

  @Test
  void allowPoliciesAreReportedAndNoPolicyMeansTheDefault() {
    String yaml = """
        policies:
          - id: allow-cities
            match: { infoTypes: [LOCATION_CITY] }
            effect: allow
        """;
    Decision d = engine(yaml).decide(read(user(), List.of(CITY)), List.of(CITY));
    assertThat(d.effect()).isEqualTo(Effect.ALLOW);
    assertThat(d.policies()).containsExactly("allow-cities");

    Decision none = engine(yaml).decide(read(user(), List.of(EMAIL)), List.of(EMAIL));
    assertThat(none.effect()).isEqualTo(Effect.ALLOW);
    assertThat(none.policies()).isEmpty();
    assertThat(none.reason()).contains("default is allow");
  }

  /** Each row: a less specific match, a more specific one; the specific mask wins in either order. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{ columns: ['*.ssn'] }                          | { columns: ['shop.public.customers.ssn'] }",
      "{ datasets: ['shop.public.customers'] }         | { columns: ['*.ssn'] }",
      "{ datasets: ['shop.*'] }                        | { datasets: ['shop.public.customers'] }",
      "{ infoTypes: [US_SOCIAL_SECURITY_NUMBER] }      | { datasets: ['shop.*'] }",
      "{ categories: [government-id] }                 | { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }",
      "{ categories: [government-id] }                 | { tags: [pii] }",
      "{ sensitivity: { atLeast: restricted } }        | { datasetTags: [crm] }",
      "{ sources: [pg] }                               | { categories: [government-id] }",
      "{}                                              | { sensitivity: { atLeast: confidential } }",
  })
  void theMoreSpecificMaskWinsWhateverTheOrder(String general, String specific) {
    FieldFacts ssn = field("shop.public.customers.ssn").types("US_SOCIAL_SECURITY_NUMBER").tags("pii")
        .datasetTags("crm").build();
    for (boolean specificFirst : new boolean[] {true, false}) {
      String a = "  - id: general\n    match: " + general + "\n    effect: mask\n    masking: redact\n";
      String b = "  - id: specific\n    match: " + specific
          + "\n    effect: mask\n    masking: { function: partial, last: 4 }\n";
      String yaml = "policies:\n" + (specificFirst ? b + a : a + b);
      Decision d = engine(yaml).decide(read(user(), List.of(ssn)), List.of(ssn));
      assertThat(d.masks()).as(yaml).containsExactly(new ColumnMask(ssn.field(), "partial", Map.of("last", "4")));
      assertThat(d.policies()).containsExactly("specific");
    }
  }

  @Test
  void equalSpecificityFallsBackToFileOrder() {
    String first = "  - id: by-type\n    match: { infoTypes: [EMAIL_ADDRESS] }\n    effect: mask\n    masking: redact\n";
    String second = "  - id: by-tag\n    match: { tags: [contact] }\n    effect: mask\n    masking: 'null'\n";
    FieldFacts email = field("shop.public.customers.email").types("EMAIL_ADDRESS").tags("contact").build();
    Decision d1 = engine("policies:\n" + first + second).decide(read(user(), List.of(email)), List.of(email));
    assertThat(d1.masks()).extracting(ColumnMask::function).containsExactly("redact");
    Decision d2 = engine("policies:\n" + second + first).decide(read(user(), List.of(email)), List.of(email));
    assertThat(d2.masks()).extracting(ColumnMask::function).containsExactly("null");
  }

  @Test
  void atEqualMatchRankAMaskForNamedPrincipalsBeatsTheGeneralOneInEitherOrder() {
    String general = "  - id: mask-pan\n    match: { infoTypes: [CREDIT_CARD_NUMBER] }\n"
        + "    unless: { roles: [pci_full_pan] }\n    effect: mask\n    masking: redact\n";
    String support = "  - id: last4-support\n    match: { infoTypes: [CREDIT_CARD_NUMBER] }\n"
        + "    when: { roles: [support] }\n    effect: mask\n    masking: { function: partial, last: 4 }\n";
    FieldFacts pan = field("shop.public.payments.pan").types("CREDIT_CARD_NUMBER").build();
    for (String yaml : List.of("policies:\n" + general + support, "policies:\n" + support + general)) {
      Decision s = engine(yaml).decide(read(user("support"), List.of(pan)), List.of(pan));
      assertThat(s.masks()).as(yaml).extracting(ColumnMask::function).containsExactly("partial");
      assertThat(s.policies()).containsExactly("last4-support");
      Decision a = engine(yaml).decide(read(user("analyst"), List.of(pan)), List.of(pan));
      assertThat(a.masks()).as(yaml).extracting(ColumnMask::function).containsExactly("redact");
    }
    // more criteria at the same rank beat fewer, whatever the order and the 'when'
    String extracts = "  - id: tokenize-extracts\n    match: { infoTypes: [CREDIT_CARD_NUMBER], datasetTags: [pci-extract] }\n"
        + "    effect: mask\n    masking: 'null'\n";
    FieldFacts extracted = field("shop.public.export.pan").types("CREDIT_CARD_NUMBER").datasetTags("pci-extract").build();
    for (String yaml : List.of("policies:\n" + general + support + extracts, "policies:\n" + extracts + support + general)) {
      Decision x = engine(yaml).decide(read(user("support"), List.of(extracted)), List.of(extracted));
      assertThat(x.masks()).as(yaml).extracting(ColumnMask::function).containsExactly("null");
      assertThat(engine(yaml).decide(read(user("support"), List.of(pan)), List.of(pan)).masks())
          .extracting(ColumnMask::function).containsExactly("partial");
    }
    // a more specific match still beats a 'when' on a broader one
    String byColumn = "  - id: by-column\n    match: { columns: ['shop.public.payments.pan'] }\n"
        + "    effect: mask\n    masking: redact\n";
    Decision c = engine("policies:\n" + support + byColumn).decide(read(user("support"), List.of(pan)), List.of(pan));
    assertThat(c.masks()).extracting(ColumnMask::function).containsExactly("redact");
  }

  @Test
  void specificityOnlyChoosesAmongMasksNeverOverAnEffect() {
    // a column-specific allow does not lift a broad info-type mask: effect precedence comes first
    String yaml = """
        policies:
          - id: mask-contact
            match: { categories: [contact] }
            effect: mask
            masking: redact
          - id: allow-this-column
            match: { columns: ["shop.public.customers.email"] }
            effect: allow
        """;
    Decision d = engine(yaml).decide(read(user(), List.of(EMAIL)), List.of(EMAIL));
    assertThat(d.effect()).isEqualTo(Effect.MASK);
    assertThat(d.policies()).containsExactly("mask-contact", "allow-this-column");
  }

  @Test
  void oneMaskPerFieldAndMasksSortedByName() {
    String yaml = """
        policies:
          - id: mask-pii
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER, EMAIL_ADDRESS] }
            effect: mask
            masking: redact
          - id: mask-email-partially
            match: { columns: ["*.email"] }
            effect: mask
            masking: { function: partial, first: 2 }
        """;
    List<FieldFacts> facts = List.of(SSN, CITY, EMAIL);
    Decision d = engine(yaml).decide(read(user(), facts), facts);
    assertThat(d.masks()).containsExactly(
        new ColumnMask(EMAIL.field(), "partial", Map.of("first", "2")),
        new ColumnMask(SSN.field(), "redact", Map.of()));
    assertThat(d.policies()).containsExactly("mask-pii", "mask-email-partially");
    assertThat(d.reason()).isEqualTo("Masked 2 fields by policies 'mask-pii', 'mask-email-partially'");
  }

  @Test
  void defaultDenyNeedsAnAllowForEveryField() {
    String yaml = """
        policies:
          - id: allow-customers
            match: { datasets: ["shop.public.customers"] }
            effect: allow
          - id: mask-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
        """;
    FieldFacts order = field("shop.public.orders.total").build();
    RulesEngine e = engine(yaml, "deny");
    Decision covered = e.decide(read(user(), List.of(EMAIL, CITY)), List.of(EMAIL, CITY));
    assertThat(covered.effect()).isEqualTo(Effect.MASK);
    assertThat(covered.policies()).containsExactly("allow-customers", "mask-email");

    Decision uncovered = e.decide(read(user(), List.of(CITY, order)), List.of(CITY, order));
    assertThat(uncovered.effect()).isEqualTo(Effect.DENY);
    assertThat(uncovered.policies()).isEmpty();
    assertThat(uncovered.reason()).containsIgnoringCase("no allow policy covers shop.public.orders.total").contains("default is deny");
  }

  @Test
  void underDefaultDenyAMaskAloneDoesNotGrantAccess() {
    String yaml = """
        policies:
          - id: mask-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
        """;
    Decision d = engine(yaml, "deny").decide(read(user(), List.of(EMAIL)), List.of(EMAIL));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void requestsWithoutFieldsAreDecidedByPoliciesWithAnEmptyMatch() {
    String yaml = """
        policies:
          - id: no-ddl-for-analysts
            actions: [ddl]
            when: { roles: [analyst] }
            effect: deny
          - id: admins-may-ddl
            actions: [ddl]
            when: { roles: [admin] }
            effect: allow
        """;
    var ddl = new io.pursight.governance.policy.AccessRequest(user("analyst"), Action.DDL, List.of(), null, Map.of());
    Decision d = engine(yaml).decide(ddl, List.of());
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.policies()).containsExactly("no-ddl-for-analysts");
    assertThat(d.reason()).contains("request-level");

    var admin = new io.pursight.governance.policy.AccessRequest(user("admin"), Action.DDL, List.of(), null, Map.of());
    assertThat(engine(yaml, "deny").decide(admin, List.of()).effect()).isEqualTo(Effect.ALLOW);
    var other = new io.pursight.governance.policy.AccessRequest(user("other"), Action.DDL, List.of(), null, Map.of());
    assertThat(engine(yaml, "deny").decide(other, List.of()).effect()).isEqualTo(Effect.DENY);
    assertThat(engine(yaml, "allow").decide(other, List.of()).effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void allDenyingPoliciesAreListedInFileOrder() {
    String yaml = """
        policies:
          - id: deny-restricted
            match: { sensitivity: { atLeast: restricted } }
            effect: deny
          - id: deny-ssn
            match: { columns: ["*.ssn"] }
            effect: deny
          - id: deny-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: deny
        """;
    List<FieldFacts> facts = List.of(EMAIL, SSN);
    Decision d = engine(yaml).decide(read(user(), facts), facts);
    assertThat(d.policies()).containsExactly("deny-restricted", "deny-ssn", "deny-email");
  }

  @Test
  void duplicateFactsForOneFieldYieldOneMask() {
    FieldFacts a = field("shop.public.customers.email").types("EMAIL_ADDRESS").build();
    FieldFacts b = field("shop.public.customers.email").tags("vip").build();
    String yaml = """
        policies:
          - id: by-type
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
          - id: by-column
            match: { columns: ["*.email"] }
            effect: mask
            masking: 'null'
        """;
    Decision d = engine(yaml).decide(read(user(), List.of(a, b)), List.of(a, b));
    assertThat(d.masks()).containsExactly(new ColumnMask(name("shop.public.customers.email"), "null", Map.of()));
  }
}
