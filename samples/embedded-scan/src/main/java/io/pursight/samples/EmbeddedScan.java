package io.pursight.samples;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchQuery;
import io.pursight.governance.core.Governance;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Embeds PurSight in an application: scan a database, list what is sensitive, search the catalog. */
public final class EmbeddedScan {
  private EmbeddedScan() {}

  /** Scans an in-memory H2 database made here (or the JDBC URL given as first argument). */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : sampleDatabase();
    run(url, System.out);
  }

  /** The README's embedding example. Returns the scan result. */
  public static ScanResult run(String url, PrintStream out) {
    try (Governance gov = Governance.builder()
        .source("app", url)                 // any JDBC URL; credentials via source(name, url, user, password)
        .inMemoryStore()                    // default: an H2 file under ./.pursight
        .build()) {
      ScanResult result = gov.scan(ScanRequest.builder().build());
      gov.catalog().datasets(QualifiedName.source("app")).forEach(ds -> ds.fields().forEach(f ->
          f.activeClassifications().forEach(c ->
              out.println(f.name().displayName() + " -> " + c.infoType() + " " + c.evidence()))));
      gov.catalog().search(SearchQuery.of("email")).forEach(hit -> out.println("search: " + hit.asset()));
      return result;
    }
  }

  static String sampleDatabase() throws Exception {
    String url = "jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS members (id INT PRIMARY KEY, email VARCHAR(100), joined DATE)");
      s.execute("MERGE INTO members KEY (id) VALUES (1, 'ada@example.com', DATE '2024-01-02'),"
          + " (2, 'alan@example.org', DATE '2024-02-03'), (3, 'grace@example.net', DATE '2024-03-04')");
    }
    return url;
  }
}
