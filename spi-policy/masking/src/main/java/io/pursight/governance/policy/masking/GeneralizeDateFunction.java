package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code generalize_date}: moves a date or timestamp to the first day of its year ({@code to:
 * year}, the default) or month ({@code to: month}), at midnight, keeping its type, offset and
 * zone. Instants and {@code java.util.Date} are generalised in UTC; {@code java.sql.Date} and
 * {@code Timestamp} on their local date. Strings are read as ISO-8601 ({@code 2024-03-05}, {@code
 * 2024-03-05T10:11:12.5}, with an offset or zone, or a space instead of {@code T}) and come back in
 * the same layout ({@code 2024-01-01T00:00:00.0}); a string that is not such a date becomes {@code
 * ****}. Values without a date (LocalTime, java.sql.Time) and other types are refused.
 */
final class GeneralizeDateFunction extends AbstractFunction<GeneralizeDateFunction.To> {
  static final String NAME = "generalize_date";
  private static final Pattern ISO = Pattern.compile("([+-]?\\d{4,9})-(\\d{2})-(\\d{2})([T ].+)?");
  private static final Pattern OFFSET = Pattern.compile("[Zz+-]");

  enum To {
    YEAR, MONTH
  }

  GeneralizeDateFunction() {
    super(NAME, "to");
  }

  @Override
  To parse(Params p) {
    return To.valueOf(p.choice("to", "year", "year", "month").toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  Object apply(Object v, To to, SecretResolver secrets) {
    if (v instanceof CharSequence s) {
      return text(s.toString(), to);
    }
    if (v instanceof LocalDate d) {
      return first(d, to);
    }
    if (v instanceof LocalDateTime t) {
      return first(t.toLocalDate(), to).atStartOfDay();
    }
    if (v instanceof OffsetDateTime t) {
      return OffsetDateTime.of(first(t.toLocalDate(), to).atStartOfDay(), t.getOffset());
    }
    if (v instanceof ZonedDateTime t) {
      return first(t.toLocalDate(), to).atStartOfDay(t.getZone());
    }
    if (v instanceof Instant t) {
      return first(LocalDate.ofInstant(t, ZoneOffset.UTC), to).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (v instanceof java.sql.Timestamp t) {
      return java.sql.Timestamp.valueOf(first(t.toLocalDateTime().toLocalDate(), to).atStartOfDay());
    }
    if (v instanceof java.sql.Date d) {
      return java.sql.Date.valueOf(first(d.toLocalDate(), to));
    }
    if (v instanceof Date d && !(v instanceof java.sql.Time)) {
      return Date.from(first(LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC), to).atStartOfDay()
          .toInstant(ZoneOffset.UTC));
    }
    throw Values.unsupported(NAME, v, "dates and timestamps (LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime,"
        + " Instant, java.util.Date, java.sql.Date, java.sql.Timestamp) and ISO-8601 strings");
  }

  static LocalDate first(LocalDate d, To to) {
    return to == To.YEAR ? d.withDayOfYear(1) : d.withDayOfMonth(1);
  }

  /** Generalises an ISO-8601 string in its own layout; {@code ****} when it is not one. */
  static String text(String raw, To to) {
    String s = raw.strip();
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      return RedactFunction.DEFAULT_TOKEN;
    }
    String rest = m.group(4);
    if (!valid(m, rest)) {
      return RedactFunction.DEFAULT_TOKEN;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(m.group(1)).append('-').append(to == To.YEAR ? "01" : m.group(2)).append("-01");
    if (rest != null) {
      b.append(rest.charAt(0));
      boolean time = true;
      for (int i = 1; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == 'Z' || c == '+' || c == '-' || c == '[') {
          time = false;
        }
        b.append(time && c >= '0' && c <= '9' ? '0' : c);
      }
    }
    return b.toString();
  }

  /**
   * Whether the matched text is a real date (and time): the date parsed as an ISO date, a
   * date-time with the one ISO layout its suffix calls for (local, offset, or offset and zone), so
   * that no value costs more than one parse.
   */
  private static boolean valid(Matcher m, String rest) {
    try {
      if (rest == null) {
        DateTimeFormatter.ISO_LOCAL_DATE.parse(isoDate(m));
        return true;
      }
      DateTimeFormatter f = rest.indexOf('[') >= 0 ? DateTimeFormatter.ISO_ZONED_DATE_TIME
          : OFFSET.matcher(rest).find() ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
          : DateTimeFormatter.ISO_LOCAL_DATE_TIME;
      f.parse(isoDate(m) + "T" + rest.substring(1));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String isoDate(Matcher m) {
    return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
  }
}
