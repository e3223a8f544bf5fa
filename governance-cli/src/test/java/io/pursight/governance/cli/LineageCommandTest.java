package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.core.json.GovernanceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageCommandTest {
  @TempDir Path dir;

  @Test
  void jsonFollowsTheDocumentedContract() {
    CliRunner r = CliRunner.run("lineage", "--dialect", "postgresql", "--format", "json", "--sql",
        "INSERT INTO tgt (a, b) SELECT s.id, upper(s.name)::text FROM src s WHERE s.active;\nSELEC nonsense");
    assertThat(r.code).as(r.toString()).isEqualTo(Main.PARTIAL);
    JsonNode doc = r.json();
    JsonNode st = doc.get("statements").get(0);
    assertThat(st.get("index").asInt()).isEqualTo(0);
    assertThat(st.get("kind").asText()).isEqualTo("INSERT");
    assertThat(st.get("targets")).extracting(JsonNode::asText).containsExactly("tgt");
    assertThat(st.get("sources")).extracting(JsonNode::asText).containsExactly("src");
    JsonNode a = st.get("columns").get(0);
    assertThat(a.get("target").asText()).isEqualTo("tgt.a");
    assertThat(a.get("sources")).extracting(JsonNode::asText).containsExactly("src.id");
    assertThat(a.get("filters")).extracting(JsonNode::asText).containsExactly("src.active");
    assertThat(a.get("transform").asText()).isEqualTo("IDENTITY");
    assertThat(st.get("columns").get(1).get("transform").asText()).isEqualTo("TRANSFORMATION");
    JsonNode err = doc.get("errors").get(0);
    assertThat(err.get("index").asInt()).isEqualTo(1);
    assertThat(err.get("line").asInt()).isEqualTo(2);
    assertThat(err.get("column").asInt()).isEqualTo(1);
  }

  @Test
  void batchPrintsOneLinePerCaseInOneJvm() throws Exception {
    Path cases = dir.resolve("cases.jsonl");
    Files.writeString(cases, "{\"id\": \"a\", \"dialect\": \"mysql\", \"sql\": \"INSERT INTO t SELECT `x` FROM s LIMIT 1, 2\"}\n"
        + "{\"id\": \"b\", \"dialect\": \"klingon\", \"sql\": \"SELECT 1\"}\n"
        + "not json\n"
        + "{\"id\": \"c\", \"sql\": \"CREATE TABLE t2 AS SELECT id FROM s\"}\n");
    CliRunner r = CliRunner.run("lineage", "--batch", cases.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(Main.PARTIAL);
    String[] lines = r.out.strip().split("\n");
    assertThat(lines).hasSize(4);
    JsonNode a = GovernanceJson.mapper().readTree(lines[0]);
    assertThat(a.get("id").asText()).isEqualTo("a");
    assertThat(a.get("statements").get(0).get("columns").get(0).get("sources").get(0).asText()).isEqualTo("s.x");
    JsonNode b = GovernanceJson.mapper().readTree(lines[1]);
    assertThat(b.get("errors").get(0).get("message").asText()).contains("klingon");
    assertThat(GovernanceJson.mapper().readTree(lines[2]).get("errors").get(0).get("message").asText())
        .contains("not valid JSON");
    assertThat(GovernanceJson.mapper().readTree(lines[3]).get("statements").get(0).get("kind").asText())
        .isEqualTo("CREATE_TABLE_AS");
  }

  @Test
  void diagramsAndFiles() throws Exception {
    Path sql = dir.resolve("etl.sql");
    Files.writeString(sql, "CREATE VIEW v AS SELECT c.email FROM customers c WHERE c.active");
    CliRunner dot = CliRunner.run("lineage", "--format", "dot", sql.toString());
    assertThat(dot.code).as(dot.toString()).isEqualTo(0);
    assertThat(dot.out).startsWith("digraph lineage {").contains("label=\"customers\"").contains("style=dashed");
    CliRunner mermaid = CliRunner.run("lineage", "--format", "mermaid", sql.toString());
    assertThat(mermaid.out).startsWith("flowchart LR").contains("-->|identity|").contains("-.->|filter|");
    CliRunner ol = CliRunner.run("lineage", "--format", "openlineage", "--namespace", "postgres://db:5432",
        "--job", "views", sql.toString());
    assertThat(ol.code).as(ol.toString()).isEqualTo(0);
    JsonNode event = ol.json();
    assertThat(event.get("eventType").asText()).isEqualTo("COMPLETE");
    assertThat(event.get("job").get("name").asText()).isEqualTo("views");
    assertThat(event.get("outputs").get(0).get("facets").get("columnLineage").get("fields").get("email")
        .get("inputFields").get(0).get("namespace").asText()).isEqualTo("postgres://db:5432");
    CliRunner missing = CliRunner.run("lineage", dir.resolve("nope.sql").toString());
    assertThat(missing.code).isEqualTo(Main.USAGE);
    assertThat(missing.err).contains("Cannot read");
  }
}
