package io.pursight.governance.profile;

import java.util.List;

/**
 * Statistics of one field over a sample. Mergeable through {@link #sketches()}.
 *
 * <p>Shapes ({@link #patterns()}) map every letter to {@code A}/{@code a}, every digit to {@code 9}
 * and keep other characters, so {@code "AB-1234"} has the shape {@code "AA-9999"}; shapes longer
 * than 24 characters are cut and end with {@code …}.
 *
 * @param rows sampled rows whose cell decoded (null or not); cells that failed to decode are counted
 *     only in {@code decodeErrors}
 * @param nulls sampled rows where the field was null
 * @param distinct estimated number of distinct non-null values
 * @param blanks non-null values that were empty or only white space
 * @param decodeErrors values the connector could not decode (counted as neither null nor value)
 * @param min the smallest value (numeric order for numbers, chronological for dates and times,
 *     text order otherwise), or null when withheld
 * @param max the largest value, or null when withheld
 * @param minLength the shortest value's length in characters, or null without values
 * @param maxLength the longest value's length, or null without values
 * @param meanLength the mean length, or null without values
 * @param topValues the most frequent values with counts; empty for sensitive fields
 * @param patterns the most frequent shapes with counts
 * @param redacted true when values were withheld (min, max, top values) because the field is
 *     classified as sensitive
 * @param sketches the mergeable sketches
 * @param order the order {@code min} and {@code max} follow, or null when there were no
 *     comparable values (or they were withheld); {@link Order#MIXED} values have no min or max
 */
public record Profile(
    long rows, long nulls, long distinct, long blanks, long decodeErrors, String min, String max,
    Integer minLength, Integer maxLength, Double meanLength, List<ValueCount> topValues,
    List<ValueCount> patterns, boolean redacted, ProfileSketches sketches, Order order) {

  /** How the values of a field compare. */
  public enum Order {
    /** All values are numbers: numeric order. */
    NUMERIC,
    /** All values are dates or times of one kind: chronological order. */
    TEMPORAL,
    /** All values are text (or other non-number, non-temporal values): text order. */
    TEXT,
    /** Values of several kinds: no meaningful min or max. */
    MIXED
  }

  /** Copies the lists. */
  public Profile {
    topValues = topValues == null ? List.of() : List.copyOf(topValues);
    patterns = patterns == null ? List.of() : List.copyOf(patterns);
  }

  /** A profile without an order (no comparable values, or withheld). */
  public Profile(long rows, long nulls, long distinct, long blanks, long decodeErrors, String min, String max,
      Integer minLength, Integer maxLength, Double meanLength, List<ValueCount> topValues,
      List<ValueCount> patterns, boolean redacted, ProfileSketches sketches) {
    this(rows, nulls, distinct, blanks, decodeErrors, min, max, minLength, maxLength, meanLength, topValues, patterns,
        redacted, sketches, null);
  }

  /** Non-null sampled values. */
  public long nonNull() {
    return rows - nulls;
  }

  /** Share of null rows in the sample, 0 when the sample is empty. */
  public double nullRatio() {
    return rows == 0 ? 0.0 : (double) nulls / rows;
  }
}
