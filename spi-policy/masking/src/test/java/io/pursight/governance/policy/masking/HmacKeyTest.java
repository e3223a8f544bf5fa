package io.pursight.governance.policy.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The prepared-state HMAC against RFC 4231 and the JDK's HmacSHA256; the key stream's bounds. */
class HmacKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc4231TestCases() {
    // Test case 1
    assertThat(HEX.formatHex(new HmacKey(HEX.parseHex("0b".repeat(20))).mac("Hi There".getBytes())))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2
    assertThat(HEX.formatHex(new HmacKey("Jefe".getBytes()).mac("what do ya want ".getBytes(),
        "for nothing?".getBytes()))).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a 131-byte key (longer than the block)
    assertThat(HEX.formatHex(new HmacKey(HEX.parseHex("aa".repeat(131)))
        .mac("Test Using Larger Than Block-Size Key - Hash Key First".getBytes())))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }

  @Test
  void equalsTheJdkForRandomKeysAndMessages() {
    Fixtures.qt(500).forAll(Generate.byteArrays(integers().between(1, 200), Generate.bytes(Byte.MIN_VALUE,
        Byte.MAX_VALUE, (byte) 0)), Generate.byteArrays(integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE,
        Byte.MAX_VALUE, (byte) 0))).checkAssert((key, msg) -> {
          try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            HmacKey k = new HmacKey(key);
            assertThat(k.mac(msg)).isEqualTo(mac.doFinal(msg));
            assertThat(k.mac(msg)).as("reusable").isEqualTo(mac.doFinal(msg));
          } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void keyStreamDrawsStayInBoundsAndCoverThem() {
    KeyStream ks = KeyStream.of(new HmacKey("k".getBytes()), "test", new byte[0]);
    int[] counts = new int[7];
    for (int i = 0; i < 7000; i++) {
      counts[ks.nextInt(7)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(850, 1150);
    }
    BigInteger bound = BigInteger.TEN.pow(30).add(BigInteger.ONE);
    for (int i = 0; i < 1000; i++) {
      assertThat(ks.nextBigInteger(bound)).isLessThan(bound).isNotNegative();
      assertThat(ks.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
    assertThat(KeyStream.of(new HmacKey("k".getBytes()), "test", new byte[0]).nextLong())
        .as("deterministic").isEqualTo(KeyStream.of(new HmacKey("k".getBytes()), "test", new byte[0]).nextLong());
  }
}
