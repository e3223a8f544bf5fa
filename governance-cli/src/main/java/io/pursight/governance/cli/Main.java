package io.pursight.governance.cli;

import io.pursight.governance.GovernanceException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code governance} command. */
@Command(name = "governance", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "PurSight: embeddable data governance - catalog, classification, quality.",
    subcommands = {DemoCommand.class, ScanCommand.class, ClassifyCommand.class, FeedbackCommand.class, LineageCommand.class,
        ComplianceCommand.class, AuditCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code: success. */
  static final int OK = 0;
  /** Exit code: finished, but some sources, datasets or columns failed (reported). */
  static final int PARTIAL = 1;
  /** Exit code: invalid usage or configuration. */
  static final int USAGE = 2;
  /** Exit code: nothing could be scanned (e.g. the source is unreachable). */
  static final int FAILED = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose(args) ? "info" : "error");
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  private static boolean verbose(String[] args) {
    for (String a : args) {
      if (a.equals("-v") || a.equals("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Runs the command line with these streams; returns the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof GovernanceException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return USAGE;
      }
      commandLine.getErr().println("error: unexpected " + e);
      e.printStackTrace(commandLine.getErr());
      return FAILED;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest or the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"PurSight " + (v != null ? v : "0.1.0-SNAPSHOT"), "Java " + System.getProperty("java.version")};
    }
  }
}
