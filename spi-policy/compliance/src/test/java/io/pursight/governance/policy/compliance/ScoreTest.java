package io.pursight.governance.policy.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ScoreTest {

  record C(int checked, int failed, Severity severity) {}

  static double score(List<C> cs) {
    return Score.of(cs.stream().map(c -> new ControlResult("c", "t", c.checked(), c.failed())).toList(),
        cs.stream().map(C::severity).toList());
  }

  static final Gen<C> CONTROL = integers().between(0, 40).flatMap(checked -> integers().between(0, checked)
      .zip(integers().between(0, 3), (failed, s) -> new C(checked, failed, Severity.values()[s])));
  static final Gen<List<C>> CONTROLS = lists().of(CONTROL).ofSizeBetween(0, 8);

  @Test
  void theFormula() {
    assertThat(score(List.of())).isEqualTo(100.0);
    assertThat(score(List.of(new C(0, 0, Severity.CRITICAL)))).isEqualTo(100.0);
    assertThat(score(List.of(new C(4, 1, Severity.HIGH)))).isEqualTo(75.0);
    // CRITICAL 8 × 1/2 and LOW 1 × 1: 5 of 9 = 55.55 → 55.5 (rounded down)
    assertThat(score(List.of(new C(2, 1, Severity.CRITICAL), new C(3, 0, Severity.LOW)))).isEqualTo(55.5);
    // MEDIUM 2 × 0 and HIGH 4 × 2/3: 2.667 of 6 = 44.44
    assertThat(score(List.of(new C(5, 5, Severity.MEDIUM), new C(3, 1, Severity.HIGH)))).isEqualTo(44.4);
    // every control weighs the same whatever its number of assets
    assertThat(score(List.of(new C(1000, 0, Severity.HIGH), new C(1, 1, Severity.HIGH)))).isEqualTo(50.0);
    assertThat(score(List.of(new C(1_000_000, 1, Severity.LOW)))).isEqualTo(99.9);
    assertThat(Score.weight(Severity.LOW)).isEqualTo(1);
    assertThat(Score.weight(Severity.CRITICAL)).isEqualTo(8);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> score(List.of(new C(2, 3, Severity.LOW)))).hasMessageContaining("failed 3 of 2");
    assertThatThrownBy(() -> Score.of(List.of(new ControlResult("c", "t", 1, 0)), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withinZeroAndHundredAndHundredExactlyWhenNothingFailed() {
    Seeds.qt().forAll(CONTROLS).checkAssert(cs -> {
      double s = score(cs);
      assertThat(s).isBetween(0.0, 100.0);
      assertThat(s == 100.0).isEqualTo(cs.stream().allMatch(c -> c.failed() == 0));
      boolean allFailed = cs.stream().filter(c -> c.checked() > 0).allMatch(c -> c.failed() == c.checked());
      boolean anyApplicable = cs.stream().anyMatch(c -> c.checked() > 0);
      assertThat(s == 0.0).isEqualTo(anyApplicable && allFailed);
    });
  }

  @Test
  void oneMoreFailureNeverRaisesTheScore() {
    Seeds.qt().forAll(CONTROLS.assuming(cs -> cs.stream().anyMatch(c -> c.failed() < c.checked())))
        .checkAssert(cs -> {
          List<C> worse = new ArrayList<>(cs);
          for (int i = 0; i < worse.size(); i++) {
            C c = worse.get(i);
            if (c.failed() < c.checked()) {
              worse.set(i, new C(c.checked(), c.failed() + 1, c.severity()));
              break;
            }
          }
          assertThat(score(worse)).isLessThan(score(cs) + 1e-9);
        });
  }

  @Test
  void notApplicableControlsAndOrderDoNotMatter() {
    Seeds.qt().forAll(CONTROLS, integers().between(0, 3)).checkAssert((cs, s) -> {
      List<C> more = new ArrayList<>(cs);
      more.add(new C(0, 0, Severity.values()[s]));
      Collections.reverse(more);
      assertThat(score(more)).isEqualTo(score(cs));
    });
  }

  @Test
  void aPassingControlNeverLowersTheScore() {
    Seeds.qt().forAll(CONTROLS, CONTROL).checkAssert((cs, c) -> {
      List<C> more = new ArrayList<>(cs);
      more.add(new C(c.checked(), 0, c.severity()));
      assertThat(score(more)).isGreaterThanOrEqualTo(score(cs));
    });
  }
}
