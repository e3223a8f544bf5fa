package io.pursight.governance.lineage.calcite;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses a query with Calcite. The core parser comes first (it is about four times faster than
 * Babel); the Babel parser takes over where the core grammar fails (e.g. {@code * EXCEPT},
 * {@code DATEADD(day, ...)}, {@code ~}). When a word that Calcite reserves is used as a name
 * ({@code value}, {@code year}, {@code date}, ...), the failing word is quoted and the parse
 * retried, a few times at most.
 */
final class CalciteFrontEnd {

  private static final SqlParser.Config BASE = SqlParser.config()
      .withConformance(SqlConformanceEnum.BABEL)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(1 << 16);

  private static final SqlParser.Config CORE = BASE.withParserFactory(SqlParserImpl.FACTORY);
  private static final SqlParser.Config BABEL = BASE.withParserFactory(SqlBabelParserImpl.FACTORY);

  /** Words never quoted on retry: they structure the statement. */
  private static final Set<String> STRUCTURAL = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "BY", "HAVING", "JOIN", "ON", "AND", "OR", "NOT", "AS", "CASE",
      "WHEN", "THEN", "ELSE", "END", "UNION", "INTERSECT", "EXCEPT", "MINUS", "INSERT", "INTO", "VALUES", "WITH",
      "LIMIT", "OFFSET", "FETCH", "DISTINCT", "ALL", "IN", "IS", "NULL", "LIKE", "BETWEEN", "EXISTS", "INNER",
      "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "USING", "OVER", "PARTITION", "WINDOW", "QUALIFY",
      "SET", "UPDATE", "DELETE", "MERGE", "LATERAL", "TABLE", "ROWS", "RANGE", "CAST", "AT", "ANY", "SOME",
      "ESCAPE", "ASC", "DESC", "NULLS", "UNNEST", "FILTER", "WITHIN", "ARRAY", "MAP", "ROW", "INTERVAL", "TRUE",
      "FALSE", "EXTRACT", "TRIM", "SUBSTRING", "POSITION", "OVERLAY", "CONVERT", "TRANSLATE", "TRY_CAST",
      "SAFE_CAST", "APPLY", "PIVOT", "UNPIVOT", "RECURSIVE", "ILIKE", "SIMILAR", "FOLLOWING", "PRECEDING",
      "UNBOUNDED", "CURRENT", "MATCH_RECOGNIZE", "TABLESAMPLE", "EXCLUDE");

  private static final int MAX_RETRIES = 6;

  private CalciteFrontEnd() {}

  /** A parsed query and the text it was parsed from. */
  record Parsed(SqlNode node, QueryText text) {}

  /** Calcite's reserved words (core grammar). */
  private static final SqlAbstractParserImpl.Metadata RESERVED =
      SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

  static boolean reserved(String upper) {
    return RESERVED.isReservedWord(upper);
  }

  static Parsed parse(List<Tok> toks) {
    Set<Integer> quoted = new HashSet<>();
    // A word next to a dot is a name part (date.date, t.value): quote it, lower-cased as an unquoted
    // name would be. Besides letting reserved words through, this is ~10% faster: Calcite's
    // lookahead after a dot tries every non-reserved keyword before a plain identifier.
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.type == Tok.Type.WORD && t.mark == null
          && ((i > 0 && toks.get(i - 1).isOp(".") && !t.spaceBefore)
          || (i + 2 < toks.size() && toks.get(i + 1).isOp(".") && !toks.get(i + 1).spaceBefore
          && (toks.get(i + 2).isName() || toks.get(i + 2).isOp("*"))))) {
        quoted.add(i);
      }
    }
    SqlParseException first = null;
    QueryText firstText = null;
    boolean babel = false;
    for (int attempt = 0; attempt <= MAX_RETRIES + 1; attempt++) {
      QueryText qt = QueryText.of(toks, quoted);
      try {
        SqlNode node = SqlParser.create(qt.text, babel ? BABEL : CORE).parseQuery();
        return new Parsed(node, qt);
      } catch (SqlParseException e) {
        if (first == null) {
          first = e;
          firstText = qt;
        }
        if (!babel) {
          babel = true;
          continue;
        }
        int candidate = quoteCandidate(qt, e, quoted);
        if (candidate < 0) {
          break;
        }
        quoted.add(candidate);
      } catch (RuntimeException | StackOverflowError e) {
        if (first == null) {
          throw new LineageException("Calcite cannot parse the query: " + e.getClass().getSimpleName(),
              toks.isEmpty() ? null : toks.get(0));
        }
        break;
      }
    }
    throw failure(first, firstText);
  }

  private static int quoteCandidate(QueryText qt, SqlParseException e, Set<Integer> quoted) {
    SqlParserPos pos = e.getPos();
    if (pos == null) {
      return -1;
    }
    int k = qt.tokenAt(pos.getLineNum(), pos.getColumnNum());
    for (int c = k; c >= Math.max(0, k - 1); c--) {
      Tok t = qt.toks.get(c);
      if (t.type == Tok.Type.WORD && !quoted.contains(c) && !STRUCTURAL.contains(t.upper) && reserved(t.upper)
          && t.mark == null && !(c + 1 < qt.toks.size() && qt.toks.get(c + 1).isOp("("))) {
        return c;
      }
    }
    return -1;
  }

  private static LineageException failure(SqlParseException e, QueryText qt) {
    SqlParserPos pos = e.getPos();
    Tok at = null;
    if (pos != null && !qt.toks.isEmpty()) {
      at = qt.toks.get(qt.tokenAt(pos.getLineNum(), pos.getColumnNum()));
    }
    String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
    int nl = msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    msg = msg.replaceAll(" at line \\d+, column \\d+", "").replaceAll("\\s+", " ").strip();
    if (msg.endsWith(".")) {
      msg = msg.substring(0, msg.length() - 1);
    }
    String token = at == null ? null : at.type == Tok.Type.STR ? "a string literal" : "'" + at.value + "'";
    String text = token == null ? "Cannot parse the query (" + msg + ")"
        : "Cannot parse the query near " + token + (msg.startsWith("Encountered") || msg.startsWith("Incorrect")
            ? "" : " (" + msg + ")");
    return new LineageException(text, at);
  }
}
