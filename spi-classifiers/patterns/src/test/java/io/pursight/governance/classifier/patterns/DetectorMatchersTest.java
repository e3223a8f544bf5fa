package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every hand-written detector matcher ({@link WordShapes}) accepts exactly what its detector's
 * pattern fully matches, on seeded random strings over the characters the patterns care about.
 */
class DetectorMatchersTest {
  private static final long SEED = Long.getLong("qt.seed", 20261126L);
  private static final String ALPHABET = "aZé ,.'\u2019-()\t\n\r\u000B\f\u0085\u2028\u00A0x";

  @Test
  void handWrittenMatchersEqualTheirPatterns() {
    List<Detector> detectors = BuiltInDetectors.create(new PhoneCheck(PhoneCheck.DEFAULT_REGIONS), LocalDate.of(2025, 6, 30));
    Random r = new Random(SEED);
    int withMatcher = 0;
    int accepted = 0;
    for (Detector d : detectors) {
      if (d.matcher == null) {
        continue;
      }
      withMatcher++;
      for (int i = 0; i < 100_000; i++) {
        int len = r.nextInt(14);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < len; k++) {
          // mostly letters, so that long matching strings are common
          b.append(r.nextInt(3) > 0 ? (char) ('a' + r.nextInt(3)) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        String v = b.toString();
        boolean expected = d.pattern.matcher(v).matches();
        assertThat(d.matcher.test(v)).as("%s on '%s' (seed %d)", d.key(), v, SEED).isEqualTo(expected);
        accepted += expected ? 1 : 0;
      }
    }
    assertThat(withMatcher).isEqualTo(6);
    assertThat(accepted).as("the random strings include many matches").isGreaterThan(100_000);
  }
}
