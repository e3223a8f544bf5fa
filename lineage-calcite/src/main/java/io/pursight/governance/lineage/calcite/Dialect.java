package io.pursight.governance.lineage.calcite;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The SQL dialects understood, with the lexical rules and rewrites each needs. */
enum Dialect {
  ANSI("ansi"),
  POSTGRESQL("postgresql"),
  MYSQL("mysql"),
  SNOWFLAKE("snowflake"),
  BIGQUERY("bigquery"),
  HIVE("hive"),
  SPARK("spark"),
  DATABRICKS("databricks"),
  TSQL("tsql"),
  ORACLE("oracle"),
  TERADATA("teradata");

  private static final Map<String, Dialect> BY_NAME = new TreeMap<>();

  static {
    for (Dialect d : values()) {
      BY_NAME.put(d.id, d);
    }
    // aliases: dialects close enough to parse with another's rules (not separately tested)
    for (String pg : new String[] {"postgres", "redshift", "greenplum", "materialize", "duckdb", "vertica"}) {
      BY_NAME.put(pg, POSTGRESQL);
    }
    for (String std : new String[] {"athena", "trino", "presto", "db2", "exasol"}) {
      BY_NAME.put(std, ANSI);
    }
    BY_NAME.put("mariadb", MYSQL);
    BY_NAME.put("sparksql", SPARK);
    BY_NAME.put("mssql", TSQL);
    BY_NAME.put("sqlserver", TSQL);
  }

  final String id;

  Dialect(String id) {
    this.id = id;
  }

  /** The dialect for a name or alias, case-insensitive. @throws IllegalArgumentException if unknown */
  static Dialect of(String name) {
    Dialect d = name == null ? null : BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    if (d == null) {
      throw new IllegalArgumentException("Unsupported SQL dialect '" + name + "'; supported: " + names());
    }
    return d;
  }

  /** Every accepted name, aliases included. */
  static Set<String> names() {
    return BY_NAME.keySet();
  }

  /** Double-quoted text is a string literal, not an identifier. */
  boolean doubleQuotedStrings() {
    return this == MYSQL || this == BIGQUERY || isHiveFamily();
  }

  /** Backslash escapes inside string literals. */
  boolean backslashEscapes() {
    return this == MYSQL || this == BIGQUERY || isHiveFamily();
  }

  /** {@code # comment} to the end of the line. */
  boolean hashComments() {
    return this == MYSQL || this == BIGQUERY;
  }

  /** {@code [identifier]}. */
  boolean bracketIdentifiers() {
    return this == TSQL;
  }

  /** {@code $tag$ ... $tag$} strings. */
  boolean dollarQuotes() {
    return this == POSTGRESQL || this == SNOWFLAKE || this == ANSI;
  }

  /** {@code a:b.c} semi-structured paths. */
  boolean colonPaths() {
    return this == SNOWFLAKE || this == DATABRICKS;
  }

  boolean isHiveFamily() {
    return this == HIVE || this == SPARK || this == DATABRICKS;
  }

  /** Statements may follow each other without semicolons (T-SQL batches). */
  boolean semicolonOptional() {
    return this == TSQL;
  }
}
