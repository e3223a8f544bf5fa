package io.pursight.governance.classifier.patterns;

/**
 * The check-digit algorithms, on plain character sequences, allocation-free. Separators are the
 * callers' business unless a method says it skips them.
 */
final class Checksums {
  private Checksums() {}

  /**
   * Luhn (mod 10) over the digits of {@code s}, skipping spaces and dashes.
   *
   * @return false when {@code s} has another character or fewer than two digits
   */
  static boolean luhn(CharSequence s) {
    int sum = 0;
    int n = 0;
    boolean dbl = false;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == ' ' || c == '-') {
        continue;
      }
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
      n++;
    }
    return n >= 2 && sum % 10 == 0;
  }

  /** The Luhn check digit to append to the digits of {@code payload}. */
  static int luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /**
   * ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters count A=10 .. Z=35), read from
   * {@code from} to {@code to}, then from {@code 0} to {@code from} (the IBAN rearrangement when
   * {@code from} = 4). Spaces are skipped; another character gives -1.
   */
  static int mod97Rotated(CharSequence s, int from) {
    long r = 0;
    int len = s.length();
    for (int k = 0; k < len; k++) {
      char c = s.charAt((k + from) % len);
      if (c == ' ') {
        continue;
      }
      if (c >= '0' && c <= '9') {
        r = (r * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        r = (r * 100 + (c - 'A' + 10)) % 97;
      } else if (c >= 'a' && c <= 'z') {
        r = (r * 100 + (c - 'a' + 10)) % 97;
      } else {
        return -1;
      }
    }
    return (int) r;
  }

  /** The remainder mod 97 of the decimal digits {@code s[from, to)}. */
  static int mod97Digits(CharSequence s, int from, int to) {
    long r = 0;
    for (int i = from; i < to; i++) {
      r = (r * 10 + (s.charAt(i) - '0')) % 97;
    }
    return (int) r;
  }

  private static final int[][] VERHOEFF_D = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
      {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
      {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  private static final int[][] VERHOEFF_P = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
      {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 8, 7, 6, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

  /** Verhoeff over the digits of {@code s}, skipping spaces and dashes (checksum digit included). */
  static boolean verhoeff(CharSequence s) {
    int c = 0;
    int pos = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      char ch = s.charAt(i);
      if (ch == ' ' || ch == '-') {
        continue;
      }
      if (ch < '0' || ch > '9') {
        return false;
      }
      c = VERHOEFF_D[c][VERHOEFF_P[pos % 8][ch - '0']];
      pos++;
    }
    return pos >= 2 && c == 0;
  }

  /** The Verhoeff check digit to append to the digits of {@code payload}. */
  static int verhoeffCheckDigit(CharSequence payload) {
    int c = 0;
    int pos = 1;
    for (int i = payload.length() - 1; i >= 0; i--) {
      c = VERHOEFF_D[c][VERHOEFF_P[pos % 8][payload.charAt(i) - '0']];
      pos++;
    }
    return VERHOEFF_INV[c];
  }

  /**
   * ISO 7064 MOD 11,10 (hybrid system) check digit over the digits {@code s[from, to)}, as used by
   * the German tax id and VAT number.
   */
  static int iso7064Mod11_10(CharSequence s, int from, int to) {
    int product = 10;
    for (int i = from; i < to; i++) {
      int sum = (s.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    return check == 10 ? 0 : check;
  }

  /** The ICAO 9303 check digit (weights 7, 3, 1; digits, A=10 .. Z=35, '<' = 0) of {@code s[from, to)}. */
  static int icao(CharSequence s, int from, int to) {
    int sum = 0;
    int[] w = {7, 3, 1};
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
      } else if (c == '<') {
        v = 0;
      } else {
        return -1;
      }
      sum += v * w[(i - from) % 3];
    }
    return sum % 10;
  }

  /** ABA routing transit number checksum: 3-7-1 weights over nine digits. */
  static boolean aba(CharSequence s) {
    if (s.length() != 9) {
      return false;
    }
    int[] w = {3, 7, 1};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * w[i % 3];
    }
    return sum % 10 == 0;
  }

  /** True when every digit of {@code s[from, to)} equals the first. */
  static boolean allSame(CharSequence s, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      if (s.charAt(i) != s.charAt(from)) {
        return false;
      }
    }
    return true;
  }

  /** The digits of {@code s}, skipping the separators in {@code separators}; null on another character. */
  static String digitsOnly(CharSequence s, String separators) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      } else if (separators.indexOf(c) < 0) {
        return null;
      }
    }
    return b.toString();
  }

  /** {@code s} without the characters in {@code separators}. */
  static String strip(CharSequence s, String separators) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (separators.indexOf(c) < 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** True when {@code s[from, to)} is non-empty and all decimal digits. */
  static boolean digits(CharSequence s, int from, int to) {
    if (from >= to || to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses at most nine decimal digits {@code s[from, to)}; -1 when one is not a digit. */
  static int num(CharSequence s, int from, int to) {
    if (to - from > 9) {
      throw new IllegalArgumentException("num() reads at most 9 digits; use digits()");
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
