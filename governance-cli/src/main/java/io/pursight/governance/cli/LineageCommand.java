package io.pursight.governance.cli;

import static io.pursight.governance.cli.Cli.pad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pursight.governance.ConfigurationException;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.core.lineage.LineageDiagrams;
import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageError;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.openlineage.OpenLineageExport;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code governance lineage}: column-level lineage of SQL, as JSON, a table, DOT or Mermaid. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = "Column-level lineage of SQL (--sql, a FILE.sql, or --batch CASES.jsonl).")
final class LineageCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dialect", defaultValue = "ansi",
      description = "SQL dialect: ansi, postgresql, mysql, snowflake, bigquery, hive, spark, databricks, tsql, oracle, teradata (default: ${DEFAULT-VALUE}).")
  String dialect;

  @Option(names = "--format", defaultValue = "table", paramLabel = "json|table|dot|mermaid|openlineage",
      description = "Output format (default: ${DEFAULT-VALUE}); openlineage prints a RunEvent with the "
          + "column-lineage facet; --batch always writes JSON lines.")
  String format;

  @Option(names = "--namespace", defaultValue = "pursight", paramLabel = "NS",
      description = "OpenLineage dataset namespace, e.g. postgres://db:5432 (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--job", defaultValue = "sql", paramLabel = "NAME",
      description = "OpenLineage job name (namespace 'pursight'; default: ${DEFAULT-VALUE}).")
  String job;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--sql", paramLabel = "SQL", description = "The SQL text (one statement or a script).")
    String sql;

    @Option(names = "--batch", paramLabel = "CASES.jsonl",
        description = "Lines {\"id\", \"dialect\", \"sql\"}; prints one {\"id\", \"statements\", \"errors\"} line each.")
    Path batch;

    @Parameters(paramLabel = "FILE.sql", arity = "0..1", description = "A file with the SQL.")
    Path file;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!java.util.Set.of("json", "table", "dot", "mermaid", "openlineage").contains(format)) {
      throw new ConfigurationException("--format must be json, table, dot, mermaid or openlineage, got '" + format + "'");
    }
    try (Governance gov = Governance.builder().inMemoryStore().build()) {
      LineageService lineage = gov.lineage();
      if (input.batch != null) {
        return batch(lineage, out);
      }
      String sql = input.sql != null ? input.sql : read(input.file);
      ScriptLineage result = lineage.analyze(dialect, sql);
      switch (format) {
        case "json" -> out.println(GovernanceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        case "dot" -> out.print(LineageDiagrams.dot(result));
        case "mermaid" -> out.print(LineageDiagrams.mermaid(result));
        case "openlineage" -> out.println(new OpenLineageExport().runEvent(result, namespace, "pursight", job,
            java.util.UUID.randomUUID(), java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
        default -> table(result, out);
      }
      return result.errors().isEmpty() ? Main.OK : Main.PARTIAL;
    }
  }

  private int batch(LineageService lineage, PrintWriter out) throws Exception {
    ObjectMapper m = GovernanceJson.mapper();
    int failed = 0;
    try (BufferedReader in = Files.newBufferedReader(existing(input.batch), StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode o = m.createObjectNode();
        try {
          JsonNode n = m.readTree(line);
          if (n == null || !n.isObject() || !n.hasNonNull("sql")) {
            throw new IllegalArgumentException("line " + lineNo + ": expected {\"id\", \"dialect\", \"sql\"}");
          }
          o.put("id", n.hasNonNull("id") ? n.get("id").asText() : String.valueOf(lineNo));
          String d = n.hasNonNull("dialect") ? n.get("dialect").asText() : dialect;
          ScriptLineage r = lineage.analyze(d, n.get("sql").asText());
          o.set("statements", m.valueToTree(r.statements()));
          o.set("errors", m.valueToTree(r.errors()));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
          failed++;
          if (!o.has("id")) {
            o.put("id", String.valueOf(lineNo));
          }
          o.putArray("statements");
          ObjectNode err = o.putArray("errors").addObject();
          err.put("index", 0);
          err.put("message", e instanceof IllegalArgumentException ? e.getMessage()
              : "line " + lineNo + " is not valid JSON");
          err.put("line", 0);
          err.put("column", 0);
        }
        out.println(m.writeValueAsString(o));
      }
    }
    return failed == 0 ? Main.OK : Main.PARTIAL;
  }

  private static void table(ScriptLineage r, PrintWriter out) {
    for (StatementLineage st : r.statements()) {
      out.println("#" + st.index() + " " + st.kind() + "  targets " + st.targets() + "  sources " + st.sources());
      if (st.columns().isEmpty()) {
        out.println("   (no column lineage)");
      }
      for (ColumnLineage c : st.columns()) {
        out.println("   " + pad(c.target(), 32) + pad(c.transform().name(), 16) + String.join(", ", c.sources())
            + (c.filters().isEmpty() ? "" : "   filters: " + String.join(", ", c.filters())));
      }
    }
    for (LineageError e : r.errors()) {
      out.println("#" + e.index() + " ERROR at line " + e.line() + ", column " + e.column() + ": " + e.message());
    }
  }

  private static Path existing(Path p) {
    if (!Files.isReadable(p)) {
      throw new ConfigurationException("Cannot read " + p + ": no such readable file");
    }
    return p;
  }

  private static String read(Path p) throws java.io.IOException {
    if (p == null) {
      throw new ConfigurationException("Give the SQL with --sql, a FILE.sql, or --batch CASES.jsonl");
    }
    return Files.readString(existing(p), StandardCharsets.UTF_8);
  }
}
