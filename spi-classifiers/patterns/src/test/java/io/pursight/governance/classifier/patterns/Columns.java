package io.pursight.governance.classifier.patterns;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/** Test helpers: a classifier with a fixed reference date, column builders and seeded fakers. */
final class Columns {
  static final PatternsClassifier CLASSIFIER = new PatternsClassifier(
      Settings.from(new PluginConfig(Map.of("patterns.referenceDate", "2025-06-01"))));
  static final Classifier.Context CONTEXT = new Classifier.Context(InfoTypes.builtIn(), List.of());

  private Columns() {}

  static List<Classification> classify(String dataset, String field, List<String> values) {
    return CLASSIFIER.classify(ColumnSample.of(dataset, field, values), CONTEXT);
  }

  static List<Classification> classify(String field, List<String> values) {
    return classify("t", field, values);
  }

  static List<Classification> classifyTyped(String field, TypeFamily family, String nativeName, List<String> values) {
    ColumnSample s = new ColumnSample(QualifiedName.dataset("input", null, null, "t").child(field),
        new DataType(nativeName, java.sql.Types.OTHER, null, null, family), null, values, 0);
    return CLASSIFIER.classify(s, CONTEXT);
  }

  static Decision explain(String field, List<String> values) {
    return CLASSIFIER.analyse(ColumnSample.of("t", field, values), InfoTypes.builtIn());
  }

  static List<String> types(List<Classification> cs) {
    return cs.stream().map(Classification::infoType).toList();
  }

  static Classification find(List<Classification> cs, String type) {
    return cs.stream().filter(c -> c.infoType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError(type + " not found in " + cs));
  }

  static List<String> gen(int n, Supplier<String> s) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(s.get());
    }
    return out;
  }

  static Faker faker(Locale locale, long seed) {
    return new Faker(locale, new Random(seed));
  }

  static String random(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
