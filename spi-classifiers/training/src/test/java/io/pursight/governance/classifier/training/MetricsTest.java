package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pursight.governance.classification.Classification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static Metrics.Prediction p(List<String> expected, Object... found) {
    List<Classification> cs = new ArrayList<>();
    for (int i = 0; i < found.length; i += 2) {
      cs.add(Classification.suggested((String) found[i], (Double) found[i + 1], "t", List.of()));
    }
    cs.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return new Metrics.Prediction(new LabeledColumn("x", "d", "f", List.of("v"), expected,
        expected.isEmpty() ? "decoy:k" : null, null), cs);
  }

  @Test
  void handComputedSet() {
    List<Metrics.Prediction> ps = List.of(
        p(List.of("EMAIL_ADDRESS"), "EMAIL_ADDRESS", 0.9), // exact
        p(List.of("EMAIL_ADDRESS"), "PERSON_NAME", 0.7, "EMAIL_ADDRESS", 0.6), // top-1 wrong, not exact
        p(List.of("PERSON_NAME"), "PERSON_NAME", 0.4), // below threshold: missed
        p(List.of(), "PERSON_NAME", 0.8), // decoy hit
        p(List.of(), "EMAIL_ADDRESS", 0.3)); // decoy, below threshold: fine
    Metrics m = Metrics.compute(ps, 0.5);
    assertThat(m.exactAccuracy).isCloseTo(2.0 / 5, within(1e-9));
    assertThat(m.top1Accuracy).isCloseTo(2.0 / 5, within(1e-9));
    // EMAIL: TP 2, FP 0, FN 0 -> F1 1. PERSON_NAME: TP 0, FP 2, FN 1 -> F1 0.
    assertThat(m.perType.get("EMAIL_ADDRESS")).isEqualTo(new Metrics.TypeStats(2, 0, 0));
    assertThat(m.perType.get("PERSON_NAME")).isEqualTo(new Metrics.TypeStats(0, 2, 1));
    assertThat(m.macroF1).isCloseTo(0.5, within(1e-9));
    assertThat(m.decoyFpr).isCloseTo(0.5, within(1e-9));
    assertThat(m.confusion.get("EMAIL_ADDRESS")).containsEntry("PERSON_NAME", 1);
    assertThat(m.confusion.get("PERSON_NAME")).containsEntry("(missed)", 1);
    assertThat(m.decoyConfusion.get("k")).containsEntry("PERSON_NAME", 1);
  }

  @Test
  void partialF1() {
    // type A: TP 1, FP 1, FN 1 -> P 0.5, R 0.5, F1 0.5
    List<Metrics.Prediction> ps = List.of(
        p(List.of("A_TYPE"), "A_TYPE", 0.9),
        p(List.of("A_TYPE")),
        p(List.of("B_TYPE"), "A_TYPE", 0.9, "B_TYPE", 0.95));
    Metrics m = Metrics.compute(ps, 0.5);
    assertThat(m.perType.get("A_TYPE").f1()).isCloseTo(0.5, within(1e-9));
    assertThat(m.perType.get("B_TYPE").f1()).isCloseTo(1.0, within(1e-9));
    assertThat(m.macroF1).isCloseTo(0.75, within(1e-9));
    assertThat(m.exactAccuracy).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(m.top1Accuracy).isCloseTo(2.0 / 3, within(1e-9));
  }
}
