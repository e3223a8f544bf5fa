package io.pursight.governance.lineage.calcite;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The text handed to Calcite for a query: its tokens, normalised for Calcite's lexer (double-quoted
 * identifiers, standard string literals, {@code ?} parameters), joined by single spaces. Keeps,
 * per emitted token, the token it came from, so Calcite's positions map back to the script.
 */
final class QueryText {

  final String text;
  final List<Tok> toks;
  private final int[] offs;
  private final int[] lineStarts;

  private QueryText(String text, List<Tok> toks, int[] offs) {
    this.text = text;
    this.toks = toks;
    this.offs = offs;
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    lineStarts = new int[lines];
    int l = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts[l++] = i + 1;
      }
    }
  }

  static QueryText of(List<Tok> toks, Set<Integer> forceQuote) {
    StringBuilder sb = new StringBuilder(toks.size() * 8);
    int[] offs = new int[toks.size()];
    for (int i = 0; i < toks.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      offs[i] = sb.length();
      render(sb, toks.get(i), forceQuote.contains(i));
    }
    return new QueryText(sb.toString(), toks, offs);
  }

  private static void render(StringBuilder sb, Tok t, boolean quote) {
    switch (t.type) {
      case WORD -> {
        if (quote || !plain(t.value)) {
          sb.append('"').append(t.name().replace("\"", "\"\"")).append('"');
        } else {
          sb.append(t.value);
        }
      }
      case QID -> sb.append('"').append(t.value.isEmpty() ? "_" : t.value.replace("\"", "\"\"")).append('"');
      case STR -> {
        if ("N".equals(t.prefix)) {
          sb.append('N');
        } else if ("X".equals(t.prefix) && t.value.matches("[0-9a-fA-F]*") && t.value.length() % 2 == 0) {
          sb.append('X');
        }
        sb.append('\'').append(t.value.replace("'", "''")).append('\'');
      }
      case NUM -> sb.append(t.value);
      case PARAM -> {
        String v = t.value;
        if (v.equals("?") || v.startsWith("$") && !v.startsWith("${") || v.startsWith(":")) {
          sb.append('?');
        } else {
          sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
      }
      case OP -> sb.append(switch (t.value) {
        case "==", "<=>" -> "=";
        case "!=" -> "<>";
        case "->", "->>", "#>", "#>>", "@>", "<@", "&&", "**", "|/", "^", "&", "|", "<<", ">>", "~", "~*", "!~",
            "!~*", "#", "@", "!" -> "+";
        default -> t.value;
      });
      case ERROR -> sb.append(t.value);
      default -> throw new IllegalStateException();
    }
  }

  /** Whether Calcite's lexer takes the word as it is (else it is quoted, lower-cased like unquoted names). */
  private static boolean plain(String w) {
    if (w.isEmpty() || !(Character.isLetter(w.charAt(0)) || w.charAt(0) == '_') || w.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c > 127 || !(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }

  /** The token at Calcite's 1-based line and column, or -1. */
  int tokenAt(int line, int column) {
    if (line < 1 || line > lineStarts.length) {
      return toks.isEmpty() ? -1 : toks.size() - 1;
    }
    int off = lineStarts[line - 1] + column - 1;
    return tokenAtOffset(off);
  }

  int tokenAtOffset(int off) {
    int k = Arrays.binarySearch(offs, off);
    if (k < 0) {
      k = -k - 2;
    }
    return Math.max(0, Math.min(k, toks.size() - 1));
  }

  int offsetOf(int line, int column) {
    if (line < 1 || line > lineStarts.length) {
      return -1;
    }
    return lineStarts[line - 1] + column - 1;
  }
}
