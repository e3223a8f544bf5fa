package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.ColumnSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled model with its default settings, in the real runtime over the real patterns
 * classifier: it never makes the real-data check worse, and vocabulary words under a column called
 * {@code name} (Sakila's {@code language.name}) are no person names.
 */
class Tier3GuardTest {
  static BenchRuntime low;
  static BenchRuntime full;

  @BeforeAll
  static void open() {
    low = BenchRuntime.open(Map.of(), 2, Set.of());
    full = BenchRuntime.open(Map.of(), 3, Set.of());
  }

  @AfterAll
  static void close() {
    low.close();
    full.close();
  }

  @Test
  void realDataIsNoWorseWithTier3() {
    List<LabeledColumn> cols = Jsonl.read(Path.of("../../bench/classification/sample-db-set.jsonl"));
    Metrics m12 = Metrics.compute(ClassifierBench.predict(low, cols), Metrics.DEFAULT_THRESHOLD);
    Metrics m13 = Metrics.compute(ClassifierBench.predict(full, cols), Metrics.DEFAULT_THRESHOLD);
    assertThat(m13.exactAccuracy).isGreaterThanOrEqualTo(m12.exactAccuracy);
    assertThat(m13.macroF1).isGreaterThanOrEqualTo(m12.macroF1);
    assertThat(m13.decoyHits).isLessThanOrEqualTo(m12.decoyHits);
  }

  @Test
  void vocabularyUnderNameIsNoPersonName() {
    List<List<String>> columns = List.of(
        List.of("French              ", "English             ", "German              ", "Mandarin            ",
            "Italian             ", "Japanese            "),
        List.of("English", "Italian", "Japanese", "Mandarin", "French", "German"),
        List.of("English", "Spanish", "Dutch", "Italian", "German", "French", "Japanese", "English", "Dutch"),
        List.of("Action", "Animation", "Children", "Classics", "Comedy", "Documentary", "Drama", "Family", "Foreign",
            "Games", "Horror", "Music", "New", "Sci-Fi", "Sports", "Travel"),
        List.of("Red", "Blue", "Green", "Yellow", "Purple", "Orange", "Black", "White"),
        List.of("Sales", "Marketing", "Engineering", "Finance", "Legal", "Support"));
    for (List<String> values : columns) {
      for (String dataset : List.of("sakila.language", "app.lookup")) {
        ColumnSample s = ColumnSample.of(dataset, "name", values);
        assertThat(full.classify(s)).as("%s.name with %d values", dataset, values.size())
            .noneMatch(c -> c.infoType().equals("PERSON_NAME") && c.confidence() >= Metrics.DEFAULT_THRESHOLD);
      }
    }
  }
}
