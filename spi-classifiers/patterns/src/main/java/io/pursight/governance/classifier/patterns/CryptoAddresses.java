package io.pursight.governance.classifier.patterns;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Validators of cryptocurrency addresses with their real checksums. Never throw. */
final class CryptoAddresses {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;

  private CryptoAddresses() {}

  /** Any supported address: Bitcoin base58check or bech32/bech32m, or Ethereum. */
  static boolean any(String v) {
    if (v.startsWith("0x") || v.startsWith("0X")) {
      return ethereum(v);
    }
    if (v.length() > 3 && (v.regionMatches(true, 0, "bc1", 0, 3) || v.regionMatches(true, 0, "tb1", 0, 3))) {
      return bech32(v);
    }
    return base58check(v);
  }

  /**
   * Bitcoin legacy address: base58 decoding to 25 bytes, version 0x00 (P2PKH, "1...") or 0x05 (P2SH,
   * "3...") or their testnet versions 0x6F/0xC4, with the first four bytes of double SHA-256 as checksum.
   */
  static boolean base58check(String v) {
    int len = v.length();
    if (len < 25 || len > 35) {
      return false;
    }
    BigInteger n = BigInteger.ZERO;
    BigInteger base = BigInteger.valueOf(58);
    int leadingOnes = 0;
    boolean leading = true;
    for (int i = 0; i < len; i++) {
      int d = BASE58.indexOf(v.charAt(i));
      if (d < 0) {
        return false;
      }
      if (leading && d == 0) {
        leadingOnes++;
      } else {
        leading = false;
      }
      n = n.multiply(base).add(BigInteger.valueOf(d));
    }
    byte[] raw = n.toByteArray();
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int bodyLen = raw.length - start;
    if (n.signum() == 0) {
      bodyLen = 0;
    }
    byte[] bytes = new byte[leadingOnes + bodyLen];
    System.arraycopy(raw, start, bytes, leadingOnes, bodyLen);
    if (bytes.length != 25) {
      return false;
    }
    int version = bytes[0] & 0xFF;
    if (version != 0x00 && version != 0x05 && version != 0x6F && version != 0xC4) {
      return false;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest(sha.digest(Arrays.copyOfRange(bytes, 0, 21)));
      for (int i = 0; i < 4; i++) {
        if (h[i] != bytes[21 + i]) {
          return false;
        }
      }
      return true;
    } catch (NoSuchAlgorithmException e) {
      return false; // every JDK has SHA-256
    }
  }

  /**
   * Segwit address (BIP-173 bech32 for witness version 0, BIP-350 bech32m for versions 1-16), human
   * readable part bc or tb, one case only, valid program length.
   */
  static boolean bech32(String v) {
    int len = v.length();
    if (len < 14 || len > 90) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (c < 33 || c > 126) {
        return false;
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      return false;
    }
    String s = v.toLowerCase(java.util.Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep != 2 || !(s.startsWith("bc") || s.startsWith("tb")) || len - sep - 1 < 6) {
      return false;
    }
    int[] data = new int[len - sep - 1];
    for (int i = 0; i < data.length; i++) {
      int d = BECH32.indexOf(s.charAt(sep + 1 + i));
      if (d < 0) {
        return false;
      }
      data[i] = d;
    }
    int polymod = polymod(s.substring(0, sep), data);
    int witnessVersion = data[0];
    if (witnessVersion > 16) {
      return false;
    }
    int expected = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
    if (polymod != expected) {
      return false;
    }
    // convert the 5-bit program (without version and checksum) to bytes
    int acc = 0;
    int bits = 0;
    int out = 0;
    for (int i = 1; i < data.length - 6; i++) {
      acc = (acc << 5) | data[i];
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out++;
      }
    }
    if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0) {
      return false; // non-zero or excess padding
    }
    if (out < 2 || out > 40) {
      return false;
    }
    return witnessVersion != 0 || out == 20 || out == 32;
  }

  private static int polymod(String hrp, int[] data) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    int[] values = new int[hrp.length() * 2 + 1 + data.length];
    int k = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) >> 5;
    }
    values[k++] = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[k++] = hrp.charAt(i) & 31;
    }
    for (int d : data) {
      values[k++] = d;
    }
    for (int value : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ value;
      for (int i = 0; i < 5; i++) {
        if (((top >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /**
   * Ethereum address: 0x + 40 hex digits. All-lower or all-upper case carries no checksum; mixed
   * case must follow EIP-55 (a letter is upper case exactly when the matching nibble of the
   * Keccak-256 of the lower-case address is 8 or more).
   */
  static boolean ethereum(String v) {
    if (v.length() != 42 || v.charAt(0) != '0' || (v.charAt(1) != 'x' && v.charAt(1) != 'X')) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 2; i < 42; i++) {
      char c = v.charAt(i);
      if (!NetChecks.hex(c)) {
        return false;
      }
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    String hex = v.substring(2);
    if (Checksums.allSame(hex, 0, 40)) {
      return false;
    }
    if (!(lower && upper)) {
      return true;
    }
    return eip55(hex);
  }

  /** True when the mixed-case 40-digit {@code hex} follows EIP-55. */
  static boolean eip55(String hex) {
    byte[] h = Keccak256.hash(hex.toLowerCase(java.util.Locale.ROOT));
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
      boolean shouldBeUpper = nibble >= 8;
      if (shouldBeUpper != (c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Whether an Ethereum address has mixed case, so that {@link #ethereum} verified a checksum. */
  static boolean hasChecksum(String v) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 2; i < v.length(); i++) {
      char c = v.charAt(i);
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    return lower && upper;
  }
}
