package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.engine;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.policy.RowFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import org.junit.jupiter.params.provider.ValueSource;

/** Row filters: placeholders become bound parameters, never SQL text. */
class RowFilterTest {
  private static final FieldFacts ORDER_TOTAL = field("shop.public.orders.total").build();
  private static final FieldFacts ORDER_REGION = field("shop.public.orders.region").build();
  private static final FieldFacts CUSTOMER = field("shop.public.customers.email").types("EMAIL_ADDRESS").build();

  private static String regionFilter(String extra) {
    return """
        policies:
          - id: region-only
            match: { datasets: ["shop.public.*"] }
            effect: filter
            filter: %s
        """.formatted(extra);
  }

  private static Decision decide(String yaml, Principal who, FieldFacts... facts) {
    return engine(yaml).decide(read(who, List.of(facts)), List.of(facts));
  }

  @Test
  void principalAttributesBecomeBoundParameters() {
    Decision d = decide(regionFilter("\"region = ${principal.region}\""), Fixtures.withAttributes("region", "EU"),
        ORDER_TOTAL, ORDER_REGION);
    assertThat(d.effect()).isEqualTo(Effect.FILTER);
    assertThat(d.rowFilters()).containsExactly(
        new RowFilter(ORDER_TOTAL.field().datasetName(), "region = ?", List.of("EU")));
    assertThat(d.policies()).containsExactly("region-only");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "EU' OR '1'='1",
      "EU'; DROP TABLE customers; --",
      "EU' /* comment */ OR 1=1 --",
      "EU\\' OR 1=1 #",
      "${principal.region}",
      "?",
      "'); DELETE FROM orders WHERE ('a'='a",
      "EU\n OR 1=1",
      "\u0000",
      "",
  })
  void hostileAttributeValuesOnlyEverAppearAsParameters(String hostile) {
    Decision d = decide(regionFilter("\"region = ${principal.region} AND tenant IN (${principal.tenant}, 'shared')\""),
        Fixtures.withAttributes("region", hostile, "tenant", hostile + "x"), ORDER_TOTAL);
    RowFilter f = d.rowFilters().get(0);
    assertThat(f.predicate()).isEqualTo("region = ? AND tenant IN (?, 'shared')");
    assertThat(f.parameters()).containsExactly(hostile, hostile + "x");
  }

  @Test
  void anyAttributeValueIsBoundVerbatimAndNeverChangesThePredicate() {
    RulesEngine e = engine(regionFilter("\"region = ${principal.region} OR owner = ${principal.id}\""));
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40), strings().basicLatinAlphabet().ofLengthBetween(1, 20))
        .checkAssert((value, id) -> {
          Principal p = new Principal(id.isBlank() ? "x" : id, Set.of(), Set.of(), Map.of("region", value));
          Decision d = e.decide(read(p, List.of(ORDER_TOTAL)), List.of(ORDER_TOTAL));
          assertThat(d.rowFilters()).containsExactly(new RowFilter(ORDER_TOTAL.field().datasetName(),
              "region = ? OR owner = ?", List.of(value, p.id())));
          assertThat(d.reason()).isEqualTo("Rows of 1 dataset filtered by policy 'region-only'");
        });
  }

  @Test
  void severalFiltersOnOneDatasetAreAndedInFileOrder() {
    String yaml = """
        policies:
          - id: tenant
            match: { datasets: ["shop.public.orders"] }
            effect: filter
            filter: "tenant_id = ${principal.tenant}"
          - id: region
            match: { columns: ["*.region"] }
            effect: filter
            filter: "region = ${principal.region} OR region IS NULL"
          - id: customers
            match: { datasets: ["shop.public.customers"] }
            effect: filter
            filter: "active = TRUE"
        """;
    Principal p = Fixtures.withAttributes("tenant", "t1", "region", "EU");
    Decision d = decide(yaml, p, CUSTOMER, ORDER_REGION, ORDER_TOTAL);
    assertThat(d.effect()).isEqualTo(Effect.FILTER);
    assertThat(d.rowFilters()).containsExactly(
        new RowFilter(CUSTOMER.field().datasetName(), "active = TRUE", List.of()),
        new RowFilter(ORDER_TOTAL.field().datasetName(), "(tenant_id = ?) AND (region = ? OR region IS NULL)",
            List.of("t1", "EU")));
    // the region policy only matches the region column, yet filters its whole dataset
    Decision totalOnly = decide(yaml, p, ORDER_TOTAL);
    assertThat(totalOnly.rowFilters()).containsExactly(
        new RowFilter(ORDER_TOTAL.field().datasetName(), "tenant_id = ?", List.of("t1")));
  }

  @Test
  void aMissingAttributeDeniesByDefault() {
    Decision d = decide(regionFilter("\"region = ${principal.region}\""), Fixtures.withAttributes("dept", "x"),
        ORDER_TOTAL);
    assertThat(d.effect()).isEqualTo(Effect.DENY);
    assertThat(d.policies()).containsExactly("region-only");
    assertThat(d.reason()).contains("region-only").contains("needs principal attribute 'region'");
  }

  @Test
  void aMissingAttributeCanFilterEverythingInstead() {
    String yaml = regionFilter("{ predicate: \"region = ${principal.region}\", onMissingAttribute: empty }");
    Decision d = decide(yaml, Fixtures.withAttributes(), ORDER_TOTAL);
    assertThat(d.effect()).isEqualTo(Effect.FILTER);
    assertThat(d.rowFilters()).containsExactly(new RowFilter(ORDER_TOTAL.field().datasetName(), "1 = 0", List.of()));
    Decision withIt = decide(yaml, Fixtures.withAttributes("region", "EU"), ORDER_TOTAL);
    assertThat(withIt.rowFilters().get(0).predicate()).isEqualTo("region = ?");
  }

  @Test
  void filtersRespectConditions() {
    String yaml = """
        policies:
          - id: region
            match: { datasets: ["shop.public.orders"] }
            unless: { roles: [global_admin] }
            effect: filter
            filter: "region = ${principal.region}"
        """;
    assertThat(decide(yaml, Fixtures.user("global_admin"), ORDER_TOTAL).effect()).isEqualTo(Effect.ALLOW);
  }

  static Stream<Arguments> acceptedShapes() {
    return Stream.of(
        arguments("region = ${principal.region}", "region = ?"),
        arguments("region != 'x' and not (a < 1 or b >= -2.5)", "region <> 'x' AND NOT (a < 1 OR b >= -2.5)"),
        arguments("o.region in (${principal.r1}, 'EU', ${principal.r2})", "o.region IN (?, 'EU', ?)"),
        arguments("deleted_at is not null or deleted_at IS NULL", "deleted_at IS NOT NULL OR deleted_at IS NULL"),
        arguments("name not like 'A%' and code like 'x_'", "name NOT LIKE 'A%' AND code LIKE 'x_'"),
        arguments("amount between 0 and ${principal.limit}", "amount BETWEEN 0 AND ?"),
        arguments("\"Owner Id\" = ${principal.id}", "\"Owner Id\" = ?"),
        arguments("note = 'it''s'", "note = 'it''s'"),
        arguments("flag = true and x NOT IN (1,2)", "flag = TRUE AND x NOT IN (1, 2)"),
        arguments("  region\n = ${ principal.region }  ", "region = ?"));
  }

  /** Accepted templates and their canonical rendering. */
  @ParameterizedTest
  @MethodSource
  void acceptedShapes(String template, String rendered) {
    assertThat(FilterTemplate.parse(template).sql()).isEqualTo(rendered);
  }

  static Stream<Arguments> rejectedShapes() {
    return Stream.of(
        arguments("region = ${principal.region}; DROP TABLE orders", "';' is not allowed"),
        arguments("region = ${principal.region} -- all", "comments"),
        arguments("region = ${principal.region} /* x */", "comments"),
        arguments("region = ${principal.region} # x", "comments"),
        arguments("${principal.region} = region", "only allowed on the right"),
        arguments("'EU' = region", "only allowed on the right"),
        arguments("1 = 1", "only allowed on the right"),
        arguments("region = '${principal.region}'", "inside quotes"),
        arguments("region LIKE ${principal.prefix}", "LIKE pattern must be a string literal"),
        arguments("region = ${user.region}", "${principal.id} or ${principal.ATTRIBUTE}"),
        arguments("region = ${principal.region} OR", "expected a column name"),
        arguments("region = NULL", "IS NULL"),
        arguments("region = other_column", "comparing two columns"),
        arguments("region = 'a\\'", "backslashes"),
        arguments("region IN ()", "expected a value"),
        arguments("region = (SELECT max(r) FROM t)", "expected a value"),
        arguments("EXISTS (SELECT 1)", "expected a comparison"),
        arguments("region = $x", "must start a placeholder"),
        arguments("region = 'unterminated", "unterminated"),
        arguments("region || 'x' = 'y'", "unexpected character '|'"),
        arguments("(region = 'x'", "expected ')'"),
        arguments("region = 'x' region = 'y'", "expected AND, OR or the end"),
        arguments("region = 1x", "run into a name"),
        arguments("a.b.c.d.e = 1", "at most 4 parts"),
        arguments("région = 1", "unexpected character"),
        arguments("", "empty"),
        arguments("region = ${principal.a b}", "attribute name"));
  }

  /** Rejected templates, with a word of the reason. */
  @ParameterizedTest
  @MethodSource
  void rejectedShapes(String template, String reason) {
    assertThatThrownBy(() -> FilterTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aBadFilterFailsTheLoadWithItsLine() {
    String yaml = """
        policies:
          - id: ok
            effect: allow
          - id: bad
            match: { datasets: ["shop.public.orders"] }
            effect: filter
            filter: "region = ${principal.region}; DROP TABLE orders"
        """;
    assertThatThrownBy(() -> engine(yaml)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 7, column 13").hasMessageContaining("invalid filter in policy 'bad'")
        .hasMessageContaining("';' is not allowed");
  }
}
