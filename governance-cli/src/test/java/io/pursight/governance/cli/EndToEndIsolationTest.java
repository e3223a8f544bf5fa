package io.pursight.governance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.core.Governance;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanListener;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The runtime, the real JDBC connector and real databases together: failures that happen to one
 * dataset or column while a scan runs are reported and the rest of the scan completes.
 */
class EndToEndIsolationTest {

  @Test
  void aTableDroppedMidScanIsReportedAndTheOthersAreScanned() throws Exception {
    String url = "jdbc:h2:mem:dropped" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String t : new String[] {"a_first", "b_doomed", "c_last"}) {
        s.execute("CREATE TABLE " + t + " (id INT PRIMARY KEY, label VARCHAR(20))");
        s.execute("INSERT INTO " + t + " SELECT X, 'row ' || X FROM SYSTEM_RANGE(1, 50)");
      }
    }
    AtomicBoolean dropped = new AtomicBoolean();
    ScanListener dropOnStart = new ScanListener() {
      @Override
      public void sourceStarted(String scanId, String source, int datasets) {
        // the list is taken; drop one table before any dataset is read
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
          s.execute("DROP TABLE b_doomed");
          dropped.set(true);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
    try (Governance gov = Governance.builder().inMemoryStore().source("h2", url).build()) {
      ScanResult r = gov.scan(ScanRequest.builder().listener(dropOnStart).build());
      assertThat(dropped).isTrue();
      assertThat(r.datasets()).extracting(o -> o.dataset().dataset() + ":" + o.status()).containsExactlyInAnyOrder(
          "A_FIRST:SCANNED", "B_DOOMED:FAILED", "C_LAST:SCANNED");
      assertThat(r.errors()).singleElement().satisfies(e -> {
        assertThat(e.asset().dataset()).isEqualTo("B_DOOMED");
        assertThat(e.message()).containsIgnoringCase("no longer exists");
      });
      assertThat(gov.catalog().datasets(QualifiedName.source("h2"))).hasSize(2);
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
      disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
  void valuesThatFailToDecodeCostOnlyTheirColumn() throws Exception {
    String url = ItDatabases.freshPostgres("pursight_it_decode");
    ItDatabases.exec(url,
        "CREATE TABLE measures (id int PRIMARY KEY, reading numeric, note text)",
        "INSERT INTO measures SELECT g, CASE WHEN g % 10 = 0 THEN 'NaN'::numeric ELSE g * 1.5 END, 'n' || g"
            + " FROM generate_series(1, 100) g",
        "CREATE TABLE fine (id int PRIMARY KEY)",
        "INSERT INTO fine SELECT generate_series(1, 10)");
    try (Governance gov = Governance.builder().inMemoryStore().source("pg", url).build()) {
      ScanResult r = gov.scan(ScanRequest.builder().build());
      assertThat(r.count(DatasetOutcome.Status.SCANNED)).isEqualTo(2);
      assertThat(r.errors()).singleElement().satisfies(e -> {
        assertThat(e.stage()).isEqualTo(ScanError.Stage.SAMPLE);
        assertThat(e.asset().simpleName()).isEqualTo("reading");
        assertThat(e.message()).contains("10 of 100 sampled values could not be decoded");
        assertThat(e.message()).doesNotContain("NaN");
      });
      var measures = gov.catalog().dataset(QualifiedName.dataset("pg", "pursight_it_decode", "public", "measures"))
          .orElseThrow();
      assertThat(measures.field("reading").orElseThrow().profile().decodeErrors()).isEqualTo(10);
      assertThat(measures.field("reading").orElseThrow().profile().nonNull()).isEqualTo(90);
      assertThat(measures.field("note").orElseThrow().profile().nonNull()).isEqualTo(100);
    }
  }
}
