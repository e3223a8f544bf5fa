package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.core.json.GovernanceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {
  @TempDir Path dir;

  private List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> result = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        result.add(GovernanceJson.mapper().readTree(l));
      }
    }
    return result;
  }

  @Test
  void printsOneResultLinePerInputLineBestFirst() throws Exception {
    Path in = dir.resolve("cols.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\": \"c1\", \"dataset\": \"crm.people\", \"field\": \"contact\", \"values\": "
            + "[\"ada@example.com\", \"alan@example.org\", \"grace@example.net\", null]}",
        "{\"id\": \"c2\", \"dataset\": \"shop.orders\", \"field\": \"status\", \"values\": [\"NEW\", \"PAID\", \"SHIPPED\"]}",
        "",
        "{\"id\": \"c3\", \"field\": \"n\", \"values\": []}") + "\n");
    CliRunner r = CliRunner.run("classify", "--format", "json", in.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    List<JsonNode> out = lines(r.out);
    assertThat(out).extracting(n -> n.get("id").asText()).containsExactly("c1", "c2", "c3");
    assertThat(out.get(0).get("infoTypes").get(0).get("id").asText()).isEqualTo("EMAIL_ADDRESS");
    assertThat(out.get(0).get("infoTypes").get(0).get("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(out.get(0).get("infoTypes").get(0).get("evidence")).isNotEmpty();
    assertThat(out.get(1).get("infoTypes")).isEmpty();
    assertThat(out.get(2).get("infoTypes")).isEmpty();
    assertThat(r.out).doesNotContain("ada@example.com");
  }

  @Test
  void badLinesAreReportedInPlaceAndTheRestIsClassified() throws Exception {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{not json\n{\"id\": \"x\", \"field\": \"f\", \"values\": \"oops\"}\n"
        + "{\"id\": \"ok\", \"field\": \"f\", \"values\": [\"a\"]}\n");
    CliRunner r = CliRunner.run("classify", "--format", "json", in.toString());
    assertThat(r.code).isEqualTo(Main.PARTIAL);
    List<JsonNode> out = lines(r.out);
    assertThat(out).hasSize(3);
    assertThat(out.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(out.get(1).get("error").asText()).contains("'values' must be an array");
    assertThat(out.get(2).get("id").asText()).isEqualTo("ok");
    assertThat(r.err).contains("line 1").contains("line 2");
  }

  @Test
  void tableFormatAndMissingFile() {
    CliRunner r = CliRunner.run("classify", dir.resolve("nope.jsonl").toString());
    assertThat(r.code).isEqualTo(Main.USAGE);
    assertThat(r.err).contains("Cannot read");
  }
}
