package io.pursight.governance.classifier.patterns;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way to recognise values of an info type (a "variant": an SSN written with dashes, a phone in
 * international format...). A value is a hit when it passes, in order: the pre-filter on its
 * {@link Shape} (length, character classes, digit count), the precompiled pattern, and the check.
 * Immutable; built with {@link #of}.
 */
final class Detector {
  final String infoType;
  final String variant;
  final String checkName;
  final Strength strength;
  /** Values alone prove little: the type needs name or comment evidence to be reported. */
  final boolean needsContext;
  final int minLen;
  final int maxLen;
  final int allowed;
  final int required;
  /** At least one of these classes must be present (0: no condition). */
  final int anyOf;
  final int minDigits;
  final int maxDigits;
  final int minLetters;
  final Pattern pattern;
  /**
   * A hand-written equivalent of {@code pattern.matcher(v).matches()} for the hottest simple
   * patterns (word-like values meet several of them), or null; {@code DetectorMatchersTest} checks
   * it against the pattern.
   */
  final java.util.function.Predicate<String> matcher;
  /** Use {@code find()} instead of {@code matches()} (for values that embed the thing, like PEM blocks). */
  final boolean find;
  final ValueCheck check;
  /** The check is costly (libphonenumber); its calls are capped per column. */
  final boolean expensive;
  /** The span finder may try it on words of free text. */
  final boolean inText;

  private Detector(Builder b) {
    infoType = Objects.requireNonNull(b.infoType);
    variant = Objects.requireNonNull(b.variant);
    checkName = Objects.requireNonNull(b.checkName, "checkName");
    strength = b.strength;
    needsContext = b.needsContext;
    minLen = b.minLen;
    maxLen = b.maxLen;
    allowed = b.allowed;
    required = b.required;
    anyOf = b.anyOf;
    minDigits = b.minDigits;
    maxDigits = b.maxDigits;
    minLetters = b.minLetters;
    pattern = Objects.requireNonNull(b.pattern, "pattern");
    matcher = b.matcher;
    if (matcher != null && b.find) {
      throw new IllegalStateException("a hand-written matcher replaces matches(), not find(): " + key());
    }
    find = b.find;
    check = b.check;
    expensive = b.expensive;
    inText = b.inText;
  }

  static Builder of(String infoType, String variant) {
    return new Builder(infoType, variant);
  }

  /** "TYPE/variant", for logs and tests. */
  String key() {
    return infoType + "/" + variant;
  }

  /** The cheap pre-filter. */
  boolean accepts(Shape s) {
    return s.length >= minLen && s.length <= maxLen && (s.mask & ~allowed) == 0 && (s.mask & required) == required
        && s.digits >= minDigits && s.digits <= maxDigits && s.letters >= minLetters
        && (anyOf == 0 || (s.mask & anyOf) != 0);
  }

  @Override
  public String toString() {
    return key();
  }

  static final class Builder {
    private final String infoType;
    private final String variant;
    private String checkName;
    private Strength strength = Strength.PATTERN;
    private boolean needsContext;
    private int minLen = 1;
    private int maxLen = 256;
    private int allowed = Shape.ANY;
    private int required;
    private int anyOf;
    private int minDigits;
    private int maxDigits = Integer.MAX_VALUE;
    private int minLetters;
    private Pattern pattern;
    private java.util.function.Predicate<String> matcher;
    private boolean find;
    private ValueCheck check = ValueCheck.NONE;
    private boolean expensive;
    private boolean inText;

    private Builder(String infoType, String variant) {
      this.infoType = infoType;
      this.variant = variant;
    }

    Builder length(int min, int max) {
      minLen = min;
      maxLen = max;
      return this;
    }

    Builder chars(int allowedClasses) {
      allowed = allowedClasses;
      return this;
    }

    Builder requires(int classes) {
      required = classes;
      return this;
    }

    Builder requiresAny(int classes) {
      anyOf = classes;
      return this;
    }

    Builder digits(int min, int max) {
      minDigits = min;
      maxDigits = max;
      return this;
    }

    Builder letters(int min) {
      minLetters = min;
      return this;
    }

    Builder pattern(String regex) {
      pattern = Pattern.compile(regex);
      return this;
    }

    Builder pattern(Pattern p) {
      pattern = p;
      return this;
    }

    Builder matcher(java.util.function.Predicate<String> m) {
      matcher = m;
      return this;
    }

    Builder findAnywhere() {
      find = true;
      return this;
    }

    Builder check(ValueCheck c, String name, Strength s) {
      check = c;
      checkName = name;
      strength = s;
      return this;
    }

    Builder needsContext() {
      needsContext = true;
      return this;
    }

    Builder expensive() {
      expensive = true;
      return this;
    }

    Builder inText() {
      inText = true;
      return this;
    }

    Detector build() {
      return new Detector(this);
    }
  }
}
