package io.pursight.governance.catalog;

/** A source-independent family of data types, used by profiling, classification and policies. */
public enum TypeFamily {
  /** Character data of any length. */
  STRING,
  /** Whole numbers. */
  INTEGER,
  /** Exact decimals. */
  DECIMAL,
  /** Binary floating point. */
  FLOAT,
  /** True/false. */
  BOOLEAN,
  /** A calendar date. */
  DATE,
  /** A time of day. */
  TIME,
  /** A date and time, with or without zone. */
  TIMESTAMP,
  /** Raw bytes, including BLOBs. */
  BINARY,
  /** JSON or other semi-structured documents. */
  JSON,
  /** A UUID. */
  UUID,
  /** An array or list. */
  ARRAY,
  /** A nested record or document. */
  STRUCT,
  /** Anything else (geometry, ranges, vendor types). */
  OTHER
}
