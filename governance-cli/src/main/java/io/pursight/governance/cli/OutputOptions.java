package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Option;

/** How a command reports a scan: format, progress bar, verbosity; and the shared rendering. */
final class OutputOptions {
  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}); json is documented in docs/cli.md.")
  String format;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
  boolean verbose;

  boolean json() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ConfigurationException("--format must be table or json, got '" + format + "'");
    }
    return format.equals("json");
  }

  /** Adds the progress bar when the command runs in a terminal. */
  void progress(ScanRequest.Builder request, PrintWriter err) {
    if (!noProgress && System.console() != null) {
      request.listener(new ProgressBar(err));
    }
  }

  /** Prints the scan of {@code sourceName} as JSON or tables; returns the exit code. */
  int report(PrintWriter out, Governance gov, String sourceName, ScanResult result) throws Exception {
    List<DatasetEntry> entries = new ArrayList<>();
    for (DatasetOutcome o : result.datasets()) {
      gov.catalog().dataset(o.dataset()).ifPresent(entries::add);
    }
    entries.sort(Comparator.comparing(e -> e.name().toString()));
    DataSource source = gov.catalog().sources().stream().filter(s -> s.name().equals(sourceName)).findFirst()
        .orElse(null);
    if (json()) {
      out.println(GovernanceJson.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(CatalogJson.render(result, source, entries)));
    } else {
      TextReport.render(out, result, source, entries);
    }
    return exitCode(result);
  }

  static int exitCode(ScanResult result) {
    boolean connectFailed = result.errors().stream().anyMatch(e -> e.stage() == ScanError.Stage.CONNECT
        || (e.stage() == ScanError.Stage.DISCOVER && e.asset() == null));
    if (connectFailed && result.datasets().isEmpty()) {
      return Main.FAILED;
    }
    return result.isClean() ? Main.OK : Main.PARTIAL;
  }
}
