package io.pursight.governance.classification;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.TypeFamily;
import java.sql.Types;
import java.util.List;
import java.util.Objects;

/**
 * What a classifier sees of one field: its name, declared type and comment, and a bounded sample of
 * its non-null values rendered as text.
 *
 * @param name the field's qualified name (for ad hoc input, source {@code input})
 * @param type the declared type
 * @param comment the source's comment on the field, or null
 * @param values the sampled non-null values as text
 * @param nullCount how many sampled rows were null
 */
public record ColumnSample(QualifiedName name, DataType type, String comment, List<String> values, long nullCount) {

  /** Validates the parts. */
  public ColumnSample {
    Objects.requireNonNull(name, "name");
    if (name.level() != QualifiedName.Level.FIELD) {
      throw new IllegalArgumentException("A column sample needs a field name, got " + name);
    }
    type = type == null ? new DataType("text", Types.VARCHAR, null, null, TypeFamily.STRING) : type;
    values = List.copyOf(values);
  }

  /** A sample built from plain names, for ad hoc classification of values outside the catalog. */
  public static ColumnSample of(String dataset, String field, List<String> values) {
    return new ColumnSample(QualifiedName.dataset("input", null, null, dataset).child(field), null, null, values, 0);
  }

  /** The field's own name (last path segment). */
  public String fieldName() {
    return name.simpleName();
  }

  /** The dataset's name. */
  public String datasetName() {
    return name.dataset();
  }
}
