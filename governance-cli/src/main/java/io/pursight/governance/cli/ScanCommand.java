package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanMode;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code governance scan}: discovers, samples, classifies and profiles one database. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Scan a database: tables, views, columns, keys, classifications, profiles and quality.")
final class ScanCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "JDBC_URL", description = "The database's JDBC URL.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", interactive = false,
      description = "Database password (prefer --password-env or --password-file: command lines are visible to others).")
  String password;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
  Path passwordFile;

  @Option(names = "--name", paramLabel = "NAME", description = "Name to register the source under (default: derived from the URL).")
  String name;

  @Option(names = "--schema", paramLabel = "SCHEMA", description = "Only these schemas (or databases); repeatable.")
  List<String> schemas = new ArrayList<>();

  @Option(names = "--include", paramLabel = "GLOB", description = "Only datasets matching (table or schema.table); repeatable.")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip datasets matching; repeatable.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--sample-rows", defaultValue = "1000", description = "Rows sampled per dataset (default: ${DEFAULT-VALUE}).")
  int sampleRows;

  @Option(names = "--sample-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Time budget per dataset for sampling (default: ${DEFAULT-VALUE} s).")
  int sampleTimeout;

  @Option(names = "--parallelism", defaultValue = "4", description = "Datasets scanned at once (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--full", description = "Re-sample every dataset, even unchanged ones.")
  boolean full;

  @Option(names = "--no-classify", negatable = false, description = "Skip classification.")
  boolean noClassify;

  @Option(names = "--no-profile", negatable = false, description = "Skip profiling and quality.")
  boolean noProfile;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}); json is documented in docs/cli.md.")
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
    String sourceName = name != null ? name : Cli.sourceName(url);
    SourceConfig config = new SourceConfig(sourceName, url, user, secret(), Map.of());
    Governance.Builder b = Governance.builder().source(config).scanParallelism(parallelism);
    store.apply(b);
    try (Governance gov = b.build()) {
      ScanRequest.Builder request = ScanRequest.builder()
          .schemas(schemas.toArray(String[]::new))
          .include(include.toArray(String[]::new))
          .exclude(exclude.toArray(String[]::new))
          .sampleRows(sampleRows)
          .sampleTimeout(Duration.ofSeconds(sampleTimeout))
          .classify(!noClassify)
          .profile(!noProfile)
          .mode(full ? ScanMode.FULL : ScanMode.INCREMENTAL);
      if (!noProgress && System.console() != null) {
        request.listener(new ProgressBar(err));
      }
      ScanResult result = gov.scan(request.build());
      List<DatasetEntry> entries = datasetsOf(gov, result);
      DataSource source = gov.catalog().sources().stream().filter(s -> s.name().equals(sourceName)).findFirst()
          .orElse(null);
      if (format.equals("json")) {
        out.println(GovernanceJson.mapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(CatalogJson.render(result, source, entries)));
      } else {
        TextReport.render(out, result, source, entries);
        out.println("Catalog: " + store.describe());
      }
      return exitCode(result);
    }
  }

  static List<DatasetEntry> datasetsOf(Governance gov, ScanResult result) {
    List<DatasetEntry> entries = new ArrayList<>();
    for (DatasetOutcome o : result.datasets()) {
      gov.catalog().dataset(o.dataset()).ifPresent(entries::add);
    }
    entries.sort(java.util.Comparator.comparing(e -> e.name().toString()));
    return entries;
  }

  static int exitCode(ScanResult result) {
    boolean connectFailed = result.errors().stream().anyMatch(e -> e.stage() == ScanError.Stage.CONNECT
        || (e.stage() == ScanError.Stage.DISCOVER && e.asset() == null));
    if (connectFailed && result.datasets().isEmpty()) {
      return Main.FAILED;
    }
    return result.isClean() ? Main.OK : Main.PARTIAL;
  }

  private Secret secret() throws java.io.IOException {
    int given = (password != null ? 1 : 0) + (passwordEnv != null ? 1 : 0) + (passwordFile != null ? 1 : 0);
    if (given > 1) {
      throw new ConfigurationException("Give at most one of --password, --password-env, --password-file");
    }
    if (passwordEnv != null) {
      return Secret.of(Cli.env(passwordEnv));
    }
    if (passwordFile != null) {
      if (!Files.isReadable(passwordFile)) {
        throw new ConfigurationException("--password-file " + passwordFile + " is not readable");
      }
      return Secret.of(Files.readString(passwordFile).strip());
    }
    return Secret.of(password);
  }
}
