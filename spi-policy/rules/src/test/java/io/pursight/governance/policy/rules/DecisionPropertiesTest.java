package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.MASKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.RowFilter;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over random policy files and requests. QuickTheories draws a seed (from QT_SEED, fixed
 * by the build) and reports the falsifying seed; each case is generated from {@code new Random(seed)}.
 */
class DecisionPropertiesTest {
  private static final int EXAMPLES = 400;

  private static PolicySet compile(String yaml, String defaultEffect, boolean indexed) {
    Settings s = Settings.of(new PluginConfig(Map.of("rules.text", yaml, "rules.default", defaultEffect)));
    return PolicySet.compile(yaml, s, MASKING, indexed);
  }

  private static AccessRequest withFields(AccessRequest r, List<FieldFacts> facts) {
    List<QualifiedName> names = new ArrayList<>();
    for (FieldFacts f : facts) {
      names.add(f.field());
    }
    return new AccessRequest(r.principal(), r.action(), names, r.purpose(), r.context());
  }

  @Test
  void decisionsAreDeterministicAndIndependentOfFieldOrder() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      String yaml = RandomPolicies.policies(r, 1 + r.nextInt(40));
      String def = r.nextBoolean() ? "allow" : "deny";
      PolicySet a = compile(yaml, def, true);
      PolicySet b = compile(yaml, def, true);
      for (int i = 0; i < 5; i++) {
        List<FieldFacts> facts = RandomPolicies.fields(r, 10);
        AccessRequest req = RandomPolicies.request(r, facts);
        Decision d = a.decide(req, facts);
        assertThat(a.decide(req, facts)).as("same engine, seed %d", seed).isEqualTo(d);
        assertThat(b.decide(req, facts)).as("same text, seed %d", seed).isEqualTo(d);
        List<FieldFacts> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, r);
        assertThat(a.decide(withFields(req, shuffled), shuffled)).as("shuffled, seed %d\n%s", seed, yaml).isEqualTo(d);
        // facts given in another order than the request's fields
        assertThat(a.decide(req, shuffled)).as("facts order, seed %d", seed).isEqualTo(d);
      }
    });
  }

  @Test
  void theIndexDecidesExactlyLikeCheckingEveryPolicy() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      String yaml = RandomPolicies.policies(r, 1 + r.nextInt(60));
      String def = r.nextBoolean() ? "allow" : "deny";
      PolicySet indexed = compile(yaml, def, true);
      PolicySet reference = compile(yaml, def, false);
      for (int i = 0; i < 8; i++) {
        List<FieldFacts> facts = RandomPolicies.fields(r, 8);
        AccessRequest req = RandomPolicies.request(r, facts);
        assertThat(indexed.decide(req, facts)).as("seed %d\n%s", seed, yaml).isEqualTo(reference.decide(req, facts));
      }
    });
  }

  @Test
  void aDenyPolicyMatchingAnyFieldAlwaysDenies() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      List<FieldFacts> facts = RandomPolicies.fields(r, 8);
      if (facts.isEmpty()) {
        facts = List.of(RandomPolicies.facts(r));
      }
      AccessRequest req = RandomPolicies.request(r, facts);
      FieldFacts target = facts.get(r.nextInt(facts.size()));
      String match = denyMatch(r, target);
      String deny = "  - id: injected\n" + (match.isEmpty() ? "" : "    match: " + match + "\n")
          + "    actions: [" + req.action().name().toLowerCase(java.util.Locale.ROOT) + "]\n    effect: deny\n";
      int n = r.nextInt(30);
      StringBuilder yaml = new StringBuilder("policies:\n");
      int at = r.nextInt(n + 1);
      for (int i = 0; i <= n; i++) {
        yaml.append(i == at ? deny : RandomPolicies.policy(r, "p" + i));
      }
      Decision d = compile(yaml.toString(), r.nextBoolean() ? "allow" : "deny", true).decide(req, facts);
      assertThat(d.effect()).as("seed %d\n%s", seed, yaml).isEqualTo(Effect.DENY);
      assertThat(d.policies()).as("seed %d", seed).contains("injected");
      assertThat(d.masks()).isEmpty();
      assertThat(d.rowFilters()).isEmpty();
    });
  }

  /** A match that certainly holds for {@code f}. */
  private static String denyMatch(Random r, FieldFacts f) {
    QualifiedName n = f.field();
    String column = n.displayName();
    return switch (r.nextInt(7)) {
      case 0 -> "{ columns: ['" + column + "'] }";
      case 1 -> "{ columns: ['*." + n.simpleName() + "'] }";
      case 2 -> "{ datasets: ['" + n.datasetName().displayName() + "'] }";
      case 3 -> f.infoTypes().isEmpty() ? "{ sources: [" + n.source() + "] }"
          : "{ infoTypes: [" + f.infoTypes().iterator().next() + "] }";
      case 4 -> f.tags().isEmpty() ? "{ datasets: ['" + n.database() + ".*'] }"
          : "{ tags: [" + f.tags().iterator().next() + "] }";
      case 5 -> "{ sensitivity: { atLeast: public, atMost: " + f.sensitivity() + " } }";
      default -> "";
    };
  }

  @Test
  void permittedDecisionsAreWellFormed() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      PolicySet set = compile(RandomPolicies.policies(r, 1 + r.nextInt(40)), "allow", true);
      for (int i = 0; i < 5; i++) {
        List<FieldFacts> facts = RandomPolicies.fields(r, 10);
        AccessRequest req = RandomPolicies.request(r, facts);
        Decision d = set.decide(req, facts);
        Set<QualifiedName> fields = new HashSet<>(req.fields());
        Set<QualifiedName> datasets = new HashSet<>();
        fields.forEach(q -> datasets.add(q.datasetName()));
        if (d.effect() == Effect.DENY) {
          assertThat(d.masks()).isEmpty();
          assertThat(d.policies()).isNotEmpty();
          continue;
        }
        Set<QualifiedName> masked = new HashSet<>();
        for (ColumnMask m : d.masks()) {
          assertThat(fields).contains(m.field());
          assertThat(masked.add(m.field())).as("one mask per field, seed %d", seed).isTrue();
        }
        for (RowFilter f : d.rowFilters()) {
          assertThat(datasets).contains(f.dataset());
          long marks = f.predicate().chars().filter(c -> c == '?').count();
          assertThat(f.parameters()).as("seed %d", seed).hasSize((int) marks);
          assertThat(f.predicate()).doesNotContain("${").doesNotContain("x' OR");
        }
        assertThat(d.effect()).isEqualTo(!d.masks().isEmpty() ? Effect.MASK
            : !d.rowFilters().isEmpty() ? Effect.FILTER : Effect.ALLOW);
        assertThat(d.reason()).doesNotContain("x' OR 1=1");
      }
    });
  }

  @Test
  void defaultDenyIsNeverMorePermissiveThanDefaultAllow() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      String yaml = RandomPolicies.policies(r, 1 + r.nextInt(40));
      PolicySet allow = compile(yaml, "allow", true);
      PolicySet deny = compile(yaml, "deny", true);
      for (int i = 0; i < 5; i++) {
        List<FieldFacts> facts = RandomPolicies.fields(r, 6);
        AccessRequest req = RandomPolicies.request(r, facts);
        Decision a = allow.decide(req, facts);
        Decision d = deny.decide(req, facts);
        if (d.permitted()) {
          assertThat(d).as("seed %d", seed).isEqualTo(a);
        }
        if (!a.permitted()) {
          assertThat(d.permitted()).as("seed %d", seed).isFalse();
        }
      }
    });
  }

  @Test
  void everyRandomPolicyFileLoads() {
    // guards the generator: the properties above would be vacuous on files that fail to load
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      RulesEngine.fromYaml(RandomPolicies.policies(r, 20), MASKING).close();
    }
  }
}
