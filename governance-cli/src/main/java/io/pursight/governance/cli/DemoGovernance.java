package io.pursight.governance.cli;

import static io.pursight.governance.cli.Cli.pad;

import io.pursight.governance.GovernanceException;
import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.core.Governance;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.spi.MaskingFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The governance half of the demo: the sample policies, a few hand-set annotations (owners, purposes,
 * retention), one policy decision applied to a real row, the PCI DSS and GDPR reports, and the audit
 * chain's verification.
 */
final class DemoGovernance {
  static final String POLICY_RESOURCE = "demo-policies.yaml";

  private DemoGovernance() {}

  /**
   * The demo's policy file: {@code <dir>/policies.yaml}, written from the bundled sample when absent
   * (an edited file is kept, so users can change it and re-run the demo).
   */
  static Path policyFile(Path dir) {
    Path file = dir.resolve("policies.yaml");
    if (Files.exists(file)) {
      return file;
    }
    try (InputStream in = DemoGovernance.class.getResourceAsStream(POLICY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CLI jar lacks " + POLICY_RESOURCE);
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "policies", ".tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo policies to " + file, e);
    }
  }

  /**
   * What the owners of the sample data have documented so far. Deliberately partial: the clinic's
   * tables have no owner and the HR tables declare no purpose, so the reports have gaps to show.
   */
  static void annotate(Governance gov, String source) {
    Map<String, String[]> owned = Map.of(
        "customers", new String[] {"crm-team", "billing, customer-support", "P3Y"},
        "orders", new String[] {"sales-ops", "order-fulfilment, accounting", "P10Y"},
        "order_items", new String[] {"sales-ops", "order-fulfilment", "P10Y"},
        "payments", new String[] {"finance", "payment-processing", "P7Y"},
        "employees", new String[] {"hr-team", null, null});
    for (DatasetEntry d : gov.catalog().datasets(QualifiedName.source(source))) {
      String[] a = owned.get(d.name().simpleName().toLowerCase(Locale.ROOT));
      if (a == null) {
        continue;
      }
      gov.catalog().annotate(d.name(), x -> {
        Map<String, String> props = new LinkedHashMap<>(x.properties());
        if (a[1] != null) {
          props.putIfAbsent("purpose", a[1]);
          props.putIfAbsent("retention", a[2]);
        }
        var withOwners = x.owners().isEmpty() ? x.withOwners(List.of(a[0])) : x;
        return withOwners.withProperties(props);
      });
    }
  }

  /** Prints the policy part of the demo. */
  static void show(PrintWriter out, Governance gov, String source, String url, Path policies) {
    out.println("POLICIES (" + policies.toAbsolutePath().normalize() + ")");
    out.println("  " + String.join(", ", gov.policies().policyIds()));
    out.println();
    Optional<DatasetEntry> customers = dataset(gov, source, "customers");
    if (customers.isPresent()) {
      showMaskedRow(out, gov, url, customers.get(), Principal.of("ana", "analyst"));
      showMaskedRow(out, gov, url, customers.get(), Principal.of("sam", "support"));
    }
    for (String pack : List.of("pci-dss", "gdpr")) {
      ComplianceReport report = gov.compliance().evaluate(pack);
      ComplianceReports.render(out, report, 8);
    }
    gov.audit().flush();
    for (AuditVerification v : gov.audit().verify()) {
      out.println("AUDIT LOG: " + v.records() + " hash-chained records, "
          + (v.intact() ? "chain intact" : "PROBLEMS: " + v.problems()));
    }
    out.println();
  }

  private static Optional<DatasetEntry> dataset(Governance gov, String source, String name) {
    return gov.catalog().datasets(QualifiedName.source(source)).stream()
        .filter(d -> d.name().simpleName().equalsIgnoreCase(name)).findFirst();
  }

  /** Decides a read of every column of {@code table} for {@code who} and prints its first row as they see it. */
  private static void showMaskedRow(PrintWriter out, Governance gov, String url, DatasetEntry table, Principal who) {
    List<QualifiedName> fields = table.fields().stream().map(FieldEntry::name).toList();
    Decision d = gov.policies().decide(new AccessRequest(who, Action.READ, fields, null, Map.of("origin", "demo")));
    Map<String, ColumnMask> masks = new LinkedHashMap<>();
    for (ColumnMask m : d.masks()) {
      masks.put(m.field().simpleName().toLowerCase(Locale.ROOT), m);
    }
    out.println("DECISION: " + who.id() + " (role " + String.join(",", who.roles()) + ") reads "
        + table.name().displayName() + " -> " + d.effect() + (d.policies().isEmpty() ? "" : " by " + d.policies()));
    if (!d.permitted()) {
      out.println();
      return;
    }
    List<String[]> row = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table.name().simpleName() + " ORDER BY 1 LIMIT 1")) {
      if (!rs.next()) {
        out.println();
        return;
      }
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        String col = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
        Object value = rs.getObject(i);
        ColumnMask m = masks.get(col);
        if (m != null) {
          MaskingFunction f = gov.maskingFunction(m.function())
              .orElseThrow(() -> new GovernanceException("no masking function '" + m.function() + "'"));
          value = f.mask(value, m.parameters(), gov.secrets());
        }
        row.add(new String[] {col, String.valueOf(value), m == null ? "" : m.function()});
      }
    } catch (SQLException e) {
      throw new GovernanceException("cannot read the sample row of " + table.name().displayName() + ": "
          + e.getMessage(), e);
    }
    for (String[] r : row) {
      out.println("  " + pad(r[0], 16) + pad(r[1], 34) + (r[2].isEmpty() ? "" : "(masked: " + r[2] + ")"));
    }
    out.println();
  }
}
