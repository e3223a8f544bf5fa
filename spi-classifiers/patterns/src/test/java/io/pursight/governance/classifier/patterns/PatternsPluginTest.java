package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plugin as the runtime sees it: discovery, the provider, settings, coverage of the built-in types. */
class PatternsPluginTest {
  private static final List<String> EMAILS = List.of("ann@example.com", "bob@example.org", "carl@example.net",
      "dora@example.de", "eve@example.fr");

  private static Classifier create(Map<String, String> settings) {
    return new PatternsPlugin().classifiers().get(0).create(new PluginConfig(settings));
  }

  private static List<Classification> classify(Classifier c, String field, List<String> values) {
    return c.classify(ColumnSample.of("t", field, values), new Classifier.Context(InfoTypes.builtIn(), List.of()));
  }

  @Test
  void isFoundByTheServiceLoaderAndContributesOneTierOneClassifier() {
    List<GovernancePlugin> plugins = new ArrayList<>();
    ServiceLoader.load(GovernancePlugin.class).forEach(plugins::add);
    assertThat(plugins).hasAtLeastOneElementOfType(PatternsPlugin.class);
    GovernancePlugin plugin = plugins.stream().filter(p -> p instanceof PatternsPlugin).findFirst().orElseThrow();
    assertThat(plugin.name()).isEqualTo("patterns");
    assertThat(plugin.connectors()).isEmpty();
    List<ClassifierProvider> providers = plugin.classifiers();
    assertThat(providers).extracting(ClassifierProvider::name).containsExactly("patterns");
    Classifier c = providers.get(0).create(PluginConfig.EMPTY);
    assertThat(c.id()).isEqualTo("patterns");
    assertThat(c.tier()).isEqualTo(1);
    assertThat(classify(c, "email", EMAILS)).extracting(Classification::classifier).containsOnly("patterns");
  }

  @Test
  void everyBuiltInInfoTypeHasADetectorWithARealCheck() {
    DetectorSet set = Columns.CLASSIFIER.detectors();
    Set<String> covered = new HashSet<>();
    for (Detector d : set.detectors) {
      covered.add(d.infoType);
      assertThat(InfoTypes.builtIn().find(d.infoType)).as("%s is a built-in type", d.key()).isPresent();
      assertThat(d.check).as("%s has a check", d.key()).isNotSameAs(ValueCheck.NONE);
      assertThat(d.checkName).as(d.key()).isNotBlank();
      assertThat(d.minLen).as(d.key()).isPositive();
      assertThat(d.maxLen).as(d.key()).isGreaterThanOrEqualTo(d.minLen);
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(
        InfoTypes.builtIn().all().stream().map(InfoType::id).toList());
    assertThat(covered).hasSize(62);
  }

  @Test
  void everyValidatorNameResolves() {
    assertThat(PatternsPlugin.validatorNames()).contains("luhn", "mod97", "verhoeff", "iso7064_mod11_10", "mod11",
        "iban", "aba", "vin", "dea", "nhs", "cpf", "bsn", "nir", "phone", "email");
    for (String name : PatternsPlugin.validatorNames()) {
      Validators.check(name, "x"); // resolves, does not throw
    }
    assertThatThrownBy(() -> Validators.check("lunh", "1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown validator 'lunh'");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "patterns.maxValue|10|Unknown setting 'patterns.maxValue' for classifier 'patterns'; known settings:",
      "patterns.maxValues|ten|Plugin setting 'patterns.maxValues' must be an integer, got 'ten'",
      "patterns.maxValues|0|Setting 'patterns.maxValues' must be at least 1, got 0",
      "patterns.phoneRegions|US,XX|Unknown phone region 'XX'",
      "patterns.referenceDate|yesterday|Setting 'patterns.referenceDate' must be an ISO date like 2025-01-31",
      "patterns.minConfidence|2|Setting 'patterns.minConfidence' must be within 0..1, got 2"})
  void invalidSettingsFailAtStartWithTheKey(String key, String value, String message) {
    assertThatThrownBy(() -> create(Map.of(key, value))).hasMessageContaining(message)
        .isInstanceOfAny(ConfigurationException.class, IllegalArgumentException.class);
  }

  @Test
  void minConfidenceAndDisabledTypesFilterSuggestions() {
    assertThat(classify(create(Map.of()), "col_e", EMAILS)).extracting(Classification::infoType)
        .containsExactly("EMAIL_ADDRESS");
    assertThat(classify(create(Map.of("patterns.minConfidence", "0.8")), "col_e", EMAILS)).isEmpty();
    assertThat(classify(create(Map.of("patterns.minConfidence", "0.8")), "email", EMAILS)).hasSize(1);
    assertThat(classify(create(Map.of("patterns.disabledTypes", "email_address, PHONE_NUMBER")), "email", EMAILS))
        .isEmpty();
  }

  @Test
  void onlyTheFirstMaxValuesAreRead() {
    List<String> values = new ArrayList<>(EMAILS);
    for (int i = 0; i < 20; i++) {
      values.add("not an email " + i);
    }
    assertThat(classify(create(Map.of("patterns.maxValues", "5")), "email", values).get(0).evidence().get(0))
        .isEqualTo("5/5 values pass e-mail syntax (RFC 5322 subset, dotted domain, no file extension)");
  }

  @Test
  void phoneRegionsAreConfigurable() {
    List<String> dutch = List.of("020 794 2222", "06 12345678", "010 123 4567", "030 234 5678", "070 345 6789");
    assertThat(classify(create(Map.of("patterns.phoneRegions", "NL")), "phone", dutch).get(0).infoType())
        .isEqualTo("PHONE_NUMBER");
    assertThat(classify(create(Map.of("patterns.phoneRegions", "JP")), "phone", dutch))
        .extracting(Classification::infoType).doesNotContain("PHONE_NUMBER");
  }

  @Test
  void theReferenceDateDecidesWhatIsABirthDate() {
    List<String> dates = List.of("2020-01-01", "2021-06-30", "2022-03-15");
    assertThat(classify(create(Map.of("patterns.referenceDate", "2025-01-01")), "dob", dates)).hasSize(1);
    assertThat(classify(create(Map.of("patterns.referenceDate", "2019-01-01")), "dob", dates))
        .extracting(Classification::infoType).doesNotContain("DATE_OF_BIRTH");
  }

  @Test
  void oneClassifierServesManyThreadsWithTheSameResults() throws Exception {
    Classifier c = create(Map.of("patterns.referenceDate", "2025-06-01"));
    List<List<String>> columns = List.of(EMAILS, List.of("+44 20 7946 0958", "+1 650-253-0000", "+33 1 42 68 53 00"),
        List.of("4111111111111111", "5555555555554444", "378282246310005"), List.of("1985-03-12", "1990-01-01"),
        List.of("DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300"));
    List<String> names = List.of("email", "phone", "card", "dob", "iban");
    List<List<Classification>> expected = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      expected.add(classify(c, names.get(i), columns.get(i)));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> futures = new ArrayList<>();
      for (int task = 0; task < 40; task++) {
        int i = task % columns.size();
        futures.add(pool.submit(() -> classify(c, names.get(i), columns.get(i)).equals(expected.get(i))));
      }
      for (java.util.concurrent.Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void resultsAreDeterministicAndRankedBestFirst() {
    Classifier c = create(Map.of("patterns.referenceDate", "2025-06-01"));
    List<String> mixed = List.of("ann@example.com", "+44 20 7946 0958", "bob@example.org", "+1 650-253-0000",
        "carl@example.net", "+33 1 42 68 53 00", "dora@example.de", "+49 30 901820", "eve@example.fr",
        "+31 20 794 2222");
    List<Classification> first = classify(c, "contact", mixed);
    assertThat(classify(c, "contact", mixed)).isEqualTo(first);
    for (int i = 1; i < first.size(); i++) {
      assertThat(first.get(i).confidence()).isLessThanOrEqualTo(first.get(i - 1).confidence());
    }
  }
}
