package io.pursight.governance.core.search;

import static io.pursight.governance.core.search.Entries.column;
import static io.pursight.governance.core.search.Entries.datasetName;
import static io.pursight.governance.core.search.Entries.fieldName;
import static io.pursight.governance.core.search.Entries.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import io.pursight.governance.InvalidQueryException;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query syntax: prefixes, operators, phrases, wildcards and the errors for invalid text. */
class SearchQuerySyntaxTest {
  private static SearchIndex index;

  @BeforeAll
  static void index() {
    index = new SearchIndex();
    index.rebuild(List.of(
        table("customer").description("People who bought something").owners("crm-team")
            .columns(column("id"), column("email").tags("pii", "tier:gold").infoType("EMAIL_ADDRESS"),
                column("phone_number").tags("pii").infoType("PHONE_NUMBER"), column("created_at"))
            .build(),
        table("orders").columns(column("id"), column("customer_id"), column("email"), column("total_amount"))
            .build()));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<QualifiedName> find(String text) {
    return index.search(new SearchQuery(text, 1000, null)).stream().map(SearchHit::asset).toList();
  }

  private static InvalidQueryException invalid(String text) {
    InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> find(text));
    assertThat(e).as("query %s", text).isNotNull();
    assertThat(e.getMessage()).startsWith("Invalid search query \"" + text + "\": ");
    return e;
  }

  @Test
  void prefixesIgnoreCase() {
    for (String q : List.of("name:phone_number", "NAME:phone_number", "Name:PHONE_NUMBER", "name:phoneNumber")) {
      assertThat(find(q)).as(q).containsExactly(fieldName("customer", "phone_number"));
    }
    assertThat(find("Owner:CRM-TEAM")).containsExactly(datasetName("customer"));
    assertThat(find("INFOTYPE:phone_number"))
        .containsExactlyInAnyOrder(datasetName("customer"), fieldName("customer", "phone_number"));
  }

  @Test
  void plusRequiresATermAndMinusExcludesOne() {
    assertThat(find("email total")).contains(fieldName("orders", "total_amount"), fieldName("customer", "email"));
    assertThat(find("+email +tag:pii")).containsExactly(fieldName("customer", "email"));
    assertThat(find("name:email -tag:pii")).containsExactly(fieldName("orders", "email"));
    assertThat(find("email AND pii")).containsExactly(fieldName("customer", "email"));
    assertThat(find("(name:email OR name:total) AND NOT qualified:customer"))
        .containsExactlyInAnyOrder(fieldName("orders", "email"), fieldName("orders", "total_amount"));
  }

  @Test
  void aPurelyNegativeQueryMeansEverythingExcept() {
    List<QualifiedName> all = find("*");
    assertThat(all).hasSize(10);

    assertThat(find("-tag:pii")).hasSize(8)
        .doesNotContain(fieldName("customer", "email"), fieldName("customer", "phone_number"));
  }

  @Test
  void quotesSearchPhrasesAndLiteralSpecialCharacters() {
    assertThat(find("\"phone number\"")).containsExactly(fieldName("customer", "phone_number"));
    assertThat(find("\"number phone\"")).isEmpty();
    assertThat(find("tag:\"tier:gold\"")).containsExactly(fieldName("customer", "email"));
    assertThat(find("tag:tier\\:gold")).containsExactly(fieldName("customer", "email"));
  }

  @Test
  void wildcardsIncludingLeadingOnes() {
    assertThat(find("name:*_amount")).containsExactly(fieldName("orders", "total_amount"));
    assertThat(find("*_at")).containsExactly(fieldName("customer", "created_at"));
    assertThat(find("name:cust*")).containsExactlyInAnyOrder(datasetName("customer"), fieldName("orders", "customer_id"));
    assertThat(find("name:ph?ne")).containsExactly(fieldName("customer", "phone_number"));
  }

  @Test
  void fuzzyTermsTolerateTypos() {
    assertThat(find("name:emial~")).containsExactlyInAnyOrder(fieldName("customer", "email"), fieldName("orders", "email"));
  }

  @Test
  void unbalancedQuoteSaysWhereAndHowToFix() {
    InvalidQueryException e = invalid("customer \"email");
    assertThat(e.getMessage()).contains("position 10").contains("closing '\"'").contains("\\\"");
  }

  @Test
  void unbalancedParenthesesSayWhereAndHowToFix() {
    assertThat(invalid("(customer OR email").getMessage()).contains("'(' at position 1").contains("missing ')'");
    assertThat(invalid("customer) email").getMessage()).contains("')' at position 9").contains("\\)");
  }

  @Test
  void unknownPrefixListsTheKnownOnes() {
    InvalidQueryException e = invalid("colour:red");
    assertThat(e.getMessage())
        .contains("unknown attribute 'colour:'")
        .contains("name:, qualified:, description:, comment:, tag:, term:, owner:, infoType:, kind:, source:")
        .contains("\"tier:gold\"");
  }

  @Test
  void danglingOperatorsAndPrefixes() {
    assertThat(invalid("customer AND").getMessage()).contains("ends unexpectedly");
    assertThat(invalid("tag:").getMessage()).contains("ends unexpectedly");
    assertThat(invalid("email\\").getMessage()).contains("lone backslash");
    assertThat(invalid("customer OR OR email").getMessage()).contains("unexpected 'OR' at position 13");
    // positions refer to the text as typed, also after a '/'
    assertThat(invalid("a/b OR OR c").getMessage()).contains("unexpected 'OR' at position 8");
  }

  @Test
  void slashesAreOrdinaryCharacters() {
    assertThat(find("n/a")).isEmpty();
    assertThat(find("shop/test/public/orders").get(0)).isEqualTo(datasetName("orders"));
  }

  @Test
  void errorMessagesQuoteTheQueryButNoIndexedData() {
    InvalidQueryException e = invalid("email AND (");
    assertThat(e.getMessage()).doesNotContain("crm-team", "bought", "phone_number");
  }

  @Test
  void aBlankQueryIsNotAnError() {
    assertThat(find(" ")).isEmpty();
  }

  @Test
  void anyQueryTextGivesHitsOrAnInvalidQueryException() {
    qt().withExamples(2000).withShrinkCycles(200)
        .forAll(lists().of(arbitrary().pick(List.of(
            "customer", "email", " ", " ", "tag:", "Name:", "foo:", "pii", "\"", "(", ")", "AND", "OR", "NOT",
            "+", "-", "*", "?", "~", "~2", "^", "^2", "^0.5", ":", "\\", "/", "[", "]", "{", "}", " TO ", "!",
            "&&", "||", "é", "_", ".", "1", "*:*"))).ofSizeBetween(1, 12))
        .checkAssert(parts -> {
          String text = String.join("", parts);
          try {
            List<SearchHit> hits = index.search(new SearchQuery(text, 50, null));
            assertThat(hits).hasSizeLessThanOrEqualTo(50);
          } catch (InvalidQueryException e) {
            assertThat(e.getMessage()).as(text).startsWith("Invalid search query \"" + text + "\": ");
          }
        });
  }

  @Test
  void longQueriesWorkUpToLucenesClauseLimit() {
    assertThat(find(words(85) + " email")).contains(fieldName("customer", "email"));
    for (String tooLong : List.of(words(100), words(1100))) {
      assertThatThrownBy(() -> find(tooLong)).isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("too many terms")
          .hasMessageContaining("Use fewer words");
    }
  }

  private static String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("w").append(i).append(' ');
    }
    return b.toString().strip();
  }
}
