package io.pursight.governance.catalog;

import java.util.Objects;

/**
 * A column of a table or view, or a field of a document collection, as discovered.
 *
 * @param name the field name as the source reports it
 * @param position the 1-based ordinal position
 * @param type the declared type
 * @param nullable whether the source allows nulls ({@code true} when unknown)
 * @param primaryKey whether the field is part of the dataset's primary key
 * @param comment the source's comment (remarks) on the field, or null
 * @param defaultValue the declared default expression, or null
 */
public record Field(
    String name, int position, DataType type, boolean nullable, boolean primaryKey, String comment,
    String defaultValue) {

  /** Validates the parts. */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (position < 1) {
      throw new IllegalArgumentException("Field positions start at 1: " + name + " has " + position);
    }
  }
}
