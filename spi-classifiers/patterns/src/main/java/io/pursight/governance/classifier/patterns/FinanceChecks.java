package io.pursight.governance.classifier.patterns;

import java.util.HashMap;
import java.util.Map;

/** Validators of payment and banking values. Each checks the complete format and never throws. */
final class FinanceChecks {
  private FinanceChecks() {}

  /**
   * Card number: 13-19 digits, optionally in groups separated by one consistent space or dash,
   * Luhn, and a prefix/length combination of a known issuer (Visa, Mastercard, Amex, Discover,
   * Diners, JCB, UnionPay, Maestro, Mir, RuPay, Verve, Dankort, Laser).
   */
  static boolean creditCard(String v) {
    String d = cardDigits(v);
    return d != null && issuer(d) != null && Checksums.luhn(d) && !Checksums.allSame(d, 0, d.length());
  }

  /** The digits of a card number written plain or in groups of 3-6 with one consistent separator. */
  static String cardDigits(String v) {
    int len = v.length();
    if (len >= 13 && len <= 19 && Checksums.digits(v, 0, len)) {
      return v;
    }
    char sep = 0;
    int group = 0;
    StringBuilder b = new StringBuilder(19);
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
        group++;
      } else if (c == ' ' || c == '-') {
        if ((sep != 0 && c != sep) || group < 3 || group > 6) {
          return null;
        }
        sep = c;
        group = 0;
      } else {
        return null;
      }
    }
    if (group < 3 || group > 6 || b.length() < 13 || b.length() > 19) {
      return null;
    }
    return b.toString();
  }

  /** The issuer of a card number's prefix and length, or null when no known scheme matches. */
  static String issuer(String d) {
    int len = d.length();
    int p1 = d.charAt(0) - '0';
    int p2 = Checksums.num(d, 0, 2);
    int p3 = Checksums.num(d, 0, 3);
    int p4 = Checksums.num(d, 0, 4);
    int p6 = Checksums.num(d, 0, 6);
    if (p1 == 4 && (len == 13 || len == 16 || len == 19)) {
      return "Visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16) {
      return "Mastercard";
    }
    if ((p2 == 34 || p2 == 37) && len == 15) {
      return "American Express";
    }
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        && len >= 16 && len <= 19) {
      return "Discover";
    }
    if (((p3 >= 300 && p3 <= 305) || p3 == 309 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14 && len <= 19) {
      return "Diners Club";
    }
    if ((p4 >= 3528 && p4 <= 3589 || p4 == 3088 || p4 == 3112 || p4 == 3158 || p4 == 3337) && len >= 16 && len <= 19) {
      return "JCB";
    }
    if (p4 == 5019 && len == 16) {
      return "Dankort";
    }
    if ((p4 == 6304 || p4 == 6706 || p4 == 6709 || p4 == 6771) && len >= 16 && len <= 19) {
      return "Laser";
    }
    if (p2 == 62 && len >= 16 && len <= 19) {
      return "UnionPay";
    }
    if (p4 >= 2200 && p4 <= 2204 && len >= 16 && len <= 19) {
      return "Mir";
    }
    if ((p6 >= 506099 && p6 <= 506198 || p6 >= 650002 && p6 <= 650027) && (len == 16 || len == 18 || len == 19)) {
      return "Verve";
    }
    if ((p2 == 60 || p2 == 81 || p2 == 82 || p3 == 508 || p4 == 6521 || p4 == 6522) && len == 16) {
      return "RuPay";
    }
    if ((p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 || p4 == 6761
        || p4 == 6762 || p4 == 6763) && len >= 13 && len <= 19) {
      return "Maestro";
    }
    return null;
  }

  /**
   * Magnetic stripe track 1 ({@code %B<PAN>^NAME^YYMM...?}) or track 2 ({@code ;<PAN>=YYMM...?});
   * the PAN must pass Luhn and the expiry month must be 01-12.
   */
  static boolean trackData(String v) {
    int len = v.length();
    if (len < 20) {
      return false;
    }
    int i = 0;
    if (v.charAt(0) == '%') {
      i = 1;
    }
    if (v.charAt(i) == 'B' || v.charAt(i) == 'b') {
      int caret = v.indexOf('^', i + 1);
      if (caret < 0) {
        return false;
      }
      String pan = v.substring(i + 1, caret);
      int caret2 = v.indexOf('^', caret + 1);
      if (caret2 < 0 || caret2 - caret - 1 < 2 || caret2 - caret - 1 > 26 || caret2 + 5 > len) {
        return false;
      }
      return panOk(pan) && expiryOk(v, caret2 + 1);
    }
    i = v.charAt(0) == ';' ? 1 : 0;
    int eq = v.indexOf('=', i);
    if (eq < 0 || eq + 5 > len) {
      return false;
    }
    String pan = v.substring(i, eq);
    for (int k = eq + 1; k < len; k++) {
      char c = v.charAt(k);
      if (!(c >= '0' && c <= '9') && !(c == '?' && k == len - 1)) {
        return false;
      }
    }
    return panOk(pan) && expiryOk(v, eq + 1);
  }

  private static boolean panOk(String pan) {
    return pan.length() >= 13 && pan.length() <= 19 && Checksums.digits(pan, 0, pan.length())
        && Checksums.luhn(pan);
  }

  private static boolean expiryOk(String v, int at) {
    int yymm = Checksums.num(v, at, at + 4);
    int mm = yymm % 100;
    return yymm >= 0 && mm >= 1 && mm <= 12;
  }

  /** The IBAN length per country (SWIFT IBAN registry). */
  static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

  static {
    String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
        + "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 "
        + "IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 "
        + "MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 "
        + "SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30"
        // countries using IBANs outside the SWIFT registry (published by their banks)
        + " AO25 BF28 BJ28 CF27 CG27 CI28 CM27 CV25 DZ26 GA27 GQ27 GW25 IR26 KM27 MA28 MG27 ML28 MZ25 NE28 SN28"
        + " TD27 TG28";
    for (String e : table.split(" ")) {
      IBAN_LENGTHS.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    }
  }

  /**
   * IBAN (ISO 13616): country code with its registry length, two check digits, alphanumeric BBAN;
   * mod-97 of the rearranged number is 1. Print format with spaces every four characters allowed.
   */
  static boolean iban(String v) {
    String s = v.indexOf(' ') >= 0 ? ibanCompact(v) : v;
    if (s == null || s.length() < 15 || s.length() > 34) {
      return false;
    }
    char c0 = s.charAt(0);
    char c1 = s.charAt(1);
    if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
      return false;
    }
    Integer expected = IBAN_LENGTHS.get(s.substring(0, 2));
    if (expected == null || expected != s.length()) {
      return false;
    }
    int check = Checksums.num(s, 2, 4);
    if (check < 2 || check > 98) {
      return false;
    }
    for (int i = 4; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return Checksums.mod97Rotated(s, 4) == 1;
  }

  /** An IBAN in print format (groups of four separated by single spaces) without its spaces, else null. */
  private static String ibanCompact(String v) {
    StringBuilder b = new StringBuilder(34);
    int group = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ') {
        if (group != 4) {
          return null;
        }
        group = 0;
      } else {
        b.append(c);
        group++;
      }
    }
    return group >= 1 && group <= 4 ? b.toString() : null;
  }

  /**
   * SWIFT/BIC: 4 letters (institution), an ISO 3166 country (or XK), 2 alphanumerics (location),
   * optionally 3 alphanumerics (branch).
   */
  static boolean swift(String v) {
    int len = v.length();
    if (len != 8 && len != 11) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      char c = v.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    for (int i = 6; i < len; i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    String country = v.substring(4, 6);
    // location code: "0" as second character is a test BIC; "O" is not used as second character
    return (Dictionaries.get().isCountryCode(country) || country.equals("XK")) && v.charAt(7) != 'O';
  }

  /** An EU VAT number (format by country prefix) whose country has check digits (BE, DE, FR, IT) and passes them. */
  static boolean vatChecked(String v) {
    String s = v.indexOf(' ') >= 0 || v.indexOf('.') >= 0 || v.indexOf('-') >= 0 ? Checksums.strip(v, " .-") : v;
    if (s.length() < 4) {
      return false;
    }
    String cc = s.substring(0, 2);
    boolean checked = cc.equals("BE") || cc.equals("DE") || cc.equals("IT")
        || cc.equals("FR") && Checksums.digits(s, 2, s.length());
    return checked && vat(v, true);
  }

  /** EU VAT number formats by country prefix (plus GB/XI), without check digits. */
  static boolean vatFormat(String v) {
    return vat(v, false);
  }

  /** EU VAT number formats by country prefix (plus GB/XI), with the check digits of BE, FR, IT and DE. */
  static boolean vat(String v) {
    return vat(v, true);
  }

  private static boolean vat(String v, boolean checkDigits) {
    String s = v.indexOf(' ') >= 0 || v.indexOf('.') >= 0 || v.indexOf('-') >= 0 ? Checksums.strip(v, " .-") : v;
    if (s.length() < 4 || s.length() > 16) {
      return false;
    }
    String cc = s.substring(0, 2);
    String n = s.substring(2);
    switch (cc) {
      case "AT":
        return n.length() == 9 && n.charAt(0) == 'U' && digits(n, 1, 9);
      case "BE":
        if (n.length() == 10 && digits(n, 0, 10) && (n.charAt(0) == '0' || n.charAt(0) == '1')) {
          return !checkDigits || 97 - Checksums.mod97Digits(n, 0, 8) == Checksums.num(n, 8, 10);
        }
        return false;
      case "BG":
        return (n.length() == 9 || n.length() == 10) && digits(n, 0, n.length());
      case "CY":
        return n.length() == 9 && digits(n, 0, 8) && letter(n.charAt(8));
      case "CZ":
        return n.length() >= 8 && n.length() <= 10 && digits(n, 0, n.length());
      case "DE":
        return n.length() == 9 && digits(n, 0, 9) && n.charAt(0) != '0'
            && (!checkDigits || Checksums.iso7064Mod11_10(n, 0, 8) == n.charAt(8) - '0');
      case "DK", "FI", "HU", "LU", "MT", "SI":
        return n.length() == 8 && digits(n, 0, 8);
      case "EE", "EL", "GR", "PT", "LT":
        return (n.length() == 9 || (cc.equals("LT") && n.length() == 12)) && digits(n, 0, n.length());
      case "ES":
        return n.length() == 9 && alnum(n.charAt(0)) && digits(n, 1, 8) && alnum(n.charAt(8))
            && !(digits(n, 0, 9));
      case "FR":
        if (n.length() == 11 && digits(n, 0, 11)) {
          int key = (12 + 3 * Checksums.mod97Digits(n, 2, 11)) % 97;
          return !checkDigits || key == Checksums.num(n, 0, 2);
        }
        return n.length() == 11 && alnum(n.charAt(0)) && alnum(n.charAt(1)) && digits(n, 2, 11);
      case "HR":
        return n.length() == 11 && digits(n, 0, 11);
      case "IE":
        return (n.length() == 8 || n.length() == 9) && digits(n, 0, 7) && letter(n.charAt(7))
            || n.length() == 8 && digits(n, 0, 1) && alnum(n.charAt(1)) && digits(n, 2, 7) && letter(n.charAt(7));
      case "IT":
        return n.length() == 11 && digits(n, 0, 11) && (!checkDigits || Checksums.luhn(n));
      case "LV":
        return n.length() == 11 && digits(n, 0, 11);
      case "NL":
        return n.length() == 12 && digits(n, 0, 9) && n.charAt(9) == 'B' && digits(n, 10, 12);
      case "PL", "SK":
        return n.length() == 10 && digits(n, 0, 10);
      case "RO":
        return n.length() >= 2 && n.length() <= 10 && digits(n, 0, n.length());
      case "SE":
        return n.length() == 12 && digits(n, 0, 12) && n.endsWith("01");
      case "GB", "XI":
        return (n.length() == 9 || n.length() == 12) && digits(n, 0, n.length())
            || n.length() == 5 && (n.startsWith("GD") || n.startsWith("HA")) && digits(n, 2, 5);
      default:
        return false;
    }
  }

  private static boolean digits(String s, int from, int to) {
    return Checksums.digits(s, from, to);
  }

  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean alnum(char c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
