package io.pursight.governance.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key: {@code columns} of the owning dataset reference {@code referencedColumns} of
 * {@code referenced}, position by position.
 *
 * @param name the constraint name, or null when the source does not name it
 * @param columns the referencing columns, in key order
 * @param referenced the referenced dataset
 * @param referencedColumns the referenced columns, in key order
 * @param onUpdate the update rule ({@code CASCADE}, {@code RESTRICT}, ...), or null
 * @param onDelete the delete rule, or null
 */
public record ForeignKey(
    String name, List<String> columns, QualifiedName referenced, List<String> referencedColumns,
    String onUpdate, String onDelete) {

  /** Validates that both column lists are non-empty and of equal length. */
  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    Objects.requireNonNull(referenced, "referenced");
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("Foreign key " + name + " has " + columns.size()
          + " columns but references " + referencedColumns.size());
    }
  }
}
