package io.pursight.governance.policy;

/** What a principal wants to do with assets. */
public enum Action {
  /** Read values (SELECT, export). */
  READ,
  /** Insert or update values. */
  WRITE,
  /** Delete rows. */
  DELETE,
  /** Change structure (CREATE, ALTER, DROP). */
  DDL
}
