package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Finding;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.policy.PolicyService;
import io.pursight.governance.spi.CompliancePack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builds contexts and renders reports as lines that tests compare exactly. */
final class Reports {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Reports() {}

  static CompliancePack.Context context(CatalogService catalog, LineageService lineage, PolicyService policies) {
    return new CompliancePack.Context(catalog, lineage, policies, InfoTypes.builtIn(), CLOCK);
  }

  static Pack pack(String id) {
    return new CompliancePlugin(Map.of()).pack(id);
  }

  static Pack pack(String id, Map<String, String> settings) {
    return new CompliancePlugin(settings).pack(id);
  }

  /** {@code SEVERITY | control | asset | evidence}, asset as display name or {@code -}. */
  static List<String> findings(ComplianceReport r) {
    return r.findings().stream().map(Reports::line).toList();
  }

  static String line(Finding f) {
    return f.severity() + " | " + f.control() + " | " + (f.asset() == null ? "-" : f.asset().displayName()) + " | "
        + f.evidence();
  }

  /** {@code control checked/failed}. */
  static List<String> controls(ComplianceReport r) {
    return r.controls().stream().map(Reports::line).toList();
  }

  static String line(ControlResult c) {
    return c.control() + " " + c.checked() + "/" + c.failed();
  }
}
