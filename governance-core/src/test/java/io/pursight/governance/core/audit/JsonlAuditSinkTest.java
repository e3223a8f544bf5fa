package io.pursight.governance.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.audit.AuditVerification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAuditSinkTest {
  @TempDir Path dir;

  static AuditEvent event(int i) {
    return new AuditEvent("e" + i, Instant.parse("2026-11-26T08:00:00Z").plusSeconds(i), "alice", "DECIDE_READ",
        List.of("shop/db/public/customers/email"), i % 3 == 0 ? "DENY" : "ALLOW", "fp" + i, Map.of("policies", "p" + i));
  }

  Path log(int n) {
    Path file = dir.resolve("audit.jsonl");
    try (JsonlAuditSink sink = new JsonlAuditSink(file)) {
      for (int i = 1; i <= n; i++) {
        sink.append(event(i));
      }
    }
    return file;
  }

  List<String> lines(Path file) throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  void write(Path file, List<String> lines) throws Exception {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void anUntouchedLogVerifiesAndContinuesAcrossReopen() throws Exception {
    Path file = log(5);
    try (JsonlAuditSink again = new JsonlAuditSink(file)) {
      again.appendAll(List.of(event(6), event(7)));
      AuditVerification v = again.verify();
      assertThat(v.intact()).as(v.problems().toString()).isTrue();
      assertThat(v.records()).isEqualTo(7);
    }
    assertThat(lines(file).get(0)).startsWith("{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\"")
        .doesNotContain("\n");
  }

  @Test
  void anEditedRecordIsNamed() throws Exception {
    Path file = log(5);
    List<String> lines = lines(file);
    String edited = lines.get(1).replace("\"ALLOW\"", "\"DENY\"");
    assertThat(edited).isNotEqualTo(lines.get(1));
    lines.set(1, edited);
    write(file, lines);
    AuditVerification v = JsonlAuditSink.verify(file);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).singleElement().asString().contains("line 2 (record 2)").contains("edited");
  }

  @Test
  void aRemovedRecordIsNamed() throws Exception {
    Path file = log(5);
    List<String> lines = lines(file);
    lines.remove(1);
    write(file, lines);
    AuditVerification v = JsonlAuditSink.verify(file);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("line 2").contains("records 2..2 removed"));
  }

  @Test
  void reorderedRecordsAreNamed() throws Exception {
    Path file = log(5);
    List<String> lines = lines(file);
    String third = lines.get(2);
    lines.set(2, lines.get(3));
    lines.set(3, third);
    write(file, lines);
    AuditVerification v = JsonlAuditSink.verify(file);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("line 3").contains("record 4 where record 3"))
        .anySatisfy(p -> assertThat(p).contains("line 4").contains("reordered"));
  }

  @Test
  void recordsCutFromTheEndAreDetectedThroughTheHeadFile() throws Exception {
    Path file = log(5);
    List<String> lines = lines(file);
    write(file, lines.subList(0, 3));
    AuditVerification v = JsonlAuditSink.verify(file);
    assertThat(v.intact()).isFalse();
    assertThat(v.problems()).singleElement().asString().contains("records 4..5 were cut from the end");
  }

  @Test
  void aTornLastLineIsReportedAndRecoveredExplicitlyOnOpen() throws Exception {
    Path file = log(4);
    String content = Files.readString(file);
    Files.writeString(file, content + "{\"seq\":5,\"prev\":\"abc", StandardCharsets.UTF_8);
    AuditVerification torn = JsonlAuditSink.verify(file);
    assertThat(torn.intact()).isFalse();
    assertThat(torn.problems()).anySatisfy(p -> assertThat(p).contains("line 5").contains("torn"));

    try (JsonlAuditSink reopened = new JsonlAuditSink(file)) {
      reopened.append(event(9));
      AuditVerification v = reopened.verify();
      assertThat(v.records()).isEqualTo(6);
      assertThat(v.problems()).singleElement().asString().contains("recovery after a crash").contains("line 5 was torn");
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("audit.jsonl.torn-"));
  }

  @Test
  void eventsHoldNoValuesBeyondWhatTheCallerGave() throws Exception {
    Path file = log(1);
    assertThat(Files.readString(file)).contains("\"principal\":\"alice\"").contains("\"statementFingerprint\":\"fp1\"");
  }
}
