package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Format-preserving encryption: NIST SP 800-38G FF1 sample vectors through the function (so the
 * key handling, alphabet and tweak are the standard's), round trips with the key, length, alphabet
 * and separators preserved, numbers kept in their type, wide (more than 256 symbols) alphabets.
 */
class FpeTest {
  static final FpeFunction FPE = (FpeFunction) Fixtures.fn("fpe");
  static final String HEX_KEY = Fixtures.FF1_KEY_REF;

  private static Object enc(Object v, Map<String, String> p) {
    return FPE.mask(v, p, Fixtures.SECRETS);
  }

  private static Object dec(Object v, Map<String, String> p) {
    return FPE.decrypt(v, p, Fixtures.SECRETS);
  }

  @Test
  void nistSamplesOneToThree() {
    // NIST SP 800-38G FF1 samples (AES-128, key 2B7E151628AED2A6ABF7158809CF4F3C).
    Map<String, String> s1 = params("key", HEX_KEY, "keyEncoding", "hex");
    assertThat(enc("0123456789", s1)).isEqualTo("2433477484");
    // Tweak 39383736353433323130 is the ASCII text "9876543210".
    Map<String, String> s2 = params("key", HEX_KEY, "keyEncoding", "hex", "tweak", "9876543210");
    assertThat(enc("0123456789", s2)).isEqualTo("6124200773");
    // Radix 36, tweak 3737373770717273373737 = "7777pqrs777".
    Map<String, String> s3 = params("key", HEX_KEY, "keyEncoding", "hex", "tweak", "7777pqrs777", "alphabet",
        "0123456789abcdefghijklmnopqrstuvwxyz");
    assertThat(enc("0123456789abcdefghi", s3)).isEqualTo("a9tv40mll9kdu509eum");
    assertThat(dec("a9tv40mll9kdu509eum", s3)).isEqualTo("0123456789abcdefghi");
  }

  @Test
  void cardNumbersKeepTheirDashesAndDecrypt() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    String out = (String) enc("4111-1111-1111-1111", p);
    assertThat(out).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}").isNotEqualTo("4111-1111-1111-1111");
    assertThat(dec(out, p)).isEqualTo("4111-1111-1111-1111");
    assertThat(enc("4111-1111-1111-1111", p)).as("deterministic").isEqualTo(out);
    Map<String, String> tweaked = params("key", Fixtures.KEY_REF, "tweak", "payments.pan");
    assertThat(enc("4111-1111-1111-1111", tweaked)).as("the tweak changes the result").isNotEqualTo(out);
  }

  @Test
  void roundTripsRandomDigitStringsAndChangesThem() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    Fixtures.qt(1000).forAll(strings().betweenCodePoints('0', '9').ofLengthBetween(6, 60)).checkAssert(s -> {
      String out = (String) enc(s, p);
      assertThat(out).hasSameSizeAs(s).matches("\\d+");
      assertThat(dec(out, p)).isEqualTo(s);
      if (s.length() >= 8) {
        assertThat(out).isNotEqualTo(s);
      }
    });
  }

  @Test
  void roundTripsMixedTextInEveryNamedAlphabet() {
    for (String alphabet : new String[] {"digits", "lower", "upper", "letters", "alphanumeric", "hex"}) {
      Map<String, String> p = params("key", Fixtures.KEY_REF, "alphabet", alphabet, "tweak", "t");
      Fixtures.qt(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40)).checkAssert(s -> {
        Object out = enc(s, p);
        assertThat(out).isInstanceOf(String.class);
        String o = (String) out;
        assertThat(o).hasSameSizeAs(s);
        String chars = FpeFunction.ALPHABETS.get(alphabet);
        long n = s.chars().filter(c -> chars.indexOf(c) >= 0).count();
        if (n > 0 && n < Oracles.minLength(chars.length())) {
          for (int i = 0; i < s.length(); i++) {
            assertThat(o.charAt(i)).isEqualTo(chars.indexOf(s.charAt(i)) >= 0 ? '*' : s.charAt(i));
          }
        } else {
          assertThat(dec(o, p)).as("%s in %s", s, alphabet).isEqualTo(s);
        }
      });
    }
  }

  @Test
  void wideAlphabetsOfMoreThan256Symbols() {
    StringBuilder a = new StringBuilder();
    for (int cp = 0x4E00; cp < 0x4E00 + 300; cp++) {
      a.appendCodePoint(cp);
    }
    Map<String, String> p = params("key", Fixtures.KEY_REF, "alphabet", a.toString());
    Fixtures.qt(300).forAll(strings().betweenCodePoints(0x4E00, 0x4E00 + 299).ofLengthBetween(3, 20)).checkAssert(s -> {
      String out = (String) enc(s, p);
      assertThat(out.codePoints().allMatch(cp -> cp >= 0x4E00 && cp < 0x4E00 + 300)).isTrue();
      assertThat(dec(out, p)).isEqualTo(s);
    });
  }

  @Test
  void numbersKeepTypeSignAndDigitCount() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    Fixtures.qt(1000).forAll(longs().all()).checkAssert(v -> {
      Object out = enc(v, p);
      assertThat(out).isInstanceOf(Long.class);
      long o = (Long) out;
      if (Math.abs((double) v) < 100_000) {
        assertThat(o).as("too short for FF1: zero").isZero();
        return;
      }
      assertThat(Long.signum(o)).isEqualTo(Long.signum(v));
      assertThat(BigInteger.valueOf(o).abs().toString()).hasSameSizeAs(BigInteger.valueOf(v).abs().toString());
      assertThat(dec(out, p)).isEqualTo(v);
    });
    Fixtures.qt(500).forAll(integers().all()).checkAssert(v -> {
      Object out = enc(v, p);
      assertThat(out).isInstanceOf(Integer.class);
      if (Math.abs((long) v) >= 100_000) {
        assertThat(dec(out, p)).isEqualTo(v);
      }
    });
    Object max = enc(Long.MAX_VALUE, p);
    assertThat(dec(max, p)).isEqualTo(Long.MAX_VALUE);
    assertThat(dec(enc(Long.MIN_VALUE, p), p)).isEqualTo(Long.MIN_VALUE);
    BigDecimal d = (BigDecimal) enc(new BigDecimal("-12345.678"), p);
    assertThat(d.scale()).isEqualTo(3);
    assertThat(d.signum()).isEqualTo(-1);
    assertThat(dec(d, p)).isEqualTo(new BigDecimal("-12345.678"));
  }

  @Test
  void tooShortValuesAreRedactedOrRefused() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    assertThat(enc("12345", p)).isEqualTo("*****");
    assertThat(enc("12-34", p)).isEqualTo("**-**");
    assertThat(enc("abc", p)).as("no digit: nothing to encrypt").isEqualTo("abc");
    assertThat(enc(12345, p)).isEqualTo(0);
    Map<String, String> strict = params("key", Fixtures.KEY_REF, "tooShort", "error");
    assertThatThrownBy(() -> enc("98765", strict)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer than 6").hasMessageNotContaining("98765");
    assertThat(enc("abcd", params("key", Fixtures.KEY_REF, "alphabet", "alphanumeric")))
        .as("62^4 >= 1,000,000").isNotEqualTo("abcd");
  }

  @Test
  void valuesLongerThanTheLimitAreRefused() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    String ok = "12-" + "3".repeat(FpeFunction.MAX_LENGTH - 2);
    assertThat(dec(enc(ok, p), p)).isEqualTo(ok);
    assertThatThrownBy(() -> enc("4".repeat(FpeFunction.MAX_LENGTH + 1), p))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 4096")
        .hasMessageNotContaining("4444444");
  }

  @Test
  void typesItCannotEncryptAreRefused() {
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    assertThatThrownBy(() -> enc(12.5d, p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> enc(123456789L, params("key", Fixtures.KEY_REF, "alphabet", "hex")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alphabet: digits");
  }

  @Test
  void aTextKeyIsDerivedAndAHexKeyIsUsedAsIs() {
    String v = "0123456789";
    Object derived = enc(v, params("key", HEX_KEY));
    Object direct = enc(v, params("key", HEX_KEY, "keyEncoding", "hex"));
    assertThat(direct).isEqualTo("2433477484");
    assertThat(derived).isNotEqualTo(direct);
    Fixtures.Secrets b64 = new Fixtures.Secrets().with("env:B64", "K34VFiiu0qar9xWICc9PPA==");
    assertThat(FPE.mask(v, params("key", "env:B64", "keyEncoding", "base64"), b64)).isEqualTo("2433477484");
  }
}
