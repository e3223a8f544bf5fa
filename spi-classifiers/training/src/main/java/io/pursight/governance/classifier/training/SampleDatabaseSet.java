package io.pursight.governance.classifier.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a second, real-data labelled set from the sample databases in {@code bench/datasets}
 * (Chinook's PostgreSQL INSERTs, Sakila's PostgreSQL COPY data) and the hand labels in {@code
 * bench/classification/sample-db-labels.tsv}: up to {@value #MAX_VALUES} values per column, evenly
 * spaced over the rows. Nothing in it was made by our generators, so it checks how far the model
 * trained on generated columns carries.
 *
 * <p>Usage: {@code SampleDatabaseSet [REPO_ROOT] [OUT.jsonl]}.
 */
public final class SampleDatabaseSet {
  /** Values kept per column. */
  public static final int MAX_VALUES = 200;

  private SampleDatabaseSet() {}

  /** Table name -> column name -> values (nulls kept), in file order. */
  static Map<String, Map<String, List<String>>> parseChinook(List<String> lines) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    Map<String, List<String>> table = null;
    List<String> cols = null;
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("INSERT INTO ")) {
        String name = t.substring(12, t.indexOf(' ', 12));
        cols = Arrays.stream(t.substring(t.indexOf('(') + 1, t.indexOf(')')).split(",")).map(String::strip).toList();
        table = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
        for (String c : cols) {
          table.computeIfAbsent(c, k -> new ArrayList<>());
        }
        continue;
      }
      if (table != null && t.startsWith("(")) {
        List<String> row = tuple(t);
        if (row.size() == cols.size()) {
          for (int i = 0; i < cols.size(); i++) {
            table.get(cols.get(i)).add(row.get(i));
          }
        }
        if (t.endsWith(";")) {
          table = null;
        }
      } else if (!t.isEmpty()) {
        table = null;
      }
    }
    return out;
  }

  /** Parses {@code (1, N'a''b', NULL, 2.5)} into its values (NULL as null). */
  static List<String> tuple(String t) {
    List<String> out = new ArrayList<>();
    int i = t.indexOf('(') + 1;
    int end = t.lastIndexOf(')');
    while (i < end) {
      char c = t.charAt(i);
      if (c == ' ' || c == ',') {
        i++;
      } else if (c == '\'' || (c == 'N' && i + 1 < end && t.charAt(i + 1) == '\'')) {
        i += c == 'N' ? 2 : 1;
        StringBuilder sb = new StringBuilder();
        while (i < end) {
          char d = t.charAt(i);
          if (d == '\'' && i + 1 < end && t.charAt(i + 1) == '\'') {
            sb.append('\'');
            i += 2;
          } else if (d == '\'') {
            i++;
            break;
          } else {
            sb.append(d);
            i++;
          }
        }
        out.add(sb.toString());
      } else {
        int j = i;
        while (j < end && t.charAt(j) != ',') {
          j++;
        }
        String v = t.substring(i, j).strip();
        out.add(v.equalsIgnoreCase("NULL") ? null : v);
        i = j;
      }
    }
    return out;
  }

  /** Parses PostgreSQL COPY ... FROM stdin blocks. */
  static Map<String, Map<String, List<String>>> parseCopy(List<String> lines) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    Map<String, List<String>> table = null;
    List<String> cols = null;
    for (String line : lines) {
      if (line.startsWith("COPY ")) {
        String name = line.substring(5, line.indexOf(' ', 5)).replaceFirst("^public\\.", "");
        cols = Arrays.stream(line.substring(line.indexOf('(') + 1, line.indexOf(')')).split(",")).map(String::strip)
            .toList();
        table = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
        for (String c : cols) {
          table.computeIfAbsent(c, k -> new ArrayList<>());
        }
        continue;
      }
      if (table == null) {
        continue;
      }
      if (line.equals("\\.")) {
        table = null;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != cols.size()) {
        continue;
      }
      for (int i = 0; i < f.length; i++) {
        table.get(cols.get(i)).add(f[i].equals("\\N") ? null : f[i].replace("\\\\", "\\"));
      }
    }
    return out;
  }

  /** Builds the labelled columns from the repository at {@code root}. */
  public static List<LabeledColumn> build(Path root) {
    try {
      Map<String, Map<String, Map<String, List<String>>>> dbs = new LinkedHashMap<>();
      dbs.put("chinook", parseChinook(Files.readAllLines(
          root.resolve("bench/datasets/chinook/chinook-postgresql.sql"), StandardCharsets.UTF_8)));
      dbs.put("sakila", parseCopy(Files.readAllLines(
          root.resolve("bench/datasets/sakila/sakila-postgresql-data-copy.sql"), StandardCharsets.UTF_8)));
      List<LabeledColumn> out = new ArrayList<>();
      for (String line : Files.readAllLines(root.resolve("bench/classification/sample-db-labels.tsv"))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("\t");
        String[] parts = kv[0].split("\\.");
        Map<String, List<String>> table = dbs.get(parts[0]).get(parts[1]);
        if (table == null || !table.containsKey(parts[2])) {
          throw new IllegalArgumentException("sample-db-labels.tsv names " + kv[0] + ", which the dump does not have");
        }
        List<String> all = table.get(parts[2]);
        List<String> values = new ArrayList<>();
        int step = Math.max(1, all.size() / MAX_VALUES);
        for (int i = 0; i < all.size() && values.size() < MAX_VALUES; i += step) {
          values.add(all.get(i));
        }
        List<String> expected = kv[1].equals("-") ? List.of() : List.of(kv[1].split(","));
        out.add(new LabeledColumn(kv[0], parts[0] + "." + parts[1], parts[2], values, expected,
            expected.isEmpty() ? "decoy:sample-db" : "sample-db", null));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the set. */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    Path out = args.length > 1 ? Path.of(args[1]) : root.resolve("bench/classification/sample-db-set.jsonl");
    List<LabeledColumn> cols = build(root);
    Jsonl.write(out, cols);
    Composition c = Composition.of(cols);
    System.out.println("Wrote " + cols.size() + " columns (" + c.decoys() + " decoys, " + c.perType().size()
        + " types) to " + out);
  }
}
