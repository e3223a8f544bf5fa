package io.pursight.governance.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.StoreException;
import io.pursight.governance.core.testing.Fixtures;
import io.pursight.governance.spi.CatalogStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CatalogStoreTest extends CatalogStoreContract {
  @TempDir Path dir;

  @Override
  protected CatalogStore newStore() {
    return JdbcCatalogStore.h2File(dir.resolve("catalog"));
  }

  @Test
  void dataPersistsAcrossReopen() {
    var snapshot = Fixtures.customersSnapshot("scan-1");
    store.putSnapshot(snapshot);
    store.close();
    try (JdbcCatalogStore again = JdbcCatalogStore.h2File(dir.resolve("catalog"))) {
      assertThat(again.snapshot(Fixtures.customers())).contains(snapshot);
      assertThat(again.schemaVersion()).isEqualTo(Migrations.latest(Migrations.ALL));
    }
    store = JdbcCatalogStore.h2File(dir.resolve("catalog"));
  }

  @Test
  void migrationsApplyOnlyPendingVersions() throws Exception {
    String url = "jdbc:h2:mem:migr" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    int next = Migrations.latest(Migrations.ALL) + 1;
    Migrations.Migration m2 = new Migrations.Migration(next, "extra table",
        List.of("CREATE TABLE pursight_extra (id INT PRIMARY KEY, note ${clob})"));
    try (JdbcCatalogStore v1 = JdbcCatalogStore.open(url, "sa", "", Migrations.ALL)) {
      assertThat(v1.schemaVersion()).isEqualTo(Migrations.latest(Migrations.ALL));
      v1.putSnapshot(Fixtures.customersSnapshot("before-upgrade"));
    }
    List<Migrations.Migration> upgraded = new java.util.ArrayList<>(Migrations.ALL);
    upgraded.add(m2);
    try (JdbcCatalogStore v2 = JdbcCatalogStore.open(url, "sa", "", upgraded)) {
      assertThat(v2.schemaVersion()).isEqualTo(next);
      assertThat(v2.snapshot(Fixtures.customers())).isPresent();
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, description FROM pursight_schema_version ORDER BY version")) {
      for (int v = 1; v < next; v++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(v);
      }
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("extra table");
      assertThat(rs.next()).isFalse();
    }
    // an older PurSight refuses a newer store instead of corrupting it
    assertThatThrownBy(() -> JdbcCatalogStore.open(url, "sa", "", Migrations.ALL))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version " + next)
        .hasMessageContaining("Upgrade PurSight");
  }

  @Test
  void failedMigrationNamesVersionAndKeepsPreviousVersion() throws Exception {
    String url = "jdbc:h2:mem:bad" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    List<Migrations.Migration> broken = new java.util.ArrayList<>(Migrations.ALL);
    int next = Migrations.latest(Migrations.ALL) + 1;
    broken.add(new Migrations.Migration(next, "broken", List.of("CREATE TABLE pursight_source (x INT)")));
    assertThatThrownBy(() -> JdbcCatalogStore.open(url, "sa", "", broken))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("migration " + next + " (broken) failed")
        .hasMessageContaining("stays at version " + (next - 1));
  }

  @Test
  void unsupportedDatabaseIsRefusedClearly() {
    assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:nosuch:thing", null, null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot open the catalog store");
  }

  @Test
  void passwordNeverAppearsInErrors() {
    assertThatThrownBy(() -> JdbcCatalogStore.open("jdbc:postgresql://127.0.0.1:1/x?password=hunter2", null, null))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").contains("password=****"));
  }
}
