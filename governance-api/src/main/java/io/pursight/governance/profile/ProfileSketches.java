package io.pursight.governance.profile;

import java.util.Arrays;

/**
 * The serialized Apache DataSketches behind a {@link Profile}, so that profiles computed on
 * different samples (or by different edge agents) merge without the raw values. Each array is the
 * sketch's standard compact serialization; a null array means the sketch was not kept.
 *
 * <p>For sensitive fields the {@code values} and {@code numbers} sketches are never kept, so a
 * profile of a sensitive field carries no raw value in any form.
 *
 * @param distinct an HLL sketch (lgK 12, HLL_8) of the values' text
 * @param lengths a KLL float sketch of value lengths (characters)
 * @param numbers a KLL double sketch of numeric values, or null
 * @param patterns a frequent-items sketch of value shapes (see {@link Profile#patterns()})
 * @param values a frequent-items sketch of the values' text, or null
 */
public record ProfileSketches(byte[] distinct, byte[] lengths, byte[] numbers, byte[] patterns, byte[] values) {

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileSketches s
        && Arrays.equals(distinct, s.distinct)
        && Arrays.equals(lengths, s.lengths)
        && Arrays.equals(numbers, s.numbers)
        && Arrays.equals(patterns, s.patterns)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {distinct, lengths, numbers, patterns, values});
  }

  @Override
  public String toString() {
    return "ProfileSketches[" + len(distinct) + "," + len(lengths) + "," + len(numbers) + "," + len(patterns) + ","
        + len(values) + " bytes]";
  }

  private static int len(byte[] b) {
    return b == null ? 0 : b.length;
  }
}
