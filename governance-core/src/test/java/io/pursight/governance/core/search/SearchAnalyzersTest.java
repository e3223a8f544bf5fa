package io.pursight.governance.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzersTest {

  static List<String> tokens(Analyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      List<String> out = new ArrayList<>();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void namesSplitOnUnderscoresCaseChangesAndDigits() {
    Analyzer names = SearchAnalyzers.names();

    assertThat(tokens(names, "customerEmail")).containsExactly("customer", "email");
    assertThat(tokens(names, "customer_email")).containsExactly("customer", "email");
    assertThat(tokens(names, "CUSTOMER_EMAIL")).containsExactly("customer", "email");
    assertThat(tokens(names, "address2")).containsExactly("address", "2");
    assertThat(tokens(names, "public.customer.email")).containsExactly("public", "customer", "email");
    assertThat(tokens(names, "Order Details")).containsExactly("order", "details");
    assertThat(tokens(names, "%%")).isEmpty();
  }

  @Test
  void keywordsAreOneLowerCasedToken() {
    assertThat(tokens(SearchAnalyzers.keywords(), "EMAIL_ADDRESS")).containsExactly("email_address");
    assertThat(tokens(SearchAnalyzers.keywords(), "Finance Team")).containsExactly("finance team");
  }

  @Test
  void textFoldsInflectionsWithoutOverStemming() {
    Analyzer text = SearchAnalyzers.text();

    assertThat(tokens(text, "Customers' emails")).containsExactly("customer", "email");
    assertThat(tokens(text, "the customer's orders")).containsExactly("customer", "order");
    assertThat(tokens(text, "addresses countries categories invoices")).containsExactly(
        "address", "country", "category", "invoice");
    // Porter (EnglishAnalyzer) would make both of these "custom" and "organ"
    assertThat(tokens(text, "customer custom")).doesNotHaveDuplicates();
    assertThat(tokens(text, "organization organ")).doesNotHaveDuplicates();
  }

  /** Any identifier made of words analyses to those words in camelCase, snake_case and UPPER_SNAKE_CASE. */
  @Test
  void everySpellingOfAnIdentifierGivesItsWords() {
    Analyzer names = SearchAnalyzers.names();
    qt().forAll(lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 8)).ofSizeBetween(1, 4),
            integers().between(0, 9))
        .checkAssert((words, digit) -> {
          String snake = String.join("_", words);
          String upper = snake.toUpperCase(Locale.ROOT);
          String camel = words.get(0) + words.stream().skip(1)
              .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
          assertThat(tokens(names, snake)).isEqualTo(words);
          assertThat(tokens(names, upper)).isEqualTo(words);
          assertThat(tokens(names, camel)).isEqualTo(words);
          List<String> withDigit = new ArrayList<>(words);
          withDigit.add(String.valueOf(digit));
          assertThat(tokens(names, camel + digit)).isEqualTo(withDigit);
        });
  }
}
