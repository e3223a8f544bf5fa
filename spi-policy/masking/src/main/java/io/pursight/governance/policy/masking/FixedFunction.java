package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code fixed}: the parameter {@code value}, converted to the masked value's type (numbers parsed,
 * dates and times parsed as ISO-8601, BigDecimal given the column's scale when exact). A value
 * that cannot be converted to the type fails with IllegalArgumentException naming the type; a
 * value of a type without conversion (or a CharSequence) gets {@code value} as a String.
 */
final class FixedFunction extends AbstractFunction<FixedFunction.Config> {
  static final String NAME = "fixed";

  FixedFunction() {
    super(NAME, "value");
  }

  /** The policy's value and its conversions, computed once per type. */
  static final class Config {
    final String value;
    private final ConcurrentHashMap<Class<?>, Object> converted = new ConcurrentHashMap<>();

    Config(String value) {
      this.value = value;
    }
  }

  @Override
  Config parse(Params p) {
    return new Config(p.required("value", "the replacement, e.g. value: N/A or value: 0"));
  }

  @Override
  Object apply(Object v, Config c, SecretResolver secrets) {
    if (v instanceof CharSequence || Values.kind(v) == Values.Kind.OTHER) {
      return c.value;
    }
    if (v instanceof BigDecimal d) {
      BigDecimal f = (BigDecimal) convert(v, c);
      try {
        return f.setScale(d.scale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        return f;
      }
    }
    Object r = c.converted.get(v.getClass());
    if (r == null) {
      r = convert(v, c);
      c.converted.putIfAbsent(v.getClass(), r);
    }
    // Mutable results are copied: a caller changing one must not change the next.
    if (r instanceof byte[] b) {
      return b.clone();
    }
    return r instanceof Date d ? d.clone() : r;
  }

  private static Object convert(Object v, Config c) {
    String s = c.value.strip();
    try {
      if (v instanceof Character) {
        if (c.value.length() != 1) {
          throw new IllegalArgumentException("not one character");
        }
        return c.value.charAt(0);
      }
      if (v instanceof Integer) {
        return Integer.valueOf(s);
      }
      if (v instanceof Long) {
        return Long.valueOf(s);
      }
      if (v instanceof Short) {
        return Short.valueOf(s);
      }
      if (v instanceof Byte) {
        return Byte.valueOf(s);
      }
      if (v instanceof BigInteger) {
        return new BigInteger(s);
      }
      if (v instanceof BigDecimal) {
        return new BigDecimal(s);
      }
      if (v instanceof Double) {
        return Double.valueOf(s);
      }
      if (v instanceof Float) {
        return Float.valueOf(s);
      }
      if (v instanceof Boolean) {
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(s);
      }
      if (v instanceof UUID) {
        return UUID.fromString(s);
      }
      if (v instanceof byte[]) {
        return c.value.getBytes(StandardCharsets.UTF_8);
      }
      if (v instanceof LocalDate) {
        return LocalDate.parse(s);
      }
      if (v instanceof LocalDateTime) {
        return LocalDateTime.parse(s);
      }
      if (v instanceof LocalTime) {
        return LocalTime.parse(s);
      }
      if (v instanceof OffsetDateTime) {
        return OffsetDateTime.parse(s);
      }
      if (v instanceof ZonedDateTime) {
        return ZonedDateTime.parse(s);
      }
      if (v instanceof Instant) {
        return Instant.parse(s);
      }
      if (v instanceof java.sql.Timestamp) {
        return java.sql.Timestamp.valueOf(LocalDateTime.parse(s));
      }
      if (v instanceof java.sql.Date) {
        return java.sql.Date.valueOf(LocalDate.parse(s));
      }
      if (v instanceof java.sql.Time) {
        return java.sql.Time.valueOf(LocalTime.parse(s));
      }
      if (v instanceof Date) {
        return Date.from(Instant.parse(s));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // reported below; NumberFormatException is an IllegalArgumentException
    }
    throw new IllegalArgumentException("masking function fixed: parameter 'value' ('" + Params.echo(c.value)
        + "') cannot be converted to " + v.getClass().getName() + "; give a value of the column's type"
        + " (numbers as digits, dates and times in ISO-8601, booleans true or false)");
  }
}
