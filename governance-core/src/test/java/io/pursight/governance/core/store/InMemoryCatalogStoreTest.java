package io.pursight.governance.core.store;

import io.pursight.governance.spi.CatalogStore;

class InMemoryCatalogStoreTest extends CatalogStoreContract {
  @Override
  protected CatalogStore newStore() {
    return new InMemoryCatalogStore();
  }
}
