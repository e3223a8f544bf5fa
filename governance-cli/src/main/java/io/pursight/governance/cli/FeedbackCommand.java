package io.pursight.governance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pursight.governance.classification.FeedbackExport;
import io.pursight.governance.classification.FeedbackSample;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code governance feedback}: exports the columns people confirmed or rejected classifications
 * on, with freshly sampled values, as JSON lines the model trainer reads
 * ({@code bench/classification/train --feedback FILE}).
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = "Export confirmed/rejected classifications of a source, with sampled values, as training JSON lines.")
final class FeedbackCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", required = true, paramLabel = "JDBC_URL", description = "The source's JDBC URL.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user.")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
  String passwordEnv;

  @Option(names = "--name", paramLabel = "NAME", description = "The source's name in the catalog (default: derived from the URL, as scan does).")
  String name;

  @Option(names = "--sample-rows", defaultValue = "1000", description = "Rows sampled per dataset (default: ${DEFAULT-VALUE}).")
  int sampleRows;

  @Mixin
  StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String sourceName = name != null ? name : Cli.sourceName(url);
    Secret password = passwordEnv == null ? Secret.none() : Secret.of(Cli.env(passwordEnv));
    Governance.Builder b = Governance.builder().source(new SourceConfig(sourceName, url, user, password, Map.of()));
    store.apply(b);
    ObjectMapper m = GovernanceJson.mapper();
    try (Governance gov = b.build()) {
      FeedbackExport export = gov.classification().exportFeedback(sourceName,
          new SampleSpec(sampleRows, Duration.ofSeconds(30)));
      for (FeedbackSample s : export.samples()) {
        ObjectNode n = m.createObjectNode();
        n.put("id", s.field().toString());
        n.put("dataset", s.field().datasetName().displayName());
        n.put("field", s.field().simpleName());
        ArrayNode values = n.putArray("values");
        s.values().forEach(values::add);
        ArrayNode expected = n.putArray("expected");
        s.confirmed().forEach(expected::add);
        ArrayNode rejected = n.putArray("rejected");
        s.rejected().forEach(rejected::add);
        out.println(m.writeValueAsString(n));
      }
      for (ScanError e : export.errors()) {
        err.println("warning: " + e);
      }
      err.println(export.samples().size() + " labelled columns exported"
          + (export.errors().isEmpty() ? "" : ", " + export.errors().size() + " skipped"));
      return export.errors().isEmpty() ? Main.OK : Main.PARTIAL;
    }
  }
}
