package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.Sample.ColumnValues;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A schema made for the test, with the PostgreSQL features a scan meets in the wild. */
class PostgresCustomSchemaTest {
  private static final String DB = "pursight_it_custom";
  private static final String ANN = "6b1f4a52-7c1e-4b8e-9a53-0d8f6e1c2a11";
  private static String url;
  private static Connector connector;

  @BeforeAll
  static void setUp() throws SQLException {
    if (!TestDatabases.hasPostgres()) {
      return; // every test skips itself in requireServer()
    }
    url = TestDatabases.recreatePostgres(DB);
    TestDatabases.exec(url,
        "CREATE SCHEMA shop",
        """
        CREATE TABLE shop.customer (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          email text NOT NULL,
          profile jsonb,
          balance numeric(10,2) NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          tags text[],
          nickname varchar(30),
          "Mixed Case" int)""",
        "COMMENT ON TABLE shop.customer IS 'People who buy things'",
        "COMMENT ON COLUMN shop.customer.email IS 'Primary contact address'",
        """
        CREATE TABLE shop.orders (
          customer_id uuid NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE,
          order_no int NOT NULL,
          placed_on date DEFAULT CURRENT_DATE,
          status varchar(12) NOT NULL DEFAULT 'new',
          PRIMARY KEY (customer_id, order_no))""",
        """
        CREATE TABLE shop.order_line (
          line_id bigserial PRIMARY KEY,
          customer_id uuid NOT NULL,
          order_no int NOT NULL,
          sku text,
          qty smallint,
          CONSTRAINT order_line_order_fk FOREIGN KEY (customer_id, order_no)
            REFERENCES shop.orders (customer_id, order_no) ON UPDATE CASCADE ON DELETE RESTRICT)""",
        "CREATE VIEW shop.big_spenders AS SELECT id, email, balance FROM shop.customer WHERE balance > 100",
        "COMMENT ON VIEW shop.big_spenders IS 'Customers with a balance over 100'",
        """
        CREATE MATERIALIZED VIEW shop.order_counts AS
          SELECT customer_id, count(*) AS n FROM shop.orders GROUP BY customer_id""",
        "CREATE TABLE shop.measure (id int PRIMARY KEY, reading numeric, label text)",
        "INSERT INTO shop.measure VALUES (1, 1.25, 'a'), (2, 'NaN', 'b'), (3, 7, 'c')",
        "CREATE TABLE public.events (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at)",
        "CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
        """
        INSERT INTO shop.customer (id, email, profile, balance, created_at, tags, nickname) VALUES
          ('%s', 'ann@example.com', '{"tier": "gold", "n": 2}', 123.45, '2024-03-01 10:15:30+02',
           ARRAY['vip', 'early'], 'annie'),
          (gen_random_uuid(), 'bob@example.com', NULL, 5, now(), NULL, NULL)""".formatted(ANN),
        "INSERT INTO shop.orders (customer_id, order_no, placed_on) VALUES ('" + ANN + "', 1, '2024-03-02')",
        "INSERT INTO shop.order_line (customer_id, order_no, sku, qty) VALUES ('" + ANN + "', 1, 'SKU-1', 3)",
        "REFRESH MATERIALIZED VIEW shop.order_counts",
        "ANALYZE");
    connector = TestDatabases.connect("custom", url);
  }

  @BeforeEach
  void requireServer() {
    TestDatabases.postgresUrl();
  }

  @AfterAll
  static void tearDown() {
    if (connector != null) {
      connector.close();
    }
  }

  private static QualifiedName name(String schema, String table) {
    return QualifiedName.dataset("custom", DB, schema, table);
  }

  @Test
  void listsEveryKindOfDatasetWithItsNamespace() {
    assertThat(connector.list(null)).containsExactly(name("public", "events"), name("public", "events_2024"),
        name("shop", "big_spenders"), name("shop", "customer"), name("shop", "measure"), name("shop", "order_counts"),
        name("shop", "order_line"), name("shop", "orders"));
    assertThat(connector.list((schema, table) -> schema.equals("shop") && table.startsWith("order")))
        .containsExactly(name("shop", "order_counts"), name("shop", "order_line"), name("shop", "orders"));
    assertThat(connector.describe(name("public", "events")).kind()).isEqualTo(DatasetKind.TABLE);
    assertThat(connector.describe(name("public", "events")).properties()).containsEntry("tableType",
        "PARTITIONED TABLE");
    assertThat(connector.describe(name("public", "events_2024")).properties()).containsEntry("partition", "true");
    Dataset mv = connector.describe(name("shop", "order_counts"));
    assertThat(mv.kind()).isEqualTo(DatasetKind.MATERIALIZED_VIEW);
    assertThat(mv.definition()).contains("count(*)");
    assertThat(mv.estimatedRows()).isEqualTo(1L);
  }

  @Test
  void describesTypesCommentsDefaultsAndNullability() {
    Dataset d = connector.describe(name("shop", "customer"));
    assertThat(d.comment()).isEqualTo("People who buy things");
    assertThat(d.estimatedRows()).isEqualTo(2L);
    assertThat(d.properties()).containsEntry("owner", "postgres");
    Map<String, String> display = new TreeMap<>();
    Map<String, TypeFamily> family = new TreeMap<>();
    d.fields().forEach(f -> {
      display.put(f.name(), f.type().display());
      family.put(f.name(), f.type().family());
    });
    assertThat(display).containsEntry("id", "uuid").containsEntry("email", "text").containsEntry("profile", "jsonb")
        .containsEntry("balance", "numeric(10,2)").containsEntry("created_at", "timestamptz")
        .containsEntry("tags", "_text").containsEntry("nickname", "varchar(30)").containsEntry("Mixed Case", "int4");
    assertThat(family).containsEntry("id", TypeFamily.UUID).containsEntry("email", TypeFamily.STRING)
        .containsEntry("profile", TypeFamily.JSON).containsEntry("balance", TypeFamily.DECIMAL)
        .containsEntry("created_at", TypeFamily.TIMESTAMP).containsEntry("tags", TypeFamily.ARRAY);
    Field balance = d.field("balance").orElseThrow();
    assertThat(balance.type().jdbcType()).isEqualTo(Types.NUMERIC);
    assertThat(balance.type().size()).isEqualTo(10);
    assertThat(balance.type().scale()).isEqualTo(2);
    assertThat(balance.defaultValue()).isEqualTo("0");
    assertThat(balance.nullable()).isFalse();
    assertThat(d.field("id").orElseThrow().defaultValue()).isEqualTo("gen_random_uuid()");
    assertThat(d.field("id").orElseThrow().primaryKey()).isTrue();
    assertThat(d.field("email").orElseThrow().comment()).isEqualTo("Primary contact address");
    assertThat(d.field("nickname").orElseThrow().nullable()).isTrue();
    assertThat(d.fields()).extracting(Field::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

    Dataset view = connector.describe(name("shop", "big_spenders"));
    assertThat(view.kind()).isEqualTo(DatasetKind.VIEW);
    assertThat(view.comment()).isEqualTo("Customers with a balance over 100");
    assertThat(view.definition()).contains("FROM shop.customer").contains("balance > ");
    assertThat(view.fields()).extracting(Field::name).containsExactly("id", "email", "balance");
  }

  @Test
  void describesCompositeAndCascadingForeignKeys() {
    Dataset orders = connector.describe(name("shop", "orders"));
    assertThat(orders.primaryKey()).containsExactly("customer_id", "order_no");
    assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("orders_customer_id_fkey", List.of("customer_id"),
        name("shop", "customer"), List.of("id"), "NO ACTION", "CASCADE"));
    assertThat(orders.field("status").orElseThrow().defaultValue()).isEqualTo("'new'::character varying");

    Dataset lines = connector.describe(name("shop", "order_line"));
    assertThat(lines.foreignKeys()).containsExactly(new ForeignKey("order_line_order_fk",
        List.of("customer_id", "order_no"), name("shop", "orders"), List.of("customer_id", "order_no"), "CASCADE",
        "RESTRICT"));
    assertThat(lines.field("line_id").orElseThrow().type().family()).isEqualTo(TypeFamily.INTEGER);
  }

  @Test
  void samplesNormalisedValues() {
    Sample s = connector.sample(connector.describe(name("shop", "customer")), SampleSpec.DEFAULT,
        CancellationToken.NONE);
    assertThat(s.info().method()).isEqualTo("LIMIT 1000");
    assertThat(s.info().rows()).isEqualTo(2);
    int ann = values(s, "email").indexOf("ann@example.com");
    assertThat(ann).isNotNegative();
    assertThat(values(s, "id").get(ann)).isEqualTo(ANN);
    assertThat(values(s, "id")).allSatisfy(v -> assertThat(UUID.fromString((String) v)).isNotNull());
    assertThat((String) values(s, "profile").get(ann)).contains("\"tier\": \"gold\"");
    assertThat(values(s, "balance").get(ann)).isEqualTo(new BigDecimal("123.45"));
    assertThat(values(s, "created_at").get(ann)).isInstanceOfSatisfying(OffsetDateTime.class,
        t -> assertThat(t.toInstant()).isEqualTo(
            OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)).toInstant()));
    assertThat(values(s, "tags").get(ann)).isEqualTo("{vip,early}");
    assertThat(values(s, "nickname")).contains("annie", (Object) null);
    assertThat(values(s, "Mixed Case")).containsOnlyNulls();

    Sample lines = connector.sample(connector.describe(name("shop", "order_line")), SampleSpec.DEFAULT,
        CancellationToken.NONE);
    assertThat(values(lines, "line_id")).containsExactly(1L);
    assertThat(values(lines, "qty")).containsExactly(3L);
    Sample orders = connector.sample(connector.describe(name("shop", "orders")), SampleSpec.DEFAULT,
        CancellationToken.NONE);
    assertThat(values(orders, "placed_on")).containsExactly(LocalDate.of(2024, 3, 2));
  }

  @Test
  void aNumericNaNIsADecodeErrorOfThatCellOnly() {
    Sample s = connector.sample(connector.describe(name("shop", "measure")), SampleSpec.DEFAULT,
        CancellationToken.NONE);
    assertThat(s.info().rows()).isEqualTo(3);
    ColumnValues reading = s.column("reading").orElseThrow();
    assertThat(reading.values()).containsExactlyInAnyOrder(new BigDecimal("1.25"), new BigDecimal("7"));
    assertThat(reading.decodeErrors()).isEqualTo(1);
    assertThat(reading.decodeError()).contains("numeric").doesNotContain("NaN");
    assertThat(values(s, "label")).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aNameInAnotherDatabaseIsNotFound() {
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> connector.describe(QualifiedName.dataset("custom", "other_db", "shop", "customer")));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void anUnknownRoleIsAuthentication() {
    SourceConfig config = new SourceConfig("pg", TestDatabases.withoutUser(url), "pursight_no_such_role",
        Secret.of("whatever-pw"), null);
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> new JdbcConnectorProvider().connect(config, Secret::reveal));
    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(e.getMessage()).startsWith("Source 'pg' rejected user 'pursight_no_such_role'")
        .contains("Check user and password").doesNotContain("whatever-pw");
  }

  @Test
  void aMissingDatabaseIsNotFound() {
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> TestDatabases.connect("pg", TestDatabases.withDatabase(url, "pursight_it_no_such_db")));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains("pursight_it_no_such_db").contains("Check the database name");
  }

  private static List<Object> values(Sample s, String column) {
    return s.column(column).orElseThrow(() -> new AssertionError("no column " + column)).values();
  }
}
