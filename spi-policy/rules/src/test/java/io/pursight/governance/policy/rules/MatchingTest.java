package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.engine;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.name;
import static io.pursight.governance.policy.rules.Fixtures.read;
import static io.pursight.governance.policy.rules.Fixtures.request;
import static io.pursight.governance.policy.rules.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a policy's match selects: names, info types, categories, tags, sensitivity, sources, actions. */
class MatchingTest {

  private static String deny(String match) {
    return "policies:\n  - id: d\n    match: " + match + "\n    effect: deny\n";
  }

  private static boolean denies(String match, FieldFacts f) {
    return engine(deny(match)).decide(read(user(), List.of(f)), List.of(f)).effect() == Effect.DENY;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "shop.public.customers.*      | shop.public.customers.ssn           | true",
      "shop.public.customers.*      | shop.public.customers_archive.ssn   | false",
      "shop.public.customers.*      | shop.public.customers.address.city  | true",
      "*.ssn                        | shop.public.customers.ssn           | true",
      "*.ssn                        | shop.public.customers.ssn_hash      | false",
      "*.ssn                        | shop.public.ssn.id                  | false",
      "*ssn*                        | shop.public.customers.old_ssn_2     | true",
      "shop.*.customers.email       | shop.crm.customers.email            | true",
      "shop.*.customers.email       | shop.crm.customers.emails           | false",
      "shop.public.customers.e?ail  | shop.public.customers.email         | true",
      "shop.public.customers.e?ail  | shop.public.customers.eemail        | false",
      "SHOP.Public.CUSTOMERS.SSN    | shop.public.customers.ssn           | true",
      "shop.public.customers.ssn    | SHOP.PUBLIC.CUSTOMERS.SSN           | true",
      "*                            | a.b.c.d                             | true",
      "*.*.*.city                   | shop.public.customers.address.city  | true",
  })
  void columnGlobsOverDisplayNames(String pattern, String column, boolean expected) {
    assertThat(denies("{ columns: ['" + pattern + "'] }", field(column).build())).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "shop.public.customers   | shop.public.customers.ssn      | true",
      "shop.public.customers   | shop.public.customers2.ssn     | false",
      "shop.public.cust*       | shop.public.customers2.ssn     | true",
      "*.customers             | other.crm.customers.x          | true",
      "shop.*                  | shop.public.orders.total       | true",
      "shop.*                  | shopping.public.orders.total   | false",
  })
  void datasetGlobs(String pattern, String column, boolean expected) {
    assertThat(denies("{ datasets: ['" + pattern + "'] }", field(column).build())).isEqualTo(expected);
  }

  @Test
  void namesWithoutSchemaOrDatabase() {
    // MariaDB: a database but no schema -> shop.orders.total
    FieldFacts maria = field(new QualifiedName("maria", "shop", null, "orders", List.of("total"))).build();
    assertThat(denies("{ columns: ['shop.orders.total'] }", maria)).isTrue();
    assertThat(denies("{ datasets: ['shop.orders'] }", maria)).isTrue();
    assertThat(denies("{ columns: ['*.total'] }", maria)).isTrue();
    assertThat(denies("{ datasets: ['shop.*.orders'] }", maria)).isFalse();
    // Mongo nested field
    FieldFacts mongo = field(new QualifiedName("mongo", "shop", null, "users", List.of("address", "city"))).build();
    assertThat(denies("{ columns: ['shop.users.address.*'] }", mongo)).isTrue();
    assertThat(denies("{ columns: ['*.city'] }", mongo)).isTrue();
  }

  @Test
  void namesWithDotsInsideASegment() {
    // table "orders.2024" and column "a.b": globs see the display name shop.public.orders.2024.a.b
    FieldFacts f = field(new QualifiedName("pg", "shop", "public", "orders.2024", List.of("a.b"))).build();
    assertThat(denies("{ columns: ['shop.public.orders.2024.*'] }", f)).isTrue();
    assertThat(denies("{ columns: ['shop.public.orders.*'] }", f)).isTrue();
    assertThat(denies("{ columns: ['*.a.b'] }", f)).isTrue();
    assertThat(denies("{ datasets: ['shop.public.orders.2024'] }", f)).isTrue();
    assertThat(denies("{ datasets: ['*.2024'] }", f)).isTrue();
    assertThat(denies("{ datasets: ['shop.public.*'] }", f)).isTrue();
    assertThat(denies("{ columns: ['shop.public.orders.2024.a.b'] }", f)).isTrue();
  }

  @Test
  void sources() {
    FieldFacts pg = field(name("prod-pg", "shop.public.t.c")).build();
    assertThat(denies("{ sources: [prod-pg] }", pg)).isTrue();
    assertThat(denies("{ sources: [PROD-PG] }", pg)).isTrue();
    assertThat(denies("{ sources: ['prod-*'] }", pg)).isTrue();
    assertThat(denies("{ sources: [staging] }", pg)).isFalse();
    // the source is not part of the display name
    assertThat(denies("{ columns: ['prod-pg.*'] }", pg)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{ atLeast: confidential }                      | PUBLIC       | false",
      "{ atLeast: confidential }                      | INTERNAL     | false",
      "{ atLeast: confidential }                      | CONFIDENTIAL | true",
      "{ atLeast: confidential }                      | RESTRICTED   | true",
      "{ atMost: internal }                           | PUBLIC       | true",
      "{ atMost: internal }                           | INTERNAL     | true",
      "{ atMost: internal }                           | CONFIDENTIAL | false",
      "{ atLeast: internal, atMost: confidential }    | PUBLIC       | false",
      "{ atLeast: internal, atMost: confidential }    | INTERNAL     | true",
      "{ atLeast: INTERNAL, atMost: Confidential }    | CONFIDENTIAL | true",
      "{ atLeast: internal, atMost: confidential }    | RESTRICTED   | false",
      "{ atLeast: restricted, atMost: restricted }    | RESTRICTED   | true",
  })
  void sensitivityRanges(String range, Sensitivity s, boolean expected) {
    FieldFacts f = field("a.b.c.d").sensitivity(s).build();
    assertThat(denies("{ sensitivity: " + range + " }", f)).isEqualTo(expected);
  }

  @Test
  void infoTypesCategoriesAndTags() {
    FieldFacts card = field("shop.public.payments.pan").types("CREDIT_CARD_NUMBER").tags("pci")
        .datasetTags("payments").build();
    assertThat(denies("{ infoTypes: [CREDIT_CARD_NUMBER, IBAN_CODE] }", card)).isTrue();
    assertThat(denies("{ infoTypes: [IBAN_CODE] }", card)).isFalse();
    assertThat(denies("{ categories: [financial] }", card)).isTrue();
    assertThat(denies("{ categories: [Financial] }", card)).isTrue();
    assertThat(denies("{ categories: [contact] }", card)).isFalse();
    assertThat(denies("{ tags: [PCI] }", card)).isTrue();
    assertThat(denies("{ tags: [payments] }", card)).isFalse();
    assertThat(denies("{ datasetTags: [payments] }", card)).isTrue();
    assertThat(denies("{ datasetTags: [pci] }", card)).isFalse();
    // fact tags that break the lower-case contract still match
    FieldFacts upper = new FieldFacts(name("a.b.c.d"), java.util.Set.of(), java.util.Set.of("Contact"),
        Sensitivity.PUBLIC, java.util.Set.of("PII"), java.util.Set.of("CRM"), Map.of());
    assertThat(denies("{ tags: [pii] }", upper)).isTrue();
    assertThat(denies("{ datasetTags: [crm] }", upper)).isTrue();
    assertThat(denies("{ categories: [contact] }", upper)).isTrue();
  }

  @Test
  void criteriaOfOneMatchAllMustHold() {
    String match = "{ infoTypes: [EMAIL_ADDRESS], datasets: ['shop.public.customers'], sensitivity: { atLeast: confidential } }";
    assertThat(denies(match, field("shop.public.customers.email").types("EMAIL_ADDRESS").build())).isTrue();
    assertThat(denies(match, field("shop.public.staff.email").types("EMAIL_ADDRESS").build())).isFalse();
    assertThat(denies(match, field("shop.public.customers.email").types("EMAIL_ADDRESS")
        .sensitivity(Sensitivity.INTERNAL).build())).isFalse();
    assertThat(denies(match, field("shop.public.customers.phone").types("PHONE_NUMBER").build())).isFalse();
  }

  @Test
  void actionsDefaultToAll() {
    FieldFacts f = field("shop.public.customers.ssn").types("US_SOCIAL_SECURITY_NUMBER").build();
    String writesOnly = """
        policies:
          - id: no-writes
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            actions: [write, DELETE]
            effect: deny
        """;
    String all = """
        policies:
          - id: never
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            effect: deny
        """;
    String single = """
        policies:
          - id: no-ddl
            match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
            actions: ddl
            effect: deny
        """;
    for (Action a : Action.values()) {
      AccessRequest r = request(user(), a, null, List.of(f));
      assertThat(engine(writesOnly).decide(r, List.of(f)).effect())
          .isEqualTo(a == Action.WRITE || a == Action.DELETE ? Effect.DENY : Effect.ALLOW);
      assertThat(engine(all).decide(r, List.of(f)).effect()).isEqualTo(Effect.DENY);
      assertThat(engine(single).decide(r, List.of(f)).effect()).isEqualTo(a == Action.DDL ? Effect.DENY : Effect.ALLOW);
    }
  }

  @Test
  void aFieldWithoutFactsMatchesOnlyByNameSourceAndLowSensitivity() {
    FieldFacts unknown = FieldFacts.unknown(name("shop.public.customers.notes"));
    assertThat(denies("{ infoTypes: [EMAIL_ADDRESS] }", unknown)).isFalse();
    assertThat(denies("{ categories: [contact] }", unknown)).isFalse();
    assertThat(denies("{ tags: [pii] }", unknown)).isFalse();
    assertThat(denies("{ sensitivity: { atLeast: internal } }", unknown)).isFalse();
    assertThat(denies("{ sensitivity: { atMost: public } }", unknown)).isTrue();
    assertThat(denies("{ columns: ['*.notes'] }", unknown)).isTrue();
    assertThat(denies("{ datasets: ['shop.public.customers'] }", unknown)).isTrue();
    assertThat(denies("{ sources: [pg] }", unknown)).isTrue();
  }

  @Test
  void requestFieldsWithoutFactsAreDecidedAsUnknown() {
    String yaml = """
        policies:
          - id: no-notes
            match: { columns: ['*.notes'] }
            effect: deny
          - id: mask-email
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: redact
        """;
    FieldFacts email = field("shop.public.customers.email").types("EMAIL_ADDRESS").build();
    QualifiedName notes = name("shop.public.customers.notes");
    AccessRequest r = new AccessRequest(user(), Action.READ, List.of(email.field(), notes), null, Map.of());
    Decision d = engine(yaml).decide(r, List.of(email));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reason()).contains("shop.public.customers.notes");
    // and with no facts at all
    assertThat(engine(yaml).decide(r, List.of()).effect()).isEqualTo(Effect.DENY);
    AccessRequest onlyEmail = new AccessRequest(user(), Action.READ, List.of(email.field()), null, Map.of());
    assertThat(engine(yaml).decide(onlyEmail, List.of()).effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void datasetLevelNamesMatchDatasetCriteriaButNotColumnOnes() {
    FieldFacts table = FieldFacts.unknown(QualifiedName.dataset("pg", "shop", "public", "customers"));
    assertThat(denies("{ datasets: ['shop.public.customers'] }", table)).isTrue();
    assertThat(denies("{ columns: ['shop.public.customers.*'] }", table)).isFalse();
    assertThat(denies("{ columns: ['*'] }", table)).isFalse();
    FieldFacts source = FieldFacts.unknown(QualifiedName.source("pg"));
    assertThat(denies("{ datasets: ['*'] }", source)).isFalse();
    assertThat(denies("{ sources: [pg] }", source)).isTrue();
    // a row filter cannot apply to a whole source: refused, not ignored
    String filter = """
        policies:
          - id: f
            match: { sources: [pg] }
            effect: filter
            filter: "a = 1"
        """;
    Decision d = engine(filter).decide(read(user(), List.of(source)), List.of(source));
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.reason()).contains("cannot apply to a source or namespace");
  }
}
