package io.pursight.governance.policy.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-function oracles, written from the documentation (docs/masking.md) independently of the
 * implementation: what each function may keep of a value, what type it returns and when it
 * refuses. Each check receives the raw value, the parameters and the outcome (a result or an
 * exception).
 */
final class Oracles {
  private Oracles() {}

  /** The documented text of a value: plain BigDecimal, ISO dates (java.sql on their local fields). */
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
    if (v instanceof Date d) {
      return d.toInstant().toString();
    }
    return String.valueOf(v);
  }

  /** The documented canonical text keyed functions digest. */
  static String canonical(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        return Double.toString(d);
      }
      return canonical(new BigDecimal(v.toString()));
    }
    if (v instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    return text(v);
  }

  static boolean isText(Object v) {
    return v instanceof CharSequence;
  }

  static boolean isIntegral(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  static boolean isFloating(Object v) {
    return v instanceof Double || v instanceof Float;
  }

  static boolean isNumber(Object v) {
    return isIntegral(v) || isFloating(v) || v instanceof BigDecimal;
  }

  static boolean isTemporal(Object v) {
    return v instanceof TemporalAccessor || v instanceof Date;
  }

  /** No exception message may quote the value (short texts are skipped: they occur by chance). */
  static void messageHidesValue(RuntimeException e, Object raw) {
    String t = text(raw);
    String m = String.valueOf(e.getMessage());
    if (t.length() >= 5 && !(raw instanceof Boolean)) {
      assertThat(m).as("exception message quotes the raw value").doesNotContain(t);
    }
    if (raw instanceof Gens.Opaque o) {
      assertThat(m).doesNotContain(o.secret());
    }
  }

  static void check(String function, Map<String, String> p, Object raw, Object out, RuntimeException error) {
    if (error != null) {
      messageHidesValue(error, raw);
      if (!(error instanceof IllegalArgumentException)) {
        throw error;
      }
    }
    switch (function) {
      case "redact" -> redact(p, raw, out, error);
      case "null" -> {
        assertThat(error).isNull();
        assertThat(out).isNull();
      }
      case "fixed" -> fixed(p, raw, out, error);
      case "partial" -> partial(p, raw, out, error);
      case "pci" -> pci(p, raw, out, error);
      case "email" -> email(p, raw, out, error);
      case "hash" -> hash(p, raw, out, error);
      case "tokenize" -> tokenize(raw, out, error);
      case "fpe" -> fpe(p, raw, out, error);
      case "generalize_date" -> generalizeDate(p, raw, out, error);
      case "bucket" -> bucket(p, raw, out, error);
      case "noise" -> noise(p, raw, out, error);
      default -> fail("no oracle for " + function);
    }
  }

  private static void ok(RuntimeException error) {
    if (error != null) {
      throw new AssertionError("unexpected exception", error);
    }
  }

  private static void refused(RuntimeException error, Object raw) {
    assertThat(error).as("value of type %s must be refused", raw.getClass().getName())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void sameClass(Object raw, Object out) {
    Class<?> expected = raw instanceof CharSequence ? String.class : raw.getClass();
    assertThat(out).isNotNull();
    assertThat(out.getClass()).as("type kept").isEqualTo(expected);
  }

  private static void assertValue(Object expected, Object out) {
    if (expected instanceof byte[] b) {
      assertThat((byte[]) out).isEqualTo(b);
    } else {
      assertThat(out).isEqualTo(expected);
      assertThat(out.getClass()).isEqualTo(expected.getClass());
    }
  }

  // ------------------------------------------------------------------ redact, fixed

  static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  static Object redacted(Object raw, String token) {
    if (raw instanceof CharSequence) {
      return token;
    }
    if (raw instanceof Character) {
      return token.isEmpty() ? '*' : token.charAt(0);
    }
    if (raw instanceof Integer) {
      return 0;
    }
    if (raw instanceof Long) {
      return 0L;
    }
    if (raw instanceof Short) {
      return (short) 0;
    }
    if (raw instanceof Byte) {
      return (byte) 0;
    }
    if (raw instanceof BigInteger) {
      return BigInteger.ZERO;
    }
    if (raw instanceof BigDecimal d) {
      return new BigDecimal(BigInteger.ZERO, d.scale());
    }
    if (raw instanceof Double) {
      return 0.0;
    }
    if (raw instanceof Float) {
      return 0.0f;
    }
    if (raw instanceof Boolean) {
      return false;
    }
    if (raw instanceof UUID) {
      return new UUID(0, 0);
    }
    if (raw instanceof byte[]) {
      return new byte[0];
    }
    if (raw instanceof LocalDate) {
      return LocalDate.of(1970, 1, 1);
    }
    if (raw instanceof LocalDateTime) {
      return EPOCH;
    }
    if (raw instanceof LocalTime) {
      return LocalTime.MIDNIGHT;
    }
    if (raw instanceof OffsetDateTime) {
      return EPOCH.atOffset(ZoneOffset.UTC);
    }
    if (raw instanceof ZonedDateTime) {
      return EPOCH.atZone(ZoneOffset.UTC);
    }
    if (raw instanceof Instant) {
      return Instant.EPOCH;
    }
    if (raw instanceof java.sql.Timestamp) {
      return java.sql.Timestamp.valueOf(EPOCH);
    }
    if (raw instanceof java.sql.Date) {
      return java.sql.Date.valueOf(LocalDate.of(1970, 1, 1));
    }
    if (raw instanceof Date) {
      return new Date(0);
    }
    return token;
  }

  private static void redact(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    ok(error);
    assertValue(redacted(raw, p.getOrDefault("token", "****")), out);
  }

  private static void fixed(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    String v = p.get("value");
    Object expected;
    if (raw instanceof CharSequence || raw instanceof Gens.Opaque) {
      expected = v;
    } else if (raw instanceof Character) {
      expected = v.length() == 1 ? v.charAt(0) : null;
    } else if (raw instanceof Integer) {
      expected = Integer.valueOf(v);
    } else if (raw instanceof Long) {
      expected = Long.valueOf(v);
    } else if (raw instanceof Short) {
      expected = Short.valueOf(v);
    } else if (raw instanceof Byte) {
      expected = Byte.valueOf(v);
    } else if (raw instanceof BigInteger) {
      expected = new BigInteger(v);
    } else if (raw instanceof BigDecimal d) {
      BigDecimal f = new BigDecimal(v);
      expected = d.scale() >= f.scale() ? f.setScale(d.scale()) : f;
    } else if (raw instanceof Double) {
      expected = Double.valueOf(v);
    } else if (raw instanceof Float) {
      expected = Float.valueOf(v);
    } else if (raw instanceof byte[]) {
      expected = v.getBytes(StandardCharsets.UTF_8);
    } else {
      expected = null; // Boolean, UUID, dates: "7" does not convert
    }
    if (expected == null) {
      refused(error, raw);
      assertThat(error.getMessage()).contains("parameter 'value'").contains(raw.getClass().getName());
    } else {
      ok(error);
      assertValue(expected, out);
    }
  }

  // ------------------------------------------------------------------ partial, pci, email

  static String repeat(int cp, int n) {
    return new String(Character.toChars(cp)).repeat(n);
  }

  static String partialOf(String t, int first, int last, int maskChar) {
    int[] cps = t.codePoints().toArray();
    int n = cps.length;
    if (n <= first + last) {
      return repeat(maskChar, n);
    }
    return new String(cps, 0, first) + repeat(maskChar, n - first - last) + new String(cps, n - last, last);
  }

  private static void partial(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    if (raw instanceof Boolean || raw instanceof byte[] || raw instanceof Gens.Opaque) {
      refused(error, raw);
      return;
    }
    ok(error);
    int first = Integer.parseInt(p.getOrDefault("first", "0"));
    int last = Integer.parseInt(p.getOrDefault("last", "4"));
    int maskChar = p.getOrDefault("char", "*").codePointAt(0);
    String t = text(raw);
    assertThat(out).isInstanceOf(String.class);
    assertThat((String) out).isEqualTo(partialOf(t, first, last, maskChar));
    // Never the whole value: at least one character is hidden.
    int n = t.codePointCount(0, t.length());
    if (n > 0 && !t.codePoints().allMatch(c -> c == maskChar)) {
      assertThat(out).isNotEqualTo(t);
    }
  }

  private static final Pattern PAN = Pattern.compile(" *[0-9]+([ -][0-9]+)* *");

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  static boolean isPan(String s, boolean checkLuhn) {
    if (!PAN.matcher(s).matches()) {
      return false;
    }
    String digits = s.replaceAll("[^0-9]", "");
    return digits.length() >= 13 && digits.length() <= 19 && (!checkLuhn || luhn(digits));
  }

  private static void pci(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    ok(error);
    if (!(raw instanceof CharSequence) && !isIntegral(raw)) {
      assertThat(out).isEqualTo("****");
      return;
    }
    int first = Integer.parseInt(p.getOrDefault("first", "6"));
    int last = Integer.parseInt(p.getOrDefault("last", "4"));
    int maskChar = p.getOrDefault("char", "*").codePointAt(0);
    String t = text(raw);
    String o = (String) out;
    if (!isPan(t, Boolean.parseBoolean(p.getOrDefault("luhn", "true")))) {
      assertThat(o).isEqualTo(repeat(maskChar, t.codePointCount(0, t.length())));
      return;
    }
    int digits = t.replaceAll("[^0-9]", "").length();
    StringBuilder expected = new StringBuilder();
    int d = 0;
    for (char c : t.toCharArray()) {
      if (Character.isDigit(c)) {
        expected.appendCodePoint(d < first || d >= digits - last ? c : maskChar);
        d++;
      } else {
        expected.append(c);
      }
    }
    assertThat(o).isEqualTo(expected.toString());
    assertThat(o.replaceAll("[^0-9]", "").length()).as("at most 6 + 4 digits shown")
        .isLessThanOrEqualTo(Math.min(10, first + last));
  }

  static String emailDomain(String s) {
    String t = s.strip();
    int at = t.lastIndexOf('@');
    if (at <= 0 || at == t.length() - 1) {
      return null;
    }
    String domain = t.substring(at + 1);
    if (domain.length() > 253 || !domain.matches("[^\\s\\p{Cntrl}\\p{Zs}<>\",;\\u2028\\u2029\\u0085]+")) {
      return null;
    }
    return domain;
  }

  private static void email(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    ok(error);
    String token = p.getOrDefault("token", "****");
    if (!(raw instanceof CharSequence)) {
      assertThat(out).isEqualTo(token);
      return;
    }
    String t = raw.toString();
    String domain = emailDomain(t);
    assertThat(out).isEqualTo(domain == null ? token : token + "@" + domain);
    if (domain != null) {
      String local = t.strip().substring(0, t.strip().lastIndexOf('@'));
      if (local.length() >= 5 && !domain.contains(local) && !token.contains(local)) {
        assertThat((String) out).doesNotContain(local);
      }
    }
  }

  // ------------------------------------------------------------------ hash

  static byte[] hmac(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static void hash(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    ok(error);
    String key = Fixtures.SECRETS.values.get(p.get("key"));
    byte[] mac = hmac(key, canonical(raw));
    String encoded = switch (p.getOrDefault("encoding", "hex")) {
      case "base64" -> Base64.getEncoder().encodeToString(mac);
      case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
      default -> HexFormat.of().formatHex(mac);
    };
    int length = Integer.parseInt(p.getOrDefault("length", Integer.toString(encoded.length())));
    assertThat(out).isEqualTo(encoded.substring(0, length));
  }

  // ------------------------------------------------------------------ tokenize

  /** 0 kept, 1 digit, 2 upper, 3 lower: the documented character classes. */
  static int tokenClass(int cp) {
    if (cp >= '0' && cp <= '9') {
      return 1;
    }
    if (cp >= 'A' && cp <= 'Z') {
      return 2;
    }
    if (cp >= 'a' && cp <= 'z') {
      return 3;
    }
    int type = Character.getType(cp);
    if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
      return 1;
    }
    boolean kept = switch (type) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT -> true;
      default -> false;
    };
    return kept ? 0 : 3;
  }

  static boolean inClass(int cp, int cls) {
    return switch (cls) {
      case 1 -> cp >= '0' && cp <= '9';
      case 2 -> cp >= 'A' && cp <= 'Z';
      default -> cp >= 'a' && cp <= 'z';
    };
  }

  private static void tokenText(String raw, String out) {
    int[] r = raw.codePoints().toArray();
    int[] o = out.codePoints().toArray();
    assertThat(o.length).as("same number of characters").isEqualTo(r.length);
    int replaced = 0;
    int same = 0;
    for (int i = 0; i < r.length; i++) {
      int cls = tokenClass(r[i]);
      if (cls == 0) {
        assertThat(o[i]).as("kept character at %d", i).isEqualTo(r[i]);
      } else {
        assertThat(inClass(o[i], cls)).as("character at %d is of class %d", i, cls).isTrue();
        replaced++;
        if (o[i] == r[i]) {
          same++;
        }
      }
    }
    if (replaced > 0) {
      assertThat(out).as("a token never equals the value").isNotEqualTo(raw);
    }
    if (replaced >= 20) {
      assertThat(same).as("replaced characters equal to the value's (chance ~1/10)").isLessThan(replaced / 2);
    }
  }

  private static void sameShapeInteger(BigInteger raw, BigInteger out) {
    assertThat(out.signum()).isEqualTo(raw.signum() == 0 ? out.signum() : raw.signum());
    assertThat(out.abs().toString()).hasSameSizeAs(raw.abs().toString());
    assertThat(out).isNotEqualTo(raw);
  }

  private static void tokenize(Object raw, Object out, RuntimeException error) {
    if (raw instanceof Boolean || raw instanceof Gens.Opaque) {
      refused(error, raw);
      return;
    }
    ok(error);
    sameClass(raw, out);
    if (raw instanceof CharSequence) {
      tokenText(raw.toString(), (String) out);
    } else if (raw instanceof Character c) {
      tokenText(c.toString(), out.toString());
    } else if (isIntegral(raw)) {
      sameShapeInteger(new BigInteger(raw.toString()), new BigInteger(out.toString()));
    } else if (raw instanceof BigDecimal d) {
      BigDecimal o = (BigDecimal) out;
      assertThat(o.scale()).isEqualTo(d.scale());
      sameShapeInteger(d.unscaledValue(), o.unscaledValue());
    } else if (isFloating(raw)) {
      double d = ((Number) raw).doubleValue();
      if (!Double.isFinite(d)) {
        assertThat(out).isEqualTo(raw);
      } else {
        assertThat(Double.isFinite(((Number) out).doubleValue())).isTrue();
        assertThat(out).isNotEqualTo(raw);
      }
    } else if (raw instanceof UUID) {
      assertThat(((UUID) out).version()).isEqualTo(4);
      assertThat(out).isNotEqualTo(raw);
    } else if (raw instanceof byte[] b) {
      assertThat((byte[]) out).hasSameSizeAs(b);
      if (b.length > 0) {
        assertThat(Arrays.equals(b, (byte[]) out)).isFalse();
      }
    } else {
      assertThat(out).isNotEqualTo(raw);
      LocalDate date = dateOf(out);
      if (date != null) {
        assertThat(date).isBetween(LocalDate.of(1899, 12, 31), LocalDate.of(2100, 1, 1));
      }
      if (raw instanceof OffsetDateTime t) {
        assertThat(((OffsetDateTime) out).getOffset()).isEqualTo(t.getOffset());
      }
      if (raw instanceof ZonedDateTime t) {
        assertThat(((ZonedDateTime) out).getZone()).isEqualTo(t.getZone());
      }
    }
  }

  private static LocalDate dateOf(Object t) {
    if (t instanceof LocalDate d) {
      return d;
    }
    if (t instanceof LocalDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof OffsetDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof ZonedDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof Instant i) {
      return LocalDate.ofInstant(i, ZoneOffset.UTC);
    }
    if (t instanceof java.sql.Timestamp s) {
      return s.toLocalDateTime().toLocalDate();
    }
    if (t instanceof java.sql.Date s) {
      return s.toLocalDate();
    }
    if (t instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC);
    }
    return null;
  }

  // ------------------------------------------------------------------ fpe

  static String alphabet(Map<String, String> p) {
    String a = p.getOrDefault("alphabet", "digits");
    return switch (a) {
      case "digits" -> "0123456789";
      case "alphanumeric" -> "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
      case "lower" -> "abcdefghijklmnopqrstuvwxyz";
      default -> a;
    };
  }

  /** Least n with radix^n >= 1,000,000. */
  static int minLength(int radix) {
    int n = 0;
    for (long d = 1; d < 1_000_000 || n < 2; d *= radix) {
      n++;
    }
    return n;
  }

  private static void fpe(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    String alphabet = alphabet(p);
    boolean digits = alphabet.equals("0123456789");
    if (!(raw instanceof CharSequence) && !(digits && (isIntegral(raw) || raw instanceof BigDecimal))) {
      refused(error, raw);
      return;
    }
    ok(error);
    sameClass(raw, out);
    FpeFunction f = (FpeFunction) Fixtures.fn("fpe");
    int min = minLength(alphabet.codePointCount(0, alphabet.length()));
    if (raw instanceof CharSequence) {
      String r = raw.toString();
      String o = (String) out;
      int[] rc = r.codePoints().toArray();
      int[] oc = o.codePoints().toArray();
      assertThat(oc.length).isEqualTo(rc.length);
      int n = 0;
      int same = 0;
      for (int i = 0; i < rc.length; i++) {
        if (alphabet.indexOf(rc[i]) < 0) {
          assertThat(oc[i]).as("character outside the alphabet kept at %d", i).isEqualTo(rc[i]);
        } else {
          n++;
          same += oc[i] == rc[i] ? 1 : 0;
        }
      }
      if (n > 0 && n < min) {
        for (int i = 0; i < rc.length; i++) {
          if (alphabet.indexOf(rc[i]) >= 0) {
            assertThat(oc[i]).as("too short: redacted").isEqualTo('*');
          }
        }
        return;
      }
      for (int i = 0; i < rc.length; i++) {
        if (alphabet.indexOf(rc[i]) >= 0) {
          assertThat(alphabet.indexOf(oc[i])).as("alphabet kept at %d", i).isGreaterThanOrEqualTo(0);
        }
      }
      assertThat(f.decrypt(o, p, Fixtures.SECRETS)).as("decrypts to the value").isEqualTo(r);
      if (n >= 8) {
        assertThat(o).as("encryption changes the value").isNotEqualTo(r);
      }
      if (n >= 20) {
        assertThat(same).isLessThan(n / 2);
      }
      return;
    }
    BigInteger r = raw instanceof BigDecimal d ? d.unscaledValue() : new BigInteger(raw.toString());
    if (raw instanceof BigDecimal d) {
      assertThat(((BigDecimal) out).scale()).isEqualTo(d.scale());
    }
    if (r.abs().toString().length() < min) {
      assertThat(((Number) out).doubleValue()).as("too short: zero").isZero();
      return;
    }
    BigInteger o = out instanceof BigDecimal d ? d.unscaledValue() : new BigInteger(out.toString());
    assertThat(o.signum()).isEqualTo(r.signum());
    assertThat(o.abs().toString()).hasSameSizeAs(r.abs().toString());
    assertThat(f.decrypt(out, p, Fixtures.SECRETS)).isEqualTo(raw);
    if (r.abs().toString().length() >= 8) {
      assertThat(o).isNotEqualTo(r);
    }
  }

  // ------------------------------------------------------------------ generalize_date

  static LocalDate first(LocalDate d, String to) {
    return to.equals("month") ? LocalDate.of(d.getYear(), d.getMonth(), 1) : LocalDate.of(d.getYear(), 1, 1);
  }

  /** The ISO layouts the documentation promises to read, in order. */
  static TemporalAccessor parseIso(String s) {
    String t = s.strip();
    if (t.length() == 10 || t.matches("[+-]\\d{5,9}-\\d\\d-\\d\\d")) {
      try {
        return LocalDate.parse(t);
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + "T" + t.substring(11);
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE_TIME,
        DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME}) {
      try {
        return f.parse(t);
      } catch (java.time.format.DateTimeParseException e) {
        // next
      }
    }
    return null;
  }

  private static void generalizeDate(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    String to = p.getOrDefault("to", "year");
    if (raw instanceof CharSequence) {
      ok(error);
      TemporalAccessor parsed = parseIso(raw.toString());
      if (parsed == null) {
        assertThat(out).isEqualTo("****");
        return;
      }
      String o = (String) out;
      assertThat(o).hasSameSizeAs(raw.toString().strip());
      TemporalAccessor back = parseIso(o);
      assertThat(back).as("result is ISO too: %s", o).isNotNull();
      LocalDate d = LocalDate.from(parsed);
      assertThat(LocalDate.from(back)).isEqualTo(first(d, to));
      if (back.isSupported(java.time.temporal.ChronoField.NANO_OF_DAY)) {
        assertThat(LocalTime.from(back)).isEqualTo(LocalTime.MIDNIGHT);
      }
      return;
    }
    Object expected;
    if (raw instanceof LocalDate d) {
      expected = first(d, to);
    } else if (raw instanceof LocalDateTime t) {
      expected = first(t.toLocalDate(), to).atStartOfDay();
    } else if (raw instanceof OffsetDateTime t) {
      expected = first(t.toLocalDate(), to).atStartOfDay().atOffset(t.getOffset());
    } else if (raw instanceof ZonedDateTime t) {
      expected = first(t.toLocalDate(), to).atStartOfDay(t.getZone());
    } else if (raw instanceof Instant t) {
      expected = first(LocalDate.ofInstant(t, ZoneOffset.UTC), to).atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (raw instanceof java.sql.Timestamp t) {
      expected = java.sql.Timestamp.valueOf(first(t.toLocalDateTime().toLocalDate(), to).atStartOfDay());
    } else if (raw instanceof java.sql.Date d) {
      expected = java.sql.Date.valueOf(first(d.toLocalDate(), to));
    } else if (raw instanceof Date d && !(raw instanceof java.sql.Time)) {
      expected = Date.from(first(LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC), to).atStartOfDay()
          .toInstant(ZoneOffset.UTC));
    } else {
      refused(error, raw);
      return;
    }
    ok(error);
    assertValue(expected, out);
  }

  // ------------------------------------------------------------------ bucket, noise

  static BigDecimal exact(Object n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    return new BigDecimal(n.toString());
  }

  private static void bucket(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    if (!isNumber(raw) && !(raw instanceof CharSequence)) {
      refused(error, raw);
      return;
    }
    BigDecimal x;
    if (raw instanceof CharSequence) {
      try {
        x = new BigDecimal(raw.toString().strip());
      } catch (NumberFormatException e) {
        ok(error);
        assertThat(out).isEqualTo("****");
        return;
      }
    } else if (isFloating(raw) && !Double.isFinite(((Number) raw).doubleValue())) {
      ok(error);
      assertThat(out).isEqualTo(raw);
      return;
    } else {
      x = exact(raw);
    }
    BigDecimal size = p.containsKey("size") ? new BigDecimal(p.get("size")) : null;
    if (size != null) {
      BigDecimal resolution = isIntegral(raw) ? BigDecimal.ONE
          : raw instanceof BigDecimal d ? BigDecimal.ONE.scaleByPowerOfTen(-d.scale())
          : raw instanceof CharSequence ? BigDecimal.ONE.scaleByPowerOfTen(-x.scale()) : null;
      if (resolution != null && size.compareTo(resolution) <= 0) {
        refused(error, raw);
        return;
      }
    }
    ok(error);
    sameClass(raw, out);
    BigDecimal o = raw instanceof CharSequence ? new BigDecimal((String) out) : exact(out);
    if (size != null) {
      BigDecimal lower = x.divide(size, 0, RoundingMode.FLOOR).multiply(size);
      if (isIntegral(raw) || raw instanceof CharSequence || raw instanceof BigDecimal) {
        BigDecimal expected = isIntegral(raw) ? lower.setScale(0, RoundingMode.FLOOR) : lower;
        BigDecimal min = raw instanceof Integer ? BigDecimal.valueOf(Integer.MIN_VALUE)
            : raw instanceof Long ? BigDecimal.valueOf(Long.MIN_VALUE)
            : raw instanceof Short ? BigDecimal.valueOf(Short.MIN_VALUE)
            : raw instanceof Byte ? BigDecimal.valueOf(Byte.MIN_VALUE) : null;
        if (min != null && expected.compareTo(min) < 0) {
          expected = min; // clamped to the type
        }
        assertThat(o.compareTo(expected)).as("%s is the bucket's lower bound %s", o, expected).isZero();
        if (raw instanceof BigDecimal d && expected.scale() <= d.scale()) {
          assertThat(o.scale()).isEqualTo(d.scale());
        }
      } else {
        assertThat(o.compareTo(x)).isLessThanOrEqualTo(0);
        if (x.abs().compareTo(new BigDecimal("1e6")) < 0) {
          assertThat(x.subtract(o).compareTo(size)).isLessThan(0);
        }
      }
    } else {
      BigDecimal expected = null;
      for (String b : p.get("bounds").split(",")) {
        BigDecimal bound = new BigDecimal(b);
        if (expected == null || bound.compareTo(x) <= 0) {
          expected = bound;
        }
      }
      assertThat(o.compareTo(expected)).isZero();
    }
  }

  private static void noise(Map<String, String> p, Object raw, Object out, RuntimeException error) {
    if (!isNumber(raw) && !(raw instanceof CharSequence)) {
      refused(error, raw);
      return;
    }
    ok(error);
    BigDecimal x;
    if (raw instanceof CharSequence) {
      try {
        x = new BigDecimal(raw.toString().strip());
      } catch (NumberFormatException e) {
        assertThat(out).isEqualTo("****");
        return;
      }
    } else if (isFloating(raw) && !Double.isFinite(((Number) raw).doubleValue())) {
      assertThat(out).isEqualTo(raw);
      return;
    } else {
      x = exact(raw);
    }
    sameClass(raw, out);
    BigDecimal o = raw instanceof CharSequence ? new BigDecimal((String) out) : exact(out);
    assertThat(o.compareTo(x)).as("noise never returns the value").isNotZero();
    BigDecimal bound = p.containsKey("scale") ? new BigDecimal(p.get("scale"))
        : x.abs().multiply(new BigDecimal(p.get("percent"))).movePointLeft(2);
    BigDecimal resolution;
    if (isIntegral(raw)) {
      resolution = BigDecimal.ONE;
    } else if (raw instanceof BigDecimal || raw instanceof CharSequence) {
      resolution = BigDecimal.ONE.scaleByPowerOfTen(-x.scale());
      assertThat(o.scale()).isEqualTo(x.scale());
    } else {
      double ulp = raw instanceof Float f ? Math.ulp(f) : Math.ulp(((Number) raw).doubleValue());
      resolution = new BigDecimal(2 * ulp);
      bound = bound.add(new BigDecimal(2 * ulp));
    }
    BigDecimal allowed = bound.max(resolution);
    if (isIntegral(raw) && !(raw instanceof BigInteger)) {
      allowed = allowed.multiply(BigDecimal.valueOf(2)); // mirrored at the ends of the type's range
    }
    assertThat(o.subtract(x).abs()).as("offset within the bound").isLessThanOrEqualTo(allowed);
  }
}
