package io.pursight.governance.policy.rules;

import io.pursight.governance.policy.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A row-filter predicate template, parsed into a small safe grammar and rendered back with a
 * {@code ?} in place of every {@code ${principal...}} placeholder. Principal values are only ever
 * bound as parameters; the rendered SQL consists solely of tokens the grammar accepted.
 *
 * <pre>
 * predicate  := or
 * or         := and ( OR and )*
 * and        := not ( AND not )*
 * not        := NOT not | '(' or ')' | comparison
 * comparison := column op value
 *             | column [NOT] IN '(' value ( ',' value )* ')'
 *             | column IS [NOT] NULL
 *             | column [NOT] LIKE string
 *             | column [NOT] BETWEEN value AND value
 * op         := = | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=
 * column     := name ( '.' name )*          (at most 4 parts)
 * name       := [A-Za-z_][A-Za-z0-9_]*     (not a keyword) | "double-quoted, no quote inside"
 * value      := 'string' ('' escapes a quote; no backslash) | number | TRUE | FALSE | placeholder
 * placeholder:= ${principal.id} | ${principal.ATTRIBUTE}   (ATTRIBUTE: [A-Za-z0-9_.:-]+)
 * </pre>
 */
final class FilterTemplate {
  /** The placeholder name that stands for the principal's id. */
  static final String PRINCIPAL_ID = "\u0000id";

  private static final int MAX_LENGTH = 4000;
  private static final int MAX_DEPTH = 32;
  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "BETWEEN", "TRUE", "FALSE");

  private final String sql;
  private final List<String> placeholders;

  private FilterTemplate(String sql, List<String> placeholders) {
    this.sql = sql;
    this.placeholders = List.copyOf(placeholders);
  }

  /** The predicate with {@code ?} for each placeholder. */
  String sql() {
    return sql;
  }

  /** The attribute names of the placeholders in order ({@link #PRINCIPAL_ID} for the id). */
  List<String> placeholders() {
    return placeholders;
  }

  /**
   * The first placeholder attribute {@code principal} lacks, or null when all are present.
   */
  String missingAttribute(Principal principal) {
    for (String name : placeholders) {
      if (!PRINCIPAL_ID.equals(name) && !principal.attributes().containsKey(name)) {
        return name;
      }
    }
    return null;
  }

  /** The parameter values for {@code principal}; call only when nothing is missing. */
  List<String> bind(Principal principal) {
    List<String> values = new ArrayList<>(placeholders.size());
    bindInto(principal, values);
    return values;
  }

  /** Appends the parameter values for {@code principal} to {@code values}. */
  void bindInto(Principal principal, List<String> values) {
    for (int i = 0; i < placeholders.size(); i++) {
      String name = placeholders.get(i);
      values.add(PRINCIPAL_ID.equals(name) ? principal.id() : principal.attributes().get(name));
    }
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException naming the character position and what was expected
   */
  static FilterTemplate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the filter is longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(tokenize(text));
    StringBuilder out = new StringBuilder();
    p.or(out, 0);
    if (p.peek().kind != Kind.END) {
      throw p.error(p.peek(), "expected AND, OR or the end of the filter");
    }
    return new FilterTemplate(out.toString(), p.placeholders);
  }

  private enum Kind {
    WORD, QUOTED, STRING, NUMBER, PLACEHOLDER, OP, LPAREN, RPAREN, COMMA, DOT, END
  }

  private record Token(Kind kind, String text, int pos) {
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (Character.isLetter(c) && c < 128 || c == '_') {
        while (i < s.length() && isWordChar(s.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, s.substring(start, i), start + 1));
      } else if (c == '"') {
        int end = s.indexOf('"', i + 1);
        if (end < 0) {
          throw error(start + 1, "unterminated quoted name");
        }
        String name = s.substring(i + 1, end);
        if (name.isEmpty()) {
          throw error(start + 1, "empty quoted name");
        }
        for (int k = 0; k < name.length(); k++) {
          if (Character.isISOControl(name.charAt(k))) {
            throw error(start + 2 + k, "control character in a quoted name");
          }
        }
        i = end + 1;
        tokens.add(new Token(Kind.QUOTED, s.substring(start, i), start + 1));
      } else if (c == '\'') {
        StringBuilder lit = new StringBuilder("'");
        i++;
        boolean closed = false;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == '\'') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
              lit.append("''");
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (d == '\\') {
            throw error(i + 1, "backslashes are not allowed in string literals (some databases treat them as escapes)");
          }
          if (Character.isISOControl(d)) {
            throw error(i + 1, "control character in a string literal");
          }
          lit.append(d);
          i++;
        }
        if (!closed) {
          throw error(start + 1, "unterminated string literal");
        }
        if (lit.indexOf("${") >= 0) {
          throw error(start + 1, "a placeholder inside quotes would stay literal text; write it unquoted "
              + "(region = ${principal.region}): it is bound as a parameter");
        }
        tokens.add(new Token(Kind.STRING, lit.append('\'').toString(), start + 1));
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
          i++;
          if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
            throw error(i + 1, "expected digits after the decimal point");
          }
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < s.length() && isWordChar(s.charAt(i))) {
          throw error(i + 1, "a number must not run into a name");
        }
        tokens.add(new Token(Kind.NUMBER, s.substring(start, i), start + 1));
      } else if (c == '$') {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '{') {
          throw error(start + 1, "'$' must start a placeholder ${principal.NAME}");
        }
        int end = s.indexOf('}', i);
        if (end < 0) {
          throw error(start + 1, "unterminated placeholder");
        }
        String ref = s.substring(i + 2, end).strip();
        if (!ref.startsWith("principal.") || ref.length() == "principal.".length()) {
          throw error(start + 1, "placeholders must be ${principal.id} or ${principal.ATTRIBUTE}");
        }
        String name = ref.substring("principal.".length());
        if (!name.matches("[A-Za-z0-9_.:-]+")) {
          throw error(start + 1, "a placeholder's attribute name may hold letters, digits, '_', '.', ':' and '-'");
        }
        i = end + 1;
        tokens.add(new Token(Kind.PLACEHOLDER, name, start + 1));
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", ++i));
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", ++i));
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ",", ++i));
      } else if (c == '.') {
        tokens.add(new Token(Kind.DOT, ".", ++i));
      } else if (c == '=') {
        tokens.add(new Token(Kind.OP, "=", ++i));
      } else if (c == '<' || c == '>' || c == '!') {
        String op = String.valueOf(c);
        if (i + 1 < s.length() && (s.charAt(i + 1) == '=' || (c == '<' && s.charAt(i + 1) == '>'))) {
          op += s.charAt(i + 1);
        }
        if (op.equals("!")) {
          throw error(start + 1, "'!' is only allowed in '!='");
        }
        i += op.length();
        tokens.add(new Token(Kind.OP, op.equals("!=") ? "<>" : op, start + 1));
      } else if (c == ';') {
        throw error(start + 1, "';' is not allowed: a filter is one predicate, not a statement");
      } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-' || c == '/' && i + 1 < s.length()
          && s.charAt(i + 1) == '*' || c == '#') {
        throw error(start + 1, "comments are not allowed in filters");
      } else {
        throw error(start + 1, "unexpected character '" + printable(c) + "'; filters allow column comparisons "
            + "with values, AND, OR, NOT, IN, IS [NOT] NULL, LIKE, BETWEEN and parentheses");
      }
    }
    tokens.add(new Token(Kind.END, "", s.length() + 1));
    return tokens;
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private static IllegalArgumentException error(int pos, String reason) {
    return new IllegalArgumentException("at character " + pos + " of the filter: " + reason);
  }

  private static final class Parser {
    private final List<Token> tokens;
    private final List<String> placeholders = new ArrayList<>();
    private int next;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return tokens.get(next);
    }

    Token take() {
      return tokens.get(next++);
    }

    IllegalArgumentException error(Token at, String reason) {
      String found = at.kind == Kind.END ? "the end of the filter" : at.kind == Kind.PLACEHOLDER
          ? "a placeholder" : "'" + at.text + "'";
      return FilterTemplate.error(at.pos, reason + ", found " + found);
    }

    void or(StringBuilder out, int depth) {
      and(out, depth);
      while (peek().is("OR")) {
        take();
        out.append(" OR ");
        and(out, depth);
      }
    }

    void and(StringBuilder out, int depth) {
      not(out, depth);
      while (peek().is("AND")) {
        take();
        out.append(" AND ");
        not(out, depth);
      }
    }

    void not(StringBuilder out, int depth) {
      if (depth > MAX_DEPTH) {
        throw error(peek(), "nested deeper than " + MAX_DEPTH + " levels");
      }
      Token t = peek();
      if (t.is("NOT")) {
        take();
        out.append("NOT ");
        not(out, depth + 1);
      } else if (t.kind == Kind.LPAREN) {
        take();
        out.append('(');
        or(out, depth + 1);
        if (take().kind != Kind.RPAREN) {
          next--;
          throw error(peek(), "expected ')'");
        }
        out.append(')');
      } else {
        comparison(out);
      }
    }

    void comparison(StringBuilder out) {
      column(out);
      Token t = take();
      if (t.kind == Kind.OP) {
        out.append(' ').append(t.text).append(' ');
        value(out);
        return;
      }
      if (t.is("IS")) {
        out.append(" IS ");
        if (peek().is("NOT")) {
          take();
          out.append("NOT ");
        }
        if (!take().is("NULL")) {
          next--;
          throw error(peek(), "expected NULL after IS");
        }
        out.append("NULL");
        return;
      }
      boolean negated = false;
      if (t.is("NOT")) {
        negated = true;
        t = take();
      }
      if (t.is("IN")) {
        out.append(negated ? " NOT IN (" : " IN (");
        if (take().kind != Kind.LPAREN) {
          next--;
          throw error(peek(), "expected '(' after IN");
        }
        value(out);
        while (peek().kind == Kind.COMMA) {
          take();
          out.append(", ");
          value(out);
        }
        if (take().kind != Kind.RPAREN) {
          next--;
          throw error(peek(), "expected ',' or ')' in the IN list");
        }
        out.append(')');
      } else if (t.is("LIKE")) {
        out.append(negated ? " NOT LIKE " : " LIKE ");
        if (peek().kind == Kind.PLACEHOLDER) {
          throw error(peek(), "a LIKE pattern must be a string literal: a principal attribute could carry "
              + "% or _ wildcards; compare with = or IN instead");
        }
        if (peek().kind != Kind.STRING) {
          throw error(peek(), "expected a string literal pattern after LIKE");
        }
        out.append(take().text);
      } else if (t.is("BETWEEN")) {
        out.append(negated ? " NOT BETWEEN " : " BETWEEN ");
        value(out);
        if (!take().is("AND")) {
          next--;
          throw error(peek(), "expected AND in BETWEEN");
        }
        out.append(" AND ");
        value(out);
      } else {
        next--;
        throw error(peek(), negated ? "expected IN, LIKE or BETWEEN after NOT"
            : "expected a comparison (=, <>, <, <=, >, >=, IN, IS, LIKE, BETWEEN)");
      }
    }

    void column(StringBuilder out) {
      int parts = 0;
      do {
        if (parts > 0) {
          take();
          out.append('.');
        }
        Token t = take();
        if (t.kind == Kind.QUOTED || (t.kind == Kind.WORD && !KEYWORDS.contains(t.text.toUpperCase(Locale.ROOT)))) {
          out.append(t.text);
        } else {
          next--;
          throw error(t, t.kind == Kind.PLACEHOLDER || t.kind == Kind.STRING || t.kind == Kind.NUMBER
              ? "expected a column name: placeholders and values are only allowed on the right of a comparison"
              : "expected a column name");
        }
        if (++parts > 4) {
          throw error(t, "a column name has at most 4 parts");
        }
      } while (peek().kind == Kind.DOT);
    }

    void value(StringBuilder out) {
      Token t = take();
      switch (t.kind) {
        case STRING:
        case NUMBER:
          out.append(t.text);
          return;
        case PLACEHOLDER:
          placeholders.add(t.text.equals("id") ? PRINCIPAL_ID : t.text);
          out.append('?');
          return;
        case WORD:
          if (t.is("TRUE") || t.is("FALSE")) {
            out.append(t.text.toUpperCase(Locale.ROOT));
            return;
          }
          if (t.is("NULL")) {
            next--;
            throw error(t, "comparing with NULL is never true; use IS NULL or IS NOT NULL");
          }
          next--;
          throw error(t, "expected a value (a 'string', a number, TRUE, FALSE or ${principal.NAME}); "
              + "comparing two columns is not supported");
        default:
          next--;
          throw error(t, "expected a value (a 'string', a number, TRUE, FALSE or ${principal.NAME})");
      }
    }
  }
}
