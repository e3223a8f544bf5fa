package io.pursight.governance.classifier.patterns;

/** How much a passed value check proves, with the base confidence of a column of such values. */
enum Strength {
  /** Only the value's shape agrees (capitalised words, a number and words); proves little alone. */
  SHAPE(0.55),
  /** The format matched; nothing else could be verified (or the type needs context anyway). */
  PATTERN(0.65),
  /** Structural rules passed: prefixes, ranges, registry tables, decodable content, libphonenumber. */
  RULES(0.70),
  /** A check digit or checksum passed (Luhn, mod-97, Verhoeff, mod-11, base58check...). */
  CHECKSUM(0.75);

  /** The confidence of a column whose values pass at this strength, before supporting evidence. */
  final double base;

  /** {@link #values()} without the copy. */
  static final Strength[] ALL = values();

  Strength(double base) {
    this.base = base;
  }
}
