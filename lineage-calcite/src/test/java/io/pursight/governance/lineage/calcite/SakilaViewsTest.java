package io.pursight.governance.lineage.calcite;

import static io.pursight.governance.lineage.TransformKind.AGGREGATION;
import static io.pursight.governance.lineage.TransformKind.IDENTITY;
import static io.pursight.governance.lineage.TransformKind.TRANSFORMATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seven views of the Sakila sample database (PostgreSQL port), analysed as part of the whole
 * schema script (tables, types, functions with PL/pgSQL bodies, triggers), with their complete
 * column lineage written out by hand.
 */
class SakilaViewsTest {

  private static final Path SCHEMA = Path.of("../bench/datasets/sakila/sakila-postgresql-schema.sql");

  private record Expected(List<String> sources, TransformKind kind) {}

  private static Expected e(TransformKind kind, String... sources) {
    return new Expected(List.of(sources), kind);
  }

  private static Map<String, Map<String, Expected>> expected() {
    Map<String, Map<String, Expected>> v = new LinkedHashMap<>();
    Map<String, Expected> m = new LinkedHashMap<>();
    m.put("actor_id", e(IDENTITY, "actor.actor_id"));
    m.put("first_name", e(IDENTITY, "actor.first_name"));
    m.put("last_name", e(IDENTITY, "actor.last_name"));
    // group_concat(DISTINCT c.name || ': ' || (SELECT group_concat(f.title) ... WHERE fc.category_id = c.category_id
    //   AND fa.actor_id = a.actor_id)): the category name, the film titles and the two correlated columns
    m.put("film_info", e(AGGREGATION, "category.name", "film.title", "category.category_id", "actor.actor_id"));
    v.put("actor_info", m);

    m = new LinkedHashMap<>();
    m.put("id", e(IDENTITY, "customer.customer_id"));
    m.put("name", e(TRANSFORMATION, "customer.first_name", "customer.last_name"));
    m.put("address", e(IDENTITY, "address.address"));
    m.put("zip code", e(IDENTITY, "address.postal_code"));
    m.put("phone", e(IDENTITY, "address.phone"));
    m.put("city", e(IDENTITY, "city.city"));
    m.put("country", e(IDENTITY, "country.country"));
    m.put("notes", e(TRANSFORMATION, "customer.activebool"));
    m.put("sid", e(IDENTITY, "customer.store_id"));
    v.put("customer_list", m);

    for (String view : List.of("film_list", "nicer_but_slower_film_list")) {
      m = new LinkedHashMap<>();
      m.put("fid", e(IDENTITY, "film.film_id"));
      m.put("title", e(IDENTITY, "film.title"));
      m.put("description", e(IDENTITY, "film.description"));
      m.put("category", e(IDENTITY, "category.name"));
      m.put("price", e(IDENTITY, "film.rental_rate"));
      m.put("length", e(IDENTITY, "film.length"));
      m.put("rating", e(IDENTITY, "film.rating"));
      m.put("actors", e(AGGREGATION, "actor.first_name", "actor.last_name"));
      v.put(view, m);
    }

    m = new LinkedHashMap<>();
    m.put("category", e(IDENTITY, "category.name"));
    m.put("total_sales", e(AGGREGATION, "payment.amount"));
    v.put("sales_by_film_category", m);

    m = new LinkedHashMap<>();
    m.put("store", e(TRANSFORMATION, "city.city", "country.country"));
    m.put("manager", e(TRANSFORMATION, "staff.first_name", "staff.last_name"));
    m.put("total_sales", e(AGGREGATION, "payment.amount"));
    v.put("sales_by_store", m);

    m = new LinkedHashMap<>();
    m.put("id", e(IDENTITY, "staff.staff_id"));
    m.put("name", e(TRANSFORMATION, "staff.first_name", "staff.last_name"));
    m.put("address", e(IDENTITY, "address.address"));
    m.put("zip code", e(IDENTITY, "address.postal_code"));
    m.put("phone", e(IDENTITY, "address.phone"));
    m.put("city", e(IDENTITY, "city.city"));
    m.put("country", e(IDENTITY, "country.country"));
    m.put("sid", e(IDENTITY, "staff.store_id"));
    v.put("staff_list", m);
    return v;
  }

  @Test
  void theWholeSchemaScriptIsAnalysedWithoutErrors() throws IOException {
    ScriptLineage r = Lin.run("postgresql", Files.readString(SCHEMA));
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).filteredOn(s -> s.kind().equals("CREATE_TABLE")).hasSize(22);
  }

  @Test
  void viewsHaveCompleteAndCorrectLineage() throws IOException {
    ScriptLineage r = Lin.run("postgresql", Files.readString(SCHEMA));
    List<StatementLineage> views = r.statements().stream().filter(s -> s.kind().equals("CREATE_VIEW")).toList();
    Map<String, Map<String, Expected>> expected = expected();
    assertThat(views).extracting(s -> s.targets().get(0)).containsExactlyElementsOf(expected.keySet());
    for (StatementLineage view : views) {
      String name = view.targets().get(0);
      Map<String, Expected> cols = expected.get(name);
      assertThat(view.columns()).as(name).extracting(ColumnLineage::target)
          .containsExactlyElementsOf(cols.keySet().stream().map(c -> name + "." + c).toList());
      for (ColumnLineage c : view.columns()) {
        Expected x = cols.get(c.target().substring(name.length() + 1));
        assertThat(c.sources()).as(c.target()).containsExactlyInAnyOrderElementsOf(x.sources);
        assertThat(c.transform()).as(c.target()).isEqualTo(x.kind);
      }
    }
  }

  @Test
  void joinKeysAndGroupingAreFilters() throws IOException {
    ScriptLineage r = Lin.run("postgresql", Files.readString(SCHEMA));
    StatementLineage customerList = r.statements().stream()
        .filter(s -> s.targets().equals(List.of("customer_list"))).findFirst().orElseThrow();
    for (ColumnLineage c : customerList.columns()) {
      assertThat(c.filters()).as(c.target()).containsExactlyInAnyOrder("customer.address_id", "address.address_id",
          "address.city_id", "city.city_id", "city.country_id", "country.country_id");
    }
    StatementLineage byCategory = r.statements().stream()
        .filter(s -> s.targets().equals(List.of("sales_by_film_category"))).findFirst().orElseThrow();
    assertThat(byCategory.sources()).containsExactly("payment", "rental", "inventory", "film", "film_category", "category");
    assertThat(byCategory.columns().get(1).filters()).contains("payment.rental_id", "category.name")
        .doesNotContain("payment.amount");
  }

  @Test
  void theSameViewsWithoutTheTablesDefinedGiveTheSameLineage() throws IOException {
    List<String> views = new ArrayList<>();
    String text = Files.readString(SCHEMA);
    int i = 0;
    while ((i = text.indexOf("CREATE VIEW", i)) >= 0) {
      int end = text.indexOf(';', i);
      views.add(text.substring(i, end + 1));
      i = end;
    }
    ScriptLineage alone = Lin.run("postgresql", String.join("\n", views));
    assertThat(alone.errors()).isEmpty();
    ScriptLineage whole = Lin.run("postgresql", text);
    List<StatementLineage> wholeViews = whole.statements().stream().filter(s -> s.kind().equals("CREATE_VIEW")).toList();
    for (int k = 0; k < views.size(); k++) {
      assertThat(Lin.sources(alone.statements().get(k))).isEqualTo(Lin.sources(wholeViews.get(k)));
    }
  }
}
