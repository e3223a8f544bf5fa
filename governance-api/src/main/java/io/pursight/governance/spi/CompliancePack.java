package io.pursight.governance.spi;

import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.policy.PolicyService;
import java.time.Clock;

/**
 * A compliance framework as data and checks: policy templates a user may adopt, and checks
 * evaluated over the catalog. Found through {@link GovernancePlugin#compliancePacks()}.
 */
public interface CompliancePack {

  /** The pack id, e.g. {@code pci-dss}. */
  String id();

  /** The framework's name, e.g. {@code PCI DSS v4.0}. */
  String title();

  /** Policies (in the rules engine's YAML format) that implement the framework's controls. */
  String policyTemplate();

  /** Evaluates the pack's checks. */
  ComplianceReport evaluate(Context context);

  /**
   * What a pack's checks may look at.
   *
   * @param catalog the catalog (datasets, fields, classifications, annotations)
   * @param lineage the lineage graph
   * @param policies the loaded policies (to ask, e.g., whether role analyst sees PANs masked)
   * @param infoTypes the known info types
   * @param clock the time
   * @param settings settings for the packs (the builder's {@code pluginConfig("compliance", ...)}),
   *     e.g. the roles to probe
   */
  record Context(CatalogService catalog, LineageService lineage, PolicyService policies, InfoTypes infoTypes,
      Clock clock, PluginConfig settings) {

    /** A context without settings. */
    public Context(CatalogService catalog, LineageService lineage, PolicyService policies, InfoTypes infoTypes,
        Clock clock) {
      this(catalog, lineage, policies, infoTypes, clock, PluginConfig.EMPTY);
    }

    /** Replaces null settings by none. */
    public Context {
      settings = settings == null ? PluginConfig.EMPTY : settings;
    }
  }
}
