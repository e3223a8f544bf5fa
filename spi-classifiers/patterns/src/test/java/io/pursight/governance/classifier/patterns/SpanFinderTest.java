package io.pursight.governance.classifier.patterns;

import static io.pursight.governance.classifier.patterns.Columns.classify;
import static io.pursight.governance.classifier.patterns.Columns.find;
import static io.pursight.governance.classifier.patterns.Columns.gen;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Classification;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sensitive values inside free text: spans with exact offsets, and column-level counts. */
class SpanFinderTest {
  private static final SpanFinder FINDER = Columns.CLASSIFIER.spanFinder();

  /** The (type, text) pairs found, using the spans' offsets. */
  private static List<String> found(String text) {
    return FINDER.find(text).stream().map(s -> s.infoType() + "=" + text.substring(s.start(), s.end())).toList();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "Please write to jane.doe@example.com before Friday.|EMAIL_ADDRESS=jane.doe@example.com",
      "Call him on +44 20 7946 0958, mornings only|PHONE_NUMBER=+44 20 7946 0958",
      "Customer said (415) 555-2671 is the best number|PHONE_NUMBER=(415) 555-2671",
      "Paid with 4111 1111 1111 1111 yesterday|CREDIT_CARD_NUMBER=4111 1111 1111 1111",
      "Refund to IBAN DE89 3704 0044 0532 0130 00 please|IBAN_CODE=DE89 3704 0044 0532 0130 00",
      "Her SSN is 123-45-6789 (verified)|US_SOCIAL_SECURITY_NUMBER=123-45-6789",
      "Login from 203.0.113.7 failed twice|IP_ADDRESS=203.0.113.7",
      "See https://example.com/tickets/42 for details|URL=https://example.com/tickets/42",
      "key=AKIAIOSFODNN7EXAMPLE was committed|AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
      "NINO AB 12 34 56 C on file|UK_NATIONAL_INSURANCE_NUMBER=AB 12 34 56 C",
      "Donations to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa welcome|CRYPTO_WALLET_ADDRESS=1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
      "Aadhaar 2341 2341 2346 submitted|INDIA_AADHAAR_INDIVIDUAL=2341 2341 2346",
      "CPF 529.982.247-25 conferido|BRAZIL_CPF_NUMBER=529.982.247-25"})
  void findsValuesWithExactOffsets(String text, String expected) {
    assertThat(found(text)).containsExactly(expected);
  }

  @Test
  void findsSeveralValuesInOrderWithoutOverlaps() {
    String text = "Contact: ann@example.org / +1 650-253-0000. Card 5555 5555 5555 4444 exp 12/27, from 198.51.100.23";
    assertThat(found(text)).containsExactly("EMAIL_ADDRESS=ann@example.org", "PHONE_NUMBER=+1 650-253-0000",
        "CREDIT_CARD_NUMBER=5555 5555 5555 4444", "IP_ADDRESS=198.51.100.23");
    List<SpanFinder.Span> spans = FINDER.find(text);
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
    }
  }

  @Test
  void findsPrivateKeyBlocksAndSkipsTheirBodies() {
    String text = "config dump:\n-----BEGIN RSA PRIVATE KEY-----\n"
        + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
        + "-----END RSA PRIVATE KEY-----\nowner: bob@example.com";
    assertThat(found(text)).hasSize(2).first().asString().startsWith("PRIVATE_KEY=-----BEGIN RSA PRIVATE KEY-----");
    assertThat(found(text).get(1)).isEqualTo("EMAIL_ADDRESS=bob@example.com");
  }

  @Test
  void ordinaryNumbersDatesAndCodesAreNotSpans() {
    assertThat(FINDER.find("Order 123456789 shipped on 2024-05-03 at 12:30, total 19.99 EUR, ref ABC-1234, qty 3"))
        .isEmpty();
    assertThat(FINDER.find("Invoice 4111111111111112 was rejected (not a valid card)")).isEmpty();
    assertThat(FINDER.find("Lorem ipsum dolor sit amet, consectetur adipiscing elit")).isEmpty();
  }

  @Test
  void notesColumnsReportCountsPerTypeWithoutValues() {
    Faker f = new Faker(Locale.US, new Random(77));
    Random r = new Random(78);
    List<String> notes = gen(40, () -> {
      StringBuilder b = new StringBuilder(f.lorem().sentence(10));
      if (r.nextInt(3) == 0) {
        b.append(" Reach me at ").append(f.internet().emailAddress());
      }
      if (r.nextInt(4) == 0) {
        b.append(" or call +1 650-253-").append(String.format("%04d", 1000 + r.nextInt(8000)));
      }
      return b.toString();
    });
    long emails = notes.stream().filter(n -> n.contains("Reach me")).count();
    long phones = notes.stream().filter(n -> n.contains("or call")).count();
    List<Classification> cs = classify("notes", notes);
    Classification email = find(cs, "EMAIL_ADDRESS");
    String summary = "notes: " + emails + " EMAIL_ADDRESS, " + phones + " PHONE_NUMBER in 40 values";
    assertThat(email.evidence()).contains(summary);
    assertThat(find(cs, "PHONE_NUMBER").evidence()).contains(summary);
    assertThat(email.confidence()).isBetween(0.6, 0.75);
  }
}
