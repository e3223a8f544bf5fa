package io.pursight.governance.cli;

import static io.pursight.governance.cli.Cli.pad;
import static io.pursight.governance.cli.Cli.padLeft;

import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders a scan as readable tables. */
final class TextReport {
  private TextReport() {}

  static void render(PrintWriter out, ScanResult r, DataSource source, List<DatasetEntry> datasets) {
    if (source != null) {
      out.printf("Source   %s  (%s %s)  %s%n", source.name(), source.product(), source.productVersion(),
          source.location());
    }
    long tables = datasets.stream().filter(d -> d.dataset().kind() == DatasetKind.TABLE).count();
    long views = datasets.stream().filter(d -> d.dataset().kind() == DatasetKind.VIEW
        || d.dataset().kind() == DatasetKind.MATERIALIZED_VIEW).count();
    int columns = datasets.stream().mapToInt(d -> d.fields().size()).sum();
    int fks = datasets.stream().mapToInt(d -> d.dataset().foreignKeys().size()).sum();
    out.printf("Scan     %s: %d tables and %d views, %d columns, %d foreign keys in %.1f s%n", r.scanId(), tables,
        views, columns, fks, r.duration().toMillis() / 1000.0);
    out.printf("         %d scanned, %d unchanged since the last scan, %d failed, %d errors%s%n",
        r.count(DatasetOutcome.Status.SCANNED), r.count(DatasetOutcome.Status.UNCHANGED),
        r.count(DatasetOutcome.Status.FAILED), r.errors().size(), r.cancelled() ? ", CANCELLED" : "");
    out.println();

    out.println(pad("DATASET", 36) + pad("KIND", 6) + padLeft("EST.ROWS", 9) + padLeft("COLS", 6) + "  "
        + pad("KEYS", 10) + padLeft("SENSITIVE", 10) + padLeft("QUALITY", 9));
    for (DatasetEntry d : datasets) {
      long sensitive = d.fields().stream().filter(f -> !f.activeClassifications().isEmpty()).count();
      String keys = (d.dataset().primaryKey().isEmpty() ? "" : "PK")
          + (d.dataset().foreignKeys().isEmpty() ? "" : (d.dataset().primaryKey().isEmpty() ? "" : ",")
          + d.dataset().foreignKeys().size() + "FK");
      out.println(pad(d.name().displayName(), 36) + pad(d.dataset().kind() == DatasetKind.TABLE ? "TABLE" : "VIEW", 6)
          + padLeft(d.dataset().estimatedRows() == null ? "-" : String.valueOf(d.dataset().estimatedRows()), 9)
          + padLeft(String.valueOf(d.fields().size()), 6) + "  " + pad(keys, 10)
          + padLeft(String.valueOf(sensitive), 10)
          + padLeft(d.quality() == null ? "-" : String.format(Locale.ROOT, "%.2f", d.quality().score()), 9));
    }
    out.println();

    List<String[]> rows = new ArrayList<>();
    for (DatasetEntry d : datasets) {
      for (FieldEntry f : d.fields()) {
        for (Classification c : f.activeClassifications()) {
          rows.add(new String[] {f.name().displayName(), c.infoType(),
              String.format(Locale.ROOT, "%.2f", c.confidence()), String.join("; ", c.evidence())});
        }
      }
    }
    if (rows.isEmpty()) {
      out.println("No sensitive columns found (is a classifier plugin on the classpath?).");
    } else {
      out.println("SENSITIVE COLUMNS (" + rows.size() + ")");
      out.println(pad("COLUMN", 40) + pad("INFO TYPE", 32) + padLeft("CONF", 5) + "  EVIDENCE");
      for (String[] row : rows) {
        out.println(pad(row[0], 40) + pad(row[1], 32) + padLeft(row[2], 5) + "  " + row[3]);
      }
    }
    out.println();

    List<FieldEntry> weak = new ArrayList<>();
    datasets.forEach(d -> d.fields().stream().filter(f -> f.quality() != null && f.quality().score() < 0.95)
        .forEach(weak::add));
    weak.sort(Comparator.comparingDouble(f -> f.quality().score()));
    if (!weak.isEmpty()) {
      out.println("LOWEST-QUALITY COLUMNS (score < 0.95; " + weak.size() + " in all)");
      out.println(pad("COLUMN", 40) + padLeft("SCORE", 6) + padLeft("COMPLETE", 10) + padLeft("VALID", 7)
          + padLeft("UNIQUE", 8));
      for (FieldEntry f : weak.subList(0, Math.min(10, weak.size()))) {
        var q = f.quality();
        out.println(pad(f.name().displayName(), 40) + padLeft(fmt(q.score()), 6) + padLeft(fmt(q.completeness()), 10)
            + padLeft(q.validity() == null ? "-" : fmt(q.validity()), 7)
            + padLeft(q.uniqueness() == null ? "-" : fmt(q.uniqueness()), 8));
      }
      out.println();
    }

    if (!r.changes().isEmpty()) {
      out.println("SCHEMA CHANGES SINCE THE LAST SCAN (" + r.changes().size() + ")");
      for (SchemaChange c : r.changes()) {
        out.println("  " + pad(c.kind().name(), 26) + c.asset().displayName()
            + (c.before() != null || c.after() != null ? "  " + nz(c.before()) + " -> " + nz(c.after()) : ""));
      }
      out.println();
    }
    if (!r.errors().isEmpty()) {
      out.println("ERRORS (" + r.errors().size() + "; the rest of the scan completed)");
      for (ScanError e : r.errors()) {
        out.println("  " + e);
      }
      out.println();
    }
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
