package io.pursight.governance.classifier.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes labelled columns, one JSON object per line. */
public final class Jsonl {
  static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private Jsonl() {}

  /** Reads a JSONL file; blank lines are skipped. @throws IllegalArgumentException naming file and line */
  public static List<LabeledColumn> read(Path file) {
    List<LabeledColumn> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(MAPPER.readValue(line, LabeledColumn.class));
        } catch (JsonProcessingException e) {
          // Jackson's message may quote part of the line, i.e. a value: report the position only
          throw new IllegalArgumentException(file + " line " + n + " is not a labelled column (JSON error at column "
              + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return out;
  }

  /** Writes columns as JSONL (UTF-8, '\n' line ends). */
  public static void write(Path file, List<LabeledColumn> columns) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (LabeledColumn c : columns) {
          w.write(MAPPER.writeValueAsString(c));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
