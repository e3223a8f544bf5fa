package io.pursight.governance.classifier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.pursight.governance.classification.Classification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  private static final Features FX = new Features(List.of("EMAIL_ADDRESS", "PERSON_NAME"));

  @Test
  void arbitraryUnicodeNeverThrowsAndGivesFiniteFixedLengthVectors() {
    qt().withExamples(400)
        .forAll(strings().allPossible().ofLengthBetween(0, 40),
            lists().of(strings().allPossible().ofLengthBetween(0, 300)).ofSizeBetween(0, 30),
            integers().between(0, 50))
        .checkAssert((name, values, nulls) -> {
          List<String> withNulls = new ArrayList<>(values);
          if (nulls % 3 == 0) {
            withNulls.add(null);
          }
          float[] f = FX.extract(name, withNulls, nulls, List.of());
          assertThat(f).hasSize(FX.size());
          for (float x : f) {
            assertThat(Float.isFinite(x)).isTrue();
            assertThat(x).isBetween(-0.001f, 1.001f);
          }
          assertThat(FX.extract(name, withNulls, nulls, List.of())).isEqualTo(f);
        });
  }

  @Test
  void nullsAndEmptyInputsAreFine() {
    assertThat(FX.extract(null, null, 0, null)).hasSize(FX.size());
    assertThat(FX.extract("", List.of(), -5, List.of())).hasSize(FX.size());
  }

  @Test
  void namesAreUniqueAndStable() {
    assertThat(FX.names()).doesNotHaveDuplicates();
    assertThat(FX.names().get(0)).isEqualTo("v.null_ratio");
    assertThat(FX.names()).contains("n.tok.000", "n.tri.127", "p.EMAIL_ADDRESS", "p.PERSON_NAME", "p.max", "p.count");
    assertThat(FX.size()).isEqualTo(Features.VALUE_COUNT + Features.TOKEN_BUCKETS + Features.TRIGRAM_BUCKETS + 2 + 2);
  }

  @Test
  void tokensSplitSnakeCamelDigitsWholeTokensOnly() {
    assertThat(Features.tokens("ccNum")).containsExactly("cc", "num");
    assertThat(Features.tokens("HTTPStatus")).containsExactly("http", "status");
    assertThat(Features.tokens("ph_no2")).containsExactly("ph", "no", "2");
    assertThat(Features.tokens("customer.EMAIL-addr")).containsExactly("customer", "email", "addr");
    assertThat(Features.tokens("acid")).containsExactly("acid");
    assertThat(Features.tokens("BillingPostalCode")).containsExactly("billing", "postal", "code");
  }

  @Test
  void valueChecksFire() {
    int email = 49;
    float[] f = FX.extract("x", List.of("a.b@example.com", "c@d.org", "N/A"), 1, List.of());
    assertThat(f[email]).isEqualTo(1f);
    assertThat(f[0]).isEqualTo(0.25f); // null ratio: 1 of 4
    assertThat(f[1]).isCloseTo(1f / 3, org.assertj.core.data.Offset.offset(1e-6f)); // noise "N/A"
    float[] cards = FX.extract("x", List.of("4111 1111 1111 1111", "4111111111111112"), 0, List.of());
    assertThat(cards[44]).isEqualTo(0.5f); // luhn_12_19: one of two passes
    float[] iban = FX.extract("x", List.of("GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 33"), 0, List.of());
    assertThat(iban[67]).isEqualTo(0.5f);
  }

  @Test
  void stackingFeaturesTakeTheHighestActiveConfidence() {
    List<Classification> prev = List.of(
        Classification.suggested("EMAIL_ADDRESS", 0.7, "a", List.of()),
        Classification.suggested("EMAIL_ADDRESS", 0.9, "b", List.of()),
        Classification.suggested("PERSON_NAME", 0.8, "b", List.of()).withStatus(Classification.Status.REJECTED),
        Classification.suggested("UNKNOWN_TYPE", 0.6, "c", List.of()));
    float[] f = FX.extract("x", List.of("v"), 0, prev);
    int off = FX.previousOffset();
    assertThat(f[off]).isEqualTo(0.9f);
    assertThat(f[off + 1]).isZero();
    assertThat(f[off + 2]).isEqualTo(0.9f); // p.max
  }

  @Test
  void nameFeaturesDependOnlyOnTheName() {
    float[] a = FX.extract("email_address", List.of("1"), 0, List.of());
    float[] b = FX.extract("emailAddress", List.of("1"), 0, List.of());
    float[] c = FX.extract("col7", List.of("1"), 0, List.of());
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }
}
