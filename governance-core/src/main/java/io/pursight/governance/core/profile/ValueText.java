package io.pursight.governance.core.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * Text forms of sampled values. Values are first {@linkplain #normalize normalized} ({@code java.sql}
 * and {@code java.util.Date} values become {@code java.time} values, {@code Character} and
 * {@code char[]} become strings); then strings are taken as they are, {@code java.time} values in
 * their ISO-8601 form ({@code toString()}), {@code BigDecimal} through {@code toPlainString()},
 * {@code double}/{@code float} without exponent ({@code 1.0E10} becomes {@code 10000000000}), other
 * values through {@code toString()}. {@code byte[]} values have no text form: callers use
 * {@link #binaryText(byte[])} (the length only) where a rendering is needed.
 */
final class ValueText {

  private ValueText() {}

  /** Maps JDBC-era and character types to the types profiling understands; other values unchanged. */
  static Object normalize(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value instanceof char[] chars) {
      return new String(chars);
    }
    return value;
  }

  /** The text form of a normalized, non-null, non-binary value. */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double d) {
      return plain(Double.toString(d));
    }
    if (value instanceof Float f) {
      return plain(Float.toString(f));
    }
    return value.toString();
  }

  /** How a binary value is rendered: its length, never its content. */
  static String binaryText(byte[] bytes) {
    return "[" + bytes.length + " bytes]";
  }

  private static String plain(String javaText) {
    if (javaText.indexOf('E') < 0) {
      return javaText; // also NaN, Infinity, -Infinity
    }
    return new BigDecimal(javaText).stripTrailingZeros().toPlainString();
  }

  /** Whether the value is a comparable {@code java.time} value. */
  static boolean isTemporal(Object value) {
    return value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime
        || value instanceof OffsetDateTime || value instanceof OffsetTime || value instanceof ZonedDateTime
        || value instanceof Instant || value instanceof Year || value instanceof YearMonth
        || value instanceof MonthDay;
  }

  /** Length in characters (code points, so a surrogate pair counts once). */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The text cut to {@code max} code points followed by {@code …} when it is longer. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cps = 0;
    for (int i = 0; i < text.length(); cps++) {
      if (cps == max) {
        return text.substring(0, i) + "…";
      }
      i += Character.charCount(text.codePointAt(i));
    }
    return text;
  }

  /** A {@code BigDecimal} for integral and decimal numbers, null for other number types. */
  static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return null;
  }
}
