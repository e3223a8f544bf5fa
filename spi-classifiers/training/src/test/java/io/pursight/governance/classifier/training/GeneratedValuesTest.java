package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generators' identifiers pass their own checks (independently recomputed here). */
class GeneratedValuesTest {
  private static final long SEED = new Random().nextLong();

  private static ValueGen gen() {
    System.out.println("GeneratedValuesTest seed " + SEED);
    return new ValueGen(new Random(SEED));
  }

  @Test
  void cardsPassLuhnAndDecoysFailIt() {
    ValueGen g = gen();
    for (int i = 0; i < 500; i++) {
      String card = g.creditCard().replaceAll("[ -]", "");
      assertThat(CheckDigits.luhnValid(card)).as("seed %d card %s", SEED, card).isTrue();
      String bad = g.luhnFailing16();
      assertThat(CheckDigits.luhnValid(bad)).as("seed %d decoy", SEED).isFalse();
    }
  }

  @Test
  void aadhaarPassesVerhoeffAndIbanMod97() {
    ValueGen g = gen();
    for (int i = 0; i < 300; i++) {
      String a = g.aadhaar().replace(" ", "");
      assertThat(CheckDigits.verhoeffValid(a)).as("seed %d", SEED).isTrue();
      String iban = g.iban().replace(" ", "");
      String re = iban.substring(4) + iban.substring(0, 4);
      StringBuilder num = new StringBuilder();
      for (char ch : re.toCharArray()) {
        num.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
      }
      assertThat(new java.math.BigInteger(num.toString()).mod(java.math.BigInteger.valueOf(97)).intValue())
          .as("seed %d iban", SEED).isEqualTo(1);
    }
  }

  @Test
  void knownCheckDigits() {
    assertThat(CheckDigits.luhn("7992739871")).isEqualTo(3);
    assertThat(CheckDigits.verhoeff("236")).isEqualTo(3);
    assertThat(CheckDigits.ibanCheck("GB", "WEST12345698765432")).isEqualTo("82");
    assertThat(CheckDigits.vin("1M8GDM9A_KP042788".replace('_', '0'))).isEqualTo('X');
    assertThat(CheckDigits.codiceFiscale("RSSMRA85T10A562")).isEqualTo('S');
    assertThat(CheckDigits.mod11_10("8609574271")).isEqualTo(9);
    assertThat(CheckDigits.mod11_10("4703689281")).isEqualTo(6);
    assertThat(CheckDigits.base58Check(0, new byte[20])).isEqualTo("1111111111111111111114oLvT2");
    assertThat(CheckDigits.bech32SegwitV0("bc", hex("751e76e8199196d454941c45d1b3a323f1433bd6")))
        .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
  }

  @Test
  void phonesAreValidForTheirRegion() {
    ValueGen g = gen();
    for (String region : ValueGen.PHONE_REGIONS) {
      for (int i = 0; i < 10; i++) {
        String p = g.phone(region);
        assertThat(ValueGen.validPhone(p, region)).as("seed %d region %s", SEED, region).isTrue();
      }
    }
  }

  private static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
