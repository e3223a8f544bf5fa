package io.pursight.governance.connector.jdbc;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.TypeFamily;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one cell of a given column type into the normalised value types of {@code Sample}:
 * strings (at most {@link #MAX_TEXT} characters), {@code Long}, {@code BigDecimal}, {@code
 * Double}, {@code Boolean}, {@code java.time} values, small {@code byte[]}; UUID, JSON, arrays and
 * anything else through {@code getString()}.
 */
final class CellReaders {
  /** Longest text kept per value, in characters. */
  static final int MAX_TEXT = 4096;
  /** Largest declared binary size that is still read. */
  static final int MAX_BINARY = 4096;

  private static final Set<String> WITH_ZONE = Set.of("timestamptz", "timestamp with time zone", "datetimeoffset",
      "timetz", "time with time zone");

  /** Reads column {@code i} of the current row; null for SQL NULL. */
  @FunctionalInterface
  interface CellReader {
    Object read(ResultSet rs, int i) throws SQLException, IOException;
  }

  /** A reader, or the reason the column is not read. */
  record Choice(CellReader reader, String what, String skipped) {}

  private CellReaders() {}

  /** How to read a column of {@code type}. */
  static Choice choose(DataType type) {
    int jdbc = type.jdbcType();
    String n = type.nativeName().toLowerCase(Locale.ROOT);
    TypeFamily family = type.family();
    if (jdbc == Types.JAVA_OBJECT) {
      return skip("serialized Java objects are not read (deserialising source data is unsafe)");
    }
    switch (family) {
      case UUID, JSON, ARRAY, STRUCT, OTHER:
        return read(CellReaders::text, "String");
      case STRING:
        if (jdbc == Types.CLOB || jdbc == Types.NCLOB) {
          return read(CellReaders::clob, "String");
        }
        return read(CellReaders::text, "String");
      case INTEGER:
        return read(CellReaders::integer, "Long");
      case DECIMAL:
        return read(ResultSet::getBigDecimal, "BigDecimal");
      case FLOAT:
        return read((rs, i) -> {
          double d = rs.getDouble(i);
          return rs.wasNull() ? null : d;
        }, "Double");
      case BOOLEAN:
        return read((rs, i) -> {
          boolean b = rs.getBoolean(i);
          return rs.wasNull() ? null : b;
        }, "Boolean");
      case DATE:
        return read((rs, i) -> rs.getObject(i, LocalDate.class), "LocalDate");
      case TIME:
        if (jdbc == Types.TIME_WITH_TIMEZONE || WITH_ZONE.contains(n)) {
          return read((rs, i) -> rs.getObject(i, OffsetTime.class), "OffsetTime");
        }
        return read((rs, i) -> rs.getObject(i, LocalTime.class), "LocalTime");
      case TIMESTAMP:
        if (jdbc == Types.TIMESTAMP_WITH_TIMEZONE || WITH_ZONE.contains(n)) {
          return read((rs, i) -> rs.getObject(i, OffsetDateTime.class), "OffsetDateTime");
        }
        return read((rs, i) -> rs.getObject(i, LocalDateTime.class), "LocalDateTime");
      case BINARY:
        if (jdbc == Types.BLOB || jdbc == Types.LONGVARBINARY || type.size() == null || type.size() > MAX_BINARY) {
          return skip("large binary type " + type.nativeName() + " is not sampled");
        }
        return read(CellReaders::bytes, "byte[]");
      default:
        return read(CellReaders::text, "String");
    }
  }

  private static Choice read(CellReader r, String what) {
    return new Choice(r, what, null);
  }

  private static Choice skip(String why) {
    return new Choice(null, null, why);
  }

  static Object text(ResultSet rs, int i) throws SQLException {
    return truncate(rs.getString(i));
  }

  static Object clob(ResultSet rs, int i) throws SQLException, IOException {
    try (Reader r = rs.getCharacterStream(i)) {
      if (r == null) {
        return null;
      }
      char[] buf = new char[MAX_TEXT + 1];
      int len = 0;
      int got;
      while (len < buf.length && (got = r.read(buf, len, buf.length - len)) > 0) {
        len += got;
      }
      return truncate(new String(buf, 0, len));
    }
  }

  static Object integer(ResultSet rs, int i) throws SQLException {
    Object o = rs.getObject(i);
    if (o == null) {
      return null;
    }
    if (o instanceof BigInteger bi) {
      return bi.bitLength() < 64 ? (Object) bi.longValue() : new BigDecimal(bi);
    }
    if (o instanceof BigDecimal bd) {
      try {
        return bd.longValueExact();
      } catch (ArithmeticException e) {
        return bd;
      }
    }
    if (o instanceof Number num) {
      return num.longValue();
    }
    if (o instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  static Object bytes(ResultSet rs, int i) throws SQLException {
    Object o = rs.getObject(i);
    if (o == null) {
      return null;
    }
    if (o instanceof byte[] b) {
      return b.length > MAX_BINARY ? Arrays.copyOf(b, MAX_BINARY) : b;
    }
    if (o instanceof Boolean || o instanceof Number) {
      return o;
    }
    return truncate(o.toString());
  }

  /** {@code s} cut to {@link #MAX_TEXT} characters without splitting a surrogate pair. */
  static String truncate(String s) {
    if (s == null || s.length() <= MAX_TEXT) {
      return s;
    }
    int end = MAX_TEXT;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
