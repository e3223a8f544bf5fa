package io.pursight.governance.policy.rules;

import java.util.Locale;

/**
 * A compiled name pattern: {@code *} matches any run of characters (dots included), {@code ?} one
 * character, everything else itself; matching ignores case. Patterns are matched against display
 * names ({@code database.schema.table.column}), dataset display names or source names.
 */
final class Glob {
  private static final int LITERAL = 0;
  private static final int PREFIX = 1;
  private static final int SUFFIX = 2;
  private static final int CONTAINS = 3;
  private static final int GENERAL = 4;
  private static final int ANY = 5;

  private final String pattern;
  private final int kind;
  private final String part;

  private Glob(String pattern, int kind, String part) {
    this.pattern = pattern;
    this.kind = kind;
    this.part = part;
  }

  /**
   * Compiles {@code raw}.
   *
   * @throws IllegalArgumentException with the reason when it is not a supported pattern
   */
  static Glob compile(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("an empty pattern matches nothing");
    }
    if (raw.length() > 512) {
      throw new IllegalArgumentException("pattern longer than 512 characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '[' || c == ']' || c == '{' || c == '}') {
        throw new IllegalArgumentException("'" + c + "' at character " + (i + 1)
            + ": character classes and alternatives are not supported; list several patterns instead");
      }
      if (c == '\\') {
        throw new IllegalArgumentException("'\\' at character " + (i + 1) + ": escapes are not supported");
      }
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("control character at character " + (i + 1));
      }
    }
    if (raw.startsWith(".") || raw.endsWith(".") || raw.contains("..")) {
      throw new IllegalArgumentException("empty name segment (leading, trailing or doubled '.')");
    }
    String p = raw.toLowerCase(Locale.ROOT);
    while (p.contains("**")) {
      p = p.replace("**", "*");
    }
    if (p.indexOf('*') < 0 && p.indexOf('?') < 0) {
      return new Glob(p, LITERAL, p);
    }
    if (p.equals("*")) {
      return new Glob(p, ANY, "");
    }
    if (p.indexOf('?') < 0) {
      int first = p.indexOf('*');
      int last = p.lastIndexOf('*');
      if (first == last && last == p.length() - 1) {
        return new Glob(p, PREFIX, p.substring(0, last));
      }
      if (first == last && first == 0) {
        return new Glob(p, SUFFIX, p.substring(1));
      }
      if (first == 0 && last == p.length() - 1 && p.indexOf('*', 1) == last) {
        return new Glob(p, CONTAINS, p.substring(1, last));
      }
    }
    return new Glob(p, GENERAL, null);
  }

  /** The pattern, lower case. */
  String pattern() {
    return pattern;
  }

  /** True when the pattern has no wildcard. */
  boolean isLiteral() {
    return kind == LITERAL;
  }

  /** The literal name when {@link #isLiteral()}. */
  String literal() {
    return pattern;
  }

  /**
   * The literal text before the dot that precedes the first wildcard, e.g. {@code shop.public} for
   * {@code shop.public.cust*}: every match starts with it and a dot. Null when there is none.
   */
  String literalPrefix() {
    if (kind == LITERAL) {
      return null;
    }
    int dot = pattern.lastIndexOf('.', firstWildcard());
    return dot <= 0 ? null : pattern.substring(0, dot);
  }

  /**
   * The literal text after the dot that follows the last wildcard, e.g. {@code ssn} for {@code
   * *.ssn}: every match ends with a dot and it. Null when there is none.
   */
  String literalSuffix() {
    if (kind == LITERAL) {
      return null;
    }
    int dot = pattern.indexOf('.', lastWildcard());
    return dot < 0 || dot == pattern.length() - 1 ? null : pattern.substring(dot + 1);
  }

  /** True for {@code literal.*}: every name that starts with the literal prefix and a dot matches. */
  boolean isPrefixStar() {
    String prefix = literalPrefix();
    return prefix != null && pattern.length() == prefix.length() + 2 && pattern.endsWith(".*");
  }

  /** True for {@code *.literal}: every name that ends with a dot and the literal suffix matches. */
  boolean isStarSuffix() {
    String suffix = literalSuffix();
    return suffix != null && pattern.length() == suffix.length() + 2 && pattern.startsWith("*.");
  }

  private int firstWildcard() {
    int star = pattern.indexOf('*');
    int q = pattern.indexOf('?');
    return star < 0 ? q : q < 0 ? star : Math.min(star, q);
  }

  private int lastWildcard() {
    return Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
  }

  /** The number of dot-separated segments of {@code s}. */
  static int segments(String s) {
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  /** Matches {@code lowerCaseName}, which the caller has lower-cased with {@link Locale#ROOT}. */
  boolean matches(String lowerCaseName) {
    switch (kind) {
      case LITERAL:
        return pattern.equals(lowerCaseName);
      case ANY:
        return true;
      case PREFIX:
        return lowerCaseName.startsWith(part);
      case SUFFIX:
        return lowerCaseName.endsWith(part);
      case CONTAINS:
        return lowerCaseName.contains(part);
      default:
        return wildcard(pattern, lowerCaseName);
    }
  }

  /** Linear-time wildcard matching with backtracking to the last star only. */
  static boolean wildcard(String p, String s) {
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
        pi++;
        si++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
