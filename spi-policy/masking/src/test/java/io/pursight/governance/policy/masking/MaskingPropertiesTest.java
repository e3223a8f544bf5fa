package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.spi.MaskingFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * Property tests (QuickTheories, with shrinking) of every masking function over random values of
 * every kind: random Unicode, digits, formatted identifiers, e-mail addresses, card numbers with
 * and without separators, numbers of each Java type, dates and times, and other types. For each
 * value the output (or exception) must satisfy the function's oracle ({@link Oracles}): it keeps
 * nothing of the value beyond what the documentation lists, has the documented type, and an
 * exception never quotes the value. Deterministic configurations must give the same result from
 * a fresh plugin instance and a fresh resolver.
 */
class MaskingPropertiesTest {
  static final int EXAMPLES = 1500;

  record Case(String function, Map<String, String> parameters, boolean deterministic) {
    @Override
    public String toString() {
      return function + " " + parameters;
    }
  }

  static Stream<Case> cases() {
    String k = Fixtures.KEY_REF;
    return Stream.of(
        new Case("redact", params(), true),
        new Case("redact", params("token", "[hidden]"), true),
        new Case("null", params(), true),
        new Case("fixed", params("value", "7"), true),
        new Case("partial", params(), true),
        new Case("partial", params("first", "2", "last", "3", "char", "#"), true),
        new Case("partial", params("first", "0", "last", "0"), true),
        new Case("pci", params(), true),
        new Case("pci", params("first", "0", "last", "4", "char", "X"), true),
        new Case("pci", params("luhn", "false"), true),
        new Case("email", params(), true),
        new Case("email", params("token", "user"), true),
        new Case("hash", params("key", k), true),
        new Case("hash", params("key", k, "encoding", "base64", "length", "16"), true),
        new Case("hash", params("key", k, "encoding", "base64url"), true),
        new Case("tokenize", params("key", k), true),
        new Case("fpe", params("key", k), true),
        new Case("fpe", params("key", Fixtures.FF1_KEY_REF, "keyEncoding", "hex", "alphabet", "alphanumeric",
            "tweak", "customers.id"), true),
        new Case("fpe", params("key", k, "alphabet", "lower"), true),
        new Case("generalize_date", params(), true),
        new Case("generalize_date", params("to", "month"), true),
        new Case("bucket", params("size", "10"), true),
        new Case("bucket", params("size", "0.5"), true),
        new Case("bucket", params("bounds", "0,18,30,65"), true),
        new Case("noise", params("scale", "5", "key", k), true),
        new Case("noise", params("percent", "10", "seed", "42"), true),
        new Case("noise", params("scale", "0.25"), false));
  }

  private static Object[] run(MaskingFunction f, Object value, Map<String, String> p,
      io.pursight.governance.spi.SecretResolver secrets) {
    try {
      return new Object[] {f.mask(value, p, secrets), null};
    } catch (RuntimeException e) {
      return new Object[] {null, e};
    }
  }

  private static void check(Case c, Gen<Object> values) {
    MaskingFunction f = Fixtures.fn(c.function);
    f.validate(c.parameters);
    Fixtures.qt(EXAMPLES).forAll(values).checkAssert(v -> {
      Object[] r = run(f, v, c.parameters, Fixtures.SECRETS);
      Oracles.check(c.function, c.parameters, v, r[0], (RuntimeException) r[1]);
      if (c.deterministic) {
        MaskingFunction fresh = new MaskingPlugin().function(c.function);
        Object[] again = run(fresh, v, c.parameters, new Fixtures.Secrets());
        assertThat(Objects.deepEquals(r[0], again[0])).as("same result from a fresh instance: %s vs %s",
            describe(r[0]), describe(again[0])).isTrue();
      }
    });
  }

  private static String describe(Object o) {
    return o instanceof byte[] b ? Arrays.toString(b) : String.valueOf(o);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsOnlyWhatItDocumentsOnStrings(Case c) {
    check(c, Gens.strings_().map(s -> (Object) s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsOnlyWhatItDocumentsOnNumbers(Case c) {
    check(c, Gens.numbers());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsOnlyWhatItDocumentsOnDatesAndTimes(Case c) {
    check(c, Gens.temporals());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsOnlyWhatItDocumentsOnOtherTypes(Case c) {
    check(c, Gens.others());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void nullStaysNull(Case c) {
    assertThat(Fixtures.fn(c.function).mask(null, c.parameters, Fixtures.SECRETS)).isNull();
  }

  static List<String> names() {
    return List.of("redact", "null", "fixed", "partial", "pci", "email", "hash", "tokenize", "fpe", "generalize_date",
        "bucket", "noise");
  }
}
