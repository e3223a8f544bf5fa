package io.pursight.governance.cli;

import io.pursight.governance.core.Governance;
import io.pursight.governance.scan.ScanRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  @Mixin
  OutputOptions output;

  @Mixin
  StoreOptions store;

  @Mixin
  ClassifierOptions classifiers;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean table = !output.json();
    Path dbFile = store.directory.resolve("demo").resolve("shop").toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + dbFile;
    if (table) {
      out.println("PurSight demo: building the sample database (seed " + seed + ")...");
      out.println();
      out.flush();
    }
    DemoDatabase.create(url, seed);
    Path policies = DemoGovernance.policyFile(store.directory.resolve("demo"));
    Governance.Builder b = Governance.builder().source("demo", url, "sa", "").policyFile(policies);
    store.apply(b);
    classifiers.apply(b);
    try (Governance gov = b.build()) {
      ScanRequest.Builder request = ScanRequest.builder();
      output.progress(request, spec.commandLine().getErr());
      int code = output.report(out, gov, "demo", gov.scan(request.build()));
      DemoGovernance.annotate(gov, "demo");
      if (table) {
        DemoGovernance.show(out, gov, "demo", url, policies);
        out.println("Sample database: " + url + " (user sa, no password)");
        out.println("Catalog:         " + store.describe());
        out.println();
        out.println("Next: scan it yourself with");
        out.println("  bin/governance scan --url '" + url + "' --user sa --format json");
        out.println("and see the full reports with");
        out.println("  bin/governance compliance --pack all --policy " + policies);
        out.println("Edit " + policies + " and run the demo again to see the reports change.");
        out.println("Run the demo again to see an incremental re-scan (unchanged datasets are not re-sampled).");
      }
      return code;
    }
  }
}
