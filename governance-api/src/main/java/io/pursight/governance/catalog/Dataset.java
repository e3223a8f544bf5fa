package io.pursight.governance.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table, view or collection as discovered in its source: technical metadata only. What users
 * add by hand lives in {@link Annotations}; what scans compute lives in {@link DatasetEntry}.
 *
 * @param name the dataset's qualified name
 * @param kind table, view, collection...
 * @param fields the fields in position order
 * @param primaryKey the primary key columns in key order, empty when there is none
 * @param foreignKeys the foreign keys this dataset declares
 * @param comment the source's comment on the dataset, or null
 * @param definition the SQL text of a view where the source exposes it, or null
 * @param estimatedRows the source's row-count estimate, or null when it has none
 * @param properties further source-specific facts (engine, owner, ...), never values
 */
public record Dataset(
    QualifiedName name, DatasetKind kind, List<Field> fields, List<String> primaryKey,
    List<ForeignKey> foreignKeys, String comment, String definition, Long estimatedRows,
    Map<String, String> properties) {

  /** Validates the parts and copies the collections. */
  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.level() != QualifiedName.Level.DATASET) {
      throw new IllegalArgumentException("Not a dataset name: " + name);
    }
    fields = List.copyOf(fields);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** The field called {@code fieldName}, if any. */
  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /** The foreign keys {@code fieldName} takes part in. */
  public List<ForeignKey> foreignKeysOf(String fieldName) {
    return foreignKeys.stream().filter(fk -> fk.columns().contains(fieldName)).toList();
  }
}
