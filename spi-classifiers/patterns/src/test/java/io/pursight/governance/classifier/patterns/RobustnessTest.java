package io.pursight.governance.classifier.patterns;

import static io.pursight.governance.classifier.patterns.Columns.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Arbitrary input never makes the classifier, the span finder or a validator throw, and no raw
 * value ever appears in evidence.
 */
class RobustnessTest {
  private static final long SEED = ValidatorPropertiesTest.SEED;

  /** Strings over every code point (including lone surrogates), plus nasty fixed ones. */
  private static Gen<String> anyString() {
    Gen<String> all = strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(0, 60);
    Gen<String> bmp = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 120);
    Gen<String> digitsAndPunct = strings().betweenCodePoints(32, 64).ofLengthBetween(0, 40);
    Gen<String> nasty = Generate.pick(List.of("", " ", "\u0000", "\uD800", "\uDFFF\uD800", "@", "@.", "0x", "$2a$",
        "-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----", "eyJ.eyJ.",
        "eyJhbGciOiJub25lIn0..", "+", "++++", "::", ":::", "1.2.3.4.5", "°", "40°", "N 40°", "%B^^", ";=", "xoxb-",
        "bc1", "BC1", "1" .repeat(40), "9".repeat(400), "a@b.c" + "d".repeat(300), "((((((((((", "Ω≈ç√∫˜µ≤≥÷",
        "\u202Eevil\u202C", "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "👩‍👩‍👧‍👦", "ज़िन्दगी", "\t\n\r", "X".repeat(3), "*** ***",
        "0,0", "POINT(", "[1.5, 2.5]", "12/31/", "31.12.", "Mar , 1985", "P.O.", "O'", "-"));
    return Generate.frequency(
        org.quicktheories.api.Pair.of(3, all), org.quicktheories.api.Pair.of(3, bmp),
        org.quicktheories.api.Pair.of(3, digitsAndPunct), org.quicktheories.api.Pair.of(2, nasty));
  }

  @Test
  void theClassifierNeverThrowsOnArbitraryUnicode() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(lists().of(anyString()).ofSizeBetween(0, 40), anyString())
        .checkAssert((values, name) -> {
          ColumnSample sample = ColumnSample.of("data", "f" + name, values);
          List<Classification> cs = Columns.CLASSIFIER.classify(sample, Columns.CONTEXT);
          for (Classification c : cs) {
            assertThat(c.confidence()).isBetween(0.0, 1.0);
            assertThat(c.classifier()).isEqualTo("patterns");
          }
        });
  }

  @Test
  void theSpanFinderNeverThrowsAndKeepsSpansInsideTheText() {
    SpanFinder finder = Columns.CLASSIFIER.spanFinder();
    qt().withFixedSeed(SEED).withExamples(1000).forAll(anyString(), anyString(), anyString()).checkAssert((a, b, c) -> {
      String text = a + " " + b + " mail x@example.com " + c;
      List<SpanFinder.Span> spans = finder.find(text);
      int last = 0;
      for (SpanFinder.Span s : spans) {
        assertThat(s.start()).isGreaterThanOrEqualTo(last);
        assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
        last = s.end();
      }
    });
  }

  @Test
  void noValidatorThrowsOnArbitraryUnicode() {
    ValidatorRegistry registry = new ValidatorRegistry(new PhoneCheck(PhoneCheck.DEFAULT_REGIONS), LocalDate.now());
    qt().withFixedSeed(SEED).withExamples(2000).forAll(anyString()).checkAssert(s -> {
      for (ValidatorRegistry.Validator v : registry.all().values()) {
        assertThatCode(() -> v.check().test(s)).as("%s on %s", v.name(), s).doesNotThrowAnyException();
      }
    });
    DetectorSet set = Columns.CLASSIFIER.detectors();
    qt().withFixedSeed(SEED).withExamples(2000).forAll(anyString()).checkAssert(s -> {
      for (Detector d : set.detectors) {
        assertThatCode(() -> d.check.test(s)).as("%s on %s", d.key(), s).doesNotThrowAnyException();
      }
    });
  }

  @Test
  void evidenceNeverQuotesAValue() {
    Faker f = new Faker(Locale.US, new Random(SEED));
    List<List<String>> columns = new ArrayList<>();
    columns.add(gen(30, () -> f.internet().emailAddress()));
    columns.add(gen(30, () -> f.phoneNumber().phoneNumber()));
    columns.add(gen(30, () -> f.name().fullName()));
    columns.add(gen(30, () -> f.idNumber().ssnValid()));
    columns.add(gen(30, () -> f.finance().iban("DE")));
    columns.add(gen(30, () -> f.address().streetAddress()));
    columns.add(gen(30, () -> f.internet().ipV4Address()));
    columns.add(gen(30, () -> f.lorem().sentence(8) + " mail " + f.internet().emailAddress()));
    columns.add(gen(30, () -> "XXX-XX-" + f.number().digits(4)));
    columns.add(gen(30, () -> f.credentials().password(10, 14, true, true, true)));
    String[] names = {"email", "phone", "full_name", "ssn", "iban", "address", "ip", "notes", "ssn", "password"};
    int checked = 0;
    for (int i = 0; i < columns.size(); i++) {
      List<String> values = columns.get(i);
      for (String field : List.of(names[i], "col_" + i)) {
        for (Classification c : Columns.classify(field, values)) {
          for (String e : c.evidence()) {
            for (String v : values) {
              if (v.length() >= 4) {
                assertThat(e).as("evidence of %s in %s", c.infoType(), field).doesNotContain(v);
              }
              for (String word : v.split("[\\s,]+")) {
                if (word.length() >= 6 && !word.equalsIgnoreCase(field)) {
                  assertThat(e).as("evidence of %s in %s", c.infoType(), field).doesNotContain(word);
                }
              }
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("evidence strings inspected").isGreaterThan(20);
  }
}
