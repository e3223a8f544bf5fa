package io.pursight.governance.core.store;

import io.pursight.governance.StoreException;

/** The databases the JDBC catalog store runs on, with their type names. */
enum StoreDialect {
  H2("CHARACTER LARGE OBJECT", "TIMESTAMP WITH TIME ZONE"),
  POSTGRESQL("TEXT", "TIMESTAMP WITH TIME ZONE");

  private final String clob;
  private final String timestamp;

  StoreDialect(String clob, String timestamp) {
    this.clob = clob;
    this.timestamp = timestamp;
  }

  String clobType() {
    return clob;
  }

  String timestampType() {
    return timestamp;
  }

  static StoreDialect of(String productName, String where) {
    if ("H2".equalsIgnoreCase(productName)) {
      return H2;
    }
    if ("PostgreSQL".equalsIgnoreCase(productName)) {
      return POSTGRESQL;
    }
    throw new StoreException("The catalog store at " + where + " runs on " + productName
        + ", which is not supported. Use H2 (the embedded default) or PostgreSQL.");
  }
}
