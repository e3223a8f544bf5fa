package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code governance demo}: builds the sample database, scans it and prints what was found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Create an embedded H2 sample database (HR, sales, payments, clinic), scan it and print a summary.")
final class DemoCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
  boolean verbose;

  @Mixin
  StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("table") && !format.equals("json")) {
      throw new ConfigurationException("--format must be table or json, got '" + format + "'");
    }
    Path dbFile = (store.directory != null ? store.directory : Path.of(".pursight")).resolve("demo").resolve("shop")
        .toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + dbFile;
    boolean table = format.equals("table");
    if (table) {
      out.println("PurSight demo: building the sample database (seed " + seed + ")...");
      out.flush();
    }
    DemoDatabase.create(url, seed);
    Governance.Builder b = Governance.builder().source("demo", url, "sa", "");
    store.apply(b);
    try (Governance gov = b.build()) {
      ScanRequest.Builder request = ScanRequest.builder();
      if (!noProgress && System.console() != null) {
        request.listener(new ProgressBar(err));
      }
      ScanResult result = gov.scan(request.build());
      List<DatasetEntry> entries = ScanCommand.datasetsOf(gov, result);
      DataSource source = gov.catalog().sources().stream().filter(s -> s.name().equals("demo")).findFirst().orElse(null);
      if (!table) {
        out.println(GovernanceJson.mapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(CatalogJson.render(result, source, entries)));
        return ScanCommand.exitCode(result);
      }
      out.println();
      TextReport.render(out, result, source, entries);
      out.println("Sample database: " + url + " (user sa, no password)");
      out.println("Catalog:         " + store.describe());
      out.println();
      out.println("Next: scan it yourself with");
      out.println("  bin/governance scan --url '" + url + "' --user sa --format json");
      out.println("Run the demo again to see an incremental re-scan (unchanged datasets are not re-sampled).");
      return ScanCommand.exitCode(result);
    }
  }
}
