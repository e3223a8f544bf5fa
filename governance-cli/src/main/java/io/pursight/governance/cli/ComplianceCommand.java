package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code governance compliance}: evaluates compliance packs over the catalog. */
@Command(name = "compliance", mixinStandardHelpOptions = true,
    description = "Evaluate compliance packs (gdpr, hipaa, pci-dss, soc2) over the catalog and the policies.")
final class ComplianceCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--pack", required = true, split = ",", paramLabel = "PACK",
      description = "Pack ids, comma-separated or repeated (gdpr, hipaa, pci-dss, soc2), or 'all'.")
  List<String> packs;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policies to evaluate against (YAML; see docs/policies.md).")
  Path policy;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-findings", defaultValue = "50", description = "Findings listed per pack in table format (default: ${DEFAULT-VALUE}).")
  int maxFindings;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding of this severity or worse exists (LOW, MEDIUM, HIGH, CRITICAL).")
  Severity failOn;

  @Mixin
  StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!format.equals("table") && !format.equals("json")) {
      throw new ConfigurationException("--format must be table or json, got '" + format + "'");
    }
    if (maxFindings < 0) {
      throw new ConfigurationException("--max-findings must be 0 or more, got " + maxFindings);
    }
    Governance.Builder b = Governance.builder();
    store.apply(b);
    if (policy != null) {
      if (!Files.isRegularFile(policy) || !Files.isReadable(policy)) {
        throw new ConfigurationException("--policy " + policy + " is not a readable file");
      }
      b.policyFile(policy);
    }
    try (Governance gov = b.build()) {
      List<String> installed = gov.compliance().packs();
      for (String id : packs) {
        if (!id.equals("all") && !installed.contains(id)) {
          throw new ConfigurationException("No compliance pack '" + id + "'. Installed: " + String.join(", ", installed)
              + " (or 'all')");
        }
      }
      if (gov.catalog().sources().stream()
          .allMatch(s -> gov.catalog().datasets(QualifiedName.source(s.name())).isEmpty())) {
        throw new ConfigurationException("The catalog " + store.describe() + " holds no datasets: scan a source into it "
            + "first (governance scan ... with the same store options); an empty catalog has nothing to check");
      }
      List<String> ids = packs.contains("all") ? installed : packs;
      List<ComplianceReport> reports = new ArrayList<>();
      for (String id : ids) {
        reports.add(gov.compliance().evaluate(id));
      }
      if (format.equals("json")) {
        out.println(GovernanceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
            reports.size() == 1 ? reports.get(0) : reports));
      } else {
        reports.forEach(r -> ComplianceReports.render(out, r, maxFindings));
      }
      boolean failed = failOn != null && reports.stream().flatMap(r -> r.findings().stream())
          .anyMatch(f -> f.severity().compareTo(failOn) >= 0);
      return failed ? Main.PARTIAL : Main.OK;
    }
  }
}
