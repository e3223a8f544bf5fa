package io.pursight.governance.core.profile;

import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ProfileSketches;
import io.pursight.governance.profile.ValueCount;
import io.pursight.governance.spi.Sample;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Computes {@link Profile}s of sampled columns and merges them through their Apache DataSketches.
 *
 * <h2>Counting</h2>
 *
 * <ul>
 *   <li>{@code rows} is the number of entries in {@link Sample.ColumnValues#values()} (nulls
 *       included). Cells the connector could not decode are <em>not</em> in that list: they are
 *       counted only in {@code decodeErrors}, never in {@code rows}, {@code nulls} or any statistic.
 *   <li>{@code nulls}: null entries. {@code blanks}: non-null strings that are empty or only white
 *       space ({@link String#isBlank()}). Blank values are values: they take part in every other
 *       statistic.
 *   <li>{@code distinct}: the estimate (never more than the non-null count) of an HLL sketch (lgK {@value #HLL_LG_K}, {@code HLL_8}) fed
 *       with each value's text form ({@code byte[]} values: a hash of their content; the empty
 *       string and the empty byte array: a fixed marker, as HLL ignores empty input). Near-exact
 *       below a few thousand distinct values, about 1.6% standard error above.
 * </ul>
 *
 * <h2>Text forms</h2>
 *
 * Strings as they are; {@code java.time} values in ISO-8601 ({@code java.sql} date/time types and
 * {@code java.util.Date} are converted to {@code java.time} first); {@code BigDecimal} via
 * {@code toPlainString()}; {@code double}/{@code float} in decimal notation without exponent; other
 * values via {@code toString()}. A {@code byte[]} value never has its content rendered or put in a
 * value sketch: it counts as a non-null value, its length (in bytes) goes into the length
 * statistics and its content hash into the distinct sketch, and it takes no part in min/max, top
 * values or patterns.
 *
 * <h2>Min and max</h2>
 *
 * When every non-null, non-binary value is a {@link Number}: numeric order (exact, across
 * {@code Long}, {@code BigDecimal}, {@code Double}, …; -Infinity &lt; numbers &lt; +Infinity &lt;
 * NaN) — {@link Profile.Order#NUMERIC}. When every such value is of one {@code java.time} class:
 * chronological order ({@code TEMPORAL}). When none is a number or a date/time: text order
 * ({@link String#compareTo}) of the text forms ({@code TEXT}). Ties break by text order. A mix of
 * kinds ({@code MIXED}) has no min or max: no single order is meaningful, and none would merge.
 * Both are rendered as text forms; both are null for sensitive fields and when there is no such
 * value.
 *
 * <h2>Lengths, top values, patterns</h2>
 *
 * Lengths are in characters (code points) of the text form; min, max and mean are exact. Top values
 * are the {@value #TOP_VALUES} most frequent values according to a frequent-items sketch (max map
 * size {@value #VALUES_MAP_SIZE}), with estimated counts, keeping only values that certainly occur
 * at least {@value #MIN_TOP_VALUE_COUNT} times; values longer than {@value #MAX_ITEM_LENGTH}
 * characters are counted under their first {@value #MAX_ITEM_LENGTH} characters followed by
 * {@code …}. Counts are exact while the sample has fewer than about {@code 0.75 ×} the map size
 * distinct values; beyond that they may over-count by at most {@code 3.5 / mapSize} of the non-null
 * values. Patterns are the {@value #TOP_PATTERNS} most frequent {@linkplain #shape shapes}, from a
 * frequent-items sketch (max map size {@value #PATTERNS_MAP_SIZE}).
 *
 * <h2>Sensitive fields</h2>
 *
 * For a sensitive field the profile is {@code redacted}: no min/max, no top values, no value sketch
 * and no numbers sketch. What remains is counts, lengths, the HLL sketch (hashes only) and shapes.
 * Because a value made only of {@code A}, {@code a}, {@code 9} and punctuation (say {@code 9999} or
 * {@code !#%&}) <em>is</em> its own shape, such values are left out of the pattern sketch of a
 * sensitive field, so that a reported pattern is always the shape of some value other than itself.
 *
 * <h2>Merging</h2>
 *
 * See {@link #merge(Profile, Profile)}.
 */
public final class Profiler {

  /** lgK of the distinct-count HLL sketch. */
  public static final int HLL_LG_K = 12;
  /** How many top values a profile lists. */
  public static final int TOP_VALUES = 10;
  /** The least (certain) count of a listed top value. */
  public static final int MIN_TOP_VALUE_COUNT = 2;
  /** How many patterns a profile lists. */
  public static final int TOP_PATTERNS = 5;
  /** Shapes longer than this (in characters) are cut and end with {@code …}. */
  public static final int MAX_SHAPE_LENGTH = 24;
  /** Longest value (in characters) counted as it is in the value sketch. */
  public static final int MAX_ITEM_LENGTH = 256;
  /** Max map size of the frequent-items sketch of values. */
  public static final int VALUES_MAP_SIZE = 512;
  /** Max map size of the frequent-items sketch of shapes. */
  public static final int PATTERNS_MAP_SIZE = 256;

  static final TgtHllType HLL_TYPE = TgtHllType.HLL_8;
  static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();
  /** Fed to HLL for empty strings and empty byte arrays (not valid UTF-8, so no text hashes alike). */
  private static final long[] EMPTY_MARK = {0xFFFF_FFFF_FFFF_FFFFL, 0xFFFF_FFFF_FFFF_FFFEL};

  private static final Comparator<ItemsSketch.Row<String>> BY_COUNT_THEN_TEXT =
      Comparator.<ItemsSketch.Row<String>>comparingLong(ItemsSketch.Row::getEstimate)
          .reversed()
          .thenComparing(ItemsSketch.Row::getItem);

  private Profiler() {}

  /**
   * Profiles one field's sampled values.
   *
   * @param field the field (its type family decides whether an all-null sample still keeps an
   *     empty numbers sketch)
   * @param values the sampled values in row order, nulls included; decode failures are counted in
   *     {@code decodeErrors} only (they are neither rows nor nulls)
   * @param sensitive whether the field is classified as sensitive; if so, the profile is redacted
   *     and carries no raw value in any form
   * @return the profile with its mergeable sketches
   */
  public static Profile profile(Field field, Sample.ColumnValues values, boolean sensitive) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(values, "values");
    Accumulator acc = new Accumulator(sensitive);
    for (Object value : values.values()) {
      acc.add(value);
    }
    return acc.finish(field, values.decodeErrors());
  }

  /**
   * Merges two profiles of the same field (for example of two samples, or from two edge agents)
   * through their sketches, without raw values.
   *
   * <ul>
   *   <li>{@code rows}, {@code nulls}, {@code blanks}, {@code decodeErrors} are summed.
   *   <li>{@code distinct} is the estimate of the HLL union; lengths come from the merged KLL sketch
   *       (min/max exact); the mean length is exact (each input's length sum is recovered from its
   *       mean and its number of non-null values; lengths are whole numbers).
   *   <li>Top values and patterns are recomputed from the merged frequent-items sketches.
   *   <li>{@code redacted} is {@code a.redacted || b.redacted}; a redacted result keeps no value
   *       sketch, no numbers sketch, no top values and no min/max. (It keeps the merged pattern
   *       sketch; if a non-redacted input contributed shapes, those were never filtered for
   *       sensitivity, but that input exposed its values anyway.)
   *   <li>Min/max follow the inputs' common {@link Profile#order()}: NUMERIC values compare
   *       numerically and exactly (not through the doubles of the KLL sketch, which would lose
   *       precision beyond 2^53 and the original rendering), TEMPORAL ones chronologically, TEXT
   *       ones in text order. An input without comparable values adopts the other's; inputs of
   *       different orders merge to MIXED, without min or max — exactly what profiling the union
   *       gives.
   *   <li>The numbers sketch is kept when the result is not redacted and every input with values
   *       had one.
   * </ul>
   *
   * <p>Summary statistics of the result do not depend on the order of the arguments.
   *
   * @throws IllegalArgumentException when a profile has no sketches
   */
  public static Profile merge(Profile a, Profile b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    ProfileSketches sa = requireSketches(a, "a");
    ProfileSketches sb = requireSketches(b, "b");
    boolean redacted = a.redacted() || b.redacted();

    Union union = new Union(HLL_LG_K);
    union.update(HllSketch.heapify(sa.distinct()));
    union.update(HllSketch.heapify(sb.distinct()));
    HllSketch distinct = union.getResult(HLL_TYPE);

    KllFloatsSketch la = KllFloatsSketch.heapify(Memory.wrap(sa.lengths()));
    KllFloatsSketch lb = KllFloatsSketch.heapify(Memory.wrap(sb.lengths()));
    long na = la.getN();
    long nb = lb.getN();
    long lengthSum = lengthSum(a.meanLength(), na) + lengthSum(b.meanLength(), nb);
    KllFloatsSketch lengths = KllFloatsSketch.newHeapInstance();
    lengths.merge(la);
    lengths.merge(lb);

    ItemsSketch<String> patterns = items(sa.patterns());
    patterns.merge(items(sb.patterns()));

    ItemsSketch<String> values = null;
    if (!redacted && sa.values() != null && sb.values() != null) {
      values = items(sa.values());
      values.merge(items(sb.values()));
    }

    boolean aNumeric = sa.numbers() != null;
    boolean bNumeric = sb.numbers() != null;
    Profile.Order order = redacted ? null : mergeOrder(a.order(), b.order());
    KllDoublesSketch numbers = null;
    if (!redacted && (aNumeric || bNumeric) && (aNumeric || a.order() == null) && (bNumeric || b.order() == null)) {
      numbers = KllDoublesSketch.newHeapInstance();
      if (aNumeric) {
        numbers.merge(KllDoublesSketch.heapify(Memory.wrap(sa.numbers())));
      }
      if (bNumeric) {
        numbers.merge(KllDoublesSketch.heapify(Memory.wrap(sb.numbers())));
      }
    }

    String min = null;
    String max = null;
    if (order != null && order != Profile.Order.MIXED) {
      min = extreme(a.min(), b.min(), order, true);
      max = extreme(a.max(), b.max(), order, false);
    }

    long n = lengths.getN();
    return new Profile(
        a.rows() + b.rows(),
        a.nulls() + b.nulls(),
        Math.min(Math.round(distinct.getEstimate()), a.nonNull() + b.nonNull()),
        a.blanks() + b.blanks(),
        a.decodeErrors() + b.decodeErrors(),
        min,
        max,
        lengths.isEmpty() ? null : (int) lengths.getMinItem(),
        lengths.isEmpty() ? null : (int) lengths.getMaxItem(),
        n == 0 ? null : (double) lengthSum / n,
        redacted ? List.of() : top(values, TOP_VALUES, MIN_TOP_VALUE_COUNT),
        top(patterns, TOP_PATTERNS, 1),
        redacted,
        new ProfileSketches(
            distinct.toCompactByteArray(),
            lengths.toByteArray(),
            numbers == null ? null : numbers.toByteArray(),
            patterns.toByteArray(SERDE),
            values == null ? null : values.toByteArray(SERDE)),
        order);
  }

  /** The order of a union: the parts' common order; MIXED when they differ; a side without values adopts the other. */
  private static Profile.Order mergeOrder(Profile.Order a, Profile.Order b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a == b ? a : Profile.Order.MIXED;
  }

  /**
   * The shape of a text: each letter becomes {@code A} (upper case) or {@code a} (any other
   * letter), each digit {@code 9}, other characters stay; a shape longer than
   * {@value #MAX_SHAPE_LENGTH} characters is cut to {@value #MAX_SHAPE_LENGTH} and ends with
   * {@code …}. {@code "AB-1234"} has the shape {@code "AA-9999"}.
   */
  public static String shape(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_SHAPE_LENGTH + 1));
    int count = 0;
    for (int i = 0; i < text.length(); count++) {
      if (count == MAX_SHAPE_LENGTH) {
        return b.append('…').toString();
      }
      int cp = text.codePointAt(i);
      b.appendCodePoint(shapeOf(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /** Whether the text is its own (uncut) shape: only {@code A}, {@code a}, {@code 9} and non-alphanumerics. */
  static boolean isOwnShape(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (shapeOf(cp) != cp) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static int shapeOf(int cp) {
    if (Character.isLetter(cp)) {
      return Character.isUpperCase(cp) ? 'A' : 'a';
    }
    return Character.isDigit(cp) ? '9' : cp;
  }

  private static ProfileSketches requireSketches(Profile p, String name) {
    ProfileSketches s = p.sketches();
    if (s == null || s.distinct() == null || s.lengths() == null || s.patterns() == null) {
      throw new IllegalArgumentException("Profile " + name + " has no sketches to merge");
    }
    return s;
  }

  private static long lengthSum(Double mean, long n) {
    return mean == null || n == 0 ? 0 : Math.round(mean * n);
  }

  private static String extreme(String x, String y, Profile.Order order, boolean smallest) {
    if (x == null) {
      return y;
    }
    if (y == null) {
      return x;
    }
    int c = order == Profile.Order.TEXT ? x.compareTo(y)
        : Ordering.compareRendered(x, y, order == Profile.Order.NUMERIC);
    return smallest == (c <= 0) ? x : y;
  }

  static ItemsSketch<String> items(byte[] bytes) {
    return ItemsSketch.getInstance(Memory.wrap(bytes), SERDE);
  }

  static List<ValueCount> top(ItemsSketch<String> sketch, int limit, long minLowerBound) {
    if (sketch == null || sketch.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES))
        .filter(r -> r.getLowerBound() >= minLowerBound)
        .sorted(BY_COUNT_THEN_TEXT)
        .limit(limit)
        .map(r -> new ValueCount(r.getItem(), r.getEstimate()))
        .toList();
  }

  private static boolean isNumericFamily(Field field) {
    TypeFamily f = field.type().family();
    return f == TypeFamily.INTEGER || f == TypeFamily.DECIMAL || f == TypeFamily.FLOAT;
  }

  /** One pass over a column. */
  private static final class Accumulator {
    private final boolean sensitive;
    private final HllSketch distinct = new HllSketch(HLL_LG_K, HLL_TYPE);
    private final KllFloatsSketch lengths = KllFloatsSketch.newHeapInstance();
    private final ItemsSketch<String> patterns = new ItemsSketch<>(PATTERNS_MAP_SIZE);
    private final ItemsSketch<String> values;
    private final KllDoublesSketch numbers;

    private long rows;
    private long nulls;
    private long blanks;
    private long lengthSum;

    // min/max candidates in the three orders (not tracked for sensitive fields)
    private long comparable;
    private long numberCount;
    private Number minNumber;
    private Number maxNumber;
    private String minNumberText;
    private String maxNumberText;
    private long temporalCount;
    private Class<?> temporalClass;
    private boolean mixedTemporals;
    private Object minTemporal;
    private Object maxTemporal;
    private String minText;
    private String maxText;
    private long otherCount;

    Accumulator(boolean sensitive) {
      this.sensitive = sensitive;
      this.values = sensitive ? null : new ItemsSketch<>(VALUES_MAP_SIZE);
      this.numbers = sensitive ? null : KllDoublesSketch.newHeapInstance();
    }

    void add(Object raw) {
      rows++;
      if (raw == null) {
        nulls++;
        return;
      }
      Object value = ValueText.normalize(raw);
      if (value instanceof byte[] bytes) {
        if (bytes.length == 0) {
          distinct.update(EMPTY_MARK);
        } else {
          distinct.update(bytes);
        }
        lengths.update(bytes.length);
        lengthSum += bytes.length;
        return;
      }
      String text = ValueText.text(value);
      if (text.isEmpty()) {
        distinct.update(EMPTY_MARK);
      } else {
        distinct.update(text);
      }
      if (value instanceof String && text.isBlank()) {
        blanks++;
      }
      int length = ValueText.length(text);
      lengths.update(length);
      lengthSum += length;
      if (!sensitive || !isOwnShape(text)) {
        patterns.update(shape(text));
      }
      if (sensitive) {
        return;
      }
      values.update(ValueText.truncate(text, MAX_ITEM_LENGTH));
      trackOrder(value, text);
    }

    private void trackOrder(Object value, String text) {
      comparable++;
      if (!(value instanceof Number) && !ValueText.isTemporal(value)) {
        otherCount++;
      }
      if (value instanceof Number n) {
        numberCount++;
        double d = n.doubleValue();
        if (!Double.isNaN(d)) {
          numbers.update(d);
        }
        if (minNumber == null || lessNumber(n, text, minNumber, minNumberText)) {
          minNumber = n;
          minNumberText = text;
        }
        if (maxNumber == null || lessNumber(maxNumber, maxNumberText, n, text)) {
          maxNumber = n;
          maxNumberText = text;
        }
      } else if (ValueText.isTemporal(value) && !mixedTemporals) {
        temporalCount++;
        if (temporalClass == null) {
          temporalClass = value.getClass();
          minTemporal = value;
          maxTemporal = value;
        } else if (temporalClass != value.getClass()) {
          mixedTemporals = true;
        } else {
          if (Ordering.compareTemporals(value, minTemporal) < 0) {
            minTemporal = value;
          }
          if (Ordering.compareTemporals(value, maxTemporal) > 0) {
            maxTemporal = value;
          }
        }
      }
      if (minText == null || text.compareTo(minText) < 0) {
        minText = text;
      }
      if (maxText == null || text.compareTo(maxText) > 0) {
        maxText = text;
      }
    }

    private static boolean lessNumber(Number a, String aText, Number b, String bText) {
      int c = Ordering.compareNumbers(a, b);
      return c != 0 ? c < 0 : aText.compareTo(bText) < 0;
    }

    Profile finish(Field field, long decodeErrors) {
      String min = null;
      String max = null;
      boolean numeric = false;
      Profile.Order order = null;
      if (!sensitive && comparable > 0) {
        if (numberCount == comparable) {
          numeric = true;
          order = Profile.Order.NUMERIC;
          min = minNumberText;
          max = maxNumberText;
        } else if (temporalCount == comparable && !mixedTemporals) {
          order = Profile.Order.TEMPORAL;
          min = ValueText.text(minTemporal);
          max = ValueText.text(maxTemporal);
        } else if (otherCount == comparable) {
          order = Profile.Order.TEXT;
          min = minText;
          max = maxText;
        } else {
          order = Profile.Order.MIXED;
        }
      }
      boolean keepNumbers = !sensitive && (numeric || (comparable == 0 && isNumericFamily(field)));
      long nonNull = rows - nulls;
      return new Profile(
          rows,
          nulls,
          Math.min(Math.round(distinct.getEstimate()), rows - nulls),
          blanks,
          decodeErrors,
          min,
          max,
          lengths.isEmpty() ? null : (int) lengths.getMinItem(),
          lengths.isEmpty() ? null : (int) lengths.getMaxItem(),
          nonNull == 0 ? null : (double) lengthSum / nonNull,
          top(values, TOP_VALUES, MIN_TOP_VALUE_COUNT),
          top(patterns, TOP_PATTERNS, 1),
          sensitive,
          new ProfileSketches(
              distinct.toCompactByteArray(),
              lengths.toByteArray(),
              keepNumbers ? numbers.toByteArray() : null,
              patterns.toByteArray(SERDE),
              values == null ? null : values.toByteArray(SERDE)),
          order);
    }
  }
}
