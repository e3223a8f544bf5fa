package io.pursight.governance.policy.masking;

import static org.quicktheories.generators.SourceDSL.bigDecimals;
import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators of values to mask: strings of every sort, numbers of every type, dates and others. */
final class Gens {
  private Gens() {}

  /** A value of a type no function knows; its toString carries a secret. */
  record Opaque(String secret) {}

  static Gen<String> unicode() {
    return strings().allPossible().ofLengthBetween(0, 40);
  }

  static Gen<String> bmp() {
    return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 40);
  }

  static Gen<String> ascii() {
    return strings().ascii().ofLengthBetween(0, 40);
  }

  static Gen<String> digits(int min, int max) {
    return strings().betweenCodePoints('0', '9').ofLengthBetween(min, max);
  }

  /** Digits with dashes, spaces and letters mixed in, e.g. SSNs and phone numbers. */
  static Gen<String> formatted() {
    return Generate.pick(List.of("ddd-dd-dddd", "(ddd) ddd-dddd", "+dd ddd ddd dddd", "AAdd dddd dddd dddd dddd",
        "dddddd", "dd/dd/dddd", "aaaa-dddd", "A1-ddd-ddd")).zip(longs().all(), Gens::fill);
  }

  private static String fill(String pattern, long seed) {
    java.util.Random r = new java.util.Random(seed);
    StringBuilder b = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      b.append(switch (c) {
        case 'd' -> (char) ('0' + r.nextInt(10));
        case 'A' -> (char) ('A' + r.nextInt(26));
        case 'a' -> (char) ('a' + r.nextInt(26));
        default -> c;
      });
    }
    return b.toString();
  }

  static Gen<String> emails() {
    Gen<String> local = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
        .zip(digits(0, 4), Generate.pick(List.of("", ".", "+", "_", "-")), (a, d, s) -> a + s + d);
    Gen<String> domain = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10)
        .zip(Generate.pick(List.of("com", "org", "co.uk", "de", "io")), (d, t) -> d + "." + t);
    return local.zip(domain, (l, d) -> l + "@" + d);
  }

  /** Card numbers: 13 to 19 digits with a valid Luhn check digit, plain or grouped by spaces or dashes. */
  static Gen<String> pans() {
    Gen<String> plain = integers().between(13, 19).zip(longs().all(), Gens::luhnNumber);
    return plain.zip(integers().between(0, 2), (p, sep) -> sep == 0 ? p : group(p, sep == 1 ? ' ' : '-'));
  }

  static String luhnNumber(int length, long seed) {
    java.util.Random r = new java.util.Random(seed);
    StringBuilder b = new StringBuilder();
    b.append((char) ('1' + r.nextInt(9)));
    while (b.length() < length - 1) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.append(luhnDigit(b.toString())).toString();
  }

  /** The check digit that makes {@code body + digit} pass the Luhn test. */
  static char luhnDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  static String group(String digits, char sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        b.append(sep);
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }

  static Gen<String> strings_() {
    return Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(3, unicode()),
        org.quicktheories.api.Pair.of(2, bmp()),
        org.quicktheories.api.Pair.of(2, ascii()),
        org.quicktheories.api.Pair.of(2, digits(1, 25)),
        org.quicktheories.api.Pair.of(2, formatted()),
        org.quicktheories.api.Pair.of(2, emails()),
        org.quicktheories.api.Pair.of(3, pans())));
  }

  static Gen<BigDecimal> bigDecimals_() {
    return Generate.oneOf(bigDecimals().ofBytes(9).withScale(0), bigDecimals().ofBytes(9).withScale(2),
        bigDecimals().ofBytes(12).withScale(6), bigDecimals().ofBytes(4).withScale(1));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Gen<Object> numbers() {
    return Generate.oneOf((Gen) integers().all(), (Gen) longs().all(),
        (Gen) integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue),
        (Gen) integers().between(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue),
        (Gen) bigIntegers().ofBytes(14), (Gen) bigDecimals_(), (Gen) doubles().any(), (Gen) floats().any(),
        (Gen) longs().between(-10_000, 10_000), (Gen) integers().between(-100, 100).map(i -> BigDecimal.valueOf(i)));
  }

  static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/Sao_Paulo"),
      ZoneId.of("Asia/Kolkata"), ZoneOffset.UTC, ZoneId.of("Pacific/Chatham"));

  static Gen<LocalDate> dates() {
    return longs().between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  static Gen<LocalDateTime> dateTimes() {
    return dates().zip(longs().between(0, 86_399_999_999_999L), (d, n) -> d.atTime(LocalTime.ofNanoOfDay(n)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Gen<Object> temporals() {
    Gen<LocalDateTime> recent = longs().between(-2_000_000_000L, 4_000_000_000L)
        .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
    return Generate.oneOf((Gen) dates(), (Gen) dateTimes(),
        (Gen) recent.zip(integers().between(-18 * 4, 18 * 4), (t, q) -> OffsetDateTime.of(t,
            ZoneOffset.ofTotalSeconds(q * 900))),
        (Gen) recent.zip(Generate.pick(ZONES), (t, z) -> ZonedDateTime.of(t, z)),
        (Gen) recent.map(t -> t.toInstant(ZoneOffset.UTC)),
        (Gen) recent.map(t -> java.sql.Timestamp.valueOf(t)),
        (Gen) recent.map(t -> java.sql.Date.valueOf(t.toLocalDate())),
        (Gen) recent.map(t -> java.util.Date.from(t.toInstant(ZoneOffset.UTC))),
        (Gen) dates().map(d -> d.toString()), (Gen) dateTimes().map(t -> t.toString()),
        (Gen) recent.map(t -> t.atOffset(ZoneOffset.ofHours(2)).toString()),
        (Gen) recent.map(t -> t.toString().replace('T', ' ')));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Gen<Object> others() {
    return Generate.oneOf((Gen) longs().all().zip(longs().all(), UUID::new),
        (Gen) integers().between(0, 0xFFFF).map(i -> (char) i.intValue()),
        (Gen) Generate.booleans(),
        (Gen) Generate.byteArrays(integers().between(0, 24), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
        (Gen) ascii().map(s -> new Opaque("opaque-secret-" + s)),
        (Gen) longs().between(-1_000_000_000L, 4_000_000_000L).map(s -> Instant.ofEpochSecond(s)),
        (Gen) longs().between(0, 86_399).map(s -> LocalTime.ofSecondOfDay(s)));
  }

  /** Any value: strings, numbers, dates and times, other types. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Gen<Object> values() {
    return Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(4, (Gen) strings_()),
        org.quicktheories.api.Pair.of(3, numbers()),
        org.quicktheories.api.Pair.of(2, temporals()),
        org.quicktheories.api.Pair.of(1, others())));
  }
}
