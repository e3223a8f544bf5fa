package io.pursight.governance.spi;

import io.pursight.governance.catalog.SampleInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values read from one dataset, column by column.
 *
 * @param info how they were read
 * @param columns the values per field name (in no particular order; use the dataset's fields for
 *     order); fields that were not read are absent
 */
public record Sample(SampleInfo info, Map<String, ColumnValues> columns) {

  /** Copies the map. */
  public Sample {
    columns = Map.copyOf(columns);
  }

  /** The values of {@code field}, if it was read. */
  public Optional<ColumnValues> column(String field) {
    return Optional.ofNullable(columns.get(field));
  }

  /**
   * The values of one field, in row order.
   *
   * @param values decoded values, in row order; cells that failed to decode are left out, so
   *     columns are not row-aligned when a column has decode errors; ({@code String}, {@code Long}, {@code BigDecimal}, {@code Double},
   *     {@code Boolean}, {@code java.time} types, {@code byte[]} or connector-specific types rendered
   *     with {@code toString()}); {@code null} for SQL NULL
   * @param decodeErrors values that could not be decoded and were left out
   * @param decodeError the first decode failure's message (no values in it), or null
   * @param skipped why the field was not read at all (e.g. a large binary type), or null
   */
  public record ColumnValues(List<Object> values, int decodeErrors, String decodeError, String skipped) {

    /** Copies the list (which may contain nulls). */
    public ColumnValues {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }
}
