package io.pursight.governance.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Any other database: names, comments and keys exactly as {@link java.sql.DatabaseMetaData}
 * reports them, no view SQL, no row estimate, and sampling with {@code setMaxRows}.
 */
final class GenericDialect extends Dialect {
  GenericDialect(Connection c) throws SQLException {
    super(c);
  }

  @Override
  String id() {
    return "generic";
  }
}
