package io.pursight.governance.lineage;

import java.util.List;
import java.util.Objects;

/**
 * How one written column gets its value in one statement.
 *
 * @param target the written column as {@code table.column} or {@code schema.table.column} (as the
 *     SQL names it: unquoted identifiers lower-cased, quoted ones as written without quotes)
 * @param sources every column whose value flows into the target (functions, CASE branches and
 *     conditions, aggregates, window partition/order columns, scalar subqueries, every UNION
 *     branch), resolved through aliases, CTEs and derived tables to base tables or views
 * @param filters columns used only to choose rows (WHERE, JOIN ON, GROUP BY, HAVING of the outer
 *     query), for impact analysis
 * @param transform how the sources contribute ({@link TransformKind#IDENTITY} for a plain copy)
 */
public record ColumnLineage(String target, List<String> sources, List<String> filters, TransformKind transform) {

  /** Validates the parts and copies the lists. */
  public ColumnLineage {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(transform, "transform");
    sources = List.copyOf(sources);
    filters = List.copyOf(filters);
  }
}
