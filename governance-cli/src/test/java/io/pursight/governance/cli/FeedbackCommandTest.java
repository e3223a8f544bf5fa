package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.scan.ScanRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackCommandTest {
  @TempDir Path dir;

  @Test
  void exportsVerdictsWithSampledValuesInTheTrainerFormat() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("src").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id INT PRIMARY KEY, contact VARCHAR(80), code VARCHAR(10))");
      s.execute("INSERT INTO people VALUES (1, 'ada@example.com', 'A1'), (2, 'alan@example.org', 'B2')");
    }
    Path store = dir.resolve("store");
    try (Governance gov = Governance.builder().storeDirectory(store).source("src", url, "sa", "").build()) {
      gov.scan(ScanRequest.builder().build());
      QualifiedName people = gov.catalog().datasets(QualifiedName.source("src")).get(0).name();
      gov.classification().confirm(people.child("CONTACT"), "EMAIL_ADDRESS", "alice", null);
      gov.classification().reject(people.child("CODE"), "POSTAL_CODE", "alice", "internal code");
    }
    CliRunner r = CliRunner.run("feedback", "--url", url, "--user", "sa", "--name", "src", "--store-dir", store.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    String[] lines = r.out.strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = GovernanceJson.mapper().readTree(lines[0]);
    JsonNode second = GovernanceJson.mapper().readTree(lines[1]);
    JsonNode contact = first.get("field").asText().equals("CONTACT") ? first : second;
    JsonNode code = contact == first ? second : first;
    assertThat(code.get("field").asText()).isEqualTo("CODE");
    assertThat(contact.get("expected")).extracting(JsonNode::asText).containsExactly("EMAIL_ADDRESS");
    assertThat(contact.get("values")).extracting(JsonNode::asText).containsExactlyInAnyOrder("ada@example.com", "alan@example.org");
    assertThat(code.get("rejected")).extracting(JsonNode::asText).containsExactly("POSTAL_CODE");
    assertThat(r.err).contains("2 labelled columns exported");
  }
}
