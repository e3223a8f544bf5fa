package io.pursight.governance.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.core.testing.ItDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  @Test
  void asyncEventsAreWrittenInOrderAndFlushed() {
    JsonlAuditSink sink = new JsonlAuditSink(dir.resolve("a.jsonl"));
    try (AuditLog log = new AuditLog(List.of(sink))) {
      for (int i = 1; i <= 2500; i++) {
        log.recordAsync(JsonlAuditSinkTest.event(i));
      }
      log.record(JsonlAuditSinkTest.event(9999));
      log.flush();
      List<AuditVerification> v = log.verify();
      assertThat(v).singleElement().satisfies(x -> {
        assertThat(x.intact()).as(x.problems().toString()).isTrue();
        assertThat(x.records()).isEqualTo(2501);
      });
    }
  }

  @Test
  void theJdbcSinkChainsAndDetectsTamperingOnH2() throws Exception {
    String url = "jdbc:h2:mem:audit" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    checkJdbc(url, "sa", "");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
      disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
  void theJdbcSinkChainsAndDetectsTamperingOnPostgres() throws Exception {
    String url = ItDatabases.freshPostgresDatabase("pursight_it_audit");
    checkJdbc(url, null, null);
  }

  private void checkJdbc(String url, String user, String password) throws Exception {
    try (JdbcAuditSink sink = new JdbcAuditSink(url, user, password)) {
      for (int i = 1; i <= 5; i++) {
        sink.append(JsonlAuditSinkTest.event(i));
      }
      sink.appendAll(List.of(JsonlAuditSinkTest.event(6), JsonlAuditSinkTest.event(7)));
      assertThat(sink.verify().intact()).isTrue();
      assertThat(sink.verify().records()).isEqualTo(7);
    }
    try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("UPDATE pursight_audit SET event = REPLACE(event, '\"ALLOW\"', '\"DENY\"') WHERE seq = 2");
      s.execute("DELETE FROM pursight_audit WHERE seq = 5");
    }
    try (JdbcAuditSink sink = new JdbcAuditSink(url, user, password)) {
      AuditVerification v = sink.verify();
      assertThat(v.intact()).isFalse();
      assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("record 2").contains("edited"))
          .anySatisfy(p -> assertThat(p).contains("records 5..5 removed"));
    }
  }
}
