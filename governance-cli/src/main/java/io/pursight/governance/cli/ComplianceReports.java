package io.pursight.governance.cli;

import static io.pursight.governance.cli.Cli.pad;
import static io.pursight.governance.cli.Cli.padLeft;

import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Finding;
import io.pursight.governance.compliance.ProcessingRecord;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders compliance reports as readable tables. */
final class ComplianceReports {
  private ComplianceReports() {}

  static void render(PrintWriter out, ComplianceReport r, int maxFindings) {
    out.printf(Locale.ROOT, "%s — score %.0f/100, %d findings%n", r.title(), r.score(), r.findings().size());
    out.println(pad("  CONTROL", 20) + pad("TITLE", 60) + padLeft("CHECKED", 8) + padLeft("FAILED", 8));
    for (ControlResult c : r.controls()) {
      out.println("  " + pad(c.control(), 18) + pad(c.title(), 60) + padLeft(String.valueOf(c.checked()), 8)
          + padLeft(String.valueOf(c.failed()), 8));
    }
    if (!r.findings().isEmpty()) {
      out.println("  Findings" + (r.findings().size() > maxFindings ? " (first " + maxFindings + ")" : "") + ":");
      for (Finding f : r.findings().subList(0, Math.min(maxFindings, r.findings().size()))) {
        out.println("  " + pad(f.severity().name(), 9) + pad(f.control(), 18)
            + (f.asset() == null ? "" : f.asset().displayName() + ": ") + f.evidence());
        out.println("  " + " ".repeat(27) + "-> " + f.remediation());
      }
    }
    if (!r.processingRecords().isEmpty()) {
      out.println("  Record of processing activities (Art. 30, draft):");
      for (ProcessingRecord p : r.processingRecords()) {
        out.println("    " + pad(p.dataset().displayName(), 36) + "owner " + (p.owner() == null ? "-" : p.owner())
            + "; purposes " + (p.purposes().isEmpty() ? "-" : String.join(", ", p.purposes()))
            + "; data " + String.join(", ", p.categories())
            + (p.gaps().isEmpty() ? "" : "; GAPS: " + String.join("; ", p.gaps())));
      }
    }
    out.println();
  }
}
