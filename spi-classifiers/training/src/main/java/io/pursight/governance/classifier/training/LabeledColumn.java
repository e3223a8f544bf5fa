package io.pursight.governance.classifier.training;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One labelled column: a line of the evaluation or training JSONL.
 *
 * @param id a unique id
 * @param dataset the dataset name
 * @param field the column name
 * @param values the sampled values; {@code null} entries are SQL nulls
 * @param expected the info types a classifier should report; empty for decoys
 * @param kind what generated it ({@code EMAIL_ADDRESS}, {@code decoy:uuid}, {@code multi:contact});
 *     optional, absent from feedback files
 * @param rejected info types a person rejected for this column (feedback files only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabeledColumn(String id, String dataset, String field, List<String> values, List<String> expected,
    String kind, List<String> rejected) {

  /** Normalises absent lists; keeps null values inside {@code values}. */
  public LabeledColumn {
    values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    expected = expected == null ? List.of() : List.copyOf(expected);
    rejected = rejected == null || rejected.isEmpty() ? null : List.copyOf(rejected);
  }

  /** The non-null values. */
  public List<String> nonNullValues() {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** How many values are null. */
  public long nullCount() {
    return values.stream().filter(v -> v == null).count();
  }

  /**
   * The column as the runtime sees it: the non-null values, nulls counted, named {@code
   * input.<dataset>.<field>}.
   */
  public io.pursight.governance.classification.ColumnSample sample() {
    String ds = dataset == null || dataset.isBlank() ? "input" : dataset;
    return new io.pursight.governance.classification.ColumnSample(
        io.pursight.governance.catalog.QualifiedName.dataset("input", null, null, ds).child(field), null, null,
        nonNullValues(), nullCount());
  }

  /** Whether this column is a decoy (expects nothing). */
  public boolean decoy() {
    return expected.isEmpty();
  }
}
