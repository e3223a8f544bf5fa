package io.pursight.governance.classifier.training;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a labelled set: columns per expected type, decoys per kind, opaque names, values. */
public record Composition(int columns, int decoys, int multiType, Map<String, Integer> perType,
    Map<String, Integer> decoysByKind, int opaqueNames, long values, long nulls) {

  /** Counts {@code cols}. */
  public static Composition of(List<LabeledColumn> cols) {
    Map<String, Integer> perType = new TreeMap<>();
    Map<String, Integer> decoys = new TreeMap<>();
    int nDecoy = 0;
    int multi = 0;
    int opaque = 0;
    long values = 0;
    long nulls = 0;
    for (LabeledColumn c : cols) {
      values += c.values().size();
      nulls += c.nullCount();
      if (isOpaque(c.field())) {
        opaque++;
      }
      if (c.decoy()) {
        nDecoy++;
        String k = c.kind() == null ? "unknown" : c.kind().replaceFirst("^decoy:", "");
        decoys.merge(k, 1, Integer::sum);
      } else {
        if (c.expected().size() > 1) {
          multi++;
        }
        for (String t : c.expected()) {
          perType.merge(t, 1, Integer::sum);
        }
      }
    }
    return new Composition(cols.size(), nDecoy, multi, perType, decoys, opaque, values, nulls);
  }

  /** Whether a column name is one of the generator's opaque names. */
  public static boolean isOpaque(String field) {
    return field.matches("(col|x_ref|data|attr|c|value|field|v|ext_ref|raw|u_val|fld|var)(\\d{1,2}|_\\d)?")
        || field.matches("(f_|misc_|tmp_|column_)(\\d{1,2}|[a-h])")
        || field.matches("(unnamed_|Column|F)\\d{1,2}|c_0\\d\\d|val_[a-h]|attr_x"); // held-out set
  }

  /** A Markdown summary. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| | count |\n|---|---|\n");
    sb.append("| columns | ").append(columns).append(" |\n");
    sb.append("| sensitive columns | ").append(columns - decoys).append(" (").append(multiType).append(" with two types) |\n");
    sb.append("| decoy columns | ").append(decoys).append(" |\n");
    sb.append("| info types covered | ").append(perType.size()).append(" |\n");
    sb.append("| opaque column names | ").append(opaqueNames).append(" (")
        .append(String.format("%.0f%%", 100.0 * opaqueNames / Math.max(1, columns))).append(") |\n");
    sb.append("| values (of which null) | ").append(values).append(" (").append(nulls).append(") |\n\n");
    sb.append("Columns per info type:\n\n| info type | columns |\n|---|---|\n");
    perType.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    sb.append("\nDecoys by kind:\n\n| kind | columns |\n|---|---|\n");
    decoysByKind.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return sb.toString();
  }
}
