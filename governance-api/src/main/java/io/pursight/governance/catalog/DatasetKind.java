package io.pursight.governance.catalog;

/** What kind of dataset an asset is. */
public enum DatasetKind {
  /** A base table. */
  TABLE,
  /** A view; its SQL is in {@link Dataset#definition()} where the source exposes it. */
  VIEW,
  /** A materialized view. */
  MATERIALIZED_VIEW,
  /** A document collection (MongoDB). */
  COLLECTION,
  /** A foreign, external or otherwise special table. */
  OTHER
}
