package io.pursight.governance.core.search;

import static io.pursight.governance.core.search.Entries.column;
import static io.pursight.governance.core.search.Entries.datasetName;
import static io.pursight.governance.core.search.Entries.fieldName;
import static io.pursight.governance.core.search.Entries.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import io.pursight.governance.classification.Classification.Status;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  private final SearchIndex index = new SearchIndex();

  @AfterEach
  void close() {
    index.close();
  }

  private List<SearchHit> search(String text) {
    return index.search(new SearchQuery(text, 1000, null));
  }

  private List<SearchHit> search(String text, QualifiedName.Level level) {
    return index.search(new SearchQuery(text, 1000, level));
  }

  private static List<QualifiedName> assets(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::asset).toList();
  }

  private void customersAndOrders() {
    index.rebuild(List.of(
        table("customer").description("Everyone who ever bought something from the shop")
            .columns(column("id"), column("name"), column("email").tags("pii").infoType("EMAIL_ADDRESS"))
            .build(),
        table("orders")
            .columns(column("id"), column("customer_id"),
                column("email").infoType("EMAIL_ADDRESS", Status.CONFIRMED), column("total"))
            .build()));
  }

  @Test
  void customerEmailRanksTheCustomerTablesEmailFirst() {
    customersAndOrders();

    List<SearchHit> hits = search("customer email");

    assertThat(hits.get(0).asset()).isEqualTo(fieldName("customer", "email"));
    assertThat(assets(hits)).contains(fieldName("orders", "email"), datasetName("customer"));
    assertThat(assets(hits).indexOf(fieldName("customer", "email")))
        .isLessThan(assets(hits).indexOf(fieldName("orders", "email")));
    assertThat(hits.get(0).matched()).contains("name", "qualified");
  }

  @Test
  void exactNameRanksAbovePartialNames() {
    index.rebuild(List.of(table("users")
        .columns("email_verified", "customer_email", "email", "primary_email_address").build()));

    List<SearchHit> hits = search("email");

    assertThat(assets(hits)).hasSize(4);
    assertThat(hits.get(0).asset()).isEqualTo(fieldName("users", "email"));
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void snakeCamelAndUpperCaseNamesSplitIntoWords() {
    index.rebuild(List.of(table("t").columns("customerEmail", "customer_email", "CUSTOMER_EMAIL", "phone").build()));
    List<QualifiedName> all = List.of(
        fieldName("t", "customerEmail"), fieldName("t", "customer_email"), fieldName("t", "CUSTOMER_EMAIL"));

    assertThat(assets(search("customer", QualifiedName.Level.FIELD))).containsExactlyInAnyOrderElementsOf(all);
    assertThat(assets(search("EMAIL", QualifiedName.Level.FIELD))).containsExactlyInAnyOrderElementsOf(all);
    List<SearchHit> identifier = search("customer_email", QualifiedName.Level.FIELD);
    assertThat(assets(identifier)).containsExactlyInAnyOrderElementsOf(all);
    // the exact whole name (ignoring case) wins over another spelling of the same words
    assertThat(assets(identifier.subList(0, 2)))
        .containsExactlyInAnyOrder(fieldName("t", "customer_email"), fieldName("t", "CUSTOMER_EMAIL"));
    assertThat(search("customerEmail", QualifiedName.Level.FIELD).get(0).asset())
        .isEqualTo(fieldName("t", "customerEmail"));
  }

  @Test
  void anIdentifierInTheQueryIsAPhraseNotAnyOfItsWords() {
    index.rebuild(List.of(table("t").columns("customer_email", "email_customer", "customer", "email").build()));

    assertThat(assets(search("name:customer_email"))).containsExactly(fieldName("t", "customer_email"));
  }

  @Test
  void digitsSplitFromLetters() {
    index.rebuild(List.of(table("t").columns("address2", "address_line", "ipv4").build()));

    assertThat(assets(search("address", QualifiedName.Level.FIELD)))
        .containsExactlyInAnyOrder(fieldName("t", "address2"), fieldName("t", "address_line"));
    assertThat(assets(search("name:2"))).containsExactly(fieldName("t", "address2"));
    assertThat(assets(search("ipv4"))).containsExactly(fieldName("t", "ipv4"));
  }

  @Test
  void piiTagIsFoundByPrefixAndByFreeText() {
    customersAndOrders();
    QualifiedName email = fieldName("customer", "email");

    for (String q : List.of("tag:pii", "TAG:PII", "pii")) {
      List<SearchHit> hits = search(q);
      assertThat(assets(hits)).as(q).containsExactly(email);
      assertThat(hits.get(0).matched()).as(q).containsExactly("tag");
      assertThat(hits.get(0).tags()).containsExactly("pii");
    }
  }

  @Test
  void infoTypeFindsActiveClassificationsOnlyInAnyCase() {
    index.rebuild(List.of(table("contacts")
        .columns(column("mail").infoType("EMAIL_ADDRESS"),
            column("backup_mail").infoType("EMAIL_ADDRESS", Status.CONFIRMED),
            column("notes").infoType("EMAIL_ADDRESS", Status.REJECTED).infoType("PERSON_NAME"),
            column("phone").infoType("PHONE_NUMBER"))
        .build()));

    for (String q : List.of("infoType:EMAIL_ADDRESS", "infotype:email_address", "INFOTYPE:Email_Address")) {
      List<SearchHit> hits = search(q, QualifiedName.Level.FIELD);
      assertThat(assets(hits)).as(q)
          .containsExactlyInAnyOrder(fieldName("contacts", "mail"), fieldName("contacts", "backup_mail"));
      assertThat(hits).allSatisfy(h -> {
        assertThat(h.infoTypes()).containsExactly("EMAIL_ADDRESS");
        assertThat(h.matched()).containsExactly("infoType");
      });
    }
    List<SearchHit> notes = search("name:notes");
    assertThat(notes.get(0).infoTypes()).containsExactly("PERSON_NAME");
    // the dataset carries its fields' active info types
    List<SearchHit> datasets = search("infoType:EMAIL_ADDRESS", QualifiedName.Level.DATASET);
    assertThat(assets(datasets)).containsExactly(datasetName("contacts"));
    assertThat(datasets.get(0).infoTypes()).containsExactlyInAnyOrder("EMAIL_ADDRESS", "PERSON_NAME", "PHONE_NUMBER");
  }

  @Test
  void descriptionIsSearchedWithEnglishStemming() {
    customersAndOrders();

    List<SearchHit> hits = search("shops");
    assertThat(assets(hits)).containsExactly(datasetName("customer"));
    assertThat(hits.get(0).matched()).containsExactly("description");
    assertThat(assets(search("description:everyone"))).containsExactly(datasetName("customer"));
    assertThat(search("description:the")).as("stop words are not indexed").isEmpty();
    assertThat(assets(search("description:\"bought something\""))).containsExactly(datasetName("customer"));
    assertThat(search("description:\"something bought\"")).isEmpty();
  }

  @Test
  void commentsTermsAndOwnersAreSearchable() {
    index.rebuild(List.of(
        table("ledger").comment("General ledger postings").owners("Finance-Team").terms("Customer Lifetime Value")
            .columns(column("amount").comment("Amount in cents"))
            .build()));

    List<SearchHit> comment = search("cents");
    assertThat(assets(comment)).containsExactly(fieldName("ledger", "amount"));
    assertThat(comment.get(0).matched()).containsExactly("comment");
    assertThat(assets(search("comment:postings"))).containsExactly(datasetName("ledger"));
    assertThat(assets(search("owner:finance-team"))).containsExactly(datasetName("ledger"));
    List<SearchHit> term = search("\"lifetime value\"");
    assertThat(assets(term)).containsExactly(datasetName("ledger"));
    assertThat(term.get(0).matched()).containsExactly("term");
    assertThat(assets(search("term:\"customer lifetime value\""))).containsExactly(datasetName("ledger"));
  }

  @Test
  void kindAndSourcePrefixes() {
    index.rebuild(List.of(
        table("orders").columns("id").build(),
        table("order_summary").kind(DatasetKind.VIEW).columns("total").build()));

    assertThat(assets(search("kind:view"))).containsExactly(datasetName("order_summary"));
    assertThat(assets(search("kind:TABLE"))).containsExactly(datasetName("orders"));
    assertThat(assets(search("kind:field"))).containsExactlyInAnyOrder(
        fieldName("orders", "id"), fieldName("order_summary", "total"));
    assertThat(search("source:SHOP")).hasSize(4);
    assertThat(search("source:other")).isEmpty();
  }

  @Test
  void levelFilterKeepsOnlyThatLevel() {
    customersAndOrders();

    assertThat(search("email", QualifiedName.Level.FIELD))
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.asset().level()).isEqualTo(QualifiedName.Level.FIELD));
    assertThat(assets(search("customer", QualifiedName.Level.DATASET))).containsExactly(datasetName("customer"));
    assertThat(assets(search("customer", QualifiedName.Level.FIELD))).containsExactlyInAnyOrder(
        fieldName("customer", "id"), fieldName("customer", "name"), fieldName("customer", "email"),
        fieldName("orders", "customer_id"));
  }

  @Test
  void limitCutsTheBestHits() {
    customersAndOrders();
    List<SearchHit> all = search("customer email");

    List<SearchHit> two = index.search(new SearchQuery("customer email", 2, null));

    assertThat(assets(two)).containsExactlyElementsOf(assets(all).subList(0, 2));
  }

  @Test
  void updateReplacesTheDatasetsDocuments() {
    customersAndOrders();
    index.update(table("customer").columns(column("id"), column("mail_address").tags("pii")).build());
    index.update(table("customer").columns(column("id"), column("mail_address").tags("pii")).build());

    assertThat(search("name:email")).extracting(SearchHit::asset).containsExactly(fieldName("orders", "email"));
    assertThat(assets(search("tag:pii"))).containsExactly(fieldName("customer", "mail_address"));
    assertThat(assets(search("name:customer", QualifiedName.Level.DATASET))).containsExactly(datasetName("customer"));
    assertThat(assets(search("qualified:\"test.public.customer\"", QualifiedName.Level.FIELD)))
        .containsExactlyInAnyOrder(fieldName("customer", "id"), fieldName("customer", "mail_address"));
    assertThat(search("bought")).as("the new entry has no description").isEmpty();
  }

  @Test
  void updateAddsADatasetTheIndexDidNotHave() {
    index.update(table("invoices").columns("invoice_no").build());

    assertThat(assets(search("invoice"))).containsExactly(fieldName("invoices", "invoice_no"));
  }

  @Test
  void removeDeletesTheDatasetAndItsFields() {
    customersAndOrders();

    index.remove(datasetName("customer"));

    assertThat(search("shop/test/public/customer")).isEmpty();
    assertThat(search("test.public.customer")).isEmpty();
    assertThat(search("qualified:\"test.public.customer\"")).as("no field of the dataset is left").isEmpty();
    assertThat(assets(search("email"))).containsExactly(fieldName("orders", "email"));
    index.remove(datasetName("customer")); // absent: nothing happens
    assertThat(search("total")).hasSize(1);
  }

  @Test
  void removeRejectsAFieldName() {
    customersAndOrders();

    assertThatThrownBy(() -> index.remove(fieldName("customer", "email")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataset");
    assertThat(assets(search("tag:pii"))).containsExactly(fieldName("customer", "email"));
  }

  @Test
  void rebuildReplacesEverything() {
    customersAndOrders();

    index.rebuild(List.of(table("products").columns("sku").build()));

    assertThat(search("customer")).isEmpty();
    assertThat(assets(search("sku"))).containsExactly(fieldName("products", "sku"));
  }

  @Test
  void rebuildKeepsTheLastEntryOfADataset() {
    index.rebuild(List.of(table("t").columns("first").build(), table("t").columns("second").build()));

    assertThat(search("first")).isEmpty();
    assertThat(assets(search("second"))).containsExactly(fieldName("t", "second"));
  }

  @Test
  void assetNamesWithSpecialCharactersRoundTrip() {
    QualifiedName odd = QualifiedName.dataset("src/1", "db%", null, "my.table").child("a/b.c%d");
    var field = new io.pursight.governance.catalog.Field("a/b.c%d", 1,
        new io.pursight.governance.catalog.DataType("int", java.sql.Types.INTEGER, null, null,
            io.pursight.governance.catalog.TypeFamily.INTEGER), true, false, null, null);
    var dataset = new io.pursight.governance.catalog.Dataset(odd.datasetName(), DatasetKind.TABLE, List.of(field),
        null, null, null, null, null, null);
    index.update(new io.pursight.governance.catalog.DatasetEntry(dataset, null,
        List.of(new io.pursight.governance.catalog.FieldEntry(odd, field, null, List.of(), null, null)), null, null, null));

    assertThat(assets(search("name:\"a/b.c%d\""))).containsExactly(odd);
    assertThat(assets(search("table", QualifiedName.Level.DATASET))).containsExactly(odd.datasetName());
    assertThat(search(odd.toString()).get(0).asset()).isEqualTo(odd);
  }

  @Test
  void pastedCanonicalOrDisplayNameFindsThatAssetFirst() {
    customersAndOrders();

    assertThat(search("shop/test/public/customer").get(0).asset()).isEqualTo(datasetName("customer"));
    assertThat(search("test.public.customer").get(0).asset()).isEqualTo(datasetName("customer"));
    assertThat(search("shop/test/public/orders/email").get(0).asset()).isEqualTo(fieldName("orders", "email"));
    assertThat(search("qualified:\"test.public.orders.email\"").get(0).asset()).isEqualTo(fieldName("orders", "email"));
  }

  @Test
  void blankQueriesReturnNothing() {
    customersAndOrders();

    assertThat(search("")).isEmpty();
    assertThat(search("  \t ")).isEmpty();
  }

  @Test
  void scoresDescendAndTiesAreOrderedByName() {
    index.rebuild(List.of(table("b").columns("code").build(), table("a").columns("code").build()));

    List<SearchHit> hits = search("name:code");

    assertThat(assets(hits)).containsExactly(fieldName("a", "code"), fieldName("b", "code"));
    assertThat(hits.get(0).score()).isEqualTo(hits.get(1).score());
  }

  @Test
  void closedIndexRefusesWork() {
    index.close();

    assertThatThrownBy(() -> search("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> index.update(table("t").build())).isInstanceOf(IllegalStateException.class);
    index.close();
  }
}
