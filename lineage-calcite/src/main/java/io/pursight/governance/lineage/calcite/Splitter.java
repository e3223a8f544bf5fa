package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a script into statements. Boundaries are semicolons outside quotes and comments (the
 * lexer has consumed those), a T-SQL {@code GO} line, an Oracle {@code /} line, and in T-SQL a
 * keyword that starts a statement where the previous one is complete (statements without
 * semicolons). Procedural wrappers are unwrapped so the statements in a body are analysed one by
 * one: procedure headers, BEGIN/END, IF/ELSIF/ELSE, WHILE/LOOP/FOR/REPEAT, exception handlers and
 * labels. A dollar-quoted body ({@code CREATE FUNCTION ... AS $$ ... $$}, {@code DO $$ ... $$}) is
 * split as a script of its own.
 */
final class Splitter {

  private static final Set<String> TSQL_STATEMENT_STARTS = Set.of(
      "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "SET", "DECLARE", "PRINT", "EXEC", "EXECUTE",
      "RETURN", "THROW", "RAISERROR", "BREAK", "CONTINUE", "GOTO", "WAITFOR", "TRUNCATE", "USE",
      "OPEN", "CLOSE", "FETCH", "DEALLOCATE", "CREATE", "ALTER", "DROP", "BEGIN", "END", "IF",
      "WHILE", "ELSE", "WITH", "GRANT", "REVOKE", "DENY");

  private static final Set<String> CONDITION_ENDS = Set.of(
      "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "SET", "DECLARE", "PRINT", "EXEC", "EXECUTE",
      "RETURN", "THROW", "RAISERROR", "BREAK", "CONTINUE", "GOTO", "WAITFOR", "TRUNCATE", "BEGIN",
      "IF", "WHILE", "DROP", "CREATE", "LEAVE", "ITERATE", "CALL", "RAISE");

  private static final Set<String> OBJECT_KINDS = Set.of(
      "TABLE", "VIEW", "INDEX", "PROCEDURE", "PROC", "FUNCTION", "SCHEMA", "DATABASE", "TRIGGER",
      "TYPE", "SEQUENCE", "USER", "ROLE", "SYNONYM", "EXTENSION", "MATERIALIZED", "COLUMN", "CONSTRAINT");

  private Splitter() {}

  /**
   * A statement: a run of tokens.
   *
   * @param procedural inside a routine body (PL/pgSQL, PL/SQL, T-SQL, BigQuery scripting)
   * @param declaration in a DECLARE section: a variable declaration, not a statement
   */
  record Unit(List<Tok> toks, boolean procedural, boolean declaration) {
    Tok first() {
      return toks.get(0);
    }
  }

  /** Block nesting carried across semicolons. */
  private static final class State {
    int depth;
    boolean body;
    boolean declare;

    boolean procedural() {
      return body || depth > 0;
    }
  }

  static List<Unit> split(Dialect dialect, String script, List<Tok> toks) {
    return split(dialect, script, toks, new State());
  }

  private static List<Unit> split(Dialect dialect, String script, List<Tok> toks, State state) {
    List<Unit> units = new ArrayList<>();
    int p = 0;
    for (int j = 0; j <= toks.size(); j++) {
      boolean boundary = j == toks.size();
      boolean drop = true;
      if (!boundary) {
        Tok t = toks.get(j);
        if (t.isOp(";")) {
          boundary = true;
        } else if (dialect == Dialect.TSQL && t.is("GO") && aloneOnLine(script, t, true)) {
          boundary = true;
        } else if (t.isOp("/") && aloneOnLine(script, t, false)
            && (dialect == Dialect.ORACLE || j == 0 || toks.get(j - 1).is("END") || toks.get(j - 1).isOp(";"))) {
          boundary = true;
        } else if (t.type == Tok.Type.ERROR) {
          boundary = true;
          drop = false;
        }
      }
      if (boundary) {
        int end = drop || j == toks.size() ? j : j + 1;
        if (end > p) {
          unwrap(dialect, script, toks.subList(p, end), units, state);
        }
        p = j + 1;
        if (j < toks.size() && toks.get(j).is("GO") && p < toks.size() && toks.get(p).type == Tok.Type.NUM
            && script.substring(toks.get(j).end, toks.get(p).start).indexOf('\n') < 0) {
          p++; // GO <count>
          j++;
        }
      }
    }
    return units;
  }

  private static boolean aloneOnLine(String s, Tok t, boolean allowCount) {
    for (int k = t.start - 1; k >= 0 && s.charAt(k) != '\n'; k--) {
      if (!Character.isWhitespace(s.charAt(k))) {
        return false;
      }
    }
    for (int k = t.end; k < s.length() && s.charAt(k) != '\n'; k++) {
      char c = s.charAt(k);
      if (!Character.isWhitespace(c) && !(allowCount && Character.isDigit(c))) {
        if (c == '-' && k + 1 < s.length() && s.charAt(k + 1) == '-') {
          return true;
        }
        return false;
      }
    }
    return true;
  }

  private static void unwrap(Dialect dialect, String script, List<Tok> piece, List<Unit> units, State state) {
    int p = 0;
    int q = piece.size();
    while (p < q) {
      int body = dollarBody(piece, p, q);
      if (body >= 0 && !sqlLanguage(piece, p, q)) {
        // a JavaScript/Python/... routine body: not SQL, nothing to analyse
        units.add(new Unit(List.copyOf(piece.subList(p, q)), true, true));
        return;
      }
      if (body >= 0) {
        Tok b = piece.get(body);
        int tag = Integer.parseInt(b.mark.substring("dollar:".length()));
        List<Tok> inner = Lexer.lex(dialect, script, b.start + tag, b.end - tag);
        State st = new State();
        st.body = true;
        units.addAll(split(dialect, script, inner, st));
        return;
      }
      int next = skipWrappers(dialect, piece, p, q, state);
      if (next >= q) {
        return;
      }
      p = next;
      int e = dialect.semicolonOptional() ? tsqlEnd(piece, p, q) : q;
      Tok first = piece.get(p);
      boolean declaration = state.declare;
      if (first.is("DECLARE") && dialect != Dialect.TSQL && dialect != Dialect.BIGQUERY && dialect != Dialect.MYSQL
          && p + 1 < q && piece.get(p + 1).type == Tok.Type.WORD) {
        state.declare = true; // PL/pgSQL, PL/SQL: declarations follow until BEGIN
        declaration = true;
      }
      units.add(new Unit(List.copyOf(piece.subList(p, e)), state.procedural(), declaration));
      p = e;
    }
  }

  /** Whether a routine's LANGUAGE (if given) is SQL or a procedural SQL. */
  private static boolean sqlLanguage(List<Tok> t, int p, int q) {
    for (int k = p; k + 1 < q; k++) {
      if (t.get(k).is("LANGUAGE")) {
        Tok lang = t.get(k + 1);
        return lang.isAny("SQL", "PLPGSQL", "PLSQL", "SQLSCRIPT", "TSQL")
            || (lang.type == Tok.Type.STR && lang.value.equalsIgnoreCase("plpgsql"));
      }
    }
    return true;
  }

  /** The dollar-quoted body of a CREATE FUNCTION/PROCEDURE or DO, or -1. */
  private static int dollarBody(List<Tok> t, int p, int q) {
    boolean routine = t.get(p).is("DO");
    if (t.get(p).isAny("CREATE", "ALTER")) {
      for (int k = p + 1; k < Math.min(q, p + 5); k++) {
        if (t.get(k).isAny("FUNCTION", "PROCEDURE")) {
          routine = true;
          break;
        }
      }
    }
    if (!routine) {
      return -1;
    }
    for (int k = p; k < q; k++) {
      Tok x = t.get(k);
      if (x.type == Tok.Type.STR && x.mark != null && x.mark.startsWith("dollar:")) {
        return k;
      }
    }
    return -1;
  }

  /** Skips procedural wrappers starting at p; returns the start of a statement (or q). */
  private static int skipWrappers(Dialect dialect, List<Tok> t, int p, int q, State state) {
    while (p < q) {
      Tok x = t.get(p);
      if (x.isAny("CREATE", "ALTER") && isProcedureHeader(t, p, q)) {
        p = procedureBody(t, p, q);
        state.body = true;
        if (p > 0 && t.get(p - 1).isAny("AS", "IS") && (dialect == Dialect.ORACLE || dialect == Dialect.POSTGRESQL)) {
          state.declare = true; // PL/SQL: declarations between IS/AS and BEGIN
        }
      } else if (x.is("BEGIN") && !(p + 1 < q && t.get(p + 1).isAny("TRANSACTION", "TRAN", "WORK", "DISTRIBUTED"))) {
        p++;
        if (p < q && t.get(p).isAny("TRY", "CATCH", "ATOMIC")) {
          p++;
        }
        state.depth++;
        state.declare = false;
      } else if (x.is("END")) {
        p++;
        boolean block = true;
        if (p < q && t.get(p).isAny("IF", "LOOP", "WHILE", "CASE", "FOR", "REPEAT")) {
          p++;
          block = false;
        } else if (p < q && t.get(p).isAny("TRY", "CATCH")) {
          p++;
        }
        if (block && state.depth > 0) {
          state.depth--;
        }
        if (p == q - 1 && t.get(p).type == Tok.Type.WORD && !CONDITION_ENDS.contains(t.get(p).upper)) {
          p++; // END label
        }
      } else if (x.isAny("IF", "ELSIF", "ELSEIF", "WHEN")) {
        p = afterCondition(t, p + 1, q, "THEN");
      } else if (x.is("WHILE")) {
        p = afterCondition(t, p + 1, q, "DO", "LOOP");
      } else if (x.is("FOR") && p + 2 < q && t.get(p + 2).is("IN")) {
        p = afterCondition(t, p + 1, q, "LOOP", "DO");
      } else if (x.is("UNTIL")) {
        p = afterCondition(t, p + 1, q, "END");
      } else if (x.isAny("ELSE", "LOOP", "REPEAT", "EXCEPTION", "GO") || x.isOp("/")) {
        p++;
      } else if (x.type == Tok.Type.WORD && p + 1 < q && t.get(p + 1).isOp(":") && !t.get(p + 1).spaceBefore
          && !CONDITION_ENDS.contains(x.upper)) {
        p += 2; // label:
      } else if (x.isOp("<") && p + 4 < q && t.get(p + 1).isOp("<") && t.get(p + 3).isOp(">") && t.get(p + 4).isOp(">")) {
        p += 5; // <<label>>
      } else if (x.isOp("<<") && p + 2 < q && t.get(p + 2).isOp(">>")) {
        p += 3;
      } else {
        return p;
      }
    }
    return p;
  }

  private static boolean isProcedureHeader(List<Tok> t, int p, int q) {
    for (int k = p + 1; k < Math.min(q, p + 4); k++) {
      if (t.get(k).isAny("PROCEDURE", "PROC")) {
        return true;
      }
      if (!t.get(k).isAny("OR", "REPLACE", "ALTER", "DEFINER", "TEMP", "TEMPORARY")) {
        return false;
      }
    }
    return false;
  }

  /** After a procedure header: the token after AS/IS at depth 0, or the BEGIN. */
  private static int procedureBody(List<Tok> t, int p, int q) {
    int depth = 0;
    for (int k = p + 1; k < q; k++) {
      Tok x = t.get(k);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0 && (x.isAny("AS", "IS"))) {
        return k + 1;
      } else if (depth == 0 && x.is("BEGIN")) {
        return k;
      }
    }
    return q;
  }

  /** Skips a condition up to one of the end keywords (consumed) or a statement keyword (kept). */
  private static int afterCondition(List<Tok> t, int p, int q, String... ends) {
    int depth = 0;
    int cases = 0;
    for (int k = p; k < q; k++) {
      Tok x = t.get(k);
      if (x.isOp("(")) {
        depth++;
      } else if (x.isOp(")")) {
        depth--;
      } else if (depth == 0 && x.is("CASE")) {
        cases++;
      } else if (depth == 0 && cases > 0 && x.is("END")) {
        cases--;
      } else if (depth == 0 && cases == 0) {
        for (String e : ends) {
          if (x.is(e)) {
            return k + 1;
          }
        }
        if (CONDITION_ENDS.contains(x.upper) && x.type == Tok.Type.WORD && k > p
            && !(x.is("SELECT") && t.get(k - 1).isOp("("))) {
          return k;
        }
      }
    }
    return q;
  }

  /** The end of a T-SQL statement starting at p that may not be terminated by a semicolon. */
  private static int tsqlEnd(List<Tok> t, int p, int q) {
    String first = t.get(p).upper;
    String main = first.equals("WITH") ? null : first;
    boolean queryStarted = false;
    int depth = 0;
    int cases = 0;
    for (int k = p + 1; k < q; k++) {
      Tok x = t.get(k);
      Tok prev = t.get(k - 1);
      if (x.isOp("(")) {
        depth++;
        if ("INSERT".equals(main) && depth == 1 && k + 1 < q && t.get(k + 1).isAny("SELECT", "WITH")) {
          queryStarted = true;
        }
        continue;
      }
      if (x.isOp(")")) {
        depth--;
        continue;
      }
      if (depth != 0 || x.type != Tok.Type.WORD) {
        continue;
      }
      if (x.is("CASE")) {
        cases++;
        continue;
      }
      if (x.is("END") && cases > 0) {
        cases--;
        continue;
      }
      if (cases > 0 || !TSQL_STATEMENT_STARTS.contains(x.upper)) {
        if ("INSERT".equals(main) && x.isAny("VALUES", "DEFAULT")) {
          queryStarted = true;
        }
        continue;
      }
      boolean cont;
      switch (x.upper) {
        case "SELECT" -> {
          cont = prev.isAny("UNION", "ALL", "EXCEPT", "INTERSECT", "MINUS", "AS", "DISTINCT")
              || ("INSERT".equals(main) && !queryStarted) || main == null;
          if ("INSERT".equals(main)) {
            queryStarted = true;
          }
        }
        case "INSERT", "UPDATE", "DELETE", "MERGE" -> cont = prev.isAny("THEN", "ON", "FOR", "AFTER", "OF", "INSTEAD")
            || prev.isOp(",") || main == null;
        case "SET" -> cont = "UPDATE".equals(main) || "MERGE".equals(main) || "ALTER".equals(main)
            || prev.isAny("DELETE", "UPDATE");
        case "EXEC", "EXECUTE" -> cont = "INSERT".equals(main) && !queryStarted;
        case "FETCH" -> cont = prev.isAny("ROWS", "ROW") || prev.type == Tok.Type.NUM;
        case "ALTER", "DROP" -> cont = "ALTER".equals(main);
        case "IF" -> cont = OBJECT_KINDS.contains(prev.upper);
        case "WITH" -> cont = !isCteStart(t, k, q) || prev.isAny("AS") || main == null;
        case "ELSE" -> cont = false;
        default -> cont = false;
      }
      if (main == null && x.isAny("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE") && !prev.isAny("UNION", "ALL",
          "EXCEPT", "INTERSECT", "AS")) {
        main = x.upper;
        if (main.equals("SELECT")) {
          queryStarted = true;
        }
        continue;
      }
      if (!cont) {
        return k;
      }
    }
    return q;
  }

  private static boolean isCteStart(List<Tok> t, int k, int q) {
    int j = k + 1;
    if (j < q && t.get(j).is("RECURSIVE")) {
      j++;
    }
    if (j >= q || !t.get(j).isName()) {
      return false;
    }
    j++;
    if (j < q && t.get(j).isOp("(")) {
      int depth = 0;
      for (; j < q; j++) {
        if (t.get(j).isOp("(")) {
          depth++;
        } else if (t.get(j).isOp(")") && --depth == 0) {
          j++;
          break;
        }
      }
    }
    return j < q && t.get(j).is("AS");
  }
}
