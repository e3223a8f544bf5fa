package io.pursight.governance.core.profile;

import static io.pursight.governance.core.profile.ProfilerTest.indexOf;
import static io.pursight.governance.core.profile.ProfilerTest.sketches;
import static io.pursight.governance.core.profile.TestData.column;
import static io.pursight.governance.core.profile.TestData.concat;
import static io.pursight.governance.core.profile.TestData.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ValueCount;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.junit.jupiter.api.Test;

/**
 * The profile of a sensitive field contains no raw value in any form: not in its text, not in
 * min/max or top values, not in any sketch's bytes. QuickTheories draws the seeds (and reports the
 * falsifying seed); each seed builds random columns of strings, numbers, e-mail addresses or binary
 * values, with nulls and duplicates.
 *
 * <p>Two kinds of coincidence are ruled out by construction rather than ignored: numbers have at
 * least 10 digits (a short number such as {@code 120} could equal a row count in the profile's
 * text), and random strings have at least 6 characters (a 4-byte string occurs by chance in a few
 * kilobytes of hash bytes about once in a million). A value made only of {@code A}, {@code a},
 * {@code 9} and punctuation is its own shape and may coincide with the shape of another value; for
 * those the test checks instead that every shape in the pattern sketch is the shape of a value
 * that is not its own shape (or of a value of a non-sensitive input).
 */
class SensitiveProfilePropertyTest {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String STRING_CHARS = LETTERS + "0123456789 -_.@#!éßЖ漢";
  private static final String OWN_SHAPE_CHARS = "Aa9-!#_. ";

  enum Kind {
    STRINGS(TypeFamily.STRING),
    NUMBERS(TypeFamily.DECIMAL),
    EMAILS(TypeFamily.STRING),
    BINARY(TypeFamily.BINARY);

    final TypeFamily family;

    Kind(TypeFamily family) {
      this.family = family;
    }
  }

  @Test
  void sensitiveProfilesCarryNoRawValue() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
      Field f = field(kind.family);
      List<Object> a = randomColumn(kind, r, 1 + r.nextInt(80));
      List<Object> b = randomColumn(kind, r, 1 + r.nextInt(80));
      String ctx = "seed " + seed + ", " + kind;

      Profile pa = Profiler.profile(f, column(a), true);
      Profile pb = Profiler.profile(f, column(b), true);
      assertNoRawValue(pa, a, List.of(), ctx + ", profile(a)");
      assertNoRawValue(Profiler.merge(pa, pb), concat(a, b), List.of(), ctx + ", merge(a, b)");

      // merging with a non-sensitive profile of b yields a redacted profile: b's values go too
      Profile bOpen = Profiler.profile(f, column(b), false);
      assertNoRawValue(Profiler.merge(pa, bOpen), a, b, ctx + ", merge(a, open b)");
      assertNoRawValue(Profiler.merge(bOpen, pa), a, b, ctx + ", merge(open b, a)");
    });
  }

  /**
   * @param sensitive values profiled as sensitive
   * @param open values profiled as non-sensitive and merged in
   */
  private static void assertNoRawValue(Profile p, List<Object> sensitive, List<Object> open, String ctx) {
    assertThat(p.redacted()).as(ctx).isTrue();
    assertThat(p.min()).as(ctx).isNull();
    assertThat(p.max()).as(ctx).isNull();
    assertThat(p.topValues()).as(ctx).isEmpty();
    assertThat(p.sketches().values()).as(ctx).isNull();
    assertThat(p.sketches().numbers()).as(ctx).isNull();

    String text = p.toString();
    List<byte[]> sketches = sketches(p);
    for (Object value : concat(sensitive, open)) {
      if (value == null) {
        continue;
      }
      String raw = raw(value);
      if (raw.length() >= 4 && !Profiler.isOwnShape(raw)) {
        assertThat(text).as("%s: profile text contains %s", ctx, raw).doesNotContain(raw);
        for (byte[] sketch : sketches) {
          assertThat(indexOf(sketch, raw.getBytes(StandardCharsets.UTF_8)))
              .as("%s: a sketch contains %s", ctx, raw).isEqualTo(-1);
        }
      }
      if (value instanceof Number n) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
          byte[] asDouble = ByteBuffer.allocate(8).order(order).putDouble(n.doubleValue()).array();
          for (byte[] sketch : sketches) {
            assertThat(indexOf(sketch, asDouble)).as("%s: a sketch holds the double %s", ctx, raw).isEqualTo(-1);
          }
        }
      }
    }

    // every recorded shape is explained by a value that is not its own shape (or by an open value)
    Set<String> explaining = new HashSet<>();
    for (Object v : sensitive) {
      if (v != null && !(v instanceof byte[]) && !Profiler.isOwnShape(raw(v))) {
        explaining.add(Profiler.shape(raw(v)));
      }
    }
    for (Object v : open) {
      if (v != null && !(v instanceof byte[])) {
        explaining.add(Profiler.shape(raw(v)));
      }
    }
    ItemsSketch<String> patterns = Profiler.items(p.sketches().patterns());
    assertThat(patterns.getMaximumError()).as("%s: patterns sketch in its exact regime", ctx).isZero();
    assertThat(Arrays.stream(patterns.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)).map(ItemsSketch.Row::getItem))
        .as(ctx).allMatch(explaining::contains);
    assertThat(p.patterns()).extracting(ValueCount::value).as(ctx).allMatch(explaining::contains);
  }

  private static String raw(Object value) {
    return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : ValueText.text(value);
  }

  static List<Object> randomColumn(Kind kind, Random r, int size) {
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int dice = r.nextInt(10);
      if (dice == 0) {
        values.add(null);
      } else if (dice <= 3 && !values.isEmpty()) {
        Object earlier = values.get(r.nextInt(values.size()));
        values.add(earlier instanceof byte[] bytes ? bytes.clone() : earlier); // duplicates
      } else {
        values.add(randomValue(kind, r));
      }
    }
    return values;
  }

  private static Object randomValue(Kind kind, Random r) {
    return switch (kind) {
      case STRINGS -> r.nextInt(8) == 0
          ? randomText(r, OWN_SHAPE_CHARS, 4 + r.nextInt(9))
          : randomText(r, STRING_CHARS, 6 + r.nextInt(25));
      case NUMBERS -> switch (r.nextInt(3)) {
        case 0 -> (r.nextBoolean() ? 1 : -1) * (1_000_000_000L + (r.nextLong() & Long.MAX_VALUE) % 999_000_000_000_000_000L);
        case 1 -> BigDecimal.valueOf(1_000_000_000L + r.nextInt(Integer.MAX_VALUE) * 1000L, 2);
        default -> Math.round((1e9 + r.nextDouble() * 1e12) * 100) / 100.0;
      };
      case EMAILS -> randomText(r, LETTERS.substring(0, 26), 1) + randomText(r, LETTERS + "0123456789.", 2 + r.nextInt(11))
          + "@" + randomText(r, LETTERS, 3 + r.nextInt(8)) + "." + randomText(r, LETTERS.substring(0, 26), 2 + r.nextInt(3));
      case BINARY -> randomText(r, LETTERS + "0123456789", 6 + r.nextInt(15)).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String randomText(Random r, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
