package io.pursight.governance.lineage;

import java.util.List;
import java.util.Objects;

/**
 * The lineage of one statement of a script. Statements report their own edges; a script's
 * statements are not composed.
 *
 * @param index the 0-based position of the statement in its script
 * @param kind the statement kind: {@code SELECT}, {@code INSERT}, {@code CREATE_TABLE_AS},
 *     {@code CREATE_VIEW}, {@code UPDATE}, {@code MERGE}, {@code DELETE}, {@code CREATE_TABLE}, or
 *     {@code OTHER}
 * @param targets the tables or views written
 * @param sources the tables or views read
 * @param columns per written column, its sources, filters and transform
 */
public record StatementLineage(int index, String kind, List<String> targets, List<String> sources,
    List<ColumnLineage> columns) {

  /** Validates the parts and copies the lists. */
  public StatementLineage {
    Objects.requireNonNull(kind, "kind");
    targets = List.copyOf(targets);
    sources = List.copyOf(sources);
    columns = List.copyOf(columns);
  }
}
