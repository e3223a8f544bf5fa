package io.pursight.governance.lineage.calcite;

import static io.pursight.governance.lineage.calcite.Lin.col;
import static io.pursight.governance.lineage.calcite.Lin.one;
import static io.pursight.governance.lineage.calcite.Lin.run;
import static io.pursight.governance.lineage.calcite.Lin.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vendor constructs, rewritten for Calcite or read by the statement reader. */
class DialectTest {

  @ParameterizedTest
  @ValueSource(strings = {"ansi", "postgresql", "postgres", "redshift", "mysql", "mariadb", "snowflake", "bigquery",
      "hive", "spark", "sparksql", "databricks", "tsql", "mssql", "oracle", "teradata", "PostgreSQL"})
  void everyDialectHandlesPlainInsertSelect(String dialect) {
    StatementLineage s = one(dialect, "INSERT INTO t (x) SELECT a + b FROM s WHERE c = 1");
    assertThat(sources(s)).containsExactly(entry("t.x", List.of("s.a", "s.b")));
  }

  @Test
  void unknownDialectIsAnIllegalArgument() {
    assertThatThrownBy(() -> Lin.PARSER.analyze("SELECT 1", "cobol", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cobol").hasMessageContaining("postgresql");
    assertThatThrownBy(() -> Lin.PARSER.analyze("SELECT 1", null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void postgresql() {
    StatementLineage s = one("postgresql", """
        INSERT INTO t (a, b)
        SELECT DISTINCT ON (x) x::text, y::numeric(10,2) FROM s
        WHERE ts > now() - INTERVAL '1 day' AND name ~ '^a' AND tag ILIKE 'x%'
        ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b RETURNING a""");
    assertThat(sources(s)).containsExactly(entry("t.a", List.of("s.x")), entry("t.b", List.of("s.y")));
    assertThat(col(s, "t.a").filters()).containsExactlyInAnyOrder("s.ts", "s.name", "s.tag");
  }

  @Test
  void postgresqlFunctionBodyInDollarQuotes() {
    ScriptLineage r = run("postgresql", """
        CREATE FUNCTION load() RETURNS void LANGUAGE plpgsql AS $body$
        BEGIN
          INSERT INTO log_t SELECT id, 'x;' || name FROM users;
          UPDATE users SET seen = true;
        END;
        $body$;
        SELECT 1""");
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).extracting(StatementLineage::kind).containsExactly("INSERT", "UPDATE", "SELECT");
    assertThat(col(r.statements().get(0), "log_t.'x;' || name").sources()).containsExactly("users.name");
  }

  @Test
  void routineBodiesInOtherLanguagesAreNotAnalysed() {
    ScriptLineage r = run("snowflake", """
        CREATE OR REPLACE PROCEDURE p() RETURNS STRING LANGUAGE JAVASCRIPT AS $$
          var rs = snowflake.execute({sqlText: "INSERT INTO t SELECT 1"}); return 'done';
        $$;
        INSERT INTO t SELECT a FROM s""");
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).extracting(StatementLineage::kind).containsExactly("OTHER", "INSERT");
  }

  @Test
  void mysql() {
    ScriptLineage r = run("mysql", """
        INSERT INTO `db`.`Orders` (`id`, total) SELECT o.id, IFNULL(o.amount, 0) DIV 2 FROM orders o
        WHERE o.note = "it's" AND o.code REGEXP '^x' LIMIT 5, 10
        ON DUPLICATE KEY UPDATE total = VALUES(total);
        REPLACE INTO t2 SET a = 1, b = 'x';
        INSERT IGNORE INTO t3 (a, b) VALUES (1, 2) AS new ON DUPLICATE KEY UPDATE a = new.a;
        DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.deleted = 1;
        SELECT GROUP_CONCAT(c ORDER BY d SEPARATOR ',') AS g, @n := @n + 1 AS rn FROM t # trailing comment
        """);
    assertThat(r.errors()).isEmpty();
    assertThat(sources(r.statements().get(0))).containsExactly(
        entry("db.Orders.id", List.of("orders.id")), entry("db.Orders.total", List.of("orders.amount")));
    assertThat(sources(r.statements().get(1))).containsOnlyKeys("t2.a", "t2.b");
    assertThat(sources(r.statements().get(2))).containsOnlyKeys("t3.a", "t3.b");
    assertThat(r.statements().get(3).targets()).containsExactly("orders");
    assertThat(r.statements().get(3).sources()).containsExactly("customers");
    assertThat(sources(r.statements().get(4))).containsExactly(entry("g", List.of("t.c", "t.d")), entry("rn", List.of()));
  }

  @Test
  void tsql() {
    ScriptLineage r = run("tsql", """
        SELECT TOP 10 [o].[Id], Total = o.Amount * 2, CONVERT(varchar(10), o.Created, 120) AS c
        INTO #tmp FROM dbo.Orders o WITH (NOLOCK) WHERE o.Amount > 0
        INSERT INTO dbo.Summary (Id, Total) SELECT Id, Total FROM #tmp
        UPDATE s SET s.Total = t.Total + DATEDIFF(day, t.c, GETDATE()) FROM dbo.Summary s JOIN #tmp t ON t.Id = s.Id
        DECLARE @x INT = 5
        SELECT @x = max(Id) FROM dbo.Orders
        IF @x > 3
          DELETE FROM dbo.Summary WHERE Id = @x
        GO
        SELECT a FROM t CROSS APPLY (SELECT TOP 1 b FROM u WHERE u.id = t.id ORDER BY b) x OPTION (RECOMPILE)
        """);
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).extracting(StatementLineage::kind)
        .containsExactly("CREATE_TABLE_AS", "INSERT", "UPDATE", "OTHER", "SELECT", "DELETE", "SELECT");
    assertThat(sources(r.statements().get(0))).containsExactly(entry("#tmp.Id", List.of("dbo.orders.Id")),
        entry("#tmp.total", List.of("dbo.orders.amount")), entry("#tmp.c", List.of("dbo.orders.created")));
    assertThat(sources(r.statements().get(2))).containsExactly(
        entry("dbo.summary.total", List.of("#tmp.total", "#tmp.c")));
    assertThat(r.statements().get(5).targets()).containsExactly("dbo.summary");
  }

  @Test
  void tsqlMergeAndProcedure() {
    ScriptLineage r = run("tsql", """
        CREATE PROCEDURE dbo.load @day DATE AS
        BEGIN
          SET NOCOUNT ON;
          MERGE dbo.Summary AS tgt USING (SELECT Id, sum(Amount) AS Total FROM dbo.Orders GROUP BY Id) AS src
          ON tgt.Id = src.Id
          WHEN MATCHED THEN UPDATE SET tgt.Total = src.Total
          WHEN NOT MATCHED BY TARGET THEN INSERT (Id, Total) VALUES (src.Id, src.Total)
          WHEN NOT MATCHED BY SOURCE THEN DELETE;
        END
        GO""");
    assertThat(r.errors()).isEmpty();
    StatementLineage m = r.statements().stream().filter(s -> s.kind().equals("MERGE")).findFirst().orElseThrow();
    assertThat(sources(m)).containsExactly(entry("dbo.summary.total", List.of("dbo.orders.amount")),
        entry("dbo.summary.id", List.of("dbo.orders.id")));
  }

  @Test
  void snowflake() {
    StatementLineage s = one("snowflake", """
        CREATE OR REPLACE TRANSIENT TABLE mart.t AS
        SELECT v:customer.id::string AS cid, IFF(a > 1, b, c) AS x, f.value:name AS n
        FROM raw.events e, LATERAL FLATTEN(input => e.items) f
        QUALIFY row_number() OVER (PARTITION BY cid ORDER BY e.ts) = 1""");
    assertThat(sources(s)).containsExactly(entry("mart.t.cid", List.of("raw.events.v")),
        entry("mart.t.x", List.of("raw.events.a", "raw.events.b", "raw.events.c")),
        entry("mart.t.n", List.of("raw.events.items")));
  }

  @Test
  void bigquery() {
    ScriptLineage r = run("bigquery", """
        INSERT INTO `proj.ds.out` (id, d, n)
        SELECT t.id, DATE_TRUNC(t.ts, MONTH), ARRAY_LENGTH(t.tags) FROM `proj.ds.in` AS t, UNNEST(t.tags) AS tag
        WHERE tag LIKE "a%";
        CREATE OR REPLACE TABLE ds.t2 AS SELECT * EXCEPT (secret) FROM ds.src;
        INSERT INTO my-project.ds.t3 SELECT id FROM my-project.ds.src""", Map.of("ds.src", List.of("id", "name", "secret")));
    assertThat(r.errors()).isEmpty();
    assertThat(sources(r.statements().get(0))).containsExactly(entry("proj.ds.out.id", List.of("proj.ds.in.id")),
        entry("proj.ds.out.d", List.of("proj.ds.in.ts")), entry("proj.ds.out.n", List.of("proj.ds.in.tags")));
    assertThat(col(r.statements().get(0), "proj.ds.out.id").filters()).containsExactly("proj.ds.in.tags");
    assertThat(sources(r.statements().get(1))).containsOnlyKeys("ds.t2.id", "ds.t2.name");
    assertThat(sources(r.statements().get(2))).containsExactly(entry("my-project.ds.t3.id", List.of("my-project.ds.src.id")));
  }

  @Test
  void hiveSparkDatabricks() {
    for (String d : List.of("hive", "spark", "databricks")) {
      ScriptLineage r = run(d, """
          INSERT OVERWRITE TABLE db.out PARTITION (dt='2024-01-01', hr)
          SELECT a.id, b.name, item, a.hr FROM db.a a LEFT JOIN db.b b ON a.id = b.id
          LATERAL VIEW OUTER explode(a.items) ex AS item DISTRIBUTE BY a.hr;
          CREATE TABLE db.c USING parquet PARTITIONED BY (dt) AS
          SELECT `id`, cast(v AS string) AS v, "lit" AS l FROM db.a WHERE v RLIKE 'x'""",
          Map.of("db.out", List.of("id", "name", "col", "hr", "dt")));
      assertThat(r.errors()).as(d).isEmpty();
      assertThat(sources(r.statements().get(0))).as(d).containsExactly(entry("db.out.id", List.of("db.a.id")),
          entry("db.out.name", List.of("db.b.name")), entry("db.out.col", List.of("db.a.items")),
          entry("db.out.hr", List.of("db.a.hr")));
      assertThat(sources(r.statements().get(1))).as(d).containsExactly(entry("db.c.id", List.of("db.a.id")),
          entry("db.c.v", List.of("db.a.v")), entry("db.c.l", List.of()));
    }
  }

  @Test
  void oracle() {
    ScriptLineage r = run("oracle", """
        INSERT INTO hr.emp_hist (id, nm, dept) SELECT e.id, NVL(e.name, 'x'), d.name FROM hr.emp e, hr.dept d
        WHERE e.dept_id = d.id(+) AND ROWNUM < 10;
        SELECT DECODE(status, 1, 'a', 'b') AS s, sysdate AS now FROM t
        CONNECT BY PRIOR id = parent_id START WITH parent_id IS NULL;
        CREATE TABLE x AS SELECT a FROM t1 MINUS SELECT a FROM t2;
        BEGIN
          UPDATE hr.emp SET salary = salary * 1.1 WHERE dept_id = 10;
          COMMIT;
        END;
        /
        """);
    assertThat(r.errors()).isEmpty();
    assertThat(sources(r.statements().get(0))).containsExactly(entry("hr.emp_hist.id", List.of("hr.emp.id")),
        entry("hr.emp_hist.nm", List.of("hr.emp.name")), entry("hr.emp_hist.dept", List.of("hr.dept.name")));
    assertThat(sources(r.statements().get(1))).containsExactly(entry("s", List.of("t.status")), entry("now", List.of()));
    assertThat(sources(r.statements().get(2))).containsExactly(entry("x.a", List.of("t1.a", "t2.a")));
    assertThat(sources(r.statements().get(3))).containsExactly(entry("hr.emp.salary", List.of("hr.emp.salary")));
  }

  @Test
  void teradata() {
    ScriptLineage r = run("teradata", """
        SEL a, b (TITLE 'Bee') FROM db.t WHERE a > 1 QUALIFY row_number() OVER (PARTITION BY a ORDER BY b) = 1;
        CREATE MULTISET VOLATILE TABLE vt AS (SELECT a, b FROM db.t) WITH DATA PRIMARY INDEX (a) ON COMMIT PRESERVE ROWS;
        INS INTO db.u (a) SEL a FROM vt;
        REPLACE VIEW db.v AS LOCKING ROW FOR ACCESS SELECT a FROM db.t""");
    assertThat(r.errors()).isEmpty();
    assertThat(sources(r.statements().get(0))).containsExactly(entry("a", List.of("db.t.a")), entry("b", List.of("db.t.b")));
    assertThat(sources(r.statements().get(1))).containsExactly(entry("vt.a", List.of("db.t.a")), entry("vt.b", List.of("db.t.b")));
    assertThat(sources(r.statements().get(2))).containsExactly(entry("db.u.a", List.of("vt.a")));
    assertThat(sources(r.statements().get(3))).containsExactly(entry("db.v.a", List.of("db.t.a")));
  }

  @Test
  void smallerVendorForms() {
    assertThat(sources(one("spark", "CREATE TABLE t SELECT a FROM s"))).containsExactly(entry("t.a", List.of("s.a")));
    assertThat(sources(one("databricks", "WITH w (SELECT a FROM s) INSERT INTO t SELECT a FROM w")))
        .containsExactly(entry("t.a", List.of("s.a")));
    assertThat(sources(one("ansi", "INSERT INTO t SELECT * FROM (s)"))).containsExactly(entry("t.*", List.of("s.*")));
    assertThat(sources(one("tsql", "UPDATE x SET x.name += ' (old)' FROM dbo.t AS x WHERE x.id = 1")))
        .containsExactly(entry("dbo.t.name", List.of("dbo.t.name")));
    assertThat(one("tsql", "SELECT a FROM db.dbo.t (NOLOCK)").sources()).containsExactly("db.dbo.t");
    assertThat(one("duckdb", "SELECT a FROM t").sources()).containsExactly("t");
  }

  @Test
  void reservedWordsUsedAsNames() {
    StatementLineage s = one("ansi", "INSERT INTO t SELECT value, year, d.date FROM date.d AS d");
    assertThat(sources(s)).containsExactly(entry("t.value", List.of("date.d.value")),
        entry("t.year", List.of("date.d.year")), entry("t.date", List.of("date.d.date")));
  }
}
