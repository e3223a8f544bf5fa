package io.pursight.governance.lineage;

import java.util.List;
import java.util.Optional;

/**
 * What a lineage parser may know about tables beyond the script itself: their columns in order,
 * for {@code *} expansion and positional {@code INSERT}. The catalog provides one; {@link #NONE}
 * knows nothing.
 */
@FunctionalInterface
public interface SchemaLookup {

  /** Knows no table. */
  SchemaLookup NONE = table -> Optional.empty();

  /**
   * The columns of {@code table}, in order.
   *
   * @param table the name as the SQL writes it, normalised like lineage names ({@code t},
   *     {@code schema.t} or {@code db.schema.t})
   */
  Optional<List<String>> columns(String table);
}
