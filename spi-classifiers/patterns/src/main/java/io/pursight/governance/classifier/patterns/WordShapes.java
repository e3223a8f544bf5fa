package io.pursight.governance.classifier.patterns;

/**
 * Hand-written full matches of the simple word patterns that word-like values meet several times
 * each (names, places, gender words), without a regex engine. Each method names the pattern it
 * equals; {@code DetectorMatchersTest} compares them with it on seeded random strings.
 */
final class WordShapes {
  private WordShapes() {}

  /** {@code \s} of java.util.regex (without UNICODE_CHARACTER_CLASS). */
  private static boolean ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code [^\s,]++(?:,?\s++[^\s,]++){0,maxTokens-1}}: words separated by white space, a comma allowed before it. */
  static boolean commaWords(String v, int maxTokens) {
    int n = v.length();
    int i = 0;
    int tokens = 0;
    while (true) {
      int start = i;
      while (i < n && !ws(v.charAt(i)) && v.charAt(i) != ',') {
        i++;
      }
      if (i == start || ++tokens > maxTokens) {
        return false;
      }
      if (i == n) {
        return true;
      }
      if (v.charAt(i) == ',') {
        i++;
      }
      int space = i;
      while (i < n && ws(v.charAt(i))) {
        i++;
      }
      if (i == space) {
        return false;
      }
    }
  }

  /**
   * {@code [^\s,.'’\-()][^()]*+|[^\s,.'’\-()][^()]*\([^()]++\)}: a place name, optionally ending
   * with one non-empty parenthesised part.
   */
  static boolean placeName(String v) {
    int n = v.length();
    if (n == 0) {
      return false;
    }
    char f = v.charAt(0);
    if (ws(f) || f == ',' || f == '.' || f == '\'' || f == '\u2019' || f == '-' || f == '(' || f == ')') {
      return false;
    }
    int open = -1;
    for (int i = 1; i < n; i++) {
      char c = v.charAt(i);
      if (c == '(') {
        if (open >= 0) {
          return false;
        }
        open = i;
      } else if (c == ')') {
        return open >= 0 && i == n - 1 && i - open >= 2;
      }
    }
    return open < 0;
  }

  /** {@code [^\s,.'’\-].*+}: does not start with white space or punctuation, no line terminator after the first character. */
  static boolean properStart(String v) {
    int n = v.length();
    if (n == 0) {
      return false;
    }
    char f = v.charAt(0);
    if (ws(f) || f == ',' || f == '.' || f == '\'' || f == '\u2019' || f == '-') {
      return false; // (a line terminator other than \n and \r may come first: the class matches it)
    }
    for (int i = 1; i < n; i++) {
      if (lineTerminator(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean lineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** {@code [^\s\-][^\s\-]*+(?:[\s\-][^\s\-]++)*+}: words joined by single spaces or hyphens. */
  static boolean hyphenWords(String v) {
    int n = v.length();
    boolean previousSeparator = true;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      boolean separator = ws(c) || c == '-';
      if (separator && previousSeparator) {
        return false;
      }
      previousSeparator = separator;
    }
    return n > 0 && !previousSeparator;
  }
}
