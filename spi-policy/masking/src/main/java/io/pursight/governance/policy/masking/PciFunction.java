package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;

/**
 * {@code pci}: masks a primary account number as PCI DSS allows for display: at most the first 6
 * and the last 4 digits are shown ({@code first} 0..6, default 6; {@code last} 0..4, default 4),
 * every other digit becomes {@code char} (not a digit, default {@code *}), and separators (single
 * spaces or dashes between digit groups) and surrounding spaces stay where they are. A PAN is 13
 * to 19 ASCII digits passing the Luhn check (unless {@code luhn: false}). Anything else is not a
 * PAN and is masked entirely, one {@code char} per character. Integral numbers (Long,
 * BigInteger...) are masked on their digits and return a String; other non-string values return
 * {@link RedactFunction#DEFAULT_TOKEN}.
 */
final class PciFunction extends AbstractFunction<PciFunction.Config> {
  static final String NAME = "pci";
  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;

  record Config(int first, int last, int maskChar, boolean luhn) {}

  PciFunction() {
    super(NAME, "first", "last", "char", "luhn");
  }

  @Override
  Config parse(Params p) {
    int maskChar = p.codePoint("char", '*');
    if (Character.isDigit(maskChar)) {
      throw p.error("char", "must not be a digit: a masked PAN must not look like a PAN (e.g. * or X)");
    }
    return new Config(p.integer("first", 6, 0, 6), p.integer("last", 4, 0, 4), maskChar, p.bool("luhn", true));
  }

  @Override
  Object apply(Object value, Config c, SecretResolver secrets) {
    return switch (Values.kind(value)) {
      case TEXT, INTEGRAL -> mask(Values.text(value), c);
      default -> RedactFunction.DEFAULT_TOKEN;
    };
  }

  static String mask(String s, Config c) {
    int digits = panDigits(s, c.luhn);
    if (digits < 0) {
      return PartialFunction.mask(s, 0, 0, c.maskChar);
    }
    StringBuilder b = new StringBuilder(s.length());
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        if (d < c.first || d >= digits - c.last) {
          b.append(ch);
        } else {
          b.appendCodePoint(c.maskChar);
        }
        d++;
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * The number of digits when {@code s} is a PAN: optional leading and trailing spaces around
   * 13..19 digits, with single spaces or dashes between digit groups; -1 otherwise.
   */
  static int panDigits(String s, boolean luhn) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (start == end || !isDigit(s.charAt(start)) || !isDigit(s.charAt(end - 1))) {
      return -1;
    }
    int digits = 0;
    int sum = 0;
    // Luhn from the right: double every second digit.
    for (int i = end - 1; i >= start; i--) {
      char ch = s.charAt(i);
      if (isDigit(ch)) {
        int v = ch - '0';
        if ((digits & 1) == 1) {
          v *= 2;
          if (v > 9) {
            v -= 9;
          }
        }
        sum += v;
        digits++;
        if (digits > MAX_DIGITS) {
          return -1;
        }
      } else if ((ch == ' ' || ch == '-') && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1))) {
        continue;
      } else {
        return -1;
      }
    }
    if (digits < MIN_DIGITS || (luhn && sum % 10 != 0)) {
      return -1;
    }
    return digits;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
