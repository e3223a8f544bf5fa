package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.core.audit.JsonlAuditSink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code governance audit verify FILE}: checks a hash-chained audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Verifies a JSONL audit log. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check a JSONL audit log: every record present, unchanged, in order; a clean end. "
          + "Exit 0 when intact, 1 when not.")
  static final class Verify implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The audit log, e.g. .pursight/audit.jsonl")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new ConfigurationException("Cannot read " + file + ": no such readable file");
      }
      AuditVerification v = JsonlAuditSink.verify(file);
      if (v.intact()) {
        out.println("OK: " + v.records() + " records, chain intact (" + file + ")");
        return Main.OK;
      }
      out.println("NOT INTACT: " + v.records() + " records read, " + v.problems().size() + " problems (" + file + ")");
      v.problems().forEach(p -> out.println("  " + p));
      return Main.PARTIAL;
    }
  }
}
