package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;

/**
 * {@code partial}: shows the first {@code first} and the last {@code last} characters (Unicode
 * code points) and replaces each other character by {@code char}; the length is kept. A value of
 * at most {@code first + last} characters is masked entirely, so a value never comes back whole.
 * Non-string values (numbers, dates, UUIDs, characters) are masked on their text and return a
 * String; Boolean, byte[] and other types are refused.
 */
final class PartialFunction extends AbstractFunction<PartialFunction.Config> {
  static final String NAME = "partial";
  static final int MAX_SHOWN = 1000;

  record Config(int first, int last, int maskChar) {}

  PartialFunction() {
    super(NAME, "first", "last", "char");
  }

  @Override
  Config parse(Params p) {
    return new Config(p.integer("first", 0, 0, MAX_SHOWN), p.integer("last", 4, 0, MAX_SHOWN),
        p.codePoint("char", '*'));
  }

  @Override
  Object apply(Object value, Config c, SecretResolver secrets) {
    switch (Values.kind(value)) {
      case BOOLEAN:
      case BYTES:
      case OTHER:
        throw Values.unsupported(NAME, value, "strings, numbers, dates and times, UUIDs, characters");
      default:
        return mask(Values.text(value), c.first, c.last, c.maskChar);
    }
  }

  /** Shows {@code first} and {@code last} code points when the text is longer than both together. */
  static String mask(String s, int first, int last, int maskChar) {
    int n = s.codePointCount(0, s.length());
    StringBuilder b = new StringBuilder(s.length());
    if (n <= first + last) {
      b.appendCodePoint(maskChar);
      return b.toString().repeat(n);
    }
    int headEnd = s.offsetByCodePoints(0, first);
    int tailStart = s.offsetByCodePoints(s.length(), -last);
    b.append(s, 0, headEnd);
    for (int i = 0; i < n - first - last; i++) {
      b.appendCodePoint(maskChar);
    }
    b.append(s, tailStart, s.length());
    return b.toString();
  }
}
