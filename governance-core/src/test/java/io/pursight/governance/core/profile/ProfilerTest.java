package io.pursight.governance.core.profile;

import static io.pursight.governance.core.profile.TestData.column;
import static io.pursight.governance.core.profile.TestData.field;
import static io.pursight.governance.core.profile.TestData.vc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.spi.Sample;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.memory.Memory;
import org.junit.jupiter.api.Test;

class ProfilerTest {

  @Test
  void textColumnStatistics() {
    Profile p = Profiler.profile(field(TypeFamily.STRING),
        column("apple", "banana", null, "apple", "  ", "", "Cherry-42", "apple", "banana", null), false);

    assertThat(p.rows()).isEqualTo(10);
    assertThat(p.nulls()).isEqualTo(2);
    assertThat(p.nonNull()).isEqualTo(8);
    assertThat(p.distinct()).isEqualTo(5); // apple, banana, "  ", "", Cherry-42
    assertThat(p.blanks()).isEqualTo(2);
    assertThat(p.decodeErrors()).isZero();
    assertThat(p.min()).isEmpty(); // text order: "" first
    assertThat(p.max()).isEqualTo("banana"); // 'C' < 'b'
    assertThat(p.minLength()).isZero();
    assertThat(p.maxLength()).isEqualTo(9);
    assertThat(p.meanLength()).isEqualTo((3 * 5 + 2 * 6 + 2 + 0 + 9) / 8.0);
    assertThat(p.topValues()).containsExactly(vc("apple", 3), vc("banana", 2));
    assertThat(p.patterns()).containsExactly(
        vc("aaaaa", 3), vc("aaaaaa", 2), vc("", 1), vc("  ", 1), vc("Aaaaaa-99", 1));
    assertThat(p.redacted()).isFalse();
    assertThat(p.sketches().numbers()).isNull();
    assertThat(p.sketches().values()).isNotNull();
  }

  @Test
  void sketchesHoldWhatTheProfileReports() {
    Profile p = Profiler.profile(field(TypeFamily.INTEGER), column(3L, 1L, null, 2L, 3L), false);

    HllSketch hll = HllSketch.heapify(p.sketches().distinct());
    assertThat(hll.getLgConfigK()).isEqualTo(12);
    assertThat(Math.round(hll.getEstimate())).isEqualTo(3);
    KllFloatsSketch lengths = KllFloatsSketch.heapify(Memory.wrap(p.sketches().lengths()));
    assertThat(lengths.getN()).isEqualTo(4);
    KllDoublesSketch numbers = KllDoublesSketch.heapify(Memory.wrap(p.sketches().numbers()));
    assertThat(numbers.getN()).isEqualTo(4);
    assertThat(numbers.getMinItem()).isEqualTo(1.0);
    assertThat(numbers.getMaxItem()).isEqualTo(3.0);
    ItemsSketch<String> values = Profiler.items(p.sketches().values());
    assertThat(values.getEstimate("3")).isEqualTo(2);
    assertThat(values.getStreamLength()).isEqualTo(4);
    ItemsSketch<String> patterns = Profiler.items(p.sketches().patterns());
    assertThat(patterns.getEstimate("9")).isEqualTo(4);
  }

  @Test
  void numbersUseNumericOrderNotTextOrder() {
    Profile p = Profiler.profile(field(TypeFamily.INTEGER), column(9L, 10L, 100L, 9L), false);
    // text order would say min "10", max "9"
    assertThat(p.min()).isEqualTo("9");
    assertThat(p.max()).isEqualTo("100");
    assertThat(p.topValues()).containsExactly(vc("9", 2));
  }

  @Test
  void mixedNumberTypesCompareExactlyAndRenderPlainly() {
    Profile p = Profiler.profile(field(TypeFamily.DECIMAL),
        column(new BigDecimal("2.50"), 10L, 1.5d, new BigDecimal("100.001"), 7, new BigInteger("-3"), 1.0E10, 0.5f),
        false);
    assertThat(p.min()).isEqualTo("-3");
    assertThat(p.max()).isEqualTo("10000000000"); // 1.0E10 without exponent
    assertThat(Profiler.items(p.sketches().values()).getEstimate("2.50")).isEqualTo(1); // toPlainString keeps scale
  }

  @Test
  void longsBeyondDoublePrecisionKeepTheirOrder() {
    long big = 9_007_199_254_740_993L; // 2^53 + 1: the same double as 2^53
    Profile p = Profiler.profile(field(TypeFamily.INTEGER), column(big, big - 1, new BigDecimal(big).add(BigDecimal.ONE)), false);
    assertThat(p.min()).isEqualTo(Long.toString(big - 1));
    assertThat(p.max()).isEqualTo(new BigDecimal(big).add(BigDecimal.ONE).toPlainString());
  }

  @Test
  void nonFiniteDoublesOrderAroundTheNumbers() {
    Profile p = Profiler.profile(field(TypeFamily.FLOAT),
        column(1.5, Double.NEGATIVE_INFINITY, Double.NaN, -2.0, Double.POSITIVE_INFINITY), false);
    assertThat(p.min()).isEqualTo("-Infinity");
    assertThat(p.max()).isEqualTo("NaN");
    KllDoublesSketch numbers = KllDoublesSketch.heapify(Memory.wrap(p.sketches().numbers()));
    assertThat(numbers.getN()).isEqualTo(4); // NaN is left out of the quantiles
  }

  @Test
  void datesUseChronologicalOrder() {
    Profile dates = Profiler.profile(field(TypeFamily.DATE),
        column(LocalDate.of(2024, 12, 1), LocalDate.of(10_000, 1, 1), LocalDate.of(2023, 1, 15)), false);
    // text order would put "+10000-01-01" first
    assertThat(dates.min()).isEqualTo("2023-01-15");
    assertThat(dates.max()).isEqualTo("+10000-01-01");

    OffsetDateTime early = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(5)); // 05:00Z
    OffsetDateTime late = OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    Profile stamps = Profiler.profile(field(TypeFamily.TIMESTAMP), column(late, early), false);
    assertThat(stamps.min()).isEqualTo("2024-01-01T10:00+05:00");
    assertThat(stamps.max()).isEqualTo("2024-01-01T08:00Z");
    assertThat(stamps.sketches().numbers()).isNull();
  }

  @Test
  void jdbcTemporalsBecomeJavaTime() {
    Profile p = Profiler.profile(field(TypeFamily.TIMESTAMP),
        column(java.sql.Timestamp.valueOf("2024-03-01 10:15:30"), java.sql.Timestamp.valueOf("2023-03-01 00:00:00")),
        false);
    assertThat(p.min()).isEqualTo("2023-03-01T00:00");
    assertThat(p.max()).isEqualTo("2024-03-01T10:15:30");
    assertThat(p.patterns()).contains(vc("9999-99-99A99:99:99", 1));

    Profile instants = Profiler.profile(field(TypeFamily.TIMESTAMP),
        column(Instant.parse("2024-01-01T00:00:00Z"), new java.util.Date(0)), false);
    assertThat(instants.min()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void mixedKindsHaveNoMinOrMax() {
    Profile p = Profiler.profile(field(TypeFamily.OTHER),
        column(LocalDate.of(2024, 1, 1), LocalDateTime.of(2023, 1, 1, 0, 0), 10L, "x", LocalTime.NOON), false);
    assertThat(p.order()).isEqualTo(Profile.Order.MIXED);
    assertThat(p.min()).isNull();
    assertThat(p.max()).isNull();
    assertThat(p.sketches().numbers()).isNull();
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column(1L, "x"), false).order()).isEqualTo(Profile.Order.MIXED);
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column(1L, 2.5), false).order()).isEqualTo(Profile.Order.NUMERIC);
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column("a", "b"), false).order()).isEqualTo(Profile.Order.TEXT);
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column(LocalDate.of(2024, 1, 1)), false).order())
        .isEqualTo(Profile.Order.TEMPORAL);
  }

  @Test
  void strings_of_digits_are_text() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column("9", "10", "100"), false);
    assertThat(p.min()).isEqualTo("10");
    assertThat(p.max()).isEqualTo("9");
    assertThat(p.order()).isEqualTo(Profile.Order.TEXT);
    assertThat(p.sketches().numbers()).isNull();
  }

  @Test
  void blanksAreNonNullWhitespaceStringsOnly() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column("", " ", "\t\n", " x ", null, '\u2003', "a"), false);
    assertThat(p.blanks()).isEqualTo(4); // "", " ", "\t\n", em space (a Character)
    assertThat(p.nulls()).isEqualTo(1);
    assertThat(p.rows()).isEqualTo(7);
  }

  @Test
  void decodeErrorsAreCountedApartFromRows() {
    Sample.ColumnValues values = new Sample.ColumnValues(java.util.Arrays.asList(1L, 2L, null), 3, "bad bytes", null);
    Profile p = Profiler.profile(field(TypeFamily.INTEGER), values, false);
    assertThat(p.rows()).isEqualTo(3);
    assertThat(p.nulls()).isEqualTo(1);
    assertThat(p.decodeErrors()).isEqualTo(3);
    assertThat(p.distinct()).isEqualTo(2);
    assertThat(p.meanLength()).isEqualTo(1.0);
  }

  @Test
  void binaryValuesCountButNeverShowTheirContent() {
    byte[] secret = "TOPSECRET-PAYLOAD".getBytes(StandardCharsets.UTF_8);
    byte[] same = secret.clone();
    byte[] other = {1, 2, 3};
    Profile p = Profiler.profile(field(TypeFamily.BINARY), column(secret, same, other, new byte[0], null), false);

    assertThat(p.rows()).isEqualTo(5);
    assertThat(p.nulls()).isEqualTo(1);
    assertThat(p.distinct()).isEqualTo(3); // by content
    assertThat(p.minLength()).isZero();
    assertThat(p.maxLength()).isEqualTo(secret.length);
    assertThat(p.meanLength()).isEqualTo((2.0 * secret.length + 3) / 4);
    assertThat(p.min()).isNull();
    assertThat(p.max()).isNull();
    assertThat(p.topValues()).isEmpty();
    assertThat(p.patterns()).isEmpty();
    assertThat(p.blanks()).isZero();
    assertThat(Profiler.items(p.sketches().values()).getStreamLength()).isZero();
    assertThat(p.toString()).doesNotContain("TOPSECRET");
    for (byte[] sketch : sketches(p)) {
      assertThat(indexOf(sketch, "TOPSECRET".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }
  }

  @Test
  void binaryRendersAsItsLengthOnly() {
    assertThat(ValueText.binaryText(new byte[16])).isEqualTo("[16 bytes]");
  }

  @Test
  void patternsAreShapes() {
    assertThat(Profiler.shape("AB-1234")).isEqualTo("AA-9999");
    assertThat(Profiler.shape("jane.doe@example.com")).isEqualTo("aaaa.aaa@aaaaaaa.aaa");
    assertThat(Profiler.shape("Ünïcödé ß ٣")).isEqualTo("Aaaaaaa a 9"); // non-ASCII letters and digits
    assertThat(Profiler.shape("\uD835\uDD38x")).isEqualTo("Aa"); // a supplementary upper-case letter counts once
    assertThat(Profiler.shape("")).isEmpty();
    String exactly24 = "abcdefghijklmnopqrstuvwx";
    assertThat(Profiler.shape(exactly24)).isEqualTo("a".repeat(24));
    assertThat(Profiler.shape(exactly24 + "Y")).isEqualTo("a".repeat(24) + "…");
    assertThat(Profiler.shape("1".repeat(100))).isEqualTo("9".repeat(24) + "…");
  }

  @Test
  void topPatternsAreTheFiveMostFrequentShapesWithTiesInTextOrder() {
    List<Object> values = new ArrayList<>();
    Collections.addAll(values, "AB-1234", "CD-5678", "EF-0000"); // AA-9999 x3
    Collections.addAll(values, "ab12", "cd34"); // aa99 x2
    Collections.addAll(values, "x", "Y", "7", "#", "a-b", "long value exceeding twenty-four characters");
    Profile p = Profiler.profile(field(TypeFamily.STRING), column(values), false);
    assertThat(p.patterns()).containsExactly(
        vc("AA-9999", 3), vc("aa99", 2), vc("#", 1), vc("9", 1), vc("A", 1));
    assertThat(Profiler.items(p.sketches().patterns()).getEstimate("aaaa aaaaa aaaaaaaaa aaa…")).isEqualTo(1);
  }

  @Test
  void topValuesAreAtMostTenValuesOccurringAtLeastTwice() {
    List<Object> values = new ArrayList<>();
    for (int v = 1; v <= 12; v++) {
      for (int i = 0; i < 14 - v; i++) { // value v occurs 14 - v times: 13, 12, ..., 2
        values.add("v" + v);
      }
    }
    values.add("once");
    values.add("v99");
    values.add("v99"); // ties with v12 (2), after it in text order? "v12" < "v99"
    Collections.shuffle(values, new Random(7));
    Profile p = Profiler.profile(field(TypeFamily.STRING), column(values), false);
    assertThat(p.topValues()).hasSize(10);
    assertThat(p.topValues().get(0)).isEqualTo(vc("v1", 13));
    assertThat(p.topValues().get(9)).isEqualTo(vc("v10", 4));
    assertThat(p.topValues()).extracting(v -> v.value()).doesNotContain("once");

    Profile fewRepeats = Profiler.profile(field(TypeFamily.STRING), column("a", "b", "b", "c", "d", "d"), false);
    assertThat(fewRepeats.topValues()).containsExactly(vc("b", 2), vc("d", 2));
    Profile allUnique = Profiler.profile(field(TypeFamily.STRING), column("a", "b", "c"), false);
    assertThat(allUnique.topValues()).isEmpty();
  }

  @Test
  void longValuesAreCountedUnderTheirPrefix() {
    String longText = "x".repeat(300);
    Profile p = Profiler.profile(field(TypeFamily.STRING), column(longText, longText), false);
    assertThat(p.topValues()).containsExactly(vc("x".repeat(256) + "…", 2));
    assertThat(p.maxLength()).isEqualTo(300);
    assertThat(p.max()).isEqualTo(longText);
  }

  @Test
  void lengthsCountCodePoints() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column("\uD835\uDD38\uD835\uDD38", "héllo"), false);
    assertThat(p.minLength()).isEqualTo(2);
    assertThat(p.maxLength()).isEqualTo(5);
    assertThat(p.meanLength()).isEqualTo(3.5);
  }

  @Test
  void sensitiveFieldsAreRedacted() {
    Profile p = Profiler.profile(field(TypeFamily.STRING),
        column("alice@example.com", "bob@example.org", "alice@example.com", null, " "), true);

    assertThat(p.redacted()).isTrue();
    assertThat(p.min()).isNull();
    assertThat(p.max()).isNull();
    assertThat(p.topValues()).isEmpty();
    assertThat(p.sketches().values()).isNull();
    assertThat(p.sketches().numbers()).isNull();
    // counts and lengths stay
    assertThat(p.rows()).isEqualTo(5);
    assertThat(p.nulls()).isEqualTo(1);
    assertThat(p.distinct()).isEqualTo(3);
    assertThat(p.blanks()).isEqualTo(1);
    assertThat(p.maxLength()).isEqualTo(17);
    // shapes stay; the blank is its own shape and is left out
    assertThat(p.patterns()).containsExactly(vc("aaaaa@aaaaaaa.aaa", 2), vc("aaa@aaaaaaa.aaa", 1));
    assertThat(p.toString()).doesNotContain("alice", "bob", "example");
  }

  @Test
  void sensitiveValuesThatAreTheirOwnShapeAreLeftOutOfPatterns() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column("9999", "1234", "!#%&", "AAaa"), true);
    assertThat(p.patterns()).containsExactly(vc("9999", 1)); // the shape of 1234, not the value 9999
    assertThat(Profiler.items(p.sketches().patterns()).getStreamLength()).isEqualTo(1);

    Profile open = Profiler.profile(field(TypeFamily.STRING), column("9999", "1234", "!#%&", "AAaa"), false);
    assertThat(open.patterns()).containsExactly(vc("9999", 2), vc("!#%&", 1), vc("AAaa", 1));
  }

  @Test
  void sensitiveNumericFieldsKeepNoNumbers() {
    Profile p = Profiler.profile(field(TypeFamily.DECIMAL), column(new BigDecimal("81234.50"), 1L, 1L), true);
    assertThat(p.sketches().numbers()).isNull();
    assertThat(p.min()).isNull();
    assertThat(p.topValues()).isEmpty();
    assertThat(p.patterns()).containsExactly(vc("9", 2), vc("99999.99", 1)); // "1" is not its own shape
  }

  @Test
  void numbersSketchOnlyForNumericValues() {
    assertThat(Profiler.profile(field(TypeFamily.INTEGER), column(null, null), false).sketches().numbers())
        .as("an all-null numeric field keeps an empty numbers sketch").isNotNull();
    assertThat(Profiler.profile(field(TypeFamily.STRING), column(null, null), false).sketches().numbers()).isNull();
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column(1L, 2.5), false).sketches().numbers()).isNotNull();
    assertThat(Profiler.profile(field(TypeFamily.OTHER), column(1L, "2.5"), false).sketches().numbers()).isNull();
  }

  @Test
  void emptySample() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column(List.of()), false);
    assertThat(p.rows()).isZero();
    assertThat(p.nulls()).isZero();
    assertThat(p.distinct()).isZero();
    assertThat(p.min()).isNull();
    assertThat(p.max()).isNull();
    assertThat(p.minLength()).isNull();
    assertThat(p.maxLength()).isNull();
    assertThat(p.meanLength()).isNull();
    assertThat(p.topValues()).isEmpty();
    assertThat(p.patterns()).isEmpty();
    assertThat(p.sketches().distinct()).isNotEmpty();
  }

  @Test
  void allNullColumn() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column(null, null, null), false);
    assertThat(p.rows()).isEqualTo(3);
    assertThat(p.nulls()).isEqualTo(3);
    assertThat(p.distinct()).isZero();
    assertThat(p.meanLength()).isNull();
    assertThat(p.min()).isNull();
  }

  @Test
  void argumentsAreRequired() {
    assertThatThrownBy(() -> Profiler.profile(null, column("a"), false)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Profiler.profile(field(TypeFamily.STRING), null, false))
        .isInstanceOf(NullPointerException.class);
  }

  /** Not a timed assertion: prints the time so regressions are visible in the test output. */
  @Test
  void profilesOneHundredThousandValuesQuickly() {
    Random random = new Random(42);
    List<Object> values = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      values.add(i % 50 == 0 ? null : "CUST-" + random.nextInt(20_000) + (i % 3 == 0 ? "-x" : ""));
    }
    Sample.ColumnValues column = column(values);
    Profiler.profile(field(TypeFamily.STRING), column, false); // warm-up
    long start = System.nanoTime();
    Profile p = Profiler.profile(field(TypeFamily.STRING), column, false);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("Profiled 100k values in " + millis + " ms");
    assertThat(p.rows()).isEqualTo(100_000);
    assertThat(p.nulls()).isEqualTo(2_000);
    assertThat(p.patterns()).hasSize(5);
  }

  static List<byte[]> sketches(Profile p) {
    List<byte[]> all = new ArrayList<>();
    for (byte[] b : new byte[][] {p.sketches().distinct(), p.sketches().lengths(), p.sketches().numbers(),
        p.sketches().patterns(), p.sketches().values()}) {
      if (b != null) {
        all.add(b);
      }
    }
    return all;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void distinctEstimateNeverExceedsTheNonNullCount() {
    for (int n : new int[] {10, 1000, 1007, 5000}) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add((long) i * 7919);
      }
      values.add(null);
      Profile p = Profiler.profile(field(TypeFamily.INTEGER), column(values), false);
      assertThat(p.distinct()).as("n=" + n).isLessThanOrEqualTo(n).isGreaterThan((long) (n * 0.95));
    }
  }
}
