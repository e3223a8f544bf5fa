package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.TypeFamily;
import java.sql.Types;
import java.util.Locale;

/** Maps {@link java.sql.Types} codes and native type names to {@link TypeFamily} and {@link DataType}. */
final class TypeMapping {
  private TypeMapping() {}

  /**
   * The family of a column type.
   *
   * @param jdbcType the {@link Types} code the driver reports
   * @param nativeName the driver's type name ({@code int4}, {@code jsonb}, {@code VARCHAR})
   * @param size the column size, or null
   * @param sourceType for {@link Types#DISTINCT} (domains), the base type's code, or null
   */
  static TypeFamily family(int jdbcType, String nativeName, Integer size, Integer sourceType) {
    String n = nativeName == null ? "" : nativeName.toLowerCase(Locale.ROOT).strip();
    // native names first: drivers report these as OTHER, BINARY or VARCHAR
    if (n.equals("uuid") || n.equals("uniqueidentifier")) {
      return TypeFamily.UUID;
    }
    if (n.equals("json") || n.equals("jsonb")) {
      return TypeFamily.JSON;
    }
    if (n.startsWith("enum")) {
      return TypeFamily.STRING;
    }
    if (n.equals("citext") || n.equals("name")) {
      return TypeFamily.STRING;
    }
    if (jdbcType == Types.DISTINCT && sourceType != null && sourceType != 0
        && sourceType != Types.DISTINCT) {
      return family(sourceType, "", size, null);
    }
    switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB, Types.ROWID:
        return TypeFamily.STRING;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return TypeFamily.INTEGER;
      case Types.DECIMAL, Types.NUMERIC:
        return TypeFamily.DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE:
        return TypeFamily.FLOAT;
      case Types.BOOLEAN:
        return TypeFamily.BOOLEAN;
      case Types.BIT:
        // bool in PostgreSQL and BIT(1) in MySQL are flags; BIT(n) is a bit string
        return size == null || size <= 1 ? TypeFamily.BOOLEAN : TypeFamily.BINARY;
      case Types.DATE:
        return TypeFamily.DATE;
      case Types.TIME, Types.TIME_WITH_TIMEZONE:
        return TypeFamily.TIME;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
        return TypeFamily.TIMESTAMP;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
        return TypeFamily.BINARY;
      case Types.ARRAY:
        return TypeFamily.ARRAY;
      case Types.STRUCT:
        return TypeFamily.STRUCT;
      case Types.SQLXML:
        return TypeFamily.JSON; // a semi-structured document
      default:
        if (n.equals("xml")) {
          return TypeFamily.JSON;
        }
        return TypeFamily.OTHER;
    }
  }

  /** The {@link DataType} of a column; size and scale only where they mean something for the family. */
  static DataType dataType(int jdbcType, String nativeName, Integer size, Integer scale, Integer sourceType) {
    String name = nativeName == null || nativeName.isBlank() ? jdbcName(jdbcType) : nativeName;
    TypeFamily family = family(jdbcType, name, size, sourceType);
    boolean sized = family == TypeFamily.STRING || family == TypeFamily.DECIMAL || family == TypeFamily.BINARY;
    Integer s = sized && size != null && size > 0 && size < Integer.MAX_VALUE ? size : null;
    Integer sc = family == TypeFamily.DECIMAL && s != null && scale != null && scale >= 0 ? scale : null;
    return new DataType(name, jdbcType, s, sc, family);
  }

  /** The name of a {@link Types} code, e.g. {@code VARCHAR}. */
  static String jdbcName(int jdbcType) {
    for (java.lang.reflect.Field f : Types.class.getFields()) {
      try {
        if (f.getType() == int.class && f.getInt(null) == jdbcType) {
          return f.getName();
        }
      } catch (IllegalAccessException e) {
        break;
      }
    }
    return "TYPE_" + jdbcType;
  }
}
