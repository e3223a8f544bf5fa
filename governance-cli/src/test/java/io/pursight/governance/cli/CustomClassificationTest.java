package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom info types from a YAML file and a custom classifier plugin both reach scan output. */
class CustomClassificationTest {
  @TempDir Path dir;

  @Test
  void yamlTypeAndServiceLoaderClassifierShowUpInScanOutput() throws Exception {
    String url = "jdbc:h2:mem:custom" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE staff (id INT PRIMARY KEY, badge VARCHAR(12), ref VARCHAR(12), ticket VARCHAR(12))");
      s.execute("INSERT INTO staff SELECT X, 'EMP-' || LPAD(CAST(X * 7919 AS VARCHAR), 6, '0'),"
          + " 'EMP-' || LPAD(CAST(X * 104729 % 999999 AS VARCHAR), 6, '0'),"
          + " 'TCK-' || LPAD(CAST(X * 31337 AS VARCHAR), 8, '0') FROM SYSTEM_RANGE(1, 60)");
    }
    Path yaml = dir.resolve("custom-types.yaml");
    Files.writeString(yaml, """
        types:
          - id: EMPLOYEE_BADGE_ID
            category: hr
            sensitivity: CONFIDENTIAL
            description: Badge numbers
            regex: "EMP-\\\\d{6}"
            keywords: [badge]
        """);
    CliRunner r = CliRunner.run("scan", "--url", url, "--in-memory", "--format", "json", "--custom-types", yaml.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    Map<String, String> best = new HashMap<>();
    for (JsonNode col : r.json().get("datasets").get(0).get("columns")) {
      JsonNode cls = col.get("classifications");
      best.put(col.get("name").asText(), cls.isEmpty() ? "-" : cls.get(0).get("infoType").asText());
    }
    assertThat(best).containsEntry("BADGE", "EMPLOYEE_BADGE_ID")
        .containsEntry("REF", "EMPLOYEE_BADGE_ID")
        .containsEntry("TICKET", "SUPPORT_TICKET_ID")
        .containsEntry("ID", "-");

    CliRunner bad = CliRunner.run("scan", "--url", url, "--in-memory", "--custom-types", dir.resolve("none.yaml").toString());
    assertThat(bad.code).isEqualTo(Main.USAGE);
    assertThat(bad.err).contains("--custom-types").contains("not a readable file");
    Files.writeString(yaml, "types:\n  - id: EMAIL_ADDRESS\n    category: x\n    sensitivity: PUBLIC\n    regex: \"x\"\n");
    CliRunner clash = CliRunner.run("scan", "--url", url, "--in-memory", "--custom-types", yaml.toString());
    assertThat(clash.code).isEqualTo(Main.USAGE);
    assertThat(clash.err).contains("custom-types.yaml").contains("EMAIL_ADDRESS");
  }
}
