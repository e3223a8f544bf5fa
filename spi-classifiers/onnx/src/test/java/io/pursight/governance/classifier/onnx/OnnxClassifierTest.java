package io.pursight.governance.classifier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end with the bundled model on columns generated here (seeded; the seed is printed). */
class OnnxClassifierTest {
  static final long SEED = new Random().nextLong();
  static OnnxClassifier classifier;

  @BeforeAll
  static void load() {
    System.out.println("OnnxClassifierTest seed " + SEED);
    classifier = (OnnxClassifier) new OnnxPlugin.Provider().create(PluginConfig.EMPTY);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  static List<String> column(Supplier<String> gen, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(gen.get());
    }
    return out;
  }

  static String digits(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(10));
    }
    return sb.toString();
  }

  static String luhnCard(Random r) {
    String p = "4" + digits(r, 14);
    int sum = 0;
    boolean dbl = true;
    for (int i = p.length() - 1; i >= 0; i--) {
      int d = p.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return p + (10 - sum % 10) % 10;
  }

  static String top(List<Classification> found) {
    return found.stream().max((a, b) -> Double.compare(a.confidence(), b.confidence()))
        .map(Classification::infoType).orElse("(nothing)");
  }

  static List<Classification> classify(String field, List<String> values) {
    return classifier.classify(ColumnSample.of("crm.customers", field, values),
        new Classifier.Context(InfoTypes.builtIn(), List.of()));
  }

  static Classifier.Context suggested(String type, double confidence) {
    return new Classifier.Context(InfoTypes.builtIn(),
        List.of(Classification.suggested(type, confidence, "patterns", List.of("made up"))));
  }

  /**
   * The bundled model is a stacker (trained without stacking dropout, see
   * docs/classification-model.md): it confirms what lower tiers suggest and, alone, rarely adds a
   * type (never a wrong one here).
   */
  @Test
  void confirmsObviousTypesLowerTiersSuggest() {
    Random r = new Random(SEED);
    String[] first = {"anna", "li", "jose", "marie", "tom", "yuki", "omar"};
    String[] domains = {"example.com", "mail.de", "corp.fr", "web.co.uk"};
    Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
    columns.put("email:EMAIL_ADDRESS", column(() -> first[r.nextInt(first.length)] + "." + digits(r, 3) + "@"
        + domains[r.nextInt(domains.length)], 50));
    columns.put("client_ip:IP_ADDRESS", column(() -> (1 + r.nextInt(222)) + "." + r.nextInt(256) + "." + r.nextInt(256)
        + "." + (1 + r.nextInt(254)), 50));
    columns.put("card_number:CREDIT_CARD_NUMBER", column(() -> luhnCard(r), 50));
    columns.put("access_token:JSON_WEB_TOKEN", column(() -> "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI"
        + digits(r, 6) + "In0." + digits(r, 10) + "abcDEF_-xyz" + digits(r, 12), 30));
    columns.forEach((key, values) -> {
      String field = key.substring(0, key.indexOf(':'));
      String type = key.substring(key.indexOf(':') + 1);
      ColumnSample s = ColumnSample.of("crm.customers", field, values);
      List<Classification> confirmed = classifier.classify(s, suggested(type, 0.7));
      assertThat(top(confirmed)).as("seed %d %s", SEED, field).isEqualTo(type);
      assertThat(confirmed).filteredOn(c -> c.infoType().equals(type)).allMatch(c -> c.confidence() >= 0.7);
      // alone it adds a type only when values and name make it near-certain, and then the right one
      assertThat(classify(field, values)).as("seed %d %s alone", SEED, field).allMatch(c -> c.infoType().equals(type));
    });
  }

  /** Short capitalised vocabulary words under a column called name (Sakila's language.name) are no person names. */
  @Test
  void vocabularyWordsUnderNameAreNotPersonNames() {
    List<List<String>> columns = List.of(
        List.of("French              ", "English             ", "German              ", "Mandarin            ",
            "Italian             ", "Japanese            "),
        List.of("English", "Italian", "Japanese", "Mandarin", "French", "German"),
        List.of("Monday", "Tuesday", "Friday", "Sunday", "Monday", "Wednesday"),
        List.of("Action", "Animation", "Children", "Classics", "Comedy", "Documentary", "Drama", "Family"));
    for (List<String> values : columns) {
      ColumnSample s = ColumnSample.of("sakila.language", "name", values);
      assertThat(classifier.classify(s, new Classifier.Context(InfoTypes.builtIn(), List.of())))
          .noneMatch(c -> c.infoType().equals("PERSON_NAME") && c.confidence() > 0);
    }
  }

  @Test
  void plainBusinessColumnsGetNothingConfident() {
    Random r = new Random(SEED);
    List<String> statuses = column(() -> List.of("active", "pending", "shipped", "cancelled").get(r.nextInt(4)), 60);
    assertThat(classify("status", statuses)).as("seed %d", SEED).isEmpty();
    List<String> prices = column(() -> String.format(java.util.Locale.ROOT, "%.2f", r.nextDouble() * 300), 60);
    assertThat(classify("unit_price", prices)).as("seed %d", SEED).isEmpty();
  }

  @Test
  void evidenceNamesModelAndReasonsButNeverValues() {
    Random r = new Random(SEED);
    List<String> emails = column(() -> "user" + digits(r, 5) + "@example.org", 40);
    // a lower tier found it: the model confirms at onnx.minConfidence (0.6) rather than minConfidenceNew (0.8)
    List<Classification> found = classifier.classify(ColumnSample.of("crm.customers", "e_mail", emails),
        new Classifier.Context(InfoTypes.builtIn(),
            List.of(Classification.suggested("EMAIL_ADDRESS", 0.7, "patterns", List.of("pattern")))));
    assertThat(found).isNotEmpty();
    for (Classification c : found) {
      assertThat(c.classifier()).isEqualTo("onnx");
      assertThat(c.status()).isEqualTo(Classification.Status.SUGGESTED);
      for (String ev : c.evidence()) {
        assertThat(ev).startsWith("model: ");
        for (String v : emails) {
          assertThat(ev).doesNotContain(v).doesNotContain("example.org");
        }
      }
    }
    assertThat(found.get(0).evidence().get(0)).matches("model: 0\\.\\d\\d for EMAIL_ADDRESS \\(.+\\)");
  }

  @Test
  void addingATypeNoLowerTierFoundNeedsMoreConfidence() {
    Random r = new Random(SEED);
    List<String> emails = column(() -> "user" + digits(r, 5) + "@example.org", 40);
    ColumnSample s = ColumnSample.of("crm.customers", "e_mail", emails);
    // a lower tier took the e-mails for phone numbers: e-mail is a type no lower tier suggested
    Classifier.Context wrong = suggested("PHONE_NUMBER", 0.7);
    try (OnnxClassifier strict = (OnnxClassifier) new OnnxPlugin.Provider()
            .create(new PluginConfig(Map.of("onnx.minConfidenceNew", "1.0")));
        OnnxClassifier lenient = (OnnxClassifier) new OnnxPlugin.Provider()
            .create(new PluginConfig(Map.of("onnx.minConfidenceNew", "0.5", "onnx.minConfidence", "0.5")))) {
      assertThat(strict.classify(s, wrong)).as("seed %d", SEED).noneMatch(c -> c.infoType().equals("EMAIL_ADDRESS"));
      assertThat(strict.classify(s, suggested("EMAIL_ADDRESS", 0.7))).as("seed %d", SEED)
          .extracting(Classification::infoType).contains("EMAIL_ADDRESS");
      assertThat(lenient.classify(s, wrong)).as("seed %d", SEED).extracting(Classification::infoType)
          .contains("EMAIL_ADDRESS");
    }
  }

  @Test
  void vetoesByDefaultOnlyForLowerTierTypesAndNotWhenTurnedOff() {
    Random r = new Random(SEED);
    List<String> emails = column(() -> "user" + digits(r, 5) + "@example.org", 40);
    ColumnSample s = ColumnSample.of("crm.customers", "e_mail", emails);
    Classifier.Context ctx = new Classifier.Context(InfoTypes.builtIn(),
        List.of(Classification.suggested("PHONE_NUMBER", 0.7, "patterns", List.of("made up")),
            Classification.suggested("EMAIL_ADDRESS", 0.9, "patterns", List.of("made up"))));
    assertThat(classifier.overridesLowerTiers()).isTrue();
    List<Classification> found = classifier.classify(s, ctx);
    assertThat(found).as("seed %d", SEED).anySatisfy(c -> {
      assertThat(c.infoType()).isEqualTo("PHONE_NUMBER");
      assertThat(c.confidence()).isZero();
      assertThat(c.evidence().get(0)).contains("vetoed").contains("EMAIL_ADDRESS");
    });
    assertThat(found).filteredOn(c -> c.confidence() == 0.0).allMatch(c -> c.infoType().equals("PHONE_NUMBER"));
    // an overriding confirmation never lowers what a lower tier found
    assertThat(found).filteredOn(c -> c.infoType().equals("EMAIL_ADDRESS")).allMatch(c -> c.confidence() >= 0.9);
    try (OnnxClassifier plain = (OnnxClassifier) new OnnxPlugin.Provider()
        .create(new PluginConfig(Map.of("onnx.vetoes", "false")))) {
      assertThat(plain.overridesLowerTiers()).isFalse();
      assertThat(plain.classify(s, ctx)).noneMatch(c -> c.confidence() == 0.0);
    }
  }

  @Test
  void batchEqualsOneByOneAndThreadsAgree() throws Exception {
    Random r = new Random(SEED);
    List<ColumnSample> samples = new ArrayList<>();
    List<Classifier.Context> ctx = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int k = i;
      samples.add(ColumnSample.of("d", "col" + i, column(() -> k % 2 == 0 ? luhnCard(r) : "x" + digits(r, k + 1), 20)));
      ctx.add(new Classifier.Context(InfoTypes.builtIn(), List.of()));
    }
    List<List<Classification>> batch = classifier.classifyAll(samples, ctx);
    for (int i = 0; i < samples.size(); i++) {
      assertThat(classifier.classify(samples.get(i), ctx.get(i))).isEqualTo(batch.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<Classification>>>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        fs.add(pool.submit(() -> classifier.classifyAll(samples, ctx)));
      }
      for (Future<List<List<Classification>>> f : fs) {
        assertThat(f.get()).isEqualTo(batch);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void foundThroughServiceLoaderAndClosesCleanly() {
    List<GovernancePlugin> plugins = new ArrayList<>();
    ServiceLoader.load(GovernancePlugin.class).forEach(plugins::add);
    assertThat(plugins).anySatisfy(p -> {
      assertThat(p).isInstanceOf(OnnxPlugin.class);
      assertThat(p.classifiers()).extracting(c -> c.name()).containsExactly("onnx");
    });
    OnnxClassifier c = (OnnxClassifier) new OnnxPlugin.Provider().create(PluginConfig.EMPTY);
    c.close();
    c.close(); // idempotent
    assertThatThrownBy(() -> c.classify(ColumnSample.of("d", "f", List.of("x")),
        new Classifier.Context(InfoTypes.builtIn(), List.of()))).isInstanceOf(IllegalStateException.class);
  }
}
