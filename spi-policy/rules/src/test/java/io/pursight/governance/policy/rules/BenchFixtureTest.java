package io.pursight.governance.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import java.util.List;
import java.util.Map;
import io.pursight.governance.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark's workload honest: it loads, it does real work, and the index agrees with brute force. */
class BenchFixtureTest {
  @Test
  void theBenchmarkWorkloadLoadsAndDecidesNonTrivially() {
    String yaml = BenchFixture.policies(RulesBench.POLICIES);
    List<FieldFacts> facts = BenchFixture.fields();
    assertThat(facts).hasSize(50);
    RulesEngine engine = RulesEngine.fromYaml(yaml, Fixtures.MASKING);
    Decision d = engine.decide(BenchFixture.request(facts), facts);
    assertThat(d.effect()).isEqualTo(Effect.MASK);
    assertThat(d.masks().size()).isGreaterThan(10);
    assertThat(d.rowFilters()).isNotEmpty();
    Settings s = Settings.of(new PluginConfig(Map.of("rules.text", yaml)));
    Decision reference = PolicySet.compile(yaml, s, Fixtures.MASKING, false).decide(BenchFixture.request(facts), facts);
    assertThat(d).isEqualTo(reference);
  }
}
