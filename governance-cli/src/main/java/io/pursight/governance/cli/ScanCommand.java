package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.core.Governance;
import io.pursight.governance.scan.ScanMode;
import io.pursight.governance.scan.ScanRequest;
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

  @Mixin
  OutputOptions output;

  @Mixin
  StoreOptions store;

  @Mixin
  ClassifierOptions classifiers;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.json();
    String sourceName = name != null ? name : Cli.sourceName(url);
    SourceConfig config = new SourceConfig(sourceName, url, user, secret(), Map.of());
    Governance.Builder b = Governance.builder().source(config).scanParallelism(parallelism);
    store.apply(b);
    classifiers.apply(b);
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
      output.progress(request, spec.commandLine().getErr());
      int code = output.report(out, gov, sourceName, gov.scan(request.build()));
      if (!json) {
        out.println("Catalog: " + store.describe());
      }
      return code;
    }
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
