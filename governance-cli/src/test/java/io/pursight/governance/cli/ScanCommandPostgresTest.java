package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The acceptance check: scan --format json on PostgreSQL reports tables, views, FKs and comments. */
@EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
    disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
class ScanCommandPostgresTest {
  static String url;
  static JsonNode doc;

  @BeforeAll
  static void scan() throws Exception {
    url = ItDatabases.freshPostgres("pursight_it_cli");
    ItDatabases.exec(url,
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.customer (id serial PRIMARY KEY, email varchar(120) NOT NULL,"
            + " full_name text, country char(2) DEFAULT 'FR', created timestamptz NOT NULL DEFAULT now())",
        "COMMENT ON TABLE sales.customer IS 'People who buy'",
        "COMMENT ON COLUMN sales.customer.email IS 'Primary contact'",
        "CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES sales.customer(id)"
            + " ON DELETE CASCADE, amount numeric(10,2), placed date)",
        "CREATE TABLE sales.order_line (order_id bigint REFERENCES sales.orders(id), line int, sku varchar(20),"
            + " qty int NOT NULL, PRIMARY KEY (order_id, line))",
        "CREATE TABLE sales.shipment (id int PRIMARY KEY, order_id bigint, line int,"
            + " CONSTRAINT fk_line FOREIGN KEY (order_id, line) REFERENCES sales.order_line(order_id, line))",
        "CREATE VIEW sales.big_orders AS SELECT o.id, c.email, o.amount FROM sales.orders o"
            + " JOIN sales.customer c ON c.id = o.customer_id WHERE o.amount > 100",
        "COMMENT ON VIEW sales.big_orders IS 'Orders over 100'",
        "INSERT INTO sales.customer (email, full_name) SELECT 'user' || g || '@example.com', 'User ' || g"
            + " FROM generate_series(1, 300) g",
        "INSERT INTO sales.orders SELECT g, 1 + g % 300, (g * 7) % 500, DATE '2024-01-01' + g % 365"
            + " FROM generate_series(1, 2000) g",
        "INSERT INTO sales.order_line SELECT 1 + g % 2000, g, 'SKU-' || g, 1 FROM generate_series(1, 3000) g",
        "ANALYZE");
    CliRunner r = CliRunner.run("scan", "--url", url, "--format", "json", "--in-memory", "--schema", "sales");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    doc = r.json();
  }

  static JsonNode dataset(String table) {
    for (JsonNode d : doc.get("datasets")) {
      if (d.get("table").asText().equals(table)) {
        return d;
      }
    }
    throw new AssertionError("no dataset " + table + " in " + doc.get("datasets"));
  }

  static JsonNode column(JsonNode dataset, String name) {
    for (JsonNode c : dataset.get("columns")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  @Test
  void reportsEveryTableAndViewWithKinds() {
    List<String> names = new ArrayList<>();
    doc.get("datasets").forEach(d -> names.add(d.get("table").asText() + ":" + d.get("kind").asText()));
    assertThat(names).containsExactlyInAnyOrder("customer:TABLE", "orders:TABLE", "order_line:TABLE",
        "shipment:TABLE", "big_orders:VIEW");
    assertThat(doc.get("source").get("product").asText()).isEqualTo("PostgreSQL");
    assertThat(doc.get("scan").get("counts").get("scanned").asInt()).isEqualTo(5);
    assertThat(doc.get("errors")).isEmpty();
  }

  @Test
  void reportsColumnsTypesNullabilityDefaultsAndComments() {
    JsonNode customer = dataset("customer");
    assertThat(customer.get("comment").asText()).isEqualTo("People who buy");
    assertThat(customer.get("qualifiedName").asText()).isEqualTo("postgresql-pursight_it_cli/pursight_it_cli/sales/customer");
    assertThat(customer.get("primaryKey")).extracting(JsonNode::asText).containsExactly("id");
    JsonNode email = column(customer, "email");
    assertThat(email.get("comment").asText()).isEqualTo("Primary contact");
    assertThat(email.get("type").asText()).isEqualTo("varchar(120)");
    assertThat(email.get("nullable").asBoolean()).isFalse();
    assertThat(column(customer, "full_name").get("nullable").asBoolean()).isTrue();
    assertThat(column(customer, "country").get("default").asText()).contains("FR");
    assertThat(column(customer, "id").get("primaryKey").asBoolean()).isTrue();
    assertThat(customer.get("columns")).extracting(c -> c.get("name").asText())
        .containsExactly("id", "email", "full_name", "country", "created");
    assertThat(column(customer, "email").get("profile").get("rows").asInt()).isEqualTo(300);
    assertThat(customer.get("quality").get("score").asDouble()).isBetween(0.9, 1.0);
  }

  @Test
  void reportsForeignKeysIncludingCompositeOnes() {
    JsonNode orders = dataset("orders");
    assertThat(orders.get("foreignKeys")).singleElement().satisfies(fk -> {
      assertThat(fk.get("columns")).extracting(JsonNode::asText).containsExactly("customer_id");
      assertThat(fk.get("references").get("name").asText()).isEqualTo("pursight_it_cli.sales.customer");
      assertThat(fk.get("references").get("columns")).extracting(JsonNode::asText).containsExactly("id");
      assertThat(fk.get("onDelete").asText()).isEqualTo("CASCADE");
    });
    assertThat(dataset("order_line").get("primaryKey")).extracting(JsonNode::asText).containsExactly("order_id", "line");
    assertThat(dataset("shipment").get("foreignKeys")).singleElement().satisfies(fk -> {
      assertThat(fk.get("name").asText()).isEqualTo("fk_line");
      assertThat(fk.get("columns")).extracting(JsonNode::asText).containsExactly("order_id", "line");
      assertThat(fk.get("references").get("columns")).extracting(JsonNode::asText).containsExactly("order_id", "line");
    });
  }

  @Test
  void reportsViewsWithTheirSqlAndComment() {
    JsonNode view = dataset("big_orders");
    assertThat(view.get("comment").asText()).isEqualTo("Orders over 100");
    assertThat(view.get("definition").asText()).containsIgnoringCase("join sales.customer")
        .containsIgnoringCase("amount > ");
    assertThat(view.get("columns")).extracting(c -> c.get("name").asText()).containsExactly("id", "email", "amount");
  }

  @Test
  void tableOutputSummarisesTheSameScan() {
    CliRunner r = CliRunner.run("scan", "--url", url, "--in-memory", "--schema", "sales");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    assertThat(r.out).contains("4 tables and 1 views").contains("pursight_it_cli.sales.big_orders")
        .contains("5 scanned");
  }
}
