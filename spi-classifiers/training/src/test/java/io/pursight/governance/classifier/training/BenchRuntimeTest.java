package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The bench runs governance-core's runtime: its tier order, context and merge rules, with settings routed by prefix. */
class BenchRuntimeTest {

  static Classification c(String type, double conf, String by) {
    return Classification.suggested(type, conf, by, List.of(by + " says so"));
  }

  static final List<List<Classification>> SEEN = new CopyOnWriteArrayList<>();
  static final List<Map<String, String>> CONFIGS = new CopyOnWriteArrayList<>();

  record Fake(String id, int tier, boolean overridesLowerTiers) implements Classifier {
    @Override
    public List<Classification> classify(ColumnSample sample, Context context) {
      if (tier == 1) {
        return List.of(c("CREDIT_CARD_NUMBER", 0.8, id), c("EMAIL_ADDRESS", 0.7, id));
      }
      SEEN.add(context.previous());
      return List.of(c("CREDIT_CARD_NUMBER", 0.0, id), c("EMAIL_ADDRESS", 0.6, id), c("NOT_A_TYPE", 0.9, id));
    }
  }

  record Provider(String name, int tier) implements ClassifierProvider {
    @Override
    public Classifier create(PluginConfig config) {
      CONFIGS.add(config.values());
      return new Fake(name, tier, config.getBoolean(name + ".overrides", false));
    }
  }

  static final GovernancePlugin PLUGIN = new GovernancePlugin() {
    @Override
    public List<ClassifierProvider> classifiers() {
      return List.of(new Provider("model", 3), new Provider("rules", 1));
    }
  };

  static List<Classification> run(Map<String, String> settings, int maxTier, Set<String> exclude) {
    List<GovernancePlugin> plugins = List.of(PLUGIN);
    try (BenchRuntime rt = BenchRuntime.open(plugins, BenchRuntime.describe(plugins, settings), settings, maxTier, exclude)) {
      return rt.classify(ColumnSample.of("d", "f", List.of("v")));
    }
  }

  @Test
  void highestConfidenceWinsAndUnknownTypesAreDropped() {
    SEEN.clear();
    List<Classification> max = run(Map.of(), 3, Set.of());
    assertThat(SEEN.get(0)).extracting(Classification::infoType).containsExactly("CREDIT_CARD_NUMBER", "EMAIL_ADDRESS");
    assertThat(max).extracting(Classification::infoType).containsExactly("CREDIT_CARD_NUMBER", "EMAIL_ADDRESS");
    assertThat(max.get(1).confidence()).isEqualTo(0.7);
    assertThat(max.get(1).evidence()).contains("rules says so", "model says so");
  }

  @Test
  void anOverridingTier3ReplacesAndVetoes() {
    List<Classification> override = run(Map.of("model.overrides", "true"), 3, Set.of());
    assertThat(override).extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS");
    assertThat(override.get(0).confidence()).isEqualTo(0.6);
  }

  @Test
  void tiersAndExclusionsSelectProviders() {
    assertThat(run(Map.of("model.overrides", "true"), 2, Set.of())).extracting(Classification::infoType)
        .containsExactly("CREDIT_CARD_NUMBER", "EMAIL_ADDRESS");
    assertThat(run(Map.of("model.overrides", "true"), 3, Set.of("rules"))).extracting(Classification::infoType)
        .containsExactly("EMAIL_ADDRESS");
  }

  @Test
  void settingsGoToTheProviderNamedByTheirPrefix() {
    CONFIGS.clear();
    run(Map.of("model.overrides", "true", "rules.x", "1", "other.y", "2"), 3, Set.of());
    assertThat(CONFIGS).contains(Map.of("model.overrides", "true"), Map.of("rules.x", "1"));
    assertThat(CONFIGS).noneMatch(m -> m.containsKey("other.y"));
  }

  @Test
  void nullsBecomeNullCount() {
    List<String> values = new ArrayList<>(List.of("a", "b"));
    values.add(null);
    ColumnSample s = new LabeledColumn("i", "crm.customers", "email", values, List.of(), null, null).sample();
    assertThat(s.values()).containsExactly("a", "b");
    assertThat(s.nullCount()).isEqualTo(1);
    assertThat(s.fieldName()).isEqualTo("email");
  }

  @Test
  void validationSplitKeepsEveryKindAndIsDisjoint() {
    List<LabeledColumn> cols = EvalSetGenerator.trainingSet(EvalSetGenerator.TRAINING_SEED);
    List<List<LabeledColumn>> parts = ModelTrainer.split(cols, 5);
    assertThat(parts.get(0).size() + parts.get(1).size()).isEqualTo(cols.size());
    assertThat(parts.get(1).size()).isBetween(cols.size() / 6, cols.size() / 4);
    Set<String> trainIds = new java.util.HashSet<>();
    parts.get(0).forEach(c -> trainIds.add(c.id()));
    assertThat(parts.get(1)).noneMatch(c -> trainIds.contains(c.id()));
    Set<String> kinds = new java.util.HashSet<>();
    cols.forEach(c -> kinds.add(c.kind()));
    Set<String> validationKinds = new java.util.HashSet<>();
    parts.get(1).forEach(c -> validationKinds.add(c.kind()));
    assertThat(validationKinds).isEqualTo(kinds);
  }

  @Test
  void badJsonlNamesLineNotValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("x.jsonl");
    java.nio.file.Files.writeString(f, "{\"id\":\"a\",\"field\":\"f\",\"values\":[\"x\"]}\n{\"id\": 123-45-6789SECRET}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Jsonl.read(f))
        .hasMessageContaining("line 2").hasMessageNotContaining("6789").hasMessageNotContaining("SECRET");
  }
}
