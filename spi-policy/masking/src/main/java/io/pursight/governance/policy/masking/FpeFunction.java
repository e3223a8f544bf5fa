package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * {@code fpe}: format-preserving encryption with FF1 (NIST SP 800-38G, BouncyCastle's {@link
 * FPEFF1Engine}) under an AES key from {@code key}. The characters of the value that belong to
 * {@code alphabet} (default {@code digits}) are encrypted together as one FF1 block of radix
 * {@code |alphabet|}; every other character stays in place, so {@code 4111-1111-1111-1111} keeps its
 * dashes. The result has the same length and alphabet, and decrypts with the same key, alphabet
 * and {@code tweak}.
 *
 * <p>FF1 needs at least {@code radix^n >= 1,000,000} (6 digits, 5 lower-case letters, 4
 * alphanumerics); a shorter value is handled by {@code tooShort}: {@code redact} (default, each
 * alphabet character becomes {@code *}, not decryptable) or {@code error}. Values with more than
 * {@value #MAX_LENGTH} alphabet characters are refused (FF1's cost grows with the square of the
 * length).
 *
 * <p>Integral numbers and BigDecimal (alphabet {@code digits} only) are encrypted on the digits of
 * their magnitude with cycle-walking, so the result has the same type, sign, number of digits, no
 * leading zero and fits the type (BigDecimal keeps its scale); a too-short number is redacted to
 * zero. Other types are refused.
 */
final class FpeFunction extends AbstractFunction<FpeFunction.Config> {
  static final String NAME = "fpe";
  static final String HKDF_INFO = "pursight/mask/fpe/v1";
  static final int MIN_DOMAIN = 1_000_000;
  static final int MAX_TWEAK = 256;
  static final int MAX_RADIX = 65_536;
  /** FF1's cost grows with the square of the length: longer values are refused, not left to stall a query. */
  static final int MAX_LENGTH = 4096;
  static final String DIGITS = "0123456789";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final Map<String, String> ALPHABETS = Map.of("digits", DIGITS, "lower", LOWER, "upper", UPPER, "letters",
      UPPER + LOWER, "alphanumeric", DIGITS + UPPER + LOWER, "hex", DIGITS + "abcdef");
  private static final String ALPHABET_HELP = "digits (default), lower, upper, letters, alphanumeric, hex, or the"
      + " characters themselves (at least 2, no repeats), e.g. alphabet: 0123456789ABCDEF";

  /** The alphabet: symbols by index and indexes by code point. */
  static final class Alphabet {
    final int[] symbols;
    private final int[] ascii = new int[128];
    private final Map<Integer, Integer> others = new HashMap<>();
    final int minLength;
    final boolean digits;

    Alphabet(int[] symbols) {
      this.symbols = symbols;
      this.digits = java.util.Arrays.equals(symbols, DIGITS.codePoints().toArray());
      java.util.Arrays.fill(ascii, -1);
      for (int i = 0; i < symbols.length; i++) {
        if (symbols[i] < 128) {
          ascii[symbols[i]] = i;
        } else {
          others.put(symbols[i], i);
        }
      }
      long domain = 1;
      int n = 0;
      while (domain < MIN_DOMAIN || n < 2) {
        domain *= symbols.length;
        n++;
      }
      minLength = n;
    }

    int index(int cp) {
      if (cp < 128) {
        return ascii[cp];
      }
      Integer i = others.get(cp);
      return i == null ? -1 : i;
    }

    int radix() {
      return symbols.length;
    }

    boolean isDigits() {
      return digits;
    }
  }

  enum TooShort {
    REDACT, ERROR
  }

  record Config(String key, Keys.Encoding keyEncoding, Alphabet alphabet, byte[] tweak, TooShort tooShort) {}

  private final Keys keys;

  FpeFunction(Keys keys) {
    super(NAME, Keys.KEY, Keys.KEY_ENCODING, "alphabet", "tweak", "tooShort");
    this.keys = keys;
  }

  @Override
  Config parse(Params p) {
    String key = p.secretReference(Keys.KEY, true);
    Keys.Encoding keyEncoding = Keys.Encoding.of(p);
    String a = p.string("alphabet", "digits");
    String chars = ALPHABETS.getOrDefault(a.strip().toLowerCase(java.util.Locale.ROOT), a);
    int[] symbols = chars.codePoints().toArray();
    if (symbols.length < 2 || symbols.length > MAX_RADIX || symbols.length != chars.codePoints().distinct().count()
        || chars.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
      throw p.error("alphabet", "must be " + ALPHABET_HELP + "; at most " + MAX_RADIX + " characters (got '"
          + Params.echo(a) + "')");
    }
    byte[] tweak = p.string("tweak", "").getBytes(StandardCharsets.UTF_8);
    if (tweak.length > MAX_TWEAK) {
      throw p.error("tweak", "must be at most " + MAX_TWEAK + " bytes of UTF-8");
    }
    TooShort tooShort = TooShort.valueOf(p.choice("tooShort", "redact", "redact", "error")
        .toUpperCase(java.util.Locale.ROOT));
    return new Config(key, keyEncoding, new Alphabet(symbols), tweak, tooShort);
  }

  @Override
  Object apply(Object value, Config c, SecretResolver secrets) {
    return crypt(value, c, secrets, true);
  }

  /** The inverse of {@link #mask}: decrypts a value masked with the same parameters and key. */
  Object decrypt(Object value, Map<String, String> parameters, SecretResolver secrets) {
    Config c = config(parameters);
    return value == null ? null : crypt(value, c, secrets, false);
  }

  private Object crypt(Object value, Config c, SecretResolver secrets, boolean encrypt) {
    Values.Kind kind = Values.kind(value);
    if (kind != Values.Kind.TEXT && kind != Values.Kind.INTEGRAL && kind != Values.Kind.DECIMAL) {
      throw Values.unsupported(NAME, value, "strings, integral numbers and BigDecimal");
    }
    if (kind != Values.Kind.TEXT && !c.alphabet.isDigits()) {
      throw new IllegalArgumentException("masking function fpe: numbers need alphabet: digits (this policy's alphabet"
          + " has " + c.alphabet.radix() + " characters); mask them as strings or use tokenize");
    }
    KeyParameter aes = keys.get(NAME, c.key, c.keyEncoding, secrets).aes();
    Cipher cipher = new Cipher(aes, c, encrypt);
    if (kind == Values.Kind.TEXT) {
      return text(cipher, value.toString(), c);
    }
    if (value instanceof BigDecimal d) {
      BigInteger u = number(cipher, d.unscaledValue(), null, c);
      return u == null ? BigDecimal.ZERO.setScale(d.scale()) : new BigDecimal(u, d.scale());
    }
    Number n = (Number) value;
    BigInteger bound = Values.integer(n).signum() < 0 ? negate(Values.min(n)) : Values.max(n);
    BigInteger r = number(cipher, Values.integer(n), bound, c);
    return r == null ? Values.neutral(value) : Values.integral(r, n);
  }

  private static BigInteger negate(BigInteger b) {
    return b == null ? null : b.negate();
  }

  /** One FF1 key, tweak, radix and direction. */
  private static final class Cipher {
    private final FPEFF1Engine engine = new FPEFF1Engine();
    private final boolean wide;

    Cipher(KeyParameter key, Config c, boolean encrypt) {
      engine.init(encrypt, new FPEParameters(key, c.alphabet.radix(), c.tweak));
      wide = c.alphabet.radix() > 256;
    }

    /** Encrypts or decrypts symbol indexes in place. */
    void process(int[] symbols) {
      int n = symbols.length;
      byte[] in = new byte[wide ? 2 * n : n];
      for (int i = 0; i < n; i++) {
        if (wide) {
          in[2 * i] = (byte) (symbols[i] >>> 8);
          in[2 * i + 1] = (byte) symbols[i];
        } else {
          in[i] = (byte) symbols[i];
        }
      }
      byte[] out = new byte[in.length];
      engine.processBlock(in, 0, in.length, out, 0);
      for (int i = 0; i < n; i++) {
        symbols[i] = wide ? (out[2 * i] & 0xff) << 8 | (out[2 * i + 1] & 0xff) : out[i] & 0xff;
      }
    }
  }

  private static String text(Cipher cipher, String s, Config c) {
    Alphabet a = c.alphabet;
    int[] cps = s.codePoints().toArray();
    int n = 0;
    for (int cp : cps) {
      if (a.index(cp) >= 0) {
        n++;
      }
    }
    if (n == 0) {
      return s;
    }
    if (n > MAX_LENGTH) {
      throw tooLong();
    }
    if (n < a.minLength) {
      tooShort(c);
      int redacted = a.index('*') < 0 ? '*' : '\uFFFD';
      StringBuilder b = new StringBuilder(s.length());
      for (int cp : cps) {
        b.appendCodePoint(a.index(cp) >= 0 ? redacted : cp);
      }
      return b.toString();
    }
    int[] symbols = new int[n];
    int k = 0;
    for (int cp : cps) {
      int i = a.index(cp);
      if (i >= 0) {
        symbols[k++] = i;
      }
    }
    cipher.process(symbols);
    StringBuilder b = new StringBuilder(s.length());
    k = 0;
    for (int cp : cps) {
      b.appendCodePoint(a.index(cp) >= 0 ? a.symbols[symbols[k++]] : cp);
    }
    return b.toString();
  }

  private static IllegalArgumentException tooLong() {
    return new IllegalArgumentException("masking function fpe: a value has more than " + MAX_LENGTH
        + " characters of the alphabet, more than this function encrypts; value not shown");
  }

  private static void tooShort(Config c) {
    if (c.tooShort == TooShort.ERROR) {
      throw new IllegalArgumentException("masking function fpe: a value has fewer than " + c.alphabet.minLength
          + " characters of the alphabet, the least FF1 accepts for radix " + c.alphabet.radix()
          + " (tooShort: error); value not shown");
    }
  }

  /**
   * Encrypts or decrypts the magnitude of {@code v} within the numbers of as many digits, without a
   * leading zero and at most {@code bound} (null: no bound), by cycle-walking: FF1 is applied again
   * until the result lies in that set, which keeps the mapping a permutation of it. Null when too
   * short (and tooShort is redact).
   */
  private static BigInteger number(Cipher cipher, BigInteger v, BigInteger bound, Config c) {
    int sign = v.signum();
    String digits = v.abs().toString();
    int d = digits.length();
    if (d > MAX_LENGTH) {
      throw tooLong();
    }
    if (d < c.alphabet.minLength) {
      tooShort(c);
      return null;
    }
    int[] symbols = new int[d];
    for (int i = 0; i < d; i++) {
      symbols[i] = digits.charAt(i) - '0';
    }
    while (true) {
      cipher.process(symbols);
      if (symbols[0] == 0) {
        continue;
      }
      StringBuilder b = new StringBuilder(d);
      for (int s : symbols) {
        b.append((char) ('0' + s));
      }
      BigInteger r = new BigInteger(b.toString());
      if (bound == null || r.compareTo(bound) <= 0) {
        return sign < 0 ? r.negate() : r;
      }
    }
  }
}
