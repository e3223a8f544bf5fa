package io.pursight.governance.core.profile;

import static io.pursight.governance.core.profile.TestData.column;
import static io.pursight.governance.core.profile.TestData.concat;
import static io.pursight.governance.core.profile.TestData.field;
import static io.pursight.governance.core.profile.TestData.vc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.core.profile.TestData.Summary;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ProfileSketches;
import io.pursight.governance.profile.ValueCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.junit.jupiter.api.Test;

class ProfileMergeTest {

  private static final String[] WORDS = {
    "alpha", "Beta", "gamma", "DELTA", "ép-1", "x", "", " ", "  ", "N/A", "42", "007", "Zürich", "a.b@c.de",
    "AB-1234", "ab-1234", "long text that is longer than twenty-four characters", "🙂", "yes", "No"
  };

  /** A random column of one kind (or mixed kinds), with nulls and duplicates, and the field it belongs to. */
  record Case(Field field, List<Object> values, String kind) {}

  static Case randomCase(Random r, int size) {
    int kind = r.nextInt(7);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(r.nextInt(10) == 0 ? null : value(kind == 6 ? r.nextInt(6) : kind, r));
    }
    TypeFamily family = switch (kind) {
      case 0 -> TypeFamily.STRING;
      case 1 -> TypeFamily.INTEGER;
      case 2 -> TypeFamily.DECIMAL;
      case 3 -> TypeFamily.FLOAT;
      case 4 -> TypeFamily.DATE;
      case 5 -> TypeFamily.TIMESTAMP;
      default -> TypeFamily.OTHER;
    };
    return new Case(field(family), values, family.name());
  }

  static Object value(int kind, Random r) {
    return switch (kind) {
      case 0 -> WORDS[r.nextInt(WORDS.length)];
      case 1 -> r.nextInt(5) == 0 ? r.nextLong() : (long) r.nextInt(2000) - 1000;
      case 2 -> BigDecimal.valueOf(r.nextInt(200_000) - 100_000, r.nextInt(4));
      case 3 -> r.nextInt(20) == 0 ? Double.NEGATIVE_INFINITY : (r.nextInt(2000) - 1000) / 8.0;
      case 4 -> LocalDate.of(1990 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
      default -> OffsetDateTime.of(2024, 1, 1 + r.nextInt(3), r.nextInt(24), r.nextInt(60), 0, 0,
          ZoneOffset.ofHours(r.nextInt(25) - 12));
    };
  }

  @Test
  void mergeOfPartsAgreesWithProfileOfTheWhole() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      Case c = randomCase(r, 1 + r.nextInt(300));
      int cut = r.nextInt(c.values().size() + 1);
      List<Object> a = c.values().subList(0, cut);
      List<Object> b = c.values().subList(cut, c.values().size());
      int decodeA = r.nextInt(3);
      int decodeB = r.nextInt(3);
      boolean sensitive = r.nextInt(4) == 0;

      Profile whole = Profiler.profile(c.field(), TestData.column(decodeA + decodeB, c.values()), sensitive);
      Profile pa = Profiler.profile(c.field(), TestData.column(decodeA, a), sensitive);
      Profile pb = Profiler.profile(c.field(), TestData.column(decodeB, b), sensitive);
      Profile merged = Profiler.merge(pa, pb);

      // small samples stay in the sketches' exact regimes, so everything agrees exactly
      assertThat(Summary.of(merged)).as("seed %d, kind %s, cut %d", seed, c.kind(), cut).isEqualTo(Summary.of(whole));
      assertThat(Summary.of(Profiler.merge(pb, pa))).as("commutative, seed %d", seed).isEqualTo(Summary.of(merged));
    });
  }

  @Test
  void mergeOfManyPartsInAnyGroupingAgrees() {
    qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      Case c = randomCase(r, 320); // fewer distinct values than the sketches' exact regimes hold
      List<Profile> parts = new ArrayList<>();
      for (int i = 0; i < 320; i += 40) {
        parts.add(Profiler.profile(c.field(), column(c.values().subList(i, i + 40)), false));
      }
      Profile leftFold = parts.get(0);
      for (Profile p : parts.subList(1, parts.size())) {
        leftFold = Profiler.merge(leftFold, p);
      }
      Profile rightFold = parts.get(parts.size() - 1);
      for (int i = parts.size() - 2; i >= 0; i--) {
        rightFold = Profiler.merge(parts.get(i), rightFold);
      }
      Profile whole = Profiler.profile(c.field(), column(c.values()), false);
      assertThat(Summary.of(leftFold)).as("seed %d", seed).isEqualTo(Summary.of(whole));
      assertThat(Summary.of(rightFold)).as("seed %d", seed).isEqualTo(Summary.of(whole));
    });
  }

  @Test
  void largeSamplesAgreeWithinSketchErrorBounds() {
    Random r = new Random(20240601);
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    // 10 heavy hitters and 10k ids (each about 4 times), spread at random over both parts
    for (int i = 0; i < 60_000; i++) {
      Object v = i % 3 == 0 ? "hot-" + (i % 10) : "id-" + (i * 7919L) % 10_000;
      (r.nextBoolean() ? a : b).add(r.nextInt(50) == 0 ? null : v);
    }
    Field f = field(TypeFamily.STRING);
    Profile whole = Profiler.profile(f, column(concat(a, b)), false);
    Profile merged = Profiler.merge(Profiler.profile(f, column(a), false), Profiler.profile(f, column(b), false));

    long trueDistinct = concat(a, b).stream().filter(v -> v != null).distinct().count();
    assertThat(trueDistinct).isEqualTo(10_010L);
    assertThat((double) merged.distinct()).isCloseTo(trueDistinct, within(0.05 * trueDistinct));
    assertThat((double) whole.distinct()).isCloseTo(trueDistinct, within(0.05 * trueDistinct));

    assertThat(merged.rows()).isEqualTo(whole.rows());
    assertThat(merged.nulls()).isEqualTo(whole.nulls());
    assertThat(merged.min()).isEqualTo(whole.min());
    assertThat(merged.max()).isEqualTo(whole.max());
    assertThat(merged.meanLength()).isEqualTo(whole.meanLength());
    assertThat(merged.minLength()).isEqualTo(whole.minLength());
    assertThat(merged.maxLength()).isEqualTo(whole.maxLength());
    assertThat(merged.patterns()).extracting(ValueCount::value)
        .containsExactlyElementsOf(whole.patterns().stream().map(ValueCount::value).toList());

    // the ten heavy hitters lead both lists; counts are within the frequent-items error bound
    long error = (long) Math.ceil(ItemsSketch.getEpsilon(Profiler.VALUES_MAP_SIZE) * whole.nonNull());
    assertThat(merged.topValues()).extracting(ValueCount::value)
        .containsExactlyInAnyOrderElementsOf(whole.topValues().stream().map(ValueCount::value).toList())
        .allMatch(v -> v.startsWith("hot-"));
    for (ValueCount top : merged.topValues()) {
      long exact = concat(a, b).stream().filter(top.value()::equals).count();
      assertThat(top.count()).as(top.value()).isBetween(exact, exact + error);
    }
  }

  @Test
  void mergingSurvivesASerializationRoundTrip() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Random r = new Random(99);
    for (int i = 0; i < 20; i++) {
      Case c = randomCase(r, 200);
      Profile a = Profiler.profile(c.field(), column(c.values().subList(0, 120)), false);
      Profile b = Profiler.profile(c.field(), column(c.values().subList(120, 200)), i % 4 == 0);

      Profile a2 = json.readValue(json.writeValueAsBytes(a), Profile.class);
      Profile b2 = json.readValue(json.writeValueAsBytes(b), Profile.class);
      assertThat(a2).isEqualTo(a);
      assertThat(Profiler.merge(a2, b2)).as(c.kind()).isEqualTo(Profiler.merge(a, b));

      // the bytes alone (e.g. shipped by an edge agent) are enough
      Profile a3 = new Profile(a.rows(), a.nulls(), a.distinct(), a.blanks(), a.decodeErrors(), a.min(), a.max(),
          a.minLength(), a.maxLength(), a.meanLength(), List.of(), List.of(), a.redacted(), copy(a.sketches()));
      assertThat(Summary.of(Profiler.merge(a3, b))).isEqualTo(Summary.of(Profiler.merge(a, b)));
    }
  }

  @Test
  void mergedProfilesMergeAgain() {
    Field f = field(TypeFamily.INTEGER);
    Profile ab = Profiler.merge(Profiler.profile(f, column(1L, 2L, 2L), false), Profiler.profile(f, column(3L, null), false));
    Profile abc = Profiler.merge(ab, Profiler.profile(f, column(2L, 40L), false));
    assertThat(abc.rows()).isEqualTo(7);
    assertThat(abc.nulls()).isEqualTo(1);
    assertThat(abc.distinct()).isEqualTo(4);
    assertThat(abc.min()).isEqualTo("1");
    assertThat(abc.max()).isEqualTo("40");
    assertThat(abc.topValues()).containsExactly(vc("2", 3));
    assertThat(abc.meanLength()).isEqualTo(7 / 6.0);
  }

  @Test
  void numericMinMaxMergeExactlyAndKeepTheirRendering() {
    Field f = field(TypeFamily.DECIMAL);
    long big = 9_007_199_254_740_993L;
    Profile a = Profiler.profile(f, column(big, new BigDecimal("10.50")), false);
    Profile b = Profiler.profile(f, column(big - 1, 9L), false);
    Profile merged = Profiler.merge(a, b);
    assertThat(merged.min()).isEqualTo("9"); // text order would say "10.50"
    assertThat(merged.max()).isEqualTo(Long.toString(big)); // doubles could not tell big from big - 1
    assertThat(Profiler.merge(b, a).max()).isEqualTo(Long.toString(big));
  }

  @Test
  void numericTiesBreakByTextInProfileAndMergeAlike() {
    Field f = field(TypeFamily.DECIMAL);
    Profile a = Profiler.profile(f, column(5L), false);
    Profile b = Profiler.profile(f, column(new BigDecimal("5.00")), false);
    Profile whole = Profiler.profile(f, column(new BigDecimal("5.00"), 5L), false);
    assertThat(whole.min()).isEqualTo("5");
    assertThat(whole.max()).isEqualTo("5.00");
    assertThat(Summary.of(Profiler.merge(a, b))).isEqualTo(Summary.of(Profiler.merge(b, a)));
    assertThat(Profiler.merge(b, a).min()).isEqualTo(whole.min());
    assertThat(Profiler.merge(a, b).max()).isEqualTo(whole.max());
  }

  @Test
  void temporalMinMaxMergeChronologically() {
    Field f = field(TypeFamily.TIMESTAMP);
    OffsetDateTime early = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(5)); // 05:00Z
    OffsetDateTime late = OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    Profile merged = Profiler.merge(Profiler.profile(f, column(late), false), Profiler.profile(f, column(early), false));
    assertThat(merged.min()).isEqualTo("2024-01-01T10:00+05:00");
    assertThat(merged.max()).isEqualTo("2024-01-01T08:00Z");
  }

  @Test
  void textMinMaxMergeInTextOrder() {
    Field f = field(TypeFamily.STRING);
    Profile merged = Profiler.merge(Profiler.profile(f, column("9", "b"), false), Profiler.profile(f, column("10", "a"), false));
    assertThat(merged.min()).isEqualTo("10");
    assertThat(merged.max()).isEqualTo("b");
    assertThat(merged.sketches().numbers()).isNull();
  }

  @Test
  void mergingWithAnEmptyProfileChangesNoStatistic() {
    Field f = field(TypeFamily.INTEGER);
    Profile p = Profiler.profile(f, column(5L, 5L, null, 12L), false);
    Profile empty = Profiler.profile(f, column(List.of()), false);
    assertThat(Summary.of(Profiler.merge(p, empty))).isEqualTo(Summary.of(p));
    assertThat(Summary.of(Profiler.merge(empty, p))).isEqualTo(Summary.of(p));
    Profile allNull = Profiler.profile(f, column(null, null), false);
    Profile withNulls = Profiler.merge(allNull, p);
    assertThat(withNulls.min()).isEqualTo("5");
    assertThat(withNulls.nulls()).isEqualTo(3);
    assertThat(withNulls.sketches().numbers()).isNotNull();
  }

  @Test
  void mergingWithASensitiveProfileRedactsTheResult() {
    Field f = field(TypeFamily.INTEGER);
    Profile open = Profiler.profile(f, column(1234567L, 1234567L, 7654321L), false);
    Profile secret = Profiler.profile(f, column(5550001L), true);
    for (Profile merged : List.of(Profiler.merge(open, secret), Profiler.merge(secret, open))) {
      assertThat(merged.redacted()).isTrue();
      assertThat(merged.min()).isNull();
      assertThat(merged.max()).isNull();
      assertThat(merged.topValues()).isEmpty();
      assertThat(merged.sketches().values()).isNull();
      assertThat(merged.sketches().numbers()).isNull();
      assertThat(merged.rows()).isEqualTo(4);
      assertThat(merged.distinct()).isEqualTo(3);
      assertThat(merged.patterns()).containsExactly(vc("9999999", 4));
      assertThat(merged.toString()).doesNotContain("1234567", "7654321", "5550001");
    }
  }

  @Test
  void aRedactedInputWithStrayValueSketchesStillYieldsNoValues() {
    // e.g. from an agent that flagged the field sensitive but kept its sketches
    Field f = field(TypeFamily.INTEGER);
    Profile open = Profiler.profile(f, column(1234567L, 1234567L), false);
    Profile flagged = new Profile(open.rows(), open.nulls(), open.distinct(), open.blanks(), open.decodeErrors(),
        null, null, open.minLength(), open.maxLength(), open.meanLength(), List.of(), open.patterns(), true,
        open.sketches());
    Profile merged = Profiler.merge(flagged, Profiler.profile(f, column(7654321L), false));
    assertThat(merged.redacted()).isTrue();
    assertThat(merged.sketches().values()).isNull();
    assertThat(merged.sketches().numbers()).isNull();
    assertThat(merged.topValues()).isEmpty();
    assertThat(merged.min()).isNull();
  }

  @Test
  void mixingNumericAndTextSamplesDropsTheNumbersSketch() {
    Field f = field(TypeFamily.OTHER);
    Profile merged = Profiler.merge(Profiler.profile(f, column(5L), false), Profiler.profile(f, column("x"), false));
    assertThat(merged.sketches().numbers()).isNull();
    assertThat(merged.order()).as("as profiling the union would say").isEqualTo(Profile.Order.MIXED);
    assertThat(merged.min()).isNull();
    assertThat(merged.max()).isNull();
  }

  @Test
  void profilesWithoutSketchesCannotMerge() {
    Profile p = Profiler.profile(field(TypeFamily.STRING), column("a"), false);
    Profile bare = new Profile(1, 0, 1, 0, 0, "a", "a", 1, 1, 1.0, List.of(), List.of(), false, null);
    assertThatThrownBy(() -> Profiler.merge(p, bare)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Profiler.merge(null, p)).isInstanceOf(NullPointerException.class);
  }

  private static ProfileSketches copy(ProfileSketches s) {
    return new ProfileSketches(copy(s.distinct()), copy(s.lengths()), copy(s.numbers()), copy(s.patterns()),
        copy(s.values()));
  }

  private static byte[] copy(byte[] b) {
    return b == null ? null : Arrays.copyOf(b, b.length);
  }
}
