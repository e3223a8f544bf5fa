package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property tests of every checksum validator (QuickTheories, with shrinking): values generated with
 * independently computed check digits ({@link Textbook}) pass, and a single-digit substitution
 * fails wherever the checksum guarantees its detection.
 */
class ValidatorPropertiesTest {
  /** Fixed for reproducible builds; override with -Dpatterns.seed=... to explore. */
  static final long SEED = Long.getLong("patterns.seed", 0x5EED_2025L);

  private static org.quicktheories.QuickTheory theory() {
    return qt().withFixedSeed(SEED).withExamples(400);
  }

  /** Valid values pass; replacing any one digit by another fails. */
  private static void singleDigitErrorsDetected(Gen<String> valid, Predicate<String> check) {
    theory().forAll(valid, integers().between(0, 1000), integers().between(1, 9)).checkAssert((v, pos, delta) -> {
      assertThat(check.test(v)).as("generated valid value %s", v).isTrue();
      String corrupted = Gens.corruptDigit(v, pos % Gens.countDigits(v), delta);
      assertThat(check.test(corrupted)).as("%s with one digit changed: %s", v, corrupted).isFalse();
    });
  }

  @Test
  void luhnCardNumbersDetectEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.cardNumbers(), FinanceChecks::creditCard);
    singleDigitErrorsDetected(Gens.cardNumbers(), Checksums::luhn);
  }

  @Test
  void cardNumbersWithSpacesOrDashesValidateLikeThePlainNumber() {
    theory().forAll(Gens.cardNumbers(), integers().between(0, 1)).checkAssert((v, sep) -> {
      String grouped = group(v, sep == 0 ? ' ' : '-');
      assertThat(FinanceChecks.creditCard(grouped)).as(grouped).isTrue();
      assertThat(FinanceChecks.creditCard(grouped.replaceFirst("[ -]", sep == 0 ? "-" : " "))).as("mixed separators")
          .isFalse();
    });
  }

  /** Groups a card number as printed: 4-4-5, 4-6-4, 4-6-5, 4-4-4-4 or 4-4-4-4-3. */
  private static String group(String v, char sep) {
    int[] sizes = switch (v.length()) {
      case 13 -> new int[] {4, 4, 5};
      case 14 -> new int[] {4, 6, 4};
      case 15 -> new int[] {4, 6, 5};
      case 16 -> new int[] {4, 4, 4, 4};
      case 19 -> new int[] {4, 4, 4, 4, 3};
      default -> throw new IllegalArgumentException(v);
    };
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (int size : sizes) {
      if (at > 0) {
        b.append(sep);
      }
      b.append(v, at, at + size);
      at += size;
    }
    return b.toString();
  }

  @Test
  void imeiSinAndNpiAreLuhnChecked() {
    singleDigitErrorsDetected(Gens.imeis(), IdChecks::imei);
    singleDigitErrorsDetected(Gens.canadaSins(), IdChecks::canadaSin);
    singleDigitErrorsDetected(Gens.npis(), IdChecks::npi);
  }

  @Test
  void ibanMod97DetectsEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.ibans(), FinanceChecks::iban);
  }

  @Test
  void ibanInPrintFormatValidatesAndWrongLengthFails() {
    theory().forAll(Gens.ibans()).checkAssert(v -> {
      String print = v.replaceAll("(.{4})(?=.)", "$1 ");
      assertThat(FinanceChecks.iban(print)).as(print).isTrue();
      assertThat(FinanceChecks.iban(v + "0")).as("one character too long").isFalse();
      assertThat(FinanceChecks.iban(v.substring(0, v.length() - 1))).as("one character too short").isFalse();
    });
  }

  @Test
  void verhoeffAadhaarDetectsEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.aadhaars(), IdChecks::aadhaar);
    singleDigitErrorsDetected(Gens.aadhaars(), Checksums::verhoeff);
  }

  @Test
  void mod11NhsAndBsnDetectEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.nhsNumbers(), IdChecks::nhs);
    singleDigitErrorsDetected(Gens.bsns(), IdChecks::bsn);
  }

  @Test
  void cpfAgreesWithTheDefinitionAndCatchesNearlyAllSingleDigitErrors() {
    // CPF maps remainders 0 and 1 (10) to the same digit, so a few substitutions collide by design:
    // check exact agreement with the definition, and the detection rate
    theory().forAll(Gens.cpfs(), integers().between(0, 10), integers().between(1, 9)).checkAssert((v, pos, delta) -> {
      assertThat(IdChecks.cpf(v)).as(v).isTrue();
      assertThat(IdChecks.cpf(v.substring(0, 3) + "." + v.substring(3, 6) + "." + v.substring(6, 9) + "-"
          + v.substring(9))).as("formatted " + v).isTrue();
      String c = Gens.corruptDigit(v, pos, delta);
      boolean definition = !Checksums.allSame(c, 0, 11) && Textbook.cpf(c.substring(0, 9)).equals(c.substring(9));
      assertThat(IdChecks.cpf(c)).as(c).isEqualTo(definition);
    });
    Random r = new Random(SEED);
    int detected = 0;
    int trials = 5000;
    for (int i = 0; i < trials; i++) {
      String nine = String.format("%09d", r.nextInt(1_000_000_000));
      String v = nine + Textbook.cpf(nine);
      if (!IdChecks.cpf(Gens.corruptDigit(v, r.nextInt(11), 1 + r.nextInt(9)))) {
        detected++;
      }
    }
    assertThat(detected).as("seed %d", SEED).isGreaterThan(trials * 97 / 100);
  }

  @Test
  void nirKeyDetectsEverySingleDigitErrorIncludingCorsica() {
    singleDigitErrorsDetected(Gens.nirs(), IdChecks::nir);
    theory().forAll(Gens.nirs()).checkAssert(v -> {
      String spaced = v.charAt(0) + " " + v.substring(1, 3) + " " + v.substring(3, 5) + " " + v.substring(5, 7) + " "
          + v.substring(7, 10) + " " + v.substring(10, 13) + " " + v.substring(13);
      assertThat(IdChecks.nir(spaced)).as(spaced).isTrue();
    });
  }

  @Test
  void corsicanDepartmentsUseTheirOwnOffsets() {
    String head = "1850520123456";
    assertThat(head.substring(5, 7)).isEqualTo("20");
    String a = "18505" + "2A" + "123456";
    String b = "18505" + "2B" + "123456";
    assertThat(IdChecks.nir(a + Textbook.nirKey(a))).isTrue();
    assertThat(IdChecks.nir(b + Textbook.nirKey(b))).isTrue();
    // 2A and 2B do not share a key, nor with department 20
    assertThat(IdChecks.nir(a + Textbook.nirKey(b))).isFalse();
    assertThat(IdChecks.nir(a + Textbook.nirKey(head))).isFalse();
  }

  @Test
  void germanTaxIdIso7064DetectsEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.germanTaxIds(), IdChecks::germanTaxId);
  }

  @Test
  void germanIdCardIcaoCheckDigitDetectsDigitErrors() {
    singleDigitErrorsDetected(Gens.germanIdCards(), v -> IdChecks.germanIdCard(v) == 2);
  }

  @Test
  void abaDetectsEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.abaNumbers(), IdChecks::abaRouting);
  }

  @Test
  void vinCheckDigitDetectsEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.vins().assuming(v -> Gens.countDigits(v) > 0), IdChecks::vin);
  }

  @Test
  void deaCheckDigitDetectsErrorsExceptFivesOnDoubledPositions() {
    theory().forAll(Gens.deaNumbers(), integers().between(0, 6), integers().between(1, 9)).checkAssert((v, pos, delta) -> {
      assertThat(IdChecks.dea(v)).as(v).isTrue();
      String c = Gens.corruptDigit(v, pos, delta);
      boolean doubledPosition = pos == 1 || pos == 3 || pos == 5; // weight 2: a change of 5 is invisible mod 10
      assertThat(IdChecks.dea(c)).as(c).isEqualTo(doubledPosition && delta == 5);
    });
  }

  @Test
  void spanishNifAndNieLettersDetectEverySingleDigitError() {
    singleDigitErrorsDetected(Gens.nifs(), IdChecks::spainNif);
    singleDigitErrorsDetected(Gens.nies(), IdChecks::spainNif);
  }

  @Test
  void codiceFiscaleCheckCharacterDetectsDigitErrors() {
    singleDigitErrorsDetected(Gens.codiciFiscali(), IdChecks::italyFiscalCode);
  }

  @Test
  void bitcoinChecksumsDetectAnySingleCharacterChange() {
    String base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    theory().forAll(Gens.bitcoinLegacy(), integers().between(1, 40), integers().between(1, 57)).checkAssert((v, pos, k) -> {
      assertThat(CryptoAddresses.base58check(v)).as(v).isTrue();
      int i = pos % v.length();
      char replacement = base58.charAt((base58.indexOf(v.charAt(i)) + k) % 58);
      String c = v.substring(0, i) + replacement + v.substring(i + 1);
      assertThat(CryptoAddresses.base58check(c)).as(c).isFalse();
    });
    String bech = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    theory().forAll(Gens.bitcoinSegwit(), integers().between(3, 100), integers().between(1, 31)).checkAssert((v, pos, k) -> {
      assertThat(CryptoAddresses.bech32(v)).as(v).isTrue();
      assertThat(CryptoAddresses.bech32(v.toUpperCase(java.util.Locale.ROOT))).as("upper case " + v).isTrue();
      int i = 3 + pos % (v.length() - 3);
      char replacement = bech.charAt((bech.indexOf(v.charAt(i)) + k) % 32);
      String c = v.substring(0, i) + replacement + v.substring(i + 1);
      assertThat(CryptoAddresses.bech32(c)).as(c).isFalse();
    });
  }

  @Test
  void publicFacadeAgreesWithTheRegistry() {
    theory().forAll(Gens.ibans(), Gens.cardNumbers(), Gens.aadhaars()).checkAssert((iban, card, aadhaar) -> {
      assertThat(Validators.iban(iban)).isEqualTo(Validators.check("iban", iban)).isTrue();
      assertThat(Validators.creditCard(card)).isEqualTo(Validators.check("credit_card", card)).isTrue();
      assertThat(Validators.aadhaar(aadhaar)).isEqualTo(Validators.check("aadhaar", aadhaar)).isTrue();
      assertThat(Validators.luhn(card)).isTrue();
    });
  }
}
