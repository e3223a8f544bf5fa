package io.pursight.governance.cli;

import static io.pursight.governance.cli.Cli.pad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.core.Governance;
import io.pursight.governance.core.json.GovernanceJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code governance classify}: classifies columns given as JSON lines, without any database. Reads
 * {@code {"id": "...", "dataset": "...", "field": "...", "values": ["...", ...]}} per line and
 * prints one result line per input line, in order.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify columns given as JSON lines (id, dataset, field, values); '-' reads stdin.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Input file, or - for standard input.")
  String file;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
      description = "json: one result line per input line; table: readable (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--min-confidence", defaultValue = "0.5",
      description = "Report info types at or above this confidence (default: ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
  boolean verbose;

  @picocli.CommandLine.Mixin
  ClassifierOptions classifiers;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new ConfigurationException("--format must be table or json, got '" + format + "'");
    }
    if (minConfidence < 0 || minConfidence > 1) {
      throw new ConfigurationException("--min-confidence must be within 0..1, got " + minConfidence);
    }
    boolean json = format.equals("json");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper m = GovernanceJson.mapper();
    int bad = 0;
    Governance.Builder builder = Governance.builder().inMemoryStore();
    classifiers.apply(builder);
    try (Governance gov = builder.build();
        BufferedReader in = file.equals("-")
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : open(file)) {
      if (!json) {
        out.println(pad("ID", 24) + pad("COLUMN", 36) + pad("INFO TYPE", 32) + "CONF  EVIDENCE");
      }
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Input input;
        try {
          input = parse(m, line);
        } catch (IllegalArgumentException e) {
          bad++;
          err.println("error: line " + lineNo + ": " + e.getMessage());
          if (json) {
            ObjectNode n = m.createObjectNode();
            n.put("line", lineNo);
            n.put("error", e.getMessage());
            out.println(m.writeValueAsString(n));
          }
          continue;
        }
        List<Classification> found = new ArrayList<>();
        for (Classification c : gov.classification().classify(ColumnSample.of(input.dataset, input.field, input.values))) {
          if (c.confidence() >= minConfidence) {
            found.add(c);
          }
        }
        if (json) {
          ObjectNode n = m.createObjectNode();
          n.put("id", input.id);
          ArrayNode types = n.putArray("infoTypes");
          for (Classification c : found) {
            ObjectNode t = types.addObject();
            t.put("id", c.infoType());
            t.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
            ArrayNode ev = t.putArray("evidence");
            c.evidence().forEach(ev::add);
          }
          out.println(m.writeValueAsString(n));
        } else if (found.isEmpty()) {
          out.println(pad(input.id, 24) + pad(input.dataset + "." + input.field, 36) + "-");
        } else {
          for (Classification c : found) {
            out.println(pad(input.id, 24) + pad(input.dataset + "." + input.field, 36) + pad(c.infoType(), 32)
                + String.format(Locale.ROOT, "%.2f", c.confidence()) + "  " + String.join("; ", c.evidence()));
          }
        }
        out.flush();
      }
    }
    return bad == 0 ? Main.OK : Main.PARTIAL;
  }

  private static BufferedReader open(String file) throws java.io.IOException {
    Path p = Path.of(file);
    if (!Files.isReadable(p)) {
      throw new ConfigurationException("Cannot read " + file + ": no such readable file");
    }
    return Files.newBufferedReader(p, StandardCharsets.UTF_8);
  }

  private record Input(String id, String dataset, String field, List<String> values) {}

  private static Input parse(ObjectMapper m, String line) {
    JsonNode n;
    try {
      n = m.readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a JSON object (" + e.getClass().getSimpleName() + ")");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with id, dataset, field and values");
    }
    String id = text(n, "id");
    String dataset = n.hasNonNull("dataset") ? n.get("dataset").asText() : "input";
    String field = text(n, "field");
    JsonNode values = n.get("values");
    if (values == null || !values.isArray()) {
      throw new IllegalArgumentException("'values' must be an array of strings (id " + id + ")");
    }
    List<String> list = new ArrayList<>(values.size());
    for (JsonNode v : values) {
      if (!v.isNull()) {
        list.add(v.isTextual() ? v.asText() : v.toString());
      }
    }
    if (dataset.isBlank()) {
      dataset = "input";
    }
    return new Input(id, dataset, field, list);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return v.asText();
  }
}
