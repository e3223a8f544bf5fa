package io.pursight.governance.classifier.patterns;

import java.math.BigInteger;

/**
 * Check-digit computations written straight from the published definitions, independently of the
 * production code, so that generated "valid" values do not inherit the production code's bugs.
 */
final class Textbook {
  private Textbook() {}

  /** Luhn check digit for a payload (doubling every second digit from the right, starting next to the check). */
  static int luhn(String payload) {
    int sum = 0;
    String reversed = new StringBuilder(payload).reverse().toString();
    for (int i = 0; i < reversed.length(); i++) {
      int d = reversed.charAt(i) - '0';
      if (i % 2 == 0) {
        int doubled = d * 2;
        d = doubled / 10 + doubled % 10;
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  static final int[][] D = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
      {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
      {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  static final int[][] P = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
      {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 8, 7, 6, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

  /** Verhoeff check digit (Wikipedia's generation algorithm: permutation index starts at 1, then the inverse). */
  static int verhoeff(String payload) {
    int c = 0;
    String r = new StringBuilder(payload).reverse().toString();
    for (int i = 0; i < r.length(); i++) {
      c = D[c][P[(i + 1) % 8][r.charAt(i) - '0']];
    }
    return INV[c];
  }

  /** IBAN check digits for a country and BBAN: 98 - (BBAN + country + "00" as a number mod 97). */
  static String ibanCheck(String country, String bban) {
    StringBuilder num = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  /** ISO 7064 MOD 11,10 check digit as in the standard's hybrid-system description. */
  static int iso7064(String digits) {
    int p = 10;
    for (char ch : digits.toCharArray()) {
      int s = (p + (ch - '0')) % 10;
      if (s == 0) {
        s = 10;
      }
      p = (2 * s) % 11;
    }
    return (11 - p) % 10;
  }

  /** NHS check digit for nine digits, or -1 when the number is not allowed (check 10). */
  static int nhs(String nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (10 - i);
    }
    int r = 11 - sum % 11;
    return r == 11 ? 0 : r == 10 ? -1 : r;
  }

  /** The two CPF check digits of nine digits. */
  static String cpf(String nine) {
    int s1 = 0;
    for (int i = 0; i < 9; i++) {
      s1 += (nine.charAt(i) - '0') * (10 - i);
    }
    int r1 = s1 % 11;
    int d1 = r1 < 2 ? 0 : 11 - r1;
    String ten = nine + d1;
    int s2 = 0;
    for (int i = 0; i < 10; i++) {
      s2 += (ten.charAt(i) - '0') * (11 - i);
    }
    int r2 = s2 % 11;
    int d2 = r2 < 2 ? 0 : 11 - r2;
    return "" + d1 + d2;
  }

  /** The BSN ninth digit for eight digits, or -1 when none makes the eleven-test pass. */
  static int bsn(String eight) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (eight.charAt(i) - '0') * (9 - i);
    }
    int d9 = sum % 11;
    return d9 == 10 ? -1 : d9;
  }

  /** NIR key: 97 - (number mod 97), 2A counted as 19 and 2B as 18. */
  static String nirKey(String thirteen) {
    String n = thirteen.replace("2A", "19").replace("2B", "18");
    int key = 97 - new BigInteger(n).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", key);
  }

  /** ABA ninth digit for eight digits (3-7-1 weights). */
  static int aba(String eight) {
    int[] w = {3, 7, 1, 3, 7, 1, 3, 7};
    int s = 0;
    for (int i = 0; i < 8; i++) {
      s += (eight.charAt(i) - '0') * w[i];
    }
    return (10 - s % 10) % 10;
  }

  /** VIN check character for a 17-character VIN (position 9 ignored). */
  static char vin(String vin) {
    String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = vin.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : values[letters.indexOf(c)];
      sum += v * weights[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  /** DEA check digit for six digits. */
  static int dea(String six) {
    int odd = (six.charAt(0) - '0') + (six.charAt(2) - '0') + (six.charAt(4) - '0');
    int even = (six.charAt(1) - '0') + (six.charAt(3) - '0') + (six.charAt(5) - '0');
    return (odd + 2 * even) % 10;
  }

  /** ICAO 9303 check digit (weights 7, 3, 1; A = 10). */
  static int icao(String s) {
    int[] w = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += v * w[i % 3];
    }
    return sum % 10;
  }

  /** Spanish NIF letter of a number. */
  static char nif(int number) {
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23);
  }

  /** Codice fiscale check character of the first 15 characters. */
  static char codiceFiscale(String fifteen) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = fifteen.charAt(i);
      int idx = Character.isDigit(c) ? c - '0' : c - 'A';
      if (i % 2 == 0) {
        sum += oddValue(idx);
      } else {
        sum += idx;
      }
    }
    return (char) ('A' + sum % 26);
  }

  private static int oddValue(int idx) {
    // official table for odd positions: A/0=1 B/1=0 C/2=5 D/3=7 E/4=9 F/5=13 G/6=15 H/7=17 I/8=19 J/9=21
    // K=2 L=4 M=18 N=20 O=11 P=3 Q=6 R=8 S=12 T=14 U=16 V=10 W=22 X=25 Y=24 Z=23
    int[] t = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    return t[idx];
  }

  /** Base58 encoding (Bitcoin alphabet). */
  static String base58(byte[] bytes) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    BigInteger n = new BigInteger(1, bytes);
    StringBuilder b = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      b.append(alphabet.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (byte x : bytes) {
      if (x != 0) {
        break;
      }
      b.append('1');
    }
    return b.reverse().toString();
  }

  /** A base58check address: version byte, payload, first four bytes of double SHA-256. */
  static String base58check(int version, byte[] payload) throws Exception {
    byte[] body = new byte[1 + payload.length];
    body[0] = (byte) version;
    System.arraycopy(payload, 0, body, 1, payload.length);
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    byte[] h = sha.digest(sha.digest(body));
    byte[] all = new byte[body.length + 4];
    System.arraycopy(body, 0, all, 0, body.length);
    System.arraycopy(h, 0, all, body.length, 4);
    return base58(all);
  }

  /** BIP-173/350 segwit address encoder (reference algorithm). */
  static String segwit(String hrp, int version, byte[] program) {
    String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    java.util.List<Integer> data = new java.util.ArrayList<>();
    data.add(version);
    int acc = 0;
    int bits = 0;
    for (byte b : program) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        data.add((acc >> bits) & 31);
      }
    }
    if (bits > 0) {
      data.add((acc << (5 - bits)) & 31);
    }
    int constant = version == 0 ? 1 : 0x2bc830a3;
    java.util.List<Integer> values = new java.util.ArrayList<>();
    for (char c : hrp.toCharArray()) {
      values.add(c >> 5);
    }
    values.add(0);
    for (char c : hrp.toCharArray()) {
      values.add(c & 31);
    }
    values.addAll(data);
    for (int i = 0; i < 6; i++) {
      values.add(0);
    }
    int polymod = polymod(values) ^ constant;
    StringBuilder b = new StringBuilder(hrp).append('1');
    for (int d : data) {
      b.append(charset.charAt(d));
    }
    for (int i = 0; i < 6; i++) {
      b.append(charset.charAt((polymod >> 5 * (5 - i)) & 31));
    }
    return b.toString();
  }

  private static int polymod(java.util.List<Integer> values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int b = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        chk ^= ((b >> i) & 1) != 0 ? gen[i] : 0;
      }
    }
    return chk;
  }
}
