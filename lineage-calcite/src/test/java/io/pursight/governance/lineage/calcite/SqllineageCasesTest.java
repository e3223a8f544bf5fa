package io.pursight.governance.lineage.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the sqllineage peer cases passing: only cases the README flags as invalid SQL may fail. */
class SqllineageCasesTest {

  private static final Path CASES = Path.of("../bench/lineage/sqllineage-column-cases.jsonl");

  @Test
  void peerCasesPass() throws IOException {
    List<SqllineageBench.Case> cases = SqllineageBench.load(CASES);
    assertThat(cases).hasSize(188);
    List<SqllineageBench.Outcome> outcomes = SqllineageBench.run(CalciteLineageParser.builder().cacheSize(0).build(), cases);
    List<String> failed = outcomes.stream().filter(o -> !o.pass()).map(o -> o.c().id()).toList();
    assertThat(failed).isSubsetOf(SqllineageBench.FLAGGED_INVALID);
    assertThat(outcomes.stream().filter(SqllineageBench.Outcome::pass).count()).isGreaterThanOrEqualTo(187);
  }

  @Test
  void compositionFollowsSqllineage() {
    var r = Lin.run("ansi", """
        INSERT INTO b SELECT x, y FROM a;
        INSERT INTO c SELECT x FROM b;
        UPDATE c SET x = x + 1;
        INSERT INTO d SELECT count(*) AS n FROM a""");
    assertThat(SqllineageBench.compose(r)).containsExactlyInAnyOrder(
        "a.x -> c.x", "c.x -> c.x", "a.y -> b.y", "a.* -> d.n");
  }
}
