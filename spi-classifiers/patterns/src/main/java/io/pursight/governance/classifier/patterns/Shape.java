package io.pursight.governance.classifier.patterns;

/**
 * The character profile of one value, computed in a single pass and reused across values (not
 * thread-safe): length, a bit mask of the character classes present, counts, and a hash for
 * distinct counting. Detectors' pre-filters compare against it before any regex runs.
 */
final class Shape {
  static final int DIGIT = 1;
  static final int UPPER = 1 << 1;
  static final int LOWER = 1 << 2;
  static final int SPACE = 1 << 3;
  static final int DASH = 1 << 4;
  static final int DOT = 1 << 5;
  static final int COLON = 1 << 6;
  static final int SLASH = 1 << 7;
  static final int AT = 1 << 8;
  static final int PLUS = 1 << 9;
  static final int UNDERSCORE = 1 << 10;
  static final int PAREN = 1 << 11;
  static final int COMMA = 1 << 12;
  static final int EQUALS = 1 << 13;
  static final int DOLLAR = 1 << 14;
  static final int QUOTE = 1 << 15;
  static final int PERCENT = 1 << 16;
  static final int CARET = 1 << 17;
  static final int SEMICOLON = 1 << 18;
  static final int QUESTION = 1 << 19;
  static final int OTHER_PUNCT = 1 << 20;
  static final int NEWLINE = 1 << 21;
  static final int NON_ASCII_LETTER = 1 << 22;
  static final int DEGREE = 1 << 23;
  static final int OTHER = 1 << 24;
  static final int HASH = 1 << 25;
  static final int BRACE = 1 << 26;
  static final int STAR = 1 << 27;

  static final int LETTER = UPPER | LOWER;
  static final int ALNUM = DIGIT | UPPER | LOWER;
  static final int ANY = -1;

  private static final int[] ASCII = new int[128];

  static {
    for (int c = 0; c < 128; c++) {
      int m;
      if (c >= '0' && c <= '9') {
        m = DIGIT;
      } else if (c >= 'A' && c <= 'Z') {
        m = UPPER;
      } else if (c >= 'a' && c <= 'z') {
        m = LOWER;
      } else {
        m = switch (c) {
          case ' ', '\t' -> SPACE;
          case '\n', '\r' -> NEWLINE;
          case '-' -> DASH;
          case '.' -> DOT;
          case ':' -> COLON;
          case '/', '\\' -> SLASH;
          case '@' -> AT;
          case '+' -> PLUS;
          case '_' -> UNDERSCORE;
          case '(', ')', '[', ']' -> PAREN;
          case ',' -> COMMA;
          case '=' -> EQUALS;
          case '$' -> DOLLAR;
          case '\'', '"', '`' -> QUOTE;
          case '%' -> PERCENT;
          case '^' -> CARET;
          case ';' -> SEMICOLON;
          case '?' -> QUESTION;
          case '#' -> HASH;
          case '{', '}' -> BRACE;
          case '*' -> STAR;
          default -> c < 32 || c == 127 ? OTHER : OTHER_PUNCT;
        };
      }
      ASCII[c] = m;
    }
  }

  int length;
  int mask;
  int digits;
  int letters;
  int spaces;
  int dots;
  int dashes;
  /** Characters used to mask values: * X x # • ●. */
  int maskChars;
  long hash;

  /** Profiles {@code s}; returns this. */
  Shape of(String s) {
    int len = s.length();
    int m = 0;
    int d = 0;
    int l = 0;
    int sp = 0;
    int dt = 0;
    int da = 0;
    int mc = 0;
    int h = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      h = 31 * h + c;
      if (c == '*' || c == 'X' || c == 'x' || c == '#' || c == '\u2022' || c == '\u25CF') {
        mc++;
      }
      int bit;
      if (c < 128) {
        bit = ASCII[c];
      } else if (Character.isLetter(c)) {
        bit = NON_ASCII_LETTER;
      } else if (c == '\u00B0' || c == '\u00BA' || c == '\u2032' || c == '\u2033' || c == '\u2019' || c == '\u201D') {
        bit = DEGREE;
      } else if (Character.isWhitespace(c) || c == '\u00A0') {
        bit = SPACE;
      } else {
        bit = OTHER;
      }
      m |= bit;
      switch (bit) {
        case DIGIT -> d++;
        case UPPER, LOWER, NON_ASCII_LETTER -> l++;
        case SPACE -> sp++;
        case DOT -> dt++;
        case DASH -> da++;
        default -> { }
      }
    }
    length = len;
    mask = m;
    digits = d;
    letters = l;
    spaces = sp;
    dots = dt;
    dashes = da;
    maskChars = mc;
    // 32 bits of hash with the length are plenty for distinct counts up to 4096
    hash = ((long) h << 32) ^ (len * 0x9E3779B97F4A7C15L);
    return this;
  }

  /** True when the value holds only classes in {@code allowed}. */
  boolean only(int allowed) {
    return (mask & ~allowed) == 0;
  }
}
