package io.pursight.governance.core.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the catalog index. The same analyzer serves indexing and querying of a field,
 * so index and query terms always agree.
 */
final class SearchAnalyzers {

  /** Gap between the values of a multi-valued field, so phrases never span two values. */
  private static final int VALUE_GAP = 100;

  /**
   * Word parts and number parts, split on case changes, letter/digit boundaries and every
   * non-alphanumeric character; no catenation and no original token, so the output is a simple
   * chain (no token graph) and needs no flattening for indexing.
   */
  private static final int NAME_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
      | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
      | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
      | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
      | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

  /** Words KStem gets wrong for a data catalog. */
  private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();

  private SearchAnalyzers() {}

  private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
    StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
    b.add("orders", "order");
    try {
      return b.build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Names of tables, columns and qualified names: {@code customerEmail}, {@code customer_email},
   * {@code CUSTOMER_EMAIL} and {@code public.customer.email} become {@code customer}, {@code email}
   * (with {@code public} first for the last); {@code address2} becomes {@code address}, {@code 2}.
   */
  static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream stream = new WordDelimiterGraphFilter(source, NAME_FLAGS, null);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
      }
    };
  }

  /** The whole value as one lower-cased token: tags, owners, info types, kinds, sources, exact names. */
  static Analyzer keywords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /**
   * English prose (descriptions, comments, glossary terms): Unicode word segmentation, possessives
   * removed, lower case, English stop words removed, then KStem. KStem is a conservative,
   * dictionary-backed stemmer: it folds plurals and inflections ({@code customers} to {@code
   * customer}, {@code emails} to {@code email}) without the over-stemming of Porter, which {@link
   * EnglishAnalyzer} uses and which conflates {@code customer} with {@code custom} and {@code
   * organization} with {@code organ} — bad for a catalog whose vocabulary is business nouns.
   * KStem's dictionary keeps {@code orders} (as in religious orders); an override folds it to
   * {@code order}, the catalog's commonest noun.
   */
  static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
      }
    };
  }

  /** The analyzer of every indexed field, per {@link SearchFields#ANALYSIS}. */
  static Analyzer perField() {
    Analyzer names = names();
    Analyzer keywords = keywords();
    Analyzer text = text();
    Map<String, Analyzer> byField = new HashMap<>();
    SearchFields.ANALYSIS.forEach((field, analysis) -> byField.put(field, switch (analysis) {
      case NAME -> names;
      case KEYWORD -> keywords;
      case TEXT -> text;
    }));
    return new PerFieldAnalyzerWrapper(keywords, byField);
  }
}
