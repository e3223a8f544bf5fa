package io.pursight.governance.classifier.patterns;

/**
 * Statistics of one column's values, accumulated value by value without keeping them: counts,
 * lengths, character-class uniformity, distinct values (by hash, bounded), and the shares of
 * numeric, version-like, free-text and masked values. Not thread-safe.
 */
final class ColumnStats {
  private static final int DISTINCT_CAP = 4096;

  int values;
  int blank;
  long sumLength;
  long sumSquaredLength;
  int minLength = Integer.MAX_VALUE;
  int maxLength;
  int maskUnion;
  int maskIntersection = -1;
  int numeric;
  int versionLike;
  int text;
  int masked;
  private long[] hashes = new long[64];
  private int distinct;
  private boolean distinctSaturated;

  void add(String v, Shape s) {
    values++;
    sumLength += s.length;
    sumSquaredLength += (long) s.length * s.length;
    minLength = Math.min(minLength, s.length);
    maxLength = Math.max(maxLength, s.length);
    maskUnion |= s.mask;
    maskIntersection &= s.mask;
    if (s.length > 0 && s.only(Shape.DIGIT | Shape.DOT | Shape.DASH | Shape.PLUS | Shape.COMMA) && s.dots <= 1
        && s.digits > 0) {
      numeric++;
    }
    if (s.only(Shape.DIGIT | Shape.DOT) && s.dots == 2 && s.digits <= 10 && v.charAt(0) != '.'
        && v.charAt(v.length() - 1) != '.' && v.indexOf("..") < 0) {
      versionLike++; // 10.4.1: a three-part software version, which an IPv4 column never holds
    }
    if (s.length >= 24 && s.spaces >= 3) {
      text++;
    }
    if (looksMasked(v, s)) {
      masked++;
    }
    addHash(s.hash);
  }

  void blank() {
    blank++;
  }

  private void addHash(long h) {
    if (distinctSaturated) {
      return;
    }
    long key = h == 0 ? 1 : h;
    if (distinct * 2 >= hashes.length) {
      grow();
    }
    int mask = hashes.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (hashes[i] != 0) {
      if (hashes[i] == key) {
        return;
      }
      i = (i + 1) & mask;
    }
    hashes[i] = key;
    if (++distinct >= DISTINCT_CAP) {
      distinctSaturated = true;
    }
  }

  /** Doubles the open-addressing table (it starts small: most columns are samples of tens of values). */
  private void grow() {
    long[] old = hashes;
    hashes = new long[old.length * 2];
    int mask = hashes.length - 1;
    for (long key : old) {
      if (key != 0) {
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (hashes[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = key;
      }
    }
  }

  /** Distinct values seen (exact up to 4096, then a lower bound). */
  int distinct() {
    return distinct;
  }

  /** Distinct values over values (1.0 when every value differs). */
  double distinctRatio() {
    return values == 0 ? 0 : distinctSaturated ? Math.max((double) distinct / values, 0.9) : (double) distinct / values;
  }

  double meanLength() {
    return values == 0 ? 0 : (double) sumLength / values;
  }

  double lengthStdDev() {
    if (values == 0) {
      return 0;
    }
    double mean = meanLength();
    return Math.sqrt(Math.max(0, (double) sumSquaredLength / values - mean * mean));
  }

  /** Share of values with at least four words and 24+ characters. */
  double textRatio() {
    return values == 0 ? 0 : (double) text / values;
  }

  double maskedRatio() {
    return values == 0 ? 0 : (double) masked / values;
  }

  /** True when every value has the same length and the same character classes (codes, IDs). */
  boolean uniform() {
    return values > 0 && minLength == maxLength && maskUnion == maskIntersection;
  }

  /**
   * Masked or redacted: runs of {@code *}, {@code X}, {@code x}, {@code #} or {@code •} (e.g.
   * XXX-XX-1234, **** **** **** 4242), or the words REDACTED/MASKED.
   */
  static boolean looksMasked(String v, Shape s) {
    if (s.length < 3) {
      return false;
    }
    if (s.maskChars < 3) {
      return s.length >= 6 && s.length <= 12 && (s.mask & Shape.UPPER) != 0 && s.letters >= 6
          && (v.toUpperCase(java.util.Locale.ROOT).contains("REDACTED") || v.toUpperCase(java.util.Locale.ROOT).contains("MASKED"));
    }
    int run = 0;
    int maskChars = 0;
    for (int i = 0; i < s.length; i++) {
      char c = v.charAt(i);
      boolean m = c == '*' || c == 'X' || c == 'x' || c == '#' || c == '\u2022' || c == '\u25CF';
      if (m) {
        maskChars++;
        run++;
        if (run >= 3 && (c != 'x' && c != 'X' || s.letters == maskChars)) {
          return true;
        }
      } else if (c != ' ' && c != '-') {
        run = 0;
      }
    }
    if (s.letters == maskChars && maskChars >= 3) {
      return true; // XXX-XX-1234
    }
    String u = v.length() <= 12 ? v.toUpperCase(java.util.Locale.ROOT) : "";
    return u.contains("REDACTED") || u.contains("MASKED");
  }
}
