package io.pursight.governance.classifier.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigInteger;

/**
 * Check-digit algorithms used to generate valid identifiers. Written independently of the pattern
 * classifier's validators so that the evaluation set does not share their bugs.
 */
public final class CheckDigits {
  private CheckDigits() {}

  /** The Luhn check digit to append to {@code payload}. */
  public static int luhn(String payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether a digit string passes Luhn. */
  public static boolean luhnValid(String digits) {
    return luhn(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
  }

  private static final int[][] VD = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  private static final int[][] VP = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  private static final int[] VINV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

  /** The Verhoeff check digit to append to {@code payload}. */
  public static int verhoeff(String payload) {
    int c = 0;
    for (int i = 0; i < payload.length(); i++) {
      int d = payload.charAt(payload.length() - 1 - i) - '0';
      c = VD[c][VP[(i + 1) % 8][d]];
    }
    return VINV[c];
  }

  /** Whether a digit string passes Verhoeff. */
  public static boolean verhoeffValid(String digits) {
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      c = VD[c][VP[i % 8][d]];
    }
    return c == 0;
  }

  /** ISO 7064 MOD 11,10 check digit (German tax id). */
  public static int mod11_10(String payload) {
    int product = 10;
    for (int i = 0; i < payload.length(); i++) {
      int sum = (payload.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    return check == 10 ? 0 : check;
  }

  /** ISO 13616 check digits for an IBAN with this country and BBAN. */
  public static String ibanCheck(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder num = new StringBuilder();
    for (char ch : rearranged.toCharArray()) {
      if (Character.isDigit(ch)) {
        num.append(ch);
      } else {
        num.append(ch - 'A' + 10);
      }
    }
    int mod = new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
    int check = 98 - mod;
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** ICAO 9303 7-3-1 check digit over digits and upper-case letters (A=10). */
  public static int icao(String s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  /** Codice fiscale check character over the first 15 characters. */
  public static char codiceFiscale(String first15) {
    int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char ch = first15.charAt(i);
      int idx = Character.isDigit(ch) ? ch - '0' : ch - 'A';
      sum += (i % 2 == 0) ? odd[idx] : idx;
    }
    return (char) ('A' + sum % 26);
  }

  /** VIN check digit (position 9) over a 17-character VIN with any character at position 9. */
  public static char vin(String vin17) {
    String map = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
    int[] translit = new int[128];
    int[] vals = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    for (int i = 0; i < letters.length(); i++) {
      translit[letters.charAt(i)] = vals[i];
    }
    for (char d = '0'; d <= '9'; d++) {
      translit[d] = d - '0';
    }
    int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += translit[vin17.charAt(i)] * weights[i];
    }
    int r = sum % 11;
    assert map.length() > 0;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  /** SHA-256. */
  public static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** Base58Check of version byte + payload. */
  public static String base58Check(int version, byte[] payload) {
    byte[] data = new byte[payload.length + 1];
    data[0] = (byte) version;
    System.arraycopy(payload, 0, data, 1, payload.length);
    byte[] check = sha256(sha256(data));
    byte[] full = new byte[data.length + 4];
    System.arraycopy(data, 0, full, 0, data.length);
    System.arraycopy(check, 0, full, data.length, 4);
    BigInteger n = new BigInteger(1, full);
    StringBuilder sb = new StringBuilder();
    BigInteger b58 = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(b58);
      sb.append(B58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (byte b : full) {
      if (b != 0) {
        break;
      }
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private static int bechPolymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int b = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) {
        if (((b >>> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk;
  }

  /** A bech32 (BIP-173) segwit v0 address for a 20-byte program with human-readable part {@code hrp}. */
  public static String bech32SegwitV0(String hrp, byte[] program) {
    // convert 8-bit to 5-bit groups
    java.util.List<Integer> data = new java.util.ArrayList<>();
    data.add(0);
    int acc = 0;
    int bits = 0;
    for (byte b : program) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        data.add((acc >>> bits) & 31);
      }
    }
    if (bits > 0) {
      data.add((acc << (5 - bits)) & 31);
    }
    int[] values = new int[hrp.length() * 2 + 1 + data.size() + 6];
    int k = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c >> 5;
    }
    values[k++] = 0;
    for (char c : hrp.toCharArray()) {
      values[k++] = c & 31;
    }
    for (int d : data) {
      values[k++] = d;
    }
    int mod = bechPolymod(values) ^ 1;
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (int d : data) {
      sb.append(BECH.charAt(d));
    }
    for (int i = 0; i < 6; i++) {
      sb.append(BECH.charAt((mod >>> (5 * (5 - i))) & 31));
    }
    return sb.toString();
  }

  /** Base62 of a non-negative number, left-padded with '0' to {@code width}. */
  public static String base62(long n, int width) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder sb = new StringBuilder();
    while (n > 0) {
      sb.append(alphabet.charAt((int) (n % 62)));
      n /= 62;
    }
    while (sb.length() < width) {
      sb.append('0');
    }
    return sb.reverse().toString();
  }

  /** CRC32 of UTF-8 text. */
  public static long crc32(String s) {
    java.util.zip.CRC32 c = new java.util.zip.CRC32();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }
}
