package io.pursight.governance.lineage.calcite;

import java.util.Locale;

/**
 * One token of a script. Offsets are into the whole script, so positions survive rewriting: a
 * synthetic token (made by a rewrite) carries the offsets of the text it stands for.
 */
final class Tok {

  enum Type {
    /** An unquoted word: keyword or identifier. */
    WORD,
    /** A quoted identifier; {@link #value} is its unescaped name. */
    QID,
    /** A string literal; {@link #value} is its unescaped text. */
    STR,
    NUM,
    /** A bind parameter or variable: {@code ?}, {@code $1}, {@code :x}, {@code @x}, {@code @@x}. */
    PARAM,
    OP,
    /** Unterminated quote or comment. */
    ERROR
  }

  final Type type;
  /** WORD: as written; QID/STR: unescaped value; others: the text. */
  final String value;
  final String upper;
  final int start;
  final int end;
  final boolean spaceBefore;
  /** String prefix ({@code N}, {@code X}, {@code B}) or null. */
  final String prefix;
  /** Set on synthetic tokens made by rewrites, e.g. {@code "::"} for a CAST made from {@code ::}. */
  final String mark;

  Tok(Type type, String value, int start, int end, boolean spaceBefore, String prefix, String mark) {
    this.type = type;
    this.value = value;
    this.upper = type == Type.WORD ? value.toUpperCase(Locale.ROOT) : value;
    this.start = start;
    this.end = end;
    this.spaceBefore = spaceBefore;
    this.prefix = prefix;
    this.mark = mark;
  }

  static Tok synth(Type type, String value, int start, int end, String mark) {
    return new Tok(type, value, start, end, true, null, mark);
  }

  static Tok word(String w, Tok at) {
    return synth(Type.WORD, w, at.start, at.start, "synthetic");
  }

  static Tok op(String o, Tok at) {
    return synth(Type.OP, o, at.start, at.start, "synthetic");
  }

  boolean is(String keyword) {
    return type == Type.WORD && upper.equals(keyword);
  }

  boolean isAny(String... keywords) {
    if (type != Type.WORD) {
      return false;
    }
    for (String k : keywords) {
      if (upper.equals(k)) {
        return true;
      }
    }
    return false;
  }

  boolean isOp(String op) {
    return type == Type.OP && value.equals(op);
  }

  boolean isName() {
    return type == Type.WORD || type == Type.QID;
  }

  /** The identifier as lineage names it: unquoted lower-cased, quoted as written. */
  String name() {
    return type == Type.WORD ? value.toLowerCase(Locale.ROOT) : value;
  }

  @Override
  public String toString() {
    return type + ":" + value;
  }
}
