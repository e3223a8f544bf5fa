package io.pursight.governance.spi;

/** Opens catalog stores of one type. Found through {@link GovernancePlugin#catalogStores()}. */
public interface CatalogStoreProvider {

  /** The store type, e.g. {@code jdbc}. */
  String type();

  /** Opens (and migrates, if needed) a store. @throws io.pursight.governance.StoreException */
  CatalogStore open(PluginConfig config);
}
