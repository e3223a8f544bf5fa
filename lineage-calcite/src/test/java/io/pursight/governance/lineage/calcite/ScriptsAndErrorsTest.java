package io.pursight.governance.lineage.calcite;

import static io.pursight.governance.lineage.calcite.Lin.run;
import static io.pursight.governance.lineage.calcite.Lin.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.pursight.governance.lineage.LineageError;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement splitting and the errors reported for statements that cannot be analysed. */
class ScriptsAndErrorsTest {

  @Test
  void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotSplit() {
    ScriptLineage r = run("postgresql", """
        SELECT 'a;b' AS x, "we;ird" FROM t -- c;omment
        ; /* block ; comment */ SELECT $$dollar;quoted$$ AS d, $tag$ x; $tag$ AS e FROM t2;
        INSERT INTO u SELECT a FROM t3""");
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).hasSize(3);
    assertThat(sources(r.statements().get(0))).containsExactly(entry("x", List.of()), entry("we;ird", List.of("t.we;ird")));
    assertThat(r.statements()).extracting(StatementLineage::index).containsExactly(0, 1, 2);
  }

  @Test
  void mysqlHashCommentsAndBackslashEscapes() {
    ScriptLineage r = run("mysql", "SELECT 'it\\'s;' AS a FROM t; # a; comment\nSELECT b FROM u");
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).hasSize(2);
  }

  @Test
  void tsqlBatchesWithGoAndWithoutSemicolons() {
    ScriptLineage r = run("tsql", """
        INSERT INTO a SELECT x FROM b
        UPDATE a SET x = 1 WHERE x IS NULL
        SELECT x FROM a
        GO
        WITH c AS (SELECT y FROM d) INSERT INTO e SELECT y FROM c
        GO 2
        DELETE FROM e""");
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).extracting(StatementLineage::kind)
        .containsExactly("INSERT", "UPDATE", "SELECT", "INSERT", "DELETE");
    assertThat(sources(r.statements().get(3))).containsExactly(entry("e.y", List.of("d.y")));
  }

  @Test
  void oracleSlashAndAnonymousBlocks() {
    ScriptLineage r = run("oracle", """
        DECLARE
          n NUMBER := 0;
        BEGIN
          INSERT INTO a (x) SELECT y FROM b;
          n := n + 1;
        END;
        /
        SELECT x FROM a
        /
        """);
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements()).extracting(StatementLineage::kind).containsExactly("OTHER", "INSERT", "OTHER", "SELECT");
  }

  @Test
  void proceduresAreUnwrapped() {
    for (String d : List.of("bigquery", "oracle", "tsql")) {
      ScriptLineage r = run(d, """
          CREATE PROCEDURE p()
          AS
          BEGIN
            IF 1 = 1 THEN
              INSERT INTO t2 (c) SELECT c FROM t1;
            END IF;
            WHILE 1 = 0 LOOP
              UPDATE t2 SET c = c + 1;
            END LOOP;
          END;""".replace(d.equals("bigquery") ? "AS\n" : "\0", ""));
      assertThat(r.errors()).as(d).isEmpty();
      assertThat(r.statements()).as(d).extracting(StatementLineage::kind).contains("INSERT", "UPDATE");
    }
  }

  @Test
  void errorsCarryLineAndColumnInTheScript() {
    ScriptLineage r = run("ansi", "SELECT a FROM t;\n\nINSERT INTO x\nSELECT a,, b FROM t;\nSELECT b FROM u");
    assertThat(r.statements()).extracting(StatementLineage::index).containsExactly(0, 2);
    assertThat(r.errors()).hasSize(1);
    LineageError e = r.errors().get(0);
    assertThat(e.index()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.message()).contains("','");
  }

  @Test
  void unterminatedStringIsAnErrorAtItsQuote() {
    ScriptLineage r = run("ansi", "SELECT a FROM t;\n  SELECT 'oops FROM t");
    assertThat(r.statements()).hasSize(1);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(10);
      assertThat(e.message()).contains("unterminated");
    });
  }

  @Test
  void unrecognisedStatementIsAnError() {
    ScriptLineage r = run("ansi", "frobnicate the widgets");
    assertThat(r.statements()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("frobnicate"));
  }

  @Test
  void invalidSqlIsAnErrorNotWrongLineage() {
    assertThat(run("ansi", "INSERT INTO t SELECT a FROM t1 UNION ALL SELECT b, c FROM t2").errors())
        .singleElement().satisfies(e -> assertThat(e.message()).contains("different numbers of columns"));
    assertThat(run("ansi", "INSERT INTO t (x, y) SELECT a FROM s").errors())
        .singleElement().satisfies(e -> assertThat(e.message()).contains("2 columns"));
    assertThat(run("ansi", "UPDATE t SET").errors()).hasSize(1);
    assertThat(run("ansi", "MERGE INTO t USING s ON t.id = s.id").errors()).hasSize(1);
    assertThat(run("postgresql", "WITH u AS (UPDATE x SET a = 1 RETURNING *) SELECT * FROM u").errors()).hasSize(1);
  }

  @Test
  void emptyAndBlankScripts() {
    for (String sql : new String[] {"", "   ", ";;;", "-- only a comment", null}) {
      ScriptLineage r = Lin.PARSER.analyze(sql, "ansi", null);
      assertThat(r.statements()).isEmpty();
      assertThat(r.errors()).isEmpty();
    }
  }

  @Test
  void errorMessagesDoNotRepeatLiterals() {
    for (String sql : List.of("INSERT INTO t SELECT 'secret-value' AS x, FROM s",
        "INSERT INTO t SELECT a 'secret-value' 'more' + FROM s", "SELECT x FROM t WHERE y = 'secret-value' AND AND z")) {
      ScriptLineage r = run("ansi", sql);
      assertThat(r.errors()).as(sql).singleElement()
          .satisfies(e -> assertThat(e.message()).doesNotContain("secret"));
    }
  }
}
