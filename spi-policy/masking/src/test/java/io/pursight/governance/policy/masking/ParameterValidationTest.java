package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.spi.MaskingFunction;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * {@code validate} (called when policies load) rejects bad parameters with a message naming the
 * function, the parameter and the accepted values; {@code mask} reports the same; secrets given
 * in place of a reference are never repeated.
 */
class ParameterValidationTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> invalid(String function, String... nameValues) {
    MaskingFunction f = Fixtures.fn(function);
    Map<String, String> p = params(nameValues);
    String viaMask = null;
    try {
      f.mask("value", p, Fixtures.SECRETS);
    } catch (IllegalArgumentException e) {
      viaMask = e.getMessage();
    }
    String expectedMask = viaMask;
    return assertThatThrownBy(() -> f.validate(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("masking function " + function + ": ")
        .satisfies(e -> assertThat(e.getMessage()).as("mask reports what validate reports").isEqualTo(expectedMask));
  }

  @Test
  void unknownParametersAreNamedWithTheAcceptedOnes() {
    invalid("partial", "frist", "1").hasMessageContaining("unknown parameter 'frist'")
        .hasMessageContaining("accepted: char, first, last");
    invalid("null", "token", "x").hasMessageContaining("accepted: none");
    invalid("redact", "value", "x").hasMessageContaining("accepted: token");
  }

  @Test
  void theFunctionKeyIsIgnored() {
    assertThatCode(() -> Fixtures.fn("partial").validate(params("function", "partial", "last", "2")))
        .doesNotThrowAnyException();
    assertThatCode(() -> Fixtures.fn("redact").validate(null)).doesNotThrowAnyException();
    Map<String, String> withNull = new HashMap<>();
    withNull.put("function", null);
    assertThat(Fixtures.fn("redact").mask("x", withNull, Fixtures.SECRETS)).isEqualTo("****");
    Map<String, String> mutable = params("last", "2");
    assertThat(Fixtures.fn("partial").mask("abcdef", mutable, Fixtures.SECRETS)).isEqualTo("****ef");
    mutable.put("last", "3");
    assertThat(Fixtures.fn("partial").mask("abcdef", mutable, Fixtures.SECRETS)).as("no stale configuration")
        .isEqualTo("***def");
  }

  @Test
  void missingValues() {
    Map<String, String> p = new HashMap<>();
    p.put("first", null);
    assertThatThrownBy(() -> Fixtures.fn("partial").validate(p)).hasMessageContaining("parameter 'first' has no value");
    invalid("fixed").hasMessageContaining("parameter 'value' is required");
  }

  @Test
  void numbersAndCharacters() {
    invalid("partial", "first", "-1").hasMessageContaining("parameter 'first' must be an integer from 0 to 1000")
        .hasMessageContaining("(got '-1')");
    invalid("partial", "last", "four").hasMessageContaining("parameter 'last'");
    invalid("partial", "char", "**").hasMessageContaining("parameter 'char' must be exactly one character");
    invalid("partial", "char", "").hasMessageContaining("parameter 'char'");
    invalid("pci", "first", "8").hasMessageContaining("parameter 'first' must be an integer from 0 to 6");
    invalid("pci", "last", "5").hasMessageContaining("from 0 to 4");
    invalid("pci", "char", "0").hasMessageContaining("parameter 'char' must not be a digit");
    invalid("pci", "luhn", "yes").hasMessageContaining("parameter 'luhn' must be one of true, false");
  }

  @Test
  void keys() {
    invalid("hash").hasMessageContaining("parameter 'key' is required: a secret reference such as env:MASK_KEY");
    invalid("tokenize", "key", "MyLiteralSecretKey123").hasMessageContaining("must be a secret reference")
        .hasMessageNotContaining("MyLiteralSecretKey123");
    invalid("fpe", "key", ":nothing").hasMessageContaining("secret reference");
    invalid("noise", "scale", "1", "key", "env:").hasMessageContaining("secret reference");
    invalid("hash", "key", "env:K", "keyEncoding", "latin1")
        .hasMessageContaining("parameter 'keyEncoding' must be one of utf8, hex, base64");
  }

  @Test
  void hashOptions() {
    invalid("hash", "key", "env:K", "encoding", "base32")
        .hasMessageContaining("parameter 'encoding' must be one of hex, base64, base64url");
    invalid("hash", "key", "env:K", "length", "65").hasMessageContaining("from 8 to 64");
    invalid("hash", "key", "env:K", "encoding", "base64", "length", "45").hasMessageContaining("from 8 to 44");
    invalid("hash", "key", "env:K", "length", "4").hasMessageContaining("from 8 to 64");
  }

  @Test
  void fpeOptions() {
    invalid("fpe", "key", "env:K", "alphabet", "a")
        .hasMessageContaining("parameter 'alphabet' must be digits (default)");
    invalid("fpe", "key", "env:K", "alphabet", "abca").hasMessageContaining("no repeats");
    invalid("fpe", "key", "env:K", "tweak", "x".repeat(300))
        .hasMessageContaining("parameter 'tweak' must be at most 256");
    invalid("fpe", "key", "env:K", "tooShort", "keep").hasMessageContaining("must be one of redact, error");
  }

  @Test
  void datesAndNumbers() {
    invalid("generalize_date", "to", "week").hasMessageContaining("parameter 'to' must be one of year, month");
    invalid("bucket").hasMessageContaining("'size' or 'bounds' is required");
    invalid("bucket", "size", "10", "bounds", "0,10")
        .hasMessageContaining("'size' and 'bounds' cannot be used together");
    invalid("bucket", "size", "0").hasMessageContaining("parameter 'size' must be a number greater than 0");
    invalid("bucket", "size", "ten").hasMessageContaining("(got 'ten')");
    invalid("bucket", "bounds", "0,30,18").hasMessageContaining("strictly ascending");
    invalid("bucket", "bounds", "0,,18").hasMessageContaining("comma-separated list of numbers");
    invalid("noise").hasMessageContaining("'scale' or 'percent' is required");
    invalid("noise", "scale", "1", "percent", "2").hasMessageContaining("cannot be used together");
    invalid("noise", "percent", "150").hasMessageContaining("at most 100");
    invalid("noise", "scale", "-1").hasMessageContaining("greater than 0");
    invalid("noise", "scale", "1", "seed", "abc").hasMessageContaining("parameter 'seed' must be an integer");
    invalid("noise", "scale", "1", "seed", "1", "key", "env:K").hasMessageContaining("'seed' and 'key'");
  }

  @Test
  void validParametersPass() {
    record Valid(String function, Map<String, String> parameters) {}
    for (Valid c : new Valid[] {
        new Valid("redact", params("token", "")), new Valid("fixed", params("value", "")),
        new Valid("partial", params("first", "0", "last", "0")),
        new Valid("pci", params("first", "6", "last", "4", "luhn", "FALSE")), new Valid("email", params()),
        new Valid("hash", params("key", "vault:kv/mask", "encoding", "BASE64", "length", "44")),
        new Valid("tokenize", params("key", "file:/run/secrets/k")),
        new Valid("fpe", params("key", "env:K", "alphabet", "0123456789ABCDEF", "tweak", "")),
        new Valid("generalize_date", params("to", "Month")), new Valid("bucket", params("bounds", " 0, 18 ,65")),
        new Valid("noise", params("percent", "100", "seed", "-3"))}) {
      assertThatCode(() -> Fixtures.fn(c.function()).validate(c.parameters()))
          .as("%s %s", c.function(), c.parameters()).doesNotThrowAnyException();
    }
  }
}
