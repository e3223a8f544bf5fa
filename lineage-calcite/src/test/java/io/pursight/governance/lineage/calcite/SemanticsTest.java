package io.pursight.governance.lineage.calcite;

import static io.pursight.governance.lineage.calcite.Lin.col;
import static io.pursight.governance.lineage.calcite.Lin.one;
import static io.pursight.governance.lineage.calcite.Lin.run;
import static io.pursight.governance.lineage.calcite.Lin.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The lineage contract (issue 4, section 3), item by item. */
class SemanticsTest {

  private static final Map<String, List<String>> SHOP = Map.of(
      "orders", List.of("id", "customer_id", "amount", "status", "created_at"),
      "customers", List.of("id", "name", "email", "country"),
      "order_items", List.of("order_id", "product_id", "qty", "price"));

  @Nested
  class ValueSources {

    @Test
    void functionsCastsAndArithmetic() {
      StatementLineage s = one("postgresql",
          "INSERT INTO t SELECT upper(a) AS u, CAST(b AS int) AS c, b::text AS d, a + b * 2 AS e, a || '-' || b AS f FROM s");
      assertThat(sources(s)).containsExactly(
          entry("t.u", List.of("s.a")), entry("t.c", List.of("s.b")), entry("t.d", List.of("s.b")),
          entry("t.e", List.of("s.a", "s.b")), entry("t.f", List.of("s.a", "s.b")));
      assertThat(s.columns()).allMatch(c -> c.transform() == TransformKind.TRANSFORMATION);
    }

    @Test
    void caseBranchesAndConditions() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT CASE WHEN a > 0 THEN b WHEN c IS NULL THEN 'x' ELSE d END AS v FROM s");
      assertThat(col(s, "t.v").sources()).containsExactly("s.a", "s.b", "s.c", "s.d");
      assertThat(col(s, "t.v").transform()).isEqualTo(TransformKind.TRANSFORMATION);
    }

    @Test
    void coalesceAndNestedFunctions() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT coalesce(a, trim(b), 'n/a') AS v FROM s");
      assertThat(col(s, "t.v").sources()).containsExactly("s.a", "s.b");
    }

    @Test
    void aggregatesCountStarAndDistinct() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT sum(amount) AS total, count(*) AS n, count(DISTINCT customer_id) AS buyers, "
              + "max(amount) - min(amount) AS spread FROM orders", SHOP);
      assertThat(sources(s)).containsExactly(
          entry("t.total", List.of("orders.amount")), entry("t.n", List.of()),
          entry("t.buyers", List.of("orders.customer_id")), entry("t.spread", List.of("orders.amount")));
      assertThat(s.columns()).allMatch(c -> c.transform() == TransformKind.AGGREGATION);
    }

    @Test
    void literalsHaveNoSource() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT 1 AS one, 'x' AS x, current_timestamp AS ts, NULL AS n FROM s");
      assertThat(s.columns()).hasSize(4).allMatch(c -> c.sources().isEmpty());
    }

    @Test
    void windowFunctionsIncludePartitionAndOrderColumns() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC) AS rn, "
              + "sum(c) OVER (PARTITION BY d) AS running, lag(e) OVER w AS prev FROM s WINDOW w AS (ORDER BY f)");
      assertThat(sources(s)).containsExactly(
          entry("t.rn", List.of("s.a", "s.b")), entry("t.running", List.of("s.c", "s.d")),
          entry("t.prev", List.of("s.e", "s.f")));
      assertThat(col(s, "t.running").transform()).isEqualTo(TransformKind.AGGREGATION);
      assertThat(col(s, "t.rn").transform()).isEqualTo(TransformKind.TRANSFORMATION);
    }

    @Test
    void scalarSubqueryGivesSelectedAndCorrelatedColumns() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT c.id, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid') "
              + "AS top FROM customers c", SHOP);
      ColumnLineage top = col(s, "t.top");
      assertThat(top.sources()).containsExactly("orders.amount", "customers.id");
      assertThat(top.filters()).contains("orders.customer_id", "orders.status").doesNotContain("orders.amount");
      assertThat(top.transform()).isEqualTo(TransformKind.AGGREGATION);
    }

    @Test
    void existsAndInSubqueriesInAValue() {
      StatementLineage s = one("ansi", "INSERT INTO x SELECT CASE WHEN EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.f = 1) "
          + "THEN 'y' END AS e, CASE WHEN t.a IN (SELECT b FROM v) THEN 1 END AS i FROM t");
      assertThat(col(s, "x.e").sources()).containsExactly("t.k");
      assertThat(col(s, "x.e").filters()).containsExactly("u.k", "u.f");
      assertThat(col(s, "x.i").sources()).containsExactly("t.a", "v.b");
      assertThat(s.sources()).containsExactly("t", "u", "v");
    }

    @Test
    void everySetOperationBranchAtThePosition() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT a, b FROM s1 UNION ALL SELECT x, y FROM s2 INTERSECT SELECT p, q FROM s3 EXCEPT SELECT m, n FROM s4");
      assertThat(sources(s)).containsExactly(
          entry("t.a", List.of("s1.a", "s2.x", "s3.p", "s4.m")), entry("t.b", List.of("s1.b", "s2.y", "s3.q", "s4.n")));
      assertThat(col(s, "t.a").transform()).isEqualTo(TransformKind.IDENTITY);
    }
  }

  @Nested
  class Resolution {

    @Test
    void throughAliasesCtesAndDerivedTablesToBaseTables() {
      StatementLineage s = one("ansi", """
          WITH big AS (SELECT customer_id AS cid, amount AS amt FROM orders WHERE amount > 100),
               named AS (SELECT c.name AS who, b.amt FROM big b JOIN customers c ON c.id = b.cid)
          INSERT INTO report
          SELECT d.who AS customer, d.total FROM (SELECT who, sum(amt) AS total FROM named GROUP BY who) d
          """, SHOP);
      assertThat(sources(s)).containsExactly(
          entry("report.customer", List.of("customers.name")), entry("report.total", List.of("orders.amount")));
      assertThat(col(s, "report.customer").transform()).isEqualTo(TransformKind.IDENTITY);
      assertThat(col(s, "report.total").transform()).isEqualTo(TransformKind.AGGREGATION);
      assertThat(col(s, "report.customer").filters())
          .containsExactlyInAnyOrder("orders.amount", "customers.id", "orders.customer_id", "customers.name");
      assertThat(s.sources()).containsExactly("orders", "customers");
    }

    @Test
    void renameIsIdentity() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT o.amount AS value FROM orders AS o", SHOP);
      assertThat(col(s, "t.value").sources()).containsExactly("orders.amount");
      assertThat(col(s, "t.value").transform()).isEqualTo(TransformKind.IDENTITY);
    }

    @Test
    void whereJoinGroupByHavingAreFiltersNotSources() {
      StatementLineage s = one("ansi", """
          INSERT INTO t
          SELECT c.country, sum(o.amount) AS revenue
          FROM orders o JOIN customers c ON c.id = o.customer_id
          WHERE o.status = 'paid'
          GROUP BY c.country
          HAVING count(*) > 10""", SHOP);
      assertThat(col(s, "t.revenue").sources()).containsExactly("orders.amount");
      assertThat(col(s, "t.revenue").filters())
          .containsExactlyInAnyOrder("customers.id", "orders.customer_id", "orders.status", "customers.country");
      assertThat(col(s, "t.country").sources()).containsExactly("customers.country");
    }

    @Test
    void recursiveCte() {
      StatementLineage s = one("postgresql", """
          WITH RECURSIVE tree (id, path) AS (
            SELECT id, name FROM nodes WHERE parent_id IS NULL
            UNION ALL
            SELECT n.id, t.path || '/' || n.name FROM nodes n JOIN tree t ON n.parent_id = t.id)
          INSERT INTO paths SELECT id, path FROM tree""");
      assertThat(sources(s)).containsExactly(
          entry("paths.id", List.of("nodes.id")), entry("paths.path", List.of("nodes.name")));
      assertThat(col(s, "paths.id").transform()).isEqualTo(TransformKind.IDENTITY);
      assertThat(col(s, "paths.path").transform()).isEqualTo(TransformKind.TRANSFORMATION);
    }

    @Test
    void joinUsingTakesBothSides() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT id, a.x FROM a JOIN b USING (id)");
      assertThat(col(s, "t.id").sources()).containsExactly("a.id", "b.id");
    }

    @Test
    void unqualifiedColumnsResolveWhenUnambiguousWithoutSchema() {
      StatementLineage single = one("ansi", "INSERT INTO t SELECT a FROM s");
      assertThat(col(single, "t.a").sources()).containsExactly("s.a");
      StatementLineage viaCte = one("ansi",
          "WITH x AS (SELECT a, b FROM s1) INSERT INTO t SELECT b, c FROM x JOIN s2 ON x.a = s2.a");
      assertThat(sources(viaCte)).containsExactly(entry("t.b", List.of("s1.b")), entry("t.c", List.of("s2.c")));
    }

    @Test
    void ambiguousColumnStaysUnresolved() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT col1 FROM t1 JOIN t2 ON t1.id = t2.id");
      assertThat(col(s, "t.col1").sources()).containsExactly("col1");
    }

    @Test
    void unresolvedStarUsesTableStarConvention() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT * FROM a JOIN b ON a.id = b.id");
      assertThat(sources(s)).containsExactly(entry("t.*", List.of("a.*", "b.*")));
      StatementLineage sel = one("ansi", "SELECT * FROM a");
      assertThat(sources(sel)).containsExactly(entry("*", List.of("a.*")));
    }

    @Test
    void starExpandsWithSchema() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT * FROM customers", SHOP);
      assertThat(sources(s)).containsExactly(
          entry("t.id", List.of("customers.id")), entry("t.name", List.of("customers.name")),
          entry("t.email", List.of("customers.email")), entry("t.country", List.of("customers.country")));
    }

    @Test
    void lateralAliasWhenTheTableLacksTheColumn() {
      StatementLineage s = one("ansi",
          "INSERT INTO t SELECT name AS n, n || '!' AS shout FROM customers", SHOP);
      assertThat(col(s, "t.shout").sources()).containsExactly("customers.name");
    }
  }

  @Nested
  class Names {

    @Test
    void schemaQualifiedWhenTheSqlNamesTheSchema() {
      StatementLineage s = one("ansi", "INSERT INTO mart.t SELECT x.a FROM raw.src x");
      assertThat(sources(s)).containsExactly(entry("mart.t.a", List.of("raw.src.a")));
      assertThat(s.targets()).containsExactly("mart.t");
      assertThat(s.sources()).containsExactly("raw.src");
    }

    @Test
    void unquotedLowerCasedQuotedKeepCase() {
      StatementLineage s = one("ansi", "INSERT INTO Mart.\"Target\" (\"Col\", plain) SELECT SRC.\"Mixed\", SRC.UPPER FROM Raw.SRC");
      assertThat(sources(s)).containsExactly(
          entry("mart.Target.Col", List.of("raw.src.Mixed")), entry("mart.Target.plain", List.of("raw.src.upper")));
    }

    @Test
    void noDefaultSchemaIsAdded() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT a FROM s");
      assertThat(s.targets()).containsExactly("t");
      assertThat(col(s, "t.a").sources()).containsExactly("s.a");
    }

    @Test
    void unaliasedExpressionIsNamedByItsText() {
      StatementLineage s = one("ansi", "INSERT INTO t SELECT max(a), (a + b), a::int FROM s");
      assertThat(sources(s).keySet()).containsExactly("t.max(a)", "t.(a + b)", "t.a");
    }
  }

  @Nested
  class Statements {

    @Test
    void insertWithAndWithoutColumnList() {
      assertThat(sources(one("ansi", "INSERT INTO t (x, y) SELECT a, b FROM s")))
          .containsExactly(entry("t.x", List.of("s.a")), entry("t.y", List.of("s.b")));
      assertThat(sources(one("ansi", "INSERT INTO t SELECT a, b FROM s")))
          .containsExactly(entry("t.a", List.of("s.a")), entry("t.b", List.of("s.b")));
    }

    @Test
    void insertValues() {
      StatementLineage s = one("ansi", "INSERT INTO t (x, y) VALUES (1, 'a'), (2, 'b')");
      assertThat(sources(s)).containsExactly(entry("t.x", List.of()), entry("t.y", List.of()));
      assertThat(s.sources()).isEmpty();
      assertThat(one("ansi", "INSERT INTO t VALUES (1, 2)").columns()).isEmpty();
    }

    @Test
    void positionalInsertUsesTablesCreatedEarlierInTheScript() {
      ScriptLineage r = run("ansi", """
          CREATE TABLE t (x int, y varchar(10));
          INSERT INTO t SELECT a, b FROM s;
          INSERT INTO t VALUES (1, 'z')""");
      assertThat(r.errors()).isEmpty();
      assertThat(r.statements().get(0).kind()).isEqualTo("CREATE_TABLE");
      assertThat(sources(r.statements().get(1))).containsExactly(entry("t.x", List.of("s.a")), entry("t.y", List.of("s.b")));
      assertThat(sources(r.statements().get(2))).containsOnlyKeys("t.x", "t.y");
    }

    @Test
    void positionalInsertUsesTheSchemaLookup() {
      StatementLineage s = one("ansi", "INSERT INTO customers SELECT 1, n, e, 'X' FROM staging",
          Map.of("customers", List.of("id", "name", "email", "country")));
      assertThat(sources(s)).containsExactly(entry("customers.id", List.of()), entry("customers.name", List.of("staging.n")),
          entry("customers.email", List.of("staging.e")), entry("customers.country", List.of()));
    }

    @Test
    void createTableColumnsSkipConstraintsAndIndexes() {
      ScriptLineage r = run("mysql", """
          CREATE TABLE t (
            id INT NOT NULL,
            `key` VARCHAR(10),
            `index` int,
            PRIMARY KEY (id),
            UNIQUE KEY uk_key (`key`),
            KEY idx_index (`index`),
            CONSTRAINT fk FOREIGN KEY (id) REFERENCES u (id),
            CHECK (id > 0)
          );
          INSERT INTO t SELECT a, b, c FROM s""");
      assertThat(sources(r.statements().get(1))).containsOnlyKeys("t.id", "t.key", "t.index");
    }

    @Test
    void createTableLikeRegistersColumns() {
      for (String d : List.of("postgresql", "mysql")) {
        String ddl = d.equals("mysql") ? "CREATE TABLE t2 LIKE t1" : "CREATE TABLE t2 (LIKE t1)";
        ScriptLineage r = run(d, ddl + "; INSERT INTO t2 SELECT p, q FROM src", Map.of("t1", List.of("a", "b")));
        assertThat(r.statements().get(0).sources()).containsExactly("t1");
        assertThat(sources(r.statements().get(1))).containsExactly(entry("t2.a", List.of("src.p")), entry("t2.b", List.of("src.q")));
      }
    }

    @Test
    void mergeInsertStarAndUpdateSetStarMapByName() {
      StatementLineage s = one("databricks",
          "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *",
          Map.of("s", List.of("id", "v")));
      assertThat(sources(s)).containsExactly(entry("t.id", List.of("s.id")), entry("t.v", List.of("s.v")));
    }

    @Test
    void createTableAs() {
      StatementLineage s = one("ansi", "CREATE TABLE t AS SELECT a, b AS c FROM s");
      assertThat(s.kind()).isEqualTo("CREATE_TABLE_AS");
      assertThat(sources(s)).containsExactly(entry("t.a", List.of("s.a")), entry("t.c", List.of("s.b")));
    }

    @Test
    void createViewWithAndWithoutColumnList() {
      StatementLineage v = one("ansi", "CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM s");
      assertThat(v.kind()).isEqualTo("CREATE_VIEW");
      assertThat(sources(v)).containsExactly(entry("v.x", List.of("s.a")), entry("v.y", List.of("s.b")));
      assertThat(sources(one("ansi", "CREATE VIEW v AS SELECT a FROM s"))).containsExactly(entry("v.a", List.of("s.a")));
    }

    @Test
    void viewsAreLineageNodes() {
      ScriptLineage r = run("ansi", """
          CREATE VIEW v AS SELECT id, upper(name) AS name FROM customers;
          INSERT INTO t SELECT name FROM v""");
      assertThat(sources(r.statements().get(0))).containsExactly(
          entry("v.id", List.of("customers.id")), entry("v.name", List.of("customers.name")));
      assertThat(sources(r.statements().get(1))).containsExactly(entry("t.name", List.of("v.name")));
      assertThat(r.statements().get(1).sources()).containsExactly("v");
    }

    @Test
    void eachStatementReportsItsOwnEdges() {
      ScriptLineage r = run("ansi", "INSERT INTO b SELECT x FROM a; INSERT INTO c SELECT x FROM b");
      assertThat(sources(r.statements().get(1))).containsExactly(entry("c.x", List.of("b.x")));
    }

    @Test
    void updateReadingTheColumnGivesASelfEdge() {
      StatementLineage s = one("ansi", "UPDATE products SET price = price * 1.1, note = 'x' WHERE category = 'a'");
      assertThat(sources(s)).containsExactly(entry("products.price", List.of("products.price")),
          entry("products.note", List.of()));
      assertThat(col(s, "products.price").filters()).containsExactly("products.category");
      assertThat(s.kind()).isEqualTo("UPDATE");
      assertThat(s.targets()).containsExactly("products");
    }

    @Test
    void postgresUpdateFrom() {
      StatementLineage s = one("postgresql",
          "UPDATE orders o SET status = c.country FROM customers c WHERE c.id = o.customer_id", SHOP);
      assertThat(sources(s)).containsExactly(entry("orders.status", List.of("customers.country")));
      assertThat(col(s, "orders.status").filters()).containsExactlyInAnyOrder("customers.id", "orders.customer_id");
    }

    @Test
    void mysqlMultiTableUpdate() {
      StatementLineage s = one("mysql",
          "UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.status = c.country, c.email = o.status", SHOP);
      assertThat(sources(s)).containsExactly(entry("orders.status", List.of("customers.country")),
          entry("customers.email", List.of("orders.status")));
      assertThat(s.targets()).containsExactly("orders", "customers");
    }

    @Test
    void mergeWithSeveralWhenClauses() {
      StatementLineage s = one("ansi", """
          MERGE INTO dim d USING (SELECT id, max(v) AS v FROM src GROUP BY id) AS s ON d.id = s.id
          WHEN MATCHED AND s.v > 0 THEN UPDATE SET v = s.v
          WHEN MATCHED THEN UPDATE SET v = d.v + 1
          WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)""");
      assertThat(sources(s)).containsExactly(entry("dim.v", List.of("src.v", "dim.v")), entry("dim.id", List.of("src.id")));
      assertThat(s.kind()).isEqualTo("MERGE");
    }

    @Test
    void deleteHasTargetsAndSourcesButNoColumns() {
      StatementLineage s = one("ansi", "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'X')");
      assertThat(s.kind()).isEqualTo("DELETE");
      assertThat(s.targets()).containsExactly("orders");
      assertThat(s.sources()).containsExactly("customers");
      assertThat(s.columns()).isEmpty();
    }

    @Test
    void onDuplicateKeyUpdateAddsNoEdges() {
      StatementLineage s = one("mysql",
          "INSERT INTO t (id, total) SELECT id, amount FROM s ON DUPLICATE KEY UPDATE total = total + VALUES(total)");
      assertThat(sources(s)).containsExactly(entry("t.id", List.of("s.id")), entry("t.total", List.of("s.amount")));
    }

    @Test
    void plainSelectReportsOutputColumnsWithoutTarget() {
      StatementLineage s = one("ansi", "SELECT a AS x FROM s");
      assertThat(s.kind()).isEqualTo("SELECT");
      assertThat(s.targets()).isEmpty();
      assertThat(sources(s)).containsExactly(entry("x", List.of("s.a")));
    }

    @Test
    void otherStatementsAreReportedWithoutLineage() {
      ScriptLineage r = run("postgresql", "SET search_path = x; DROP TABLE t; GRANT SELECT ON t TO u; CREATE INDEX i ON t (a)");
      assertThat(r.errors()).isEmpty();
      assertThat(r.statements()).extracting(StatementLineage::kind).containsOnly("OTHER");
    }
  }
}
