package io.pursight.governance.policy.masking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

/** What the functions know about value types: kinds, texts, numeric conversions and neutral values. */
final class Values {
  private Values() {}

  /** The kinds of values the functions distinguish. */
  enum Kind {
    TEXT, CHARACTER, INTEGRAL, DECIMAL, FLOATING, BOOLEAN, TEMPORAL, UUID, BYTES, OTHER
  }

  static final String SUPPORTED_TYPES = "String (any CharSequence), Character, Byte, Short, Integer, Long, BigInteger,"
      + " BigDecimal, Float, Double, Boolean, LocalDate, LocalDateTime, LocalTime, OffsetDateTime, ZonedDateTime,"
      + " Instant, java.util.Date, java.sql.Date, java.sql.Timestamp, UUID, byte[]";

  static Kind kind(Object v) {
    if (v instanceof CharSequence) {
      return Kind.TEXT;
    }
    if (v instanceof Character) {
      return Kind.CHARACTER;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return Kind.INTEGRAL;
    }
    if (v instanceof BigDecimal) {
      return Kind.DECIMAL;
    }
    if (v instanceof Double || v instanceof Float) {
      return Kind.FLOATING;
    }
    if (v instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime || v instanceof OffsetDateTime
        || v instanceof ZonedDateTime || v instanceof Instant || v instanceof Date) {
      return Kind.TEMPORAL;
    }
    if (v instanceof UUID) {
      return Kind.UUID;
    }
    if (v instanceof byte[]) {
      return Kind.BYTES;
    }
    return Kind.OTHER;
  }

  /** The class name for messages: never the value. */
  static String typeName(Object v) {
    return v == null ? "null" : v.getClass().getName();
  }

  static IllegalArgumentException unsupported(String function, Object v, String supported) {
    return new IllegalArgumentException("masking function " + function + " cannot mask a value of type "
        + typeName(v) + "; supported: " + supported);
  }

  /**
   * The value as text, as a person would read it: strings as they are, BigDecimal in plain notation
   * with its scale, dates and times in ISO-8601, UUIDs in their canonical form.
   */
  static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime().toString();
    }
    if (v instanceof Date d) {
      return d.toInstant().toString();
    }
    return String.valueOf(v);
  }

  /**
   * The bytes keyed functions digest: UTF-8 of a canonical text that does not depend on the Java
   * type of a number, so that {@code 42}, {@code 42L}, {@code 42.0} and {@code new BigDecimal("42.00")}
   * give the same digest (and equal keys join across systems that store them differently).
   * Numbers: plain notation without trailing zeros; temporals: ISO-8601; byte arrays: lower-case
   * hex; everything else: {@link #text}.
   */
  static byte[] canonical(Object v) {
    return canonicalText(v).getBytes(StandardCharsets.UTF_8);
  }

  static String canonicalText(Object v) {
    switch (kind(v)) {
      case INTEGRAL:
        return v.toString();
      case DECIMAL:
        return plain((BigDecimal) v);
      case FLOATING: {
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return Double.toString(d);
        }
        return plain(v instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d));
      }
      case BYTES:
        return org.bouncycastle.util.encoders.Hex.toHexString((byte[]) v);
      default:
        return text(v);
    }
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------- numbers

  /** The exact value of a finite number. */
  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Float f) {
      return new BigDecimal(Float.toString(f));
    }
    if (n instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  /** Smallest value of an integral type; null for BigInteger (unbounded). */
  static BigInteger min(Number type) {
    if (type instanceof Integer) {
      return BigInteger.valueOf(Integer.MIN_VALUE);
    }
    if (type instanceof Long) {
      return BigInteger.valueOf(Long.MIN_VALUE);
    }
    if (type instanceof Short) {
      return BigInteger.valueOf(Short.MIN_VALUE);
    }
    if (type instanceof Byte) {
      return BigInteger.valueOf(Byte.MIN_VALUE);
    }
    return null;
  }

  /** Largest value of an integral type; null for BigInteger (unbounded). */
  static BigInteger max(Number type) {
    if (type instanceof Integer) {
      return BigInteger.valueOf(Integer.MAX_VALUE);
    }
    if (type instanceof Long) {
      return BigInteger.valueOf(Long.MAX_VALUE);
    }
    if (type instanceof Short) {
      return BigInteger.valueOf(Short.MAX_VALUE);
    }
    if (type instanceof Byte) {
      return BigInteger.valueOf(Byte.MAX_VALUE);
    }
    return null;
  }

  static BigInteger integer(Number n) {
    return n instanceof BigInteger i ? i : BigInteger.valueOf(n.longValue());
  }

  /** {@code v} as an integral value of {@code type}'s class, clamped to the type's range. */
  static Number integral(BigInteger v, Number type) {
    BigInteger min = min(type);
    BigInteger max = max(type);
    if (min != null) {
      v = v.max(min).min(max);
    }
    if (type instanceof Integer) {
      return v.intValue();
    }
    if (type instanceof Long) {
      return v.longValue();
    }
    if (type instanceof Short) {
      return v.shortValue();
    }
    if (type instanceof Byte) {
      return v.byteValue();
    }
    return v;
  }

  /**
   * {@code v} as a number of {@code type}'s class: integral types round down (and clamp to their
   * range), BigDecimal keeps {@code type}'s scale when {@code v} fits in it exactly.
   */
  static Number convert(BigDecimal v, Number type) {
    if (type instanceof BigDecimal t) {
      if (v.scale() != t.scale()) {
        try {
          return v.setScale(t.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
          return v;
        }
      }
      return v;
    }
    if (type instanceof Double) {
      return v.doubleValue();
    }
    if (type instanceof Float) {
      return v.floatValue();
    }
    return integral(v.setScale(0, RoundingMode.FLOOR).toBigIntegerExact(), type);
  }

  // ---------------------------------------------------------------- neutral values

  /** The constant a value of {@code v}'s type is redacted to; null when the type has none. */
  static Object neutral(Object v) {
    if (v instanceof Integer) {
      return 0;
    }
    if (v instanceof Long) {
      return 0L;
    }
    if (v instanceof Short) {
      return (short) 0;
    }
    if (v instanceof Byte) {
      return (byte) 0;
    }
    if (v instanceof BigInteger) {
      return BigInteger.ZERO;
    }
    if (v instanceof BigDecimal d) {
      return BigDecimal.ZERO.setScale(d.scale());
    }
    if (v instanceof Double) {
      return 0.0d;
    }
    if (v instanceof Float) {
      return 0.0f;
    }
    if (v instanceof Boolean) {
      return Boolean.FALSE;
    }
    if (v instanceof UUID) {
      return new UUID(0, 0);
    }
    if (v instanceof byte[]) {
      return new byte[0];
    }
    return neutralTemporal(v);
  }

  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private static Object neutralTemporal(Object v) {
    if (v instanceof LocalDate) {
      return LocalDate.EPOCH;
    }
    if (v instanceof LocalDateTime) {
      return EPOCH;
    }
    if (v instanceof LocalTime) {
      return LocalTime.MIDNIGHT;
    }
    if (v instanceof OffsetDateTime) {
      return OffsetDateTime.of(EPOCH, ZoneOffset.UTC);
    }
    if (v instanceof ZonedDateTime) {
      return ZonedDateTime.of(EPOCH, ZoneOffset.UTC);
    }
    if (v instanceof Instant) {
      return Instant.EPOCH;
    }
    if (v instanceof java.sql.Timestamp) {
      return java.sql.Timestamp.valueOf(EPOCH);
    }
    if (v instanceof java.sql.Date) {
      return java.sql.Date.valueOf(LocalDate.EPOCH);
    }
    if (v instanceof java.sql.Time) {
      return java.sql.Time.valueOf(LocalTime.MIDNIGHT);
    }
    if (v instanceof Date) {
      return new Date(0);
    }
    return null;
  }
}
