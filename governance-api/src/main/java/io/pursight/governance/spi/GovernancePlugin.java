package io.pursight.governance.spi;

import java.util.List;

/**
 * The one entry point of a plugin jar, found with {@link java.util.ServiceLoader} through a {@code
 * META-INF/services/io.pursight.governance.spi.GovernancePlugin} entry, or registered on the
 * builder. Every method defaults to "nothing": a plugin overrides only what it contributes.
 * Plugins need nothing but governance-api on their compile path.
 */
public interface GovernancePlugin {

  /** A name for logs and error messages; defaults to the class name. */
  default String name() {
    return getClass().getName();
  }

  /** Connector factories. */
  default List<ConnectorProvider> connectors() {
    return List.of();
  }

  /** Classifier factories. */
  default List<ClassifierProvider> classifiers() {
    return List.of();
  }

  /** Lineage parsers. */
  default List<LineageParser> lineageParsers() {
    return List.of();
  }

  /** Policy engine factories. */
  default List<PolicyProvider> policyProviders() {
    return List.of();
  }

  /** Compliance packs. */
  default List<CompliancePack> compliancePacks() {
    return List.of();
  }

  /** Masking functions. */
  default List<MaskingFunction> maskingFunctions() {
    return List.of();
  }

  /** Catalog store factories. */
  default List<CatalogStoreProvider> catalogStores() {
    return List.of();
  }

  /** Audit sink factories. */
  default List<AuditSink.Provider> auditSinks() {
    return List.of();
  }

  /** Event sink factories. */
  default List<EventSink.Provider> eventSinks() {
    return List.of();
  }

  /** Secret providers. */
  default List<SecretProvider> secretProviders() {
    return List.of();
  }

  /** Principal resolvers. */
  default List<PrincipalResolver> principalResolvers() {
    return List.of();
  }
}
