package io.pursight.governance.core.store;

import io.pursight.governance.core.testing.ItDatabases;
import io.pursight.governance.spi.CatalogStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "PURSIGHT_IT_POSTGRES_URL", matches = ".+",
    disabledReason = "PURSIGHT_IT_POSTGRES_URL not set; skipping PostgreSQL tests (.ci/run sets it)")
class PostgresCatalogStoreTest extends CatalogStoreContract {
  private static String url;

  @BeforeAll
  static void database() {
    url = ItDatabases.freshPostgresDatabase("pursight_it_store");
  }

  @Override
  protected CatalogStore newStore() {
    ItDatabases.resetPostgresTables(url, "pursight_");
    return JdbcCatalogStore.open(url, null, null);
  }
}
