package io.pursight.governance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.core.json.GovernanceJson;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in process and captures its output. */
final class CliRunner {
  final int code;
  final String out;
  final String err;

  private CliRunner(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRunner(code, out.toString(), err.toString());
  }

  JsonNode json() {
    try {
      return GovernanceJson.mapper().readTree(out);
    } catch (Exception e) {
      throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
