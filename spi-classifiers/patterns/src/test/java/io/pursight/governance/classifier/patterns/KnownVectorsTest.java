package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Published test vectors (card test numbers, IBAN registry examples, NHS, CPF, BIP-173/350, EIP-55...). */
class KnownVectorsTest {
  private static final ValidatorRegistry REGISTRY =
      new ValidatorRegistry(new PhoneCheck(PhoneCheck.DEFAULT_REGIONS), LocalDate.parse("2025-06-01"));

  static List<Arguments> vectors() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        KnownVectorsTest.class.getResourceAsStream("/known-vectors.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        out.add(Arguments.of(c[0], c[1].replace("\\n", "\n"), Boolean.parseBoolean(c[2]), c[3]));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {3}: {2}")
  @MethodSource("vectors")
  void publishedVector(String validator, String value, boolean expected, String source) {
    ValidatorRegistry.Validator v = REGISTRY.get(validator);
    assertThat(v).as("validator %s", validator).isNotNull();
    assertThat(v.check().test(value)).as("%s(%s): %s", validator, value, source).isEqualTo(expected);
  }

  @Test
  void keccak256OfTheEmptyStringIsTheKnownDigest() {
    assertThat(HexFormat.of().formatHex(Keccak256.hash("")))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(HexFormat.of().formatHex(Keccak256.hash("abc")))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void flippingTheCaseOfAnyLetterBreaksAnEip55Checksum() {
    String address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    for (int i = 2; i < address.length(); i++) {
      char c = address.charAt(i);
      if (Character.isLetter(c)) {
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        String changed = address.substring(0, i) + flipped + address.substring(i + 1);
        assertThat(CryptoAddresses.ethereum(changed)).as(changed).isFalse();
      }
    }
  }
}
