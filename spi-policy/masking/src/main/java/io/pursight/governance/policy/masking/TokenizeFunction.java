package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;

/**
 * {@code tokenize}: a deterministic, keyed surrogate of the same type and shape as the value. The
 * same value and key always give the same token, different keys unrelated tokens; a token is
 * never equal to the value it replaces (except a string with nothing to replace, see below) and
 * cannot be reversed without trying candidate values with the key.
 *
 * <ul>
 *   <li>Strings: ASCII digits become digits, ASCII upper- and lower-case letters become letters of
 *       the same case, every other letter, digit, mark, private-use, unassigned or surrogate code
 *       point becomes an ASCII lower-case letter. Punctuation, symbols, separators (spaces) and
 *       control or format characters stay in place, so {@code 123-45-6789} becomes e.g. {@code
 *       804-17-3352}. A string made only of such kept characters (or empty) is returned as it is.
 *   <li>Integral numbers: the same type, sign and number of digits (within the type's range).
 *   <li>BigDecimal, Double, Float: the same sign, scale and number of significant digits; NaN and
 *       infinities are returned as they are.
 *   <li>Dates and times: a date or time of the same type between 1900-01-01 and 2099-12-31, to
 *       the second (offset and zone kept).
 *   <li>UUID: a random-looking version-4 UUID; Character: a character of the same class; byte[]:
 *       as many bytes.
 *   <li>Boolean and other types are refused (a Boolean token would reveal or equal the value).
 * </ul>
 *
 * <p>The randomness is HMAC-SHA256 in counter mode, keyed with a subkey derived from {@code key}
 * by HKDF-SHA256 (so tokens are unrelated to {@code hash} outputs under the same key). Integral
 * values of any integral type (Integer 42, Long 42, BigInteger 42) get the same token. Tokens are
 * not unique: two values may share a token (for n-digit strings, with probability about
 * 10<sup>-n</sup> per pair); use {@code fpe} where the mapping must be one-to-one or reversible.
 */
final class TokenizeFunction extends AbstractFunction<TokenizeFunction.Config> {
  static final String NAME = "tokenize";
  static final String PURPOSE = "pursight/mask/tokenize/v1";
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
  private static final int ATTEMPTS = 16;

  record Config(String key, Keys.Encoding keyEncoding) {}

  private final Keys keys;

  TokenizeFunction(Keys keys) {
    super(NAME, Keys.KEY, Keys.KEY_ENCODING);
    this.keys = keys;
  }

  @Override
  Config parse(Params p) {
    return new Config(p.secretReference(Keys.KEY, true), Keys.Encoding.of(p));
  }

  @Override
  Object apply(Object value, Config c, SecretResolver secrets) {
    Values.Kind kind = Values.kind(value);
    if (kind == Values.Kind.BOOLEAN || kind == Values.Kind.OTHER) {
      throw Values.unsupported(NAME, value, "every type listed in the masking documentation except Boolean");
    }
    HmacKey k = keys.get(NAME, c.key, c.keyEncoding, secrets).derived(PURPOSE);
    byte[] canonical = Values.canonical(value);
    switch (kind) {
      case TEXT:
        return text(k, value.toString(), canonical);
      case CHARACTER: {
        String t = text(k, value.toString(), canonical);
        return t.charAt(0);
      }
      case INTEGRAL: {
        Number n = (Number) value;
        BigInteger min = Values.min(n);
        BigInteger max = Values.max(n);
        return Values.integral(integral(KeyStream.of(k, "integral", canonical), Values.integer(n), min, max), n);
      }
      case DECIMAL: {
        BigDecimal d = (BigDecimal) value;
        BigInteger u = integral(KeyStream.of(k, "decimal/" + d.scale(), canonical), d.unscaledValue(), null, null);
        return new BigDecimal(u, d.scale());
      }
      case FLOATING:
        return floating(k, (Number) value, canonical);
      case TEMPORAL:
        return temporal(KeyStream.of(k, "temporal/" + value.getClass().getName(), canonical), value);
      case UUID:
        return uuid(KeyStream.of(k, "uuid", canonical), (UUID) value);
      case BYTES:
        return bytes(KeyStream.of(k, "bytes", canonical), (byte[]) value);
      default:
        throw new AssertionError(kind);
    }
  }

  // ---------------------------------------------------------------- strings

  /** What a code point becomes: 0 kept, 1 digit, 2 upper-case letter, 3 lower-case letter. */
  static int replacement(int cp) {
    if (cp >= '0' && cp <= '9') {
      return 1;
    }
    if (cp >= 'A' && cp <= 'Z') {
      return 2;
    }
    if (cp >= 'a' && cp <= 'z') {
      return 3;
    }
    switch (Character.getType(cp)) {
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return 1;
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
        return 3;
      default:
        return 0;
    }
  }

  static String text(HmacKey k, String s, byte[] canonical) {
    boolean any = false;
    for (int i = 0; i < s.length() && !any; ) {
      int cp = s.codePointAt(i);
      any = replacement(cp) != 0;
      i += Character.charCount(cp);
    }
    if (!any) {
      return s;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String t = map(KeyStream.of(k, "text/" + attempt, canonical), s);
      if (!t.equals(s)) {
        return t;
      }
    }
    // Practically unreachable (16 draws all equal to the value): change the first replaced character.
    String t = map(KeyStream.of(k, "text/0", canonical), s);
    StringBuilder b = new StringBuilder(t);
    for (int i = 0; i < b.length(); i++) {
      int r = replacement(b.charAt(i));
      if (r != 0) {
        char ch = b.charAt(i);
        char first = r == 1 ? '0' : r == 2 ? 'A' : 'a';
        int size = r == 1 ? 10 : 26;
        b.setCharAt(i, (char) (first + (ch - first + 1) % size));
        break;
      }
    }
    return b.toString();
  }

  private static String map(KeyStream ks, String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (replacement(cp)) {
        case 1 -> b.append((char) ('0' + ks.nextInt(10)));
        case 2 -> b.append((char) ('A' + ks.nextInt(26)));
        case 3 -> b.append((char) ('a' + ks.nextInt(26)));
        default -> b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Another integer with the same sign and number of digits, magnitude at most the type's bound
   * (null: unbounded), chosen uniformly among those different from {@code v}.
   */
  static BigInteger integral(KeyStream ks, BigInteger v, BigInteger typeMin, BigInteger typeMax) {
    int sign = v.signum();
    BigInteger mag = v.abs();
    int digits = mag.toString().length();
    BigInteger lo = digits == 1 ? (sign < 0 ? BigInteger.ONE : BigInteger.ZERO) : BigInteger.TEN.pow(digits - 1);
    BigInteger hi = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
    BigInteger bound = sign < 0 ? (typeMin == null ? null : typeMin.negate()) : typeMax;
    if (bound != null) {
      hi = hi.min(bound);
    }
    return signed(sign, pickOther(ks, lo, hi, mag));
  }

  private static BigInteger signed(int sign, BigInteger mag) {
    return sign < 0 ? mag.negate() : mag;
  }

  /** Uniform in [lo, hi] without {@code raw} (which must lie in it, and hi > lo). */
  private static BigInteger pickOther(KeyStream ks, BigInteger lo, BigInteger hi, BigInteger raw) {
    BigInteger r = lo.add(ks.nextBigInteger(hi.subtract(lo)));
    return r.compareTo(raw) >= 0 ? r.add(BigInteger.ONE) : r;
  }

  private static Object floating(HmacKey k, Number n, byte[] canonical) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return n;
    }
    boolean isFloat = n instanceof Float;
    BigDecimal exact = Values.decimal(n);
    BigDecimal typeMax = new BigDecimal(isFloat ? Float.toString(Float.MAX_VALUE) : Double.toString(Double.MAX_VALUE));
    BigInteger bound = typeMax.scaleByPowerOfTen(exact.scale()).toBigInteger();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      KeyStream ks = KeyStream.of(k, "floating/" + exact.scale() + "/" + attempt, canonical);
      BigInteger u = integral(ks, exact.unscaledValue(), bound.negate(), bound);
      BigDecimal t = new BigDecimal(u, exact.scale());
      if (isFloat) {
        float f = t.floatValue();
        if (!Float.isInfinite(f) && f != n.floatValue()) {
          return f;
        }
      } else {
        double r = t.doubleValue();
        if (!Double.isInfinite(r) && r != d) {
          return r;
        }
      }
    }
    return isFloat ? (Object) Math.nextUp(n.floatValue()) : (Object) Math.nextUp(d);
  }

  // ---------------------------------------------------------------- dates, UUIDs, bytes

  private static long pickOther(KeyStream ks, long lo, long hi, long raw) {
    if (raw < lo || raw > hi) {
      return lo + ks.nextBigInteger(BigInteger.valueOf(hi - lo + 1)).longValueExact();
    }
    return pickOther(ks, BigInteger.valueOf(lo), BigInteger.valueOf(hi), BigInteger.valueOf(raw)).longValueExact();
  }

  private static LocalDate date(KeyStream ks, LocalDate raw) {
    return LocalDate.ofEpochDay(pickOther(ks, FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay(), raw.toEpochDay()));
  }

  private static LocalDateTime dateTime(KeyStream ks, LocalDateTime raw) {
    long lo = FIRST_DAY.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long hi = LAST_DAY.atTime(LocalTime.MAX).toEpochSecond(ZoneOffset.UTC);
    long rawSecond = raw.getNano() == 0 ? raw.toEpochSecond(ZoneOffset.UTC) : Long.MIN_VALUE;
    return LocalDateTime.ofEpochSecond(pickOther(ks, lo, hi, rawSecond), 0, ZoneOffset.UTC);
  }

  private static Object temporal(KeyStream ks, Object v) {
    if (v instanceof LocalDate d) {
      return date(ks, d);
    }
    if (v instanceof LocalDateTime t) {
      return dateTime(ks, t);
    }
    if (v instanceof LocalTime t) {
      return LocalTime.ofSecondOfDay(pickOther(ks, 0, 86_399, t.getNano() == 0 ? t.toSecondOfDay() : -1));
    }
    if (v instanceof OffsetDateTime t) {
      return OffsetDateTime.of(dateTime(ks, t.toLocalDateTime()), t.getOffset());
    }
    if (v instanceof ZonedDateTime t) {
      ZonedDateTime z = ZonedDateTime.ofLocal(dateTime(ks, t.toLocalDateTime()), t.getZone(), null);
      return z.equals(t) ? z.plusSeconds(1) : z;
    }
    if (v instanceof Instant t) {
      return dateTime(ks, LocalDateTime.ofInstant(t, ZoneOffset.UTC)).toInstant(ZoneOffset.UTC);
    }
    if (v instanceof java.sql.Timestamp t) {
      return java.sql.Timestamp.valueOf(dateTime(ks, t.toLocalDateTime()));
    }
    if (v instanceof java.sql.Date d) {
      return java.sql.Date.valueOf(date(ks, d.toLocalDate()));
    }
    if (v instanceof java.sql.Time t) {
      return java.sql.Time.valueOf(LocalTime.ofSecondOfDay(pickOther(ks, 0, 86_399, t.toLocalTime().toSecondOfDay())));
    }
    Date d = (Date) v;
    Instant i = dateTime(ks, LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC)).toInstant(ZoneOffset.UTC);
    return Date.from(i);
  }

  private static UUID uuid(KeyStream ks, UUID raw) {
    while (true) {
      long hi = (ks.nextLong() & ~0xf000L) | 0x4000L;
      long lo = (ks.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
      UUID u = new UUID(hi, lo);
      if (!u.equals(raw)) {
        return u;
      }
    }
  }

  private static byte[] bytes(KeyStream ks, byte[] raw) {
    byte[] out = new byte[raw.length];
    if (raw.length == 0) {
      return out;
    }
    do {
      ks.nextBytes(out);
    } while (Arrays.equals(out, raw));
    return out;
  }
}
