package io.pursight.governance.core.profile;

import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import io.pursight.governance.spi.Sample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data-quality scores of fields and datasets.
 *
 * <h2>Field score</h2>
 *
 * With {@code rows}, {@code nonNull}, {@code blanks}, {@code decodeErrors} and {@code distinct} from
 * the field's {@link Profile} (decode failures are not rows; see {@link Profiler}):
 *
 * <ul>
 *   <li><b>completeness</b> = {@code nonNull / rows}; 1 when {@code rows = 0}.
 *   <li><b>validity</b> = {@code (nonNull − blanks − nonConforming) / (nonNull + decodeErrors)},
 *       clamped to [0, 1]; null when {@code nonNull + decodeErrors = 0} (nothing to judge). The
 *       denominator is every cell that held something; the numerator the cells that held a usable
 *       value. Decode errors are invalid cells but are not part of {@code nonNull}, so they enter the
 *       denominator only (subtracting them from the numerator as well would count them twice: 10
 *       good values and 10 undecodable cells score 0.5, not 0).
 *   <li><b>nonConforming</b> (see {@link #nonConforming}) is only counted for text-typed fields
 *       ({@link TypeFamily#STRING}); each non-blank value (trimmed) belongs to one class:
 *       <i>integer</i> ({@code [+-]digits}), <i>decimal</i> (other plain or scientific decimal
 *       numbers), <i>date/time</i> (ISO-like {@code yyyy-MM-dd}, {@code yyyy-MM-dd[T ]HH:mm[:ss[.f]]}
 *       or {@code HH:mm[:ss[.f]]}, optional {@code Z}/{@code ±hh[:mm]}, with valid calendar fields),
 *       <i>boolean</i> (only the words {@code true}, {@code false}, {@code yes}, {@code no} in any
 *       case; {@code 0}/{@code 1} are integers) or <i>text</i>. The dominant class is the first of
 *       integer, decimal (which also covers the integers), date/time, boolean that covers at least
 *       90% of the non-blank values; values outside it are non-conforming. When no class reaches 90%
 *       or text does, nothing is non-conforming. Example: 97 integers and 3 {@code N/A} give 3.
 *       Note that 95 whole and 5 fractional numbers are an integer column with 5 non-conforming
 *       values, while 80 whole and 20 fractional numbers are a decimal column with none. For other
 *       type families nonConforming is 0.
 *   <li><b>uniqueness</b> = {@code min(1, distinct / nonNull)} for primary-key fields when
 *       {@code nonNull > 0}, else null. When the sampled values are given, {@code distinct} is
 *       counted exactly from them (the profile's HLL estimate has about 1.6% error above a few
 *       thousand values, which would make a perfectly unique key look duplicated); otherwise it is
 *       the profile's estimate.
 *   <li><b>score</b> = weighted mean of the defined dimensions with weights completeness 0.4,
 *       validity 0.4, uniqueness 0.2, the weights renormalised over the defined ones.
 * </ul>
 *
 * All four numbers are rounded half-up to 4 decimals (the score is computed from unrounded
 * dimensions). An empty sample therefore scores completeness 1, validity and uniqueness null, score
 * 1.
 *
 * <h2>Dataset score</h2>
 *
 * Each dimension is the mean over the fields where it is defined (null when it is defined for
 * none); the score is the mean of the field scores; all rounded to 4 decimals. A dataset without
 * field scores has no score: {@link #dataset} returns null rather than a neutral value, so that an
 * unprofiled dataset never looks perfect.
 */
public final class QualityScorer {

  /** Weight of completeness in the score. */
  public static final double COMPLETENESS_WEIGHT = 0.4;
  /** Weight of validity in the score. */
  public static final double VALIDITY_WEIGHT = 0.4;
  /** Weight of uniqueness in the score. */
  public static final double UNIQUENESS_WEIGHT = 0.2;
  /** Share of the non-blank values a value class must cover to be the dominant class. */
  public static final double DOMINANT_SHARE = 0.9;

  private QualityScorer() {}

  /**
   * Scores one field.
   *
   * @param field the field (its type family and primary-key flag matter)
   * @param profile the field's profile over the sample
   * @param values the sample the profile was computed from, or null when not at hand (for example
   *     for a merged profile): then nonConforming is 0 and uniqueness uses the profile's estimate
   * @throws IllegalArgumentException when {@code values} does not have {@code profile.rows()}
   *     entries, i.e. is not the profile's sample
   */
  public static QualityScore field(Field field, Profile profile, Sample.ColumnValues values) {
    Objects.requireNonNull(field, "field");
    return field(field, profile, values, field.primaryKey());
  }

  /**
   * Scores one field, saying explicitly whether its values are expected to be unique: true for
   * the single column of a primary key, false for a column of a composite key (whose values
   * repeat by design).
   *
   * @see #field(Field, Profile, Sample.ColumnValues)
   */
  public static QualityScore field(Field field, Profile profile, Sample.ColumnValues values, boolean expectUnique) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(profile, "profile");
    if (values != null && values.values().size() != profile.rows()) {
      throw new IllegalArgumentException("The values of " + field.name() + " are not the profile's sample: "
          + values.values().size() + " values for " + profile.rows() + " profiled rows");
    }
    long rows = profile.rows();
    long nonNull = profile.nonNull();
    double completeness = rows == 0 ? 1.0 : (double) nonNull / rows;

    long judged = nonNull + profile.decodeErrors();
    Double validity = null;
    if (judged > 0) {
      long nonConforming = values == null ? 0 : nonConforming(field, values);
      double v = (double) (nonNull - profile.blanks() - nonConforming) / judged;
      validity = Math.max(0.0, Math.min(1.0, v));
    }

    Double uniqueness = null;
    if (expectUnique && nonNull > 0) {
      long distinct = values == null ? profile.distinct() : exactDistinct(values);
      uniqueness = Math.min(1.0, (double) distinct / nonNull);
    }

    double weighted = COMPLETENESS_WEIGHT * completeness;
    double weights = COMPLETENESS_WEIGHT;
    if (validity != null) {
      weighted += VALIDITY_WEIGHT * validity;
      weights += VALIDITY_WEIGHT;
    }
    if (uniqueness != null) {
      weighted += UNIQUENESS_WEIGHT * uniqueness;
      weights += UNIQUENESS_WEIGHT;
    }
    return new QualityScore(round(weighted / weights), round(completeness), round(validity), round(uniqueness));
  }

  /**
   * Scores a dataset from its fields' scores: each dimension is the mean over the fields where it
   * is defined, the score the mean of the field scores.
   *
   * @return the dataset's score, or null when {@code fieldScores} is empty
   */
  public static QualityScore dataset(Collection<QualityScore> fieldScores) {
    Objects.requireNonNull(fieldScores, "fieldScores");
    if (fieldScores.isEmpty()) {
      return null;
    }
    double score = 0;
    double completeness = 0;
    double validity = 0;
    double uniqueness = 0;
    int validities = 0;
    int uniquenesses = 0;
    for (QualityScore s : fieldScores) {
      Objects.requireNonNull(s, "field score");
      score += s.score();
      completeness += s.completeness();
      if (s.validity() != null) {
        validity += s.validity();
        validities++;
      }
      if (s.uniqueness() != null) {
        uniqueness += s.uniqueness();
        uniquenesses++;
      }
    }
    int n = fieldScores.size();
    return new QualityScore(
        round(score / n),
        round(completeness / n),
        validities == 0 ? null : round(validity / validities),
        uniquenesses == 0 ? null : round(uniqueness / uniquenesses));
  }

  /**
   * The number of non-blank values of a text-typed field that fall outside the dominant value class
   * (see the class description); 0 for fields of other type families. Nulls and blank values are
   * not classified; a {@code byte[]} value counts as text.
   */
  public static long nonConforming(Field field, Sample.ColumnValues values) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(values, "values");
    if (field.type().family() != TypeFamily.STRING) {
      return 0;
    }
    long[] counts = new long[ValueClass.values().length];
    long total = 0;
    for (Object raw : values.values()) {
      if (raw == null) {
        continue;
      }
      Object value = ValueText.normalize(raw);
      if (value instanceof byte[]) {
        counts[ValueClass.TEXT.ordinal()]++;
        total++;
        continue;
      }
      String text = ValueText.text(value);
      if (text.isBlank()) {
        continue;
      }
      counts[ValueClass.of(text).ordinal()]++;
      total++;
    }
    if (total == 0) {
      return 0;
    }
    long integers = counts[ValueClass.INTEGER.ordinal()];
    long numbers = integers + counts[ValueClass.DECIMAL.ordinal()];
    long dates = counts[ValueClass.DATE_TIME.ordinal()];
    long booleans = counts[ValueClass.BOOLEAN.ordinal()];
    for (long covered : new long[] {integers, numbers, dates, booleans}) {
      if (covered >= DOMINANT_SHARE * total) {
        return total - covered;
      }
    }
    return 0;
  }

  private static long exactDistinct(Sample.ColumnValues values) {
    Set<Object> seen = new HashSet<>();
    for (Object raw : values.values()) {
      if (raw == null) {
        continue;
      }
      Object value = ValueText.normalize(raw);
      seen.add(value instanceof byte[] b ? ByteBuffer.wrap(b) : ValueText.text(value));
    }
    return seen.size();
  }

  private static Double round(Double x) {
    return x == null ? null : round(x.doubleValue());
  }

  private static double round(double x) {
    return BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  /** The class of a non-blank text value, for validity. */
  enum ValueClass {
    INTEGER,
    DECIMAL,
    DATE_TIME,
    BOOLEAN,
    TEXT;

    private static final Pattern INTEGER_FORM = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_FORM =
        Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final String TIME = "([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.[0-9]{1,9})?)?";
    private static final String ZONE = "(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?";
    private static final Pattern DATE_TIME_FORM =
        Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]" + TIME + ZONE + ")?");
    private static final Pattern TIME_FORM = Pattern.compile(TIME + ZONE);

    /** The class of a text (surrounding white space ignored). */
    static ValueClass of(String text) {
      String t = text.strip();
      if (INTEGER_FORM.matcher(t).matches()) {
        return INTEGER;
      }
      if (DECIMAL_FORM.matcher(t).matches()) {
        return DECIMAL;
      }
      if (isDateTime(t)) {
        return DATE_TIME;
      }
      switch (t.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "false", "yes", "no":
          return BOOLEAN;
        default:
          return TEXT;
      }
    }

    private static boolean isDateTime(String t) {
      Matcher m = DATE_TIME_FORM.matcher(t);
      if (m.matches()) {
        try {
          LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
          return false;
        }
        return m.group(4) == null || validTime(m.group(4), m.group(5), m.group(6));
      }
      m = TIME_FORM.matcher(t);
      return m.matches() && validTime(m.group(1), m.group(2), m.group(3));
    }

    private static boolean validTime(String hours, String minutes, String seconds) {
      return Integer.parseInt(hours) <= 23 && Integer.parseInt(minutes) <= 59
          && (seconds == null || Integer.parseInt(seconds) <= 59);
    }
  }
}
