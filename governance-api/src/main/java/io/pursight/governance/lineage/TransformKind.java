package io.pursight.governance.lineage;

/**
 * How a source column contributes to a target column, after OpenLineage's column-lineage facet.
 * The first three are direct (the value flows), the rest indirect (the column only influences
 * which rows or in which order).
 */
public enum TransformKind {
  /** The value is copied unchanged. */
  IDENTITY(true),
  /** The value is transformed (function, cast, arithmetic, concatenation, CASE). */
  TRANSFORMATION(true),
  /** The value is aggregated (SUM, COUNT(DISTINCT x), ...). */
  AGGREGATION(true),
  /** The column is used in a join condition. */
  JOIN(false),
  /** The column is used in a grouping. */
  GROUP_BY(false),
  /** The column filters rows (WHERE, HAVING). */
  FILTER(false),
  /** The column orders rows. */
  SORT(false),
  /** The column partitions or orders a window. */
  WINDOW(false),
  /** The column is used in a condition choosing between values. */
  CONDITIONAL(false);

  private final boolean direct;

  TransformKind(boolean direct) {
    this.direct = direct;
  }

  /** True when the source's value flows into the target. */
  public boolean isDirect() {
    return direct;
  }
}
