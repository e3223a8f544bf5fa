package io.pursight.governance.core.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** The orders used for min/max: numeric, chronological and text. */
final class Ordering {

  private Ordering() {}

  /**
   * A totally ordered key for a number: -Infinity &lt; finite values (exact decimal order) &lt;
   * +Infinity &lt; NaN. Doubles compare by their shortest decimal form, so a double and a
   * {@code BigDecimal} with the same text compare equal, as they do after rendering.
   */
  record NumKey(int rank, BigDecimal value) implements Comparable<NumKey> {

    static NumKey of(Number n) {
      BigDecimal exact = ValueText.exact(n);
      if (exact != null) {
        return new NumKey(1, exact);
      }
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return new NumKey(3, null);
      }
      if (Double.isInfinite(d)) {
        return new NumKey(d > 0 ? 2 : 0, null);
      }
      if (n instanceof Double || n instanceof Float) {
        return new NumKey(1, new BigDecimal(ValueText.text(n)));
      }
      try {
        return new NumKey(1, new BigDecimal(n.toString()));
      } catch (NumberFormatException e) {
        return new NumKey(1, BigDecimal.valueOf(d));
      }
    }

    /** Parses a rendered number; null when the text is not a number. */
    static NumKey parse(String text) {
      switch (text) {
        case "NaN":
          return new NumKey(3, null);
        case "Infinity":
          return new NumKey(2, null);
        case "-Infinity":
          return new NumKey(0, null);
        default:
          try {
            return new NumKey(1, new BigDecimal(text));
          } catch (NumberFormatException e) {
            return null;
          }
      }
    }

    @Override
    public int compareTo(NumKey o) {
      int c = Integer.compare(rank, o.rank);
      return c != 0 || rank != 1 ? c : value.compareTo(o.value);
    }
  }

  /** Numeric order of two numbers, with a fast path for integral boxes. */
  static int compareNumbers(Number a, Number b) {
    if (isSmallIntegral(a) && isSmallIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return NumKey.of(a).compareTo(NumKey.of(b));
  }

  private static boolean isSmallIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  /** Chronological order of two values of the same {@code java.time} class. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareTemporals(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static final List<Function<String, Comparable<?>>> TEMPORAL_PARSERS = List.of(
      LocalDate::parse, LocalDateTime::parse, LocalTime::parse, OffsetDateTime::parse,
      OffsetTime::parse, ZonedDateTime::parse);

  /**
   * Compares two rendered min or max values of two profiles: numerically when both profiles are
   * numeric (and both texts parse as numbers); chronologically when both texts parse as the same
   * ISO {@code java.time} type (so offsets are honoured); in text order otherwise. Ties (such as
   * {@code 5} and {@code 5.00}) break by text order, so the result is 0 only for equal texts.
   */
  static int compareRendered(String a, String b, boolean numeric) {
    int c = compareRenderedValues(a, b, numeric);
    return c != 0 ? c : a.compareTo(b);
  }

  private static int compareRenderedValues(String a, String b, boolean numeric) {
    if (numeric) {
      NumKey ka = NumKey.parse(a);
      NumKey kb = NumKey.parse(b);
      if (ka != null && kb != null) {
        return ka.compareTo(kb);
      }
    }
    if (!a.isEmpty() && !b.isEmpty() && looksTemporal(a) && looksTemporal(b)) {
      for (Function<String, Comparable<?>> parser : TEMPORAL_PARSERS) {
        Comparable<?> ta = tryParse(parser, a);
        if (ta == null) {
          continue;
        }
        Comparable<?> tb = tryParse(parser, b);
        if (tb != null && ta.getClass() == tb.getClass()) {
          return compareTemporals(ta, tb);
        }
      }
    }
    return a.compareTo(b);
  }

  private static boolean looksTemporal(String s) {
    char c = s.charAt(0);
    return (c >= '0' && c <= '9') || c == '+' || c == '-';
  }

  private static Comparable<?> tryParse(Function<String, Comparable<?>> parser, String text) {
    try {
      return parser.apply(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
