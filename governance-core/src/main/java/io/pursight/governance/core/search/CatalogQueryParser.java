package io.pursight.governance.core.search;

import io.pursight.governance.InvalidQueryException;
import io.pursight.governance.core.search.SearchFields.Attribute;
import io.pursight.governance.core.search.SearchFields.Target;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic query parser, adapted to the catalog's attributes.
 *
 * <ul>
 *   <li>A term without a prefix is searched in every free-text field with its boost ({@link
 *       SearchFields#FREE_TEXT}); {@code attr:term} searches the attribute's fields. Prefixes are
 *       case-insensitive; an unknown prefix is an error.
 *   <li>A word the analysers split into several tokens ({@code customerEmail}) becomes a phrase.
 *   <li>Leading wildcards are allowed; {@code *} alone matches everything.
 *   <li>{@code /} is an ordinary character, not the start of a regular expression, so that paths
 *       and canonical names ({@code shop/test/public/customer}) can be pasted as they are.
 *   <li>Wildcard, prefix, fuzzy and range terms without a prefix search {@link
 *       SearchFields#FREE_TEXT_PATTERNS}: not the whole qualified names (the biggest term
 *       dictionary, meant for pasted names) nor the dataset name of fields (already in {@code
 *       qualified}).
 *   <li>{@code term~} allows one edit (typo, transposition); {@code term~2} two.
 *   <li>For scoring, every group with 2 to {@value #MAX_COORDINATED_CLAUSES} optional clauses gets
 *       a second, equally weighted copy in which all of them are required: an asset matching every
 *       word scores twice as much as by the sum of the words alone (the "coordination factor"
 *       Lucene's BooleanQuery dropped in version 7). This
 *       is what ranks {@code customer.email} first for {@code customer email}. The set of matching
 *       assets is unchanged: the copy only matches what the original matches. The {@linkplain
 *       Parsed#matching() matching} query is the parse without these copies.
 * </ul>
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class CatalogQueryParser extends QueryParser {

  /** The default field: stands for "free text", never indexed. */
  private static final String FREE_TEXT = "\u0000free-text";

  private static final int MAX_QUOTED_QUERY = 200;

  /**
   * Groups with more optional clauses get no coordination copy: "all of them" means little for a
   * pasted paragraph, and the copy would double the clauses Lucene counts against its limit of
   * {@link IndexSearcher#getMaxClauseCount()}.
   */
  static final int MAX_COORDINATED_CLAUSES = 8;

  /** Each coordinated group this parse produced, mapped to the group without its copy. */
  private final Map<Query, Query> uncoordinated = new IdentityHashMap<>();

  /**
   * A parsed query: {@code scoring} ranks the hits; {@code matching} matches the same assets and,
   * without the coordination copies, is cheaper for telling which attributes matched.
   */
  record Parsed(Query scoring, Query matching) {}

  private CatalogQueryParser(Analyzer analyzer) {
    super(FREE_TEXT, analyzer);
    setFuzzyMinSim(1f);
    setAllowLeadingWildcard(true);
    setSplitOnWhitespace(true);
    setAutoGeneratePhraseQueries(true);
    setDefaultOperator(OR_OPERATOR);
  }

  /**
   * Parses {@code text} (not blank).
   *
   * @throws InvalidQueryException with what is wrong and how to fix it
   */
  static Parsed parse(String text, Analyzer analyzer) {
    SlashesEscaped escaped = SlashesEscaped.of(text);
    CatalogQueryParser parser = new CatalogQueryParser(analyzer);
    Query scoring = parser.parseChecked(text, escaped);
    return new Parsed(scoring, parser.uncoordinate(scoring));
  }

  /**
   * The query text with every unescaped {@code /} escaped (the classic syntax reads {@code /.../}
   * as a regular expression), and where each of its characters was in the original text.
   */
  record SlashesEscaped(String text, int[] originalIndex) {
    static SlashesEscaped of(String original) {
      StringBuilder b = new StringBuilder(original.length() + 8);
      int[] index = new int[original.length() * 2 + 1];
      for (int i = 0; i < original.length(); i++) {
        char c = original.charAt(i);
        if (c == '\\' && i + 1 < original.length()) {
          index[b.length()] = i;
          b.append(c);
          i++;
          c = original.charAt(i);
        } else if (c == '/') {
          index[b.length()] = i;
          b.append('\\');
        }
        index[b.length()] = i;
        b.append(c);
      }
      index[b.length()] = original.length();
      return new SlashesEscaped(b.toString(), java.util.Arrays.copyOf(index, b.length() + 1));
    }

    /** The 1-based position in the original text of the 0-based {@code offset} in the escaped text. */
    int originalPosition(int offset) {
      int i = Math.max(0, Math.min(offset, originalIndex.length - 1));
      return originalIndex[i] + 1;
    }
  }

  /** {@code q} without the coordination copies {@link #getBooleanQuery} added. */
  private Query uncoordinate(Query q) {
    Query plain = uncoordinated.get(q);
    if (plain != null) {
      return uncoordinate(plain);
    }
    if (q instanceof BoostQuery b) {
      Query inner = uncoordinate(b.getQuery());
      return inner == b.getQuery() ? q : new BoostQuery(inner, b.getBoost());
    }
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      boolean changed = false;
      for (BooleanClause c : bq.clauses()) {
        Query inner = uncoordinate(c.getQuery());
        changed |= inner != c.getQuery();
        builder.add(inner, c.getOccur());
      }
      return changed ? builder.build() : q;
    }
    return q;
  }

  private Query parseChecked(String text, SlashesEscaped escaped) {
    try {
      return matchAllIfOnlyNegative(parse(escaped.text()));
    } catch (ParseException e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses tooMany) {
        throw tooManyClauses(text, tooMany);
      }
      throw invalid(text, describe(text, escaped, e), e);
    } catch (TooComplexToDeterminizeException e) {
      throw invalid(text, "a wildcard, fuzzy or regular expression term is too complex to run. "
          + "Simplify it, e.g. use fewer '*' and '?' or a shorter regular expression", e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(text, e);
    } catch (IllegalArgumentException e) {
      throw invalid(text, "a term cannot be used (" + e.getMessage() + "). Escape special characters "
          + "with a backslash or put the text in double quotes to search for it literally", e);
    }
  }

  /** The exception for a query that expands to more clauses than Lucene allows. */
  static InvalidQueryException tooManyClauses(String text, RuntimeException cause) {
    return invalid(text, "the query expands to too many terms (more than " + IndexSearcher.getMaxClauseCount()
        + "; each word without an attribute prefix is searched in " + SearchFields.FREE_TEXT.size()
        + " fields). Use fewer words, attribute prefixes such as 'name:', or longer text before '*' and '?'", cause);
  }

  static InvalidQueryException invalid(String text, String problemAndFix, Throwable cause) {
    String quoted = text.length() > MAX_QUOTED_QUERY ? text.substring(0, MAX_QUOTED_QUERY) + "..." : text;
    return new InvalidQueryException("Invalid search query \"" + quoted + "\": " + problemAndFix + ".", cause);
  }

  /**
   * A purely negative query ({@code -tag:pii}) matches nothing in Lucene; here it means "everything
   * except", which is what people expect.
   */
  private static Query matchAllIfOnlyNegative(Query q) {
    if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()
        && bq.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST_NOT)) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
      bq.clauses().forEach(b::add);
      return b.build();
    }
    return q;
  }

  // ---- field resolution -------------------------------------------------------------------

  /** Builds the query of one internal field; null when analysis leaves nothing. */
  @FunctionalInterface
  private interface PerField {
    Query build(String field) throws ParseException;
  }

  /** Thrown for {@code foo:bar}; found again in the cause chain to write a precise message. */
  static final class UnknownAttributeException extends ParseException {
    private static final long serialVersionUID = 1L;
    final String attribute;

    UnknownAttributeException(String attribute) {
      super("unknown attribute " + attribute);
      this.attribute = attribute;
    }
  }

  private static List<Target> resolve(String field, boolean pattern) throws ParseException {
    if (FREE_TEXT.equals(field)) {
      return pattern ? SearchFields.FREE_TEXT_PATTERNS : SearchFields.FREE_TEXT;
    }
    if (SearchFields.isInternalField(field)) {
      // the base class calling back with a field we produced (e.g. phrase with slop)
      return List.of(new Target(field, 1f));
    }
    return Attribute.byPrefix(field).map(Attribute::targets)
        .orElseThrow(() -> new UnknownAttributeException(field));
  }

  private static Query expand(String field, PerField perField) throws ParseException {
    return expand(field, false, perField);
  }

  /** Builds the query for each field {@code field} stands for; {@code pattern} for wildcard, fuzzy, range terms. */
  private static Query expand(String field, boolean pattern, PerField perField) throws ParseException {
    List<Target> targets = resolve(field, pattern);
    if (targets.size() == 1 && targets.get(0).boost() == 1f) {
      return perField.build(targets.get(0).field());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    Query last = null;
    for (Target t : targets) {
      Query q = perField.build(t.field());
      if (q != null) {
        last = t.boost() == 1f ? q : new BoostQuery(q, t.boost());
        b.add(last, Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) {
      return null;
    }
    return clauses == 1 ? last : b.build();
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    return expand(field, f -> super.getFieldQuery(f, queryText, quoted));
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    return expand(field, f -> super.getFieldQuery(f, queryText, slop));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if ("*".equals(termStr) && ("*".equals(field) || FREE_TEXT.equals(field))) {
      return new MatchAllDocsQuery();
    }
    return expand(field, true, f -> super.getWildcardQuery(f, termStr));
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    return expand(field, true, f -> super.getPrefixQuery(f, termStr));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    return expand(field, true, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return expand(field, true, f -> super.getRegexpQuery(f, termStr));
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    return expand(field, true, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query plain = super.getBooleanQuery(clauses);
    long optional = clauses.stream().filter(c -> c.getOccur() == Occur.SHOULD).count();
    if (plain == null || optional < 2 || optional > MAX_COORDINATED_CLAUSES) {
      return plain;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (BooleanClause c : clauses) {
      all.add(c.getQuery(), c.getOccur() == Occur.SHOULD ? Occur.MUST : c.getOccur());
    }
    Query coordinated = new BooleanQuery.Builder().add(plain, Occur.SHOULD).add(all.build(), Occur.SHOULD).build();
    uncoordinated.put(coordinated, plain);
    return coordinated;
  }

  // ---- error messages ---------------------------------------------------------------------

  private static final String LITERAL_FIX = "To search for special characters (+ - ! ( ) { } [ ] ^ \" ~ * ? : \\) "
      + "literally, escape each with a backslash or put the text in double quotes";

  /** What is wrong with {@code text}, where, and how to fix it. */
  static String describe(String text, SlashesEscaped escaped, ParseException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownAttributeException u) {
        return "unknown attribute '" + u.attribute + ":'. Use one of " + Attribute.prefixList()
            + " (case does not matter), or to search for a colon literally escape it (tier\\:gold) "
            + "or quote the text (\"tier:gold\")";
      }
    }
    String structural = unbalanced(text);
    if (structural != null) {
      return structural;
    }
    int backslashes = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return "it ends with a lone backslash. Remove it, or write \\\\ to search for a backslash";
    }
    ParseException inner = innermost(e);
    if (inner != null && inner.currentToken != null && inner.currentToken.next != null) {
      Token next = inner.currentToken.next;
      if (next.kind == QueryParserConstants.EOF) {
        return "it ends unexpectedly; an operator (AND, OR, NOT, +, -) or an attribute prefix such as "
            + "'tag:' needs a term after it. Add the term or remove the operator. " + LITERAL_FIX;
      }
      // beginColumn is a 0-based offset with Lucene's FastCharStream
      return "unexpected '" + next.image + "' at position " + escaped.originalPosition(next.beginColumn) + ". "
          + LITERAL_FIX;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TokenMgrError) {
        return "it contains text the parser cannot read. " + LITERAL_FIX;
      }
    }
    String message = inner != null ? inner.getMessage() : e.getMessage();
    return "it cannot be parsed (" + firstLine(message) + "). " + LITERAL_FIX;
  }

  private static ParseException innermost(Throwable e) {
    ParseException found = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseException p) {
        found = p;
      }
    }
    return found;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  /** Describes an unclosed quote or an unbalanced parenthesis, or returns null. Positions are 1-based. */
  static String unbalanced(String text) {
    int openQuote = -1;
    java.util.ArrayDeque<Integer> openParens = new java.util.ArrayDeque<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        openQuote = openQuote < 0 ? i : -1;
      } else if (openQuote < 0 && c == '(') {
        openParens.push(i);
      } else if (openQuote < 0 && c == ')') {
        if (openParens.isEmpty()) {
          return "the ')' at position " + (i + 1) + " closes no '('. Remove it, add the missing '(' "
              + "or escape it as \\) to search for it";
        }
        openParens.pop();
      }
    }
    if (openQuote >= 0) {
      return "the '\"' at position " + (openQuote + 1) + " opens a phrase that is never closed. "
          + "Add the closing '\"', or escape it as \\\" to search for a quote character";
    }
    if (!openParens.isEmpty()) {
      return "the '(' at position " + (openParens.peek() + 1) + " is never closed. Add the missing ')', "
          + "remove the '(' or escape it as \\( to search for it";
    }
    return null;
  }
}
