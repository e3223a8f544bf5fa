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

  @Test
  void findsObviousTypesWithoutLowerTiers() {
    Random r = new Random(SEED);
    String[] first = {"anna", "li", "jose", "marie", "tom", "yuki", "omar"};
    String[] domains = {"example.com", "mail.de", "corp.fr", "web.co.uk"};
    List<String> emails = column(() -> first[r.nextInt(first.length)] + "." + digits(r, 3) + "@"
        + domains[r.nextInt(domains.length)], 50);
    assertThat(top(classify("email", emails))).as("seed %d", SEED).isEqualTo("EMAIL_ADDRESS");
    List<String> ips = column(() -> (1 + r.nextInt(222)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
        + (1 + r.nextInt(254)), 50);
    assertThat(top(classify("client_ip", ips))).as("seed %d", SEED).isEqualTo("IP_ADDRESS");
    List<String> cards = column(() -> luhnCard(r), 50);
    assertThat(top(classify("card_number", cards))).as("seed %d", SEED).isEqualTo("CREDIT_CARD_NUMBER");
    List<String> jwts = column(() -> "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI" + digits(r, 6) + "In0."
        + digits(r, 10) + "abcDEF_-xyz" + digits(r, 12), 30);
    assertThat(top(classify("access_token", jwts))).as("seed %d", SEED).isEqualTo("JSON_WEB_TOKEN");
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
    try (OnnxClassifier strict = (OnnxClassifier) new OnnxPlugin.Provider()
            .create(new PluginConfig(Map.of("onnx.minConfidenceNew", "1.0")));
        OnnxClassifier lenient = (OnnxClassifier) new OnnxPlugin.Provider()
            .create(new PluginConfig(Map.of("onnx.minConfidenceNew", "0.5", "onnx.minConfidence", "0.5")))) {
      Classifier.Context none = new Classifier.Context(InfoTypes.builtIn(), List.of());
      Classifier.Context confirmed = new Classifier.Context(InfoTypes.builtIn(),
          List.of(Classification.suggested("EMAIL_ADDRESS", 0.7, "patterns", List.of("pattern"))));
      assertThat(strict.classify(s, none)).as("seed %d", SEED).isEmpty();
      assertThat(strict.classify(s, confirmed)).as("seed %d", SEED).extracting(Classification::infoType)
          .contains("EMAIL_ADDRESS");
      assertThat(lenient.classify(s, none)).as("seed %d", SEED).extracting(Classification::infoType)
          .contains("EMAIL_ADDRESS");
    }
  }

  @Test
  void vetoesOnlyWhenAskedAndOnlyForLowerTierTypes() {
    Random r = new Random(SEED);
    List<String> ids = column(() -> String.valueOf(1 + r.nextInt(5000)), 60);
    ColumnSample s = ColumnSample.of("sales", "quantity", ids);
    Classifier.Context ctx = new Classifier.Context(InfoTypes.builtIn(),
        List.of(Classification.suggested("CREDIT_CARD_NUMBER", 0.7, "patterns", List.of("made up"))));
    assertThat(classifier.classify(s, ctx)).noneMatch(c -> c.confidence() == 0.0);
    try (OnnxClassifier vetoing = (OnnxClassifier) new OnnxPlugin.Provider()
        .create(new PluginConfig(Map.of("onnx.vetoes", "true")))) {
      List<Classification> found = vetoing.classify(s, ctx);
      assertThat(found).anySatisfy(c -> {
        assertThat(c.infoType()).isEqualTo("CREDIT_CARD_NUMBER");
        assertThat(c.confidence()).isZero();
        assertThat(c.evidence().get(0)).contains("vetoed");
      });
      assertThat(found).filteredOn(c -> c.confidence() == 0.0).allMatch(c -> c.infoType().equals("CREDIT_CARD_NUMBER"));
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
