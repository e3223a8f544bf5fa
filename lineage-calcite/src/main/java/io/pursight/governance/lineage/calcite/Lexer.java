package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens by a dialect's lexical rules: quotes (single, double, backtick,
 * bracket, dollar), comments, numbers, parameters and operators. Comments and whitespace are
 * dropped; each token records whether whitespace preceded it.
 */
final class Lexer {

  private static final String[] OPERATORS = {
    "->>", "#>>", "<=>", "!~*", "::", ":=", "=>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>",
    "~*", "!~", "#>", "@>", "<@", "&&", "**", "|/"
  };

  private final Dialect dialect;
  private final String s;
  private final int limit;
  private int i;
  private boolean space;
  private final List<Tok> out = new ArrayList<>();

  private Lexer(Dialect dialect, String s, int from, int to) {
    this.dialect = dialect;
    this.s = s;
    this.i = from;
    this.limit = to;
  }

  /** Tokens of {@code script[from, to)}; offsets stay relative to the whole script. */
  static List<Tok> lex(Dialect dialect, String script, int from, int to) {
    Lexer lx = new Lexer(dialect, script, from, to);
    lx.run();
    return lx.out;
  }

  static List<Tok> lex(Dialect dialect, String script) {
    return lex(dialect, script, 0, script.length());
  }

  private void run() {
    space = true;
    while (i < limit) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        space = true;
        continue;
      }
      if (c == '-' && peek(1) == '-') {
        skipLine();
        continue;
      }
      if (c == '#' && dialect.hashComments()) {
        skipLine();
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        if (!skipBlockComment()) {
          return;
        }
        continue;
      }
      int start = i;
      if (c == '\'') {
        if (!string(start, null)) {
          return;
        }
      } else if (c == '"') {
        if (dialect.doubleQuotedStrings()) {
          if (!string(start, null)) {
            return;
          }
        } else if (!quoted(start, '"', '"', Tok.Type.QID)) {
          return;
        }
      } else if (c == '`') {
        if (!quoted(start, '`', '`', Tok.Type.QID)) {
          return;
        }
      } else if (c == '[' && dialect.bracketIdentifiers()) {
        if (!quoted(start, '[', ']', Tok.Type.QID)) {
          return;
        }
      } else if (c == '$' && dialect.dollarQuotes() && dollarTag() != null) {
        if (!dollar(start)) {
          return;
        }
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)) && !afterName())) {
        number(start);
      } else if (isWordStart(c)) {
        word(start);
      } else if (c == '?' ) {
        i++;
        add(Tok.Type.PARAM, "?", start, null);
      } else if (c == '$' && Character.isDigit(peek(1))) {
        i++;
        while (i < limit && Character.isDigit(s.charAt(i))) {
          i++;
        }
        add(Tok.Type.PARAM, s.substring(start, i), start, null);
      } else if (c == '$' && peek(1) == '{') {
        int close = s.indexOf('}', i);
        i = close < 0 || close >= limit ? limit : close + 1;
        add(Tok.Type.PARAM, s.substring(start, i), start, null);
      } else if (c == '@' && (isWordStart(peek(1)) || (peek(1) == '@' && isWordStart(peek(2))))) {
        i += peek(1) == '@' ? 2 : 1;
        while (i < limit && isWordPart(s.charAt(i))) {
          i++;
        }
        add(Tok.Type.PARAM, s.substring(start, i), start, null);
      } else if (c == ':' && peek(1) != ':' && peek(1) != '=' && isWordStart(peek(1)) && !afterName()) {
        i++;
        while (i < limit && isWordPart(s.charAt(i))) {
          i++;
        }
        add(Tok.Type.PARAM, s.substring(start, i), start, null);
      } else {
        operator(start);
      }
      space = false;
    }
  }

  private char peek(int k) {
    return i + k < limit ? s.charAt(i + k) : '\0';
  }

  private boolean afterName() {
    if (out.isEmpty() || space) {
      return false;
    }
    Tok last = out.get(out.size() - 1);
    return last.isName() || last.isOp(")") || last.isOp("]") || last.type == Tok.Type.NUM;
  }

  private boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || (c == '#' && (dialect == Dialect.TSQL));
  }

  private boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$'
        || (c == '#' && (dialect == Dialect.TSQL || dialect == Dialect.ORACLE));
  }

  private void skipLine() {
    while (i < limit && s.charAt(i) != '\n') {
      i++;
    }
    space = true;
  }

  private boolean skipBlockComment() {
    int start = i;
    int depth = 0;
    boolean nest = dialect == Dialect.POSTGRESQL;
    while (i < limit) {
      if (s.charAt(i) == '/' && peek(1) == '*') {
        depth++;
        i += 2;
        if (!nest && depth > 1) {
          depth = 1;
        }
      } else if (s.charAt(i) == '*' && peek(1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          space = true;
          return true;
        }
      } else {
        i++;
      }
    }
    error(start, "unterminated comment");
    return false;
  }

  private void error(int start, String what) {
    out.add(new Tok(Tok.Type.ERROR, what, start, limit, space, null, null));
    i = limit;
  }

  private boolean string(int start, String prefix) {
    char q = s.charAt(i);
    // BigQuery triple-quoted strings
    if (dialect == Dialect.BIGQUERY && peek(1) == q && peek(2) == q) {
      String end = "" + q + q + q;
      int close = s.indexOf(end, i + 3);
      if (close < 0 || close + 3 > limit) {
        error(start, "unterminated string");
        return false;
      }
      String v = s.substring(i + 3, close);
      i = close + 3;
      add(Tok.Type.STR, v, start, prefix);
      return true;
    }
    boolean raw = prefix != null && prefix.equalsIgnoreCase("R");
    boolean escapes = (dialect.backslashEscapes() || "E".equalsIgnoreCase(prefix)) && !raw;
    StringBuilder v = new StringBuilder();
    i++;
    while (i < limit) {
      char c = s.charAt(i);
      if (c == '\\' && escapes && i + 1 < limit) {
        char n = s.charAt(i + 1);
        v.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '0' -> '\0';
          default -> n;
        });
        i += 2;
      } else if (c == q) {
        if (peek(1) == q) {
          v.append(q);
          i += 2;
        } else {
          i++;
          add(Tok.Type.STR, v.toString(), start, prefix);
          return true;
        }
      } else {
        v.append(c);
        i++;
      }
    }
    error(start, "unterminated string");
    return false;
  }

  private boolean quoted(int start, char open, char close, Tok.Type type) {
    StringBuilder v = new StringBuilder();
    i++;
    while (i < limit) {
      char c = s.charAt(i);
      if (c == close) {
        if (peek(1) == close) {
          v.append(close);
          i += 2;
        } else {
          i++;
          String name = v.toString();
          if (open == '`' && dialect == Dialect.BIGQUERY && name.indexOf('.') > 0) {
            // BigQuery: `project.dataset.table` is a path of three names
            String[] parts = name.split("\\.", -1);
            for (int k = 0; k < parts.length; k++) {
              if (k > 0) {
                out.add(new Tok(Tok.Type.OP, ".", start, i, false, null, "split"));
              }
              out.add(new Tok(Tok.Type.QID, parts[k], start, i, k == 0 && space, null, k == 0 ? null : "split"));
            }
            return true;
          }
          add(type, name, start, null);
          return true;
        }
      } else {
        v.append(c);
        i++;
      }
    }
    error(start, "unterminated quoted identifier");
    return false;
  }

  /** The tag of a dollar quote starting at i ({@code ""} for {@code $$}), or null. */
  private String dollarTag() {
    int j = i + 1;
    while (j < limit && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    if (j < limit && s.charAt(j) == '$') {
      String tag = s.substring(i + 1, j);
      if (tag.isEmpty() || !Character.isDigit(tag.charAt(0))) {
        return tag;
      }
    }
    return null;
  }

  private boolean dollar(int start) {
    String tag = "$" + dollarTag() + "$";
    int body = i + tag.length();
    int close = s.indexOf(tag, body);
    if (close < 0 || close + tag.length() > limit) {
      error(start, "unterminated dollar-quoted string");
      return false;
    }
    i = close + tag.length();
    out.add(new Tok(Tok.Type.STR, s.substring(body, close), start, i, space, null, "dollar:" + tag.length()));
    return true;
  }

  private void number(int start) {
    if (s.charAt(i) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHex(peek(2))) {
      i += 2;
      while (i < limit && isHex(s.charAt(i))) {
        i++;
      }
      add(Tok.Type.NUM, "0", start, null);
      return;
    }
    while (i < limit && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i < limit && s.charAt(i) == '.' && (i + 1 >= limit || s.charAt(i + 1) != '.')) {
      i++;
      while (i < limit && Character.isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < limit && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < limit && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      if (j < limit && Character.isDigit(s.charAt(j))) {
        i = j;
        while (i < limit && Character.isDigit(s.charAt(i))) {
          i++;
        }
      }
    }
    // 1d, 10L, 2.5BD (Hive literal suffixes) and identifiers starting with digits (1st_col)
    if (i < limit && isWordPart(s.charAt(i))) {
      int j = i;
      while (j < limit && isWordPart(s.charAt(j))) {
        j++;
      }
      String suffix = s.substring(i, j);
      if (suffix.matches("(?i)[dlfsy]|bd")) {
        i = j;
        add(Tok.Type.NUM, s.substring(start, i - suffix.length()), start, null);
        return;
      }
      if (s.substring(start, i).chars().allMatch(Character::isDigit)) {
        i = j;
        add(Tok.Type.WORD, s.substring(start, i), start, null);
        return;
      }
    }
    add(Tok.Type.NUM, s.substring(start, i), start, null);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private void word(int start) {
    while (i < limit && isWordPart(s.charAt(i))) {
      i++;
    }
    String w = s.substring(start, i);
    // string prefixes: N'..', E'..', X'..', B'..', R'..', U&'..', _utf8'..'
    if (i < limit && (s.charAt(i) == '\'' || (s.charAt(i) == '"' && dialect.doubleQuotedStrings()))) {
      String u = w.toUpperCase(java.util.Locale.ROOT);
      if (u.equals("N") || u.equals("E") || u.equals("X") || u.equals("B") || u.equals("R") || u.equals("RB")
          || u.equals("BR") || (w.startsWith("_") && w.length() > 1)) {
        String p = u.startsWith("_") ? null : (u.contains("R") ? "R" : u);
        string(start, p);
        return;
      }
    }
    if (w.equalsIgnoreCase("U") && i + 1 < limit && s.charAt(i) == '&' && s.charAt(i + 1) == '\'') {
      i++;
      string(start, null);
      return;
    }
    // Oracle cursor attributes: SQL%ROWCOUNT
    if (dialect == Dialect.ORACLE && i < limit && s.charAt(i) == '%' && i + 1 < limit && isWordStart(s.charAt(i + 1))) {
      i++;
      while (i < limit && isWordPart(s.charAt(i))) {
        i++;
      }
      add(Tok.Type.PARAM, s.substring(start, i), start, null);
      return;
    }
    add(Tok.Type.WORD, w, start, null);
  }

  private void operator(int start) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, i) && i + op.length() <= limit) {
        i += op.length();
        add(Tok.Type.OP, op, start, null);
        return;
      }
    }
    i++;
    add(Tok.Type.OP, String.valueOf(s.charAt(start)), start, null);
  }

  private void add(Tok.Type type, String value, int start, String prefix) {
    out.add(new Tok(type, value, start, i, space, prefix, null));
  }
}
