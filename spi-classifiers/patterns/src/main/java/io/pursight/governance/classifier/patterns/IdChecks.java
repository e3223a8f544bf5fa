package io.pursight.governance.classifier.patterns;

/**
 * Validators of government, tax and health identifiers. Each method checks the complete format
 * itself (it does not rely on a regex having run first) and never throws.
 */
final class IdChecks {
  private IdChecks() {}

  // ---------------------------------------------------------------- United States

  /** SSN: AAA-GG-SSSS or 9 digits; area not 000, 666 or 9xx; group not 00; serial not 0000. */
  static boolean ssn(String v) {
    String d = nineDigits(v, true);
    if (d == null) {
      return false;
    }
    int area = Checksums.num(d, 0, 3);
    int group = Checksums.num(d, 3, 5);
    int serial = Checksums.num(d, 5, 9);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
      return false;
    }
    // numbers the SSA says were misused publicly (Woolworth wallet card, advertising)
    return !d.equals("078051120") && !d.equals("219099999") && !d.equals("457555462");
  }

  /** ITIN: 9XX-GG-XXXX with group 50-65, 70-88, 90-92 or 94-99. */
  static boolean itin(String v) {
    String d = nineDigits(v, true);
    if (d == null || d.charAt(0) != '9') {
      return false;
    }
    int g = Checksums.num(d, 3, 5);
    return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
  }

  private static final boolean[] EIN_PREFIX = new boolean[100];

  static {
    int[] valid = {1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32,
        33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
        60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90,
        91, 92, 93, 94, 95, 98, 99};
    for (int p : valid) {
      EIN_PREFIX[p] = true;
    }
  }

  /** EIN: XX-XXXXXXX (or 9 digits) whose prefix is an IRS campus prefix. */
  static boolean ein(String v) {
    String d;
    if (v.length() == 10 && v.charAt(2) == '-') {
      d = v.substring(0, 2) + v.substring(3);
    } else if (v.length() == 9) {
      d = v;
    } else {
      return false;
    }
    if (Checksums.num(d, 0, 9) < 0) {
      return false;
    }
    return EIN_PREFIX[Checksums.num(d, 0, 2)] && !Checksums.allSame(d, 2, 9);
  }

  /** Nine digits from AAA-GG-SSSS, AAA GG SSSS or AAAGGSSSS; null otherwise. */
  private static String nineDigits(String v, boolean grouped) {
    int len = v.length();
    if (len == 9) {
      return Checksums.num(v, 0, 9) < 0 ? null : v;
    }
    if (grouped && len == 11) {
      char s1 = v.charAt(3);
      char s2 = v.charAt(6);
      if ((s1 == '-' || s1 == ' ') && s2 == s1) {
        String d = v.substring(0, 3) + v.substring(4, 6) + v.substring(7);
        return Checksums.num(d, 0, 9) < 0 ? null : d;
      }
    }
    return null;
  }

  /** US passport: 9 digits or a letter and 8 digits (format only; the type needs context). */
  static boolean usPassport(String v) {
    if (v.length() != 9) {
      return false;
    }
    char c = v.charAt(0);
    boolean head = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    return head && Checksums.num(v, 1, 9) >= 0 && !Checksums.allSame(v, 1, 9);
  }

  /** Routing number: nine digits, ABA 3-7-1 checksum, Federal Reserve prefix 00-12, 21-32, 61-72 or 80. */
  static boolean abaRouting(String v) {
    String d = v.length() == 10 && v.charAt(4) == '-' ? v.substring(0, 4) + v.substring(5) : v;
    if (!Checksums.aba(d)) {
      return false;
    }
    int p = Checksums.num(d, 0, 2);
    boolean prefix = p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80;
    return prefix && !Checksums.allSame(d, 0, 9);
  }

  /** NPI: ten digits starting with 1 or 2, Luhn over the 80840 prefix plus the digits. */
  static boolean npi(String v) {
    if (v.length() != 10 || (v.charAt(0) != '1' && v.charAt(0) != '2') || !Checksums.digits(v, 0, 10)) {
      return false;
    }
    return Checksums.luhn("80840" + v);
  }

  private static final String DEA_FIRST = "ABCDEFGHJKLMPRSTUX";

  /** DEA: registrant type letter, name letter (or 9), seven digits with the DEA check digit. */
  static boolean dea(String v) {
    if (v.length() != 9 || DEA_FIRST.indexOf(v.charAt(0)) < 0) {
      return false;
    }
    char second = v.charAt(1);
    if (!((second >= 'A' && second <= 'Z') || second == '9') || Checksums.num(v, 2, 9) < 0) {
      return false;
    }
    int[] d = new int[7];
    for (int i = 0; i < 7; i++) {
      d[i] = v.charAt(2 + i) - '0';
    }
    int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    return sum % 10 == d[6];
  }

  private static final String MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY";

  /** Medicare Beneficiary Identifier: 11 characters in the fixed CMS positions, dashes optional (4-3-4). */
  static boolean mbi(String v) {
    String s;
    if (v.length() == 13 && v.charAt(4) == '-' && v.charAt(8) == '-') {
      s = v.substring(0, 4) + v.substring(5, 8) + v.substring(9);
    } else if (v.length() == 11) {
      s = v;
    } else {
      return false;
    }
    // N = numeric, A = alphabetic, X = either; position 1 is 1-9
    String layout = "NAXNAXNAANN";
    for (int i = 0; i < 11; i++) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean alpha = MBI_ALPHA.indexOf(c) >= 0;
      switch (layout.charAt(i)) {
        case 'N':
          if (!digit || (i == 0 && c == '0')) {
            return false;
          }
          break;
        case 'A':
          if (!alpha) {
            return false;
          }
          break;
        default:
          if (!digit && !alpha) {
            return false;
          }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- United Kingdom

  private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
  private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

  /** NINO: two prefix letters (not D F I Q U V; second not O; not BG GB KN NK NT TN ZZ), six digits, A-D. */
  static boolean nino(String v) {
    String s = v.indexOf(' ') >= 0 ? Checksums.strip(v, " ") : v;
    if (s.length() != 9) {
      return false;
    }
    char a = s.charAt(0);
    char b = s.charAt(1);
    if (NINO_FIRST.indexOf(a) < 0 || NINO_SECOND.indexOf(b) < 0) {
      return false;
    }
    String prefix = s.substring(0, 2);
    switch (prefix) {
      case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
        return false;
      default:
        break;
    }
    char suffix = s.charAt(8);
    return Checksums.num(s, 2, 8) >= 0 && suffix >= 'A' && suffix <= 'D';
  }

  /** NHS number: ten digits (3-3-4 with spaces or dashes allowed), mod-11 check digit. */
  static boolean nhs(String v) {
    String d = Checksums.digitsOnly(v, " -");
    if (d == null || d.length() != 10 || (d.length() != v.length() && !groups(v, 3, 3, 4))) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == d.charAt(9) - '0' && !Checksums.allSame(d, 0, 10);
  }

  // ---------------------------------------------------------------- Canada

  /** SIN: nine digits (3-3-3), Luhn, first digit 1-7 or 9 (0 and 8 are not issued). */
  static boolean canadaSin(String v) {
    String d = Checksums.digitsOnly(v, " -");
    if (d == null || d.length() != 9 || (d.length() != v.length() && !groups(v, 3, 3, 3))) {
      return false;
    }
    char first = d.charAt(0);
    return first != '0' && first != '8' && Checksums.luhn(d) && !Checksums.allSame(d, 0, 9);
  }

  // ---------------------------------------------------------------- France

  /**
   * NIR (numéro de sécurité sociale): 13 characters + 2-digit key = 97 - (number mod 97); the
   * department may be 2A/2B (Corsica, counted as 19/18). Spaces allowed.
   */
  static boolean nir(String v) {
    String s = v.indexOf(' ') >= 0 ? Checksums.strip(v, " ") : v;
    if (s.length() != 15) {
      return false;
    }
    char sex = s.charAt(0);
    if ("123478".indexOf(sex) < 0) {
      return false;
    }
    int month = Checksums.num(s, 3, 5);
    if (Checksums.num(s, 1, 3) < 0 || month < 0 || !(month >= 1 && month <= 12 || month >= 20 && month <= 42
        || month >= 50 && month <= 99)) {
      return false;
    }
    String dept = s.substring(5, 7);
    String number;
    if (dept.equals("2A") || dept.equals("2a")) {
      number = s.substring(0, 5) + "19" + s.substring(7, 13);
    } else if (dept.equals("2B") || dept.equals("2b")) {
      number = s.substring(0, 5) + "18" + s.substring(7, 13);
    } else {
      number = s.substring(0, 13);
    }
    if (!Checksums.digits(number, 0, 13) || !Checksums.digits(s, 13, 15)) {
      return false;
    }
    int key = 97 - Checksums.mod97Digits(number, 0, 13);
    return key == Checksums.num(s, 13, 15);
  }

  // ---------------------------------------------------------------- Germany

  private static final String DE_ID_ALPHABET = "0123456789CFGHJKLMNPRTVWXYZ";

  /**
   * German identity card (since 2010): 9 characters from the ID alphabet (digits and C F G H J K L
   * M N P R T V W X Y Z, the first a letter), optionally followed by the ICAO check digit.
   *
   * @return 2 when the check digit is present and right, 1 when there is no check digit, 0 when invalid
   */
  static int germanIdCard(String v) {
    int len = v.length();
    if (len != 9 && len != 10) {
      return 0;
    }
    char first = v.charAt(0);
    if (first >= '0' && first <= '9') {
      return 0;
    }
    int digits = 0;
    for (int i = 0; i < 9; i++) {
      char c = v.charAt(i);
      if (DE_ID_ALPHABET.indexOf(c) < 0) {
        return 0;
      }
      if (c <= '9') {
        digits++;
      }
    }
    if (digits < 1) {
      return 0; // the alphabet has no vowels, so words are rare; a digit keeps the few out
    }
    if (len == 9) {
      return 1;
    }
    char check = v.charAt(9);
    return check >= '0' && check <= '9' && Checksums.icao(v, 0, 9) == check - '0' ? 2 : 0;
  }

  /**
   * German tax id (Steuer-IdNr): 11 digits, first not 0, ISO 7064 MOD 11,10 check digit; in the
   * first ten digits exactly one digit occurs two or three times, every other at most once.
   */
  static boolean germanTaxId(String v) {
    String d = v.indexOf(' ') >= 0 ? Checksums.strip(v, " ") : v;
    if (d.length() != 11 || d.charAt(0) == '0' || !Checksums.digits(d, 0, 11)) {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[d.charAt(i) - '0']++;
    }
    int repeated = 0;
    for (int c : counts) {
      if (c > 3) {
        return false;
      }
      if (c >= 2) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    return Checksums.iso7064Mod11_10(d, 0, 10) == d.charAt(10) - '0';
  }

  // ---------------------------------------------------------------- Spain

  private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** NIF/DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), check letter mod 23. */
  static boolean spainNif(String v) {
    String s = v.indexOf('-') >= 0 || v.indexOf(' ') >= 0 ? Checksums.strip(v, "- ") : v;
    if (s.length() != 9) {
      return false;
    }
    char first = s.charAt(0);
    int prefix;
    switch (first) {
      case 'X':
        prefix = 0;
        break;
      case 'Y':
        prefix = 1;
        break;
      case 'Z':
        prefix = 2;
        break;
      default:
        prefix = -1;
    }
    int number;
    if (prefix >= 0) {
      int rest = Checksums.num(s, 1, 8);
      if (rest < 0) {
        return false;
      }
      number = prefix * 10_000_000 + rest;
    } else {
      number = Checksums.num(s, 0, 8);
      if (number < 0) {
        return false;
      }
    }
    return Character.toUpperCase(s.charAt(8)) == NIF_LETTERS.charAt(number % 23);
  }

  // ---------------------------------------------------------------- Italy

  private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
      10, 22, 25, 24, 23};
  private static final String CF_MONTHS = "ABCDEHLMPRST";
  private static final String CF_OMOCODIA = "LMNPQRSTUV";

  /** Codice fiscale: 16 characters (with omocodia substitutions), month letter, day, check character. */
  static boolean italyFiscalCode(String v) {
    if (v.length() != 16) {
      return false;
    }
    String s = v.toUpperCase(java.util.Locale.ROOT);
    for (int i = 0; i < 16; i++) {
      char c = s.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z';
      boolean digit = c >= '0' && c <= '9';
      boolean numericPos = i == 6 || i == 7 || i == 9 || i == 10 || i == 12 || i == 13 || i == 14;
      if (numericPos) {
        if (!digit && CF_OMOCODIA.indexOf(c) < 0) {
          return false;
        }
      } else if (!letter) {
        return false;
      }
    }
    if (CF_MONTHS.indexOf(s.charAt(8)) < 0) {
      return false;
    }
    int day = omocodia(s.charAt(9)) * 10 + omocodia(s.charAt(10));
    if (!(day >= 1 && day <= 31 || day >= 41 && day <= 71)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      int idx = c <= '9' ? c - '0' : c - 'A';
      sum += (i % 2 == 0) ? CF_ODD[idx] : idx;
    }
    return s.charAt(15) == (char) ('A' + sum % 26);
  }

  private static int omocodia(char c) {
    return c <= '9' ? c - '0' : CF_OMOCODIA.indexOf(c);
  }

  // ---------------------------------------------------------------- Netherlands

  /** BSN: 9 digits (8 allowed, left-padded), eleven-test 9*d1 + ... + 2*d8 - d9 = 0 mod 11, not 0. */
  static boolean bsn(String v) {
    String d = v.indexOf('.') >= 0 || v.indexOf(' ') >= 0 || v.indexOf('-') >= 0 ? Checksums.digitsOnly(v, ". -") : v;
    if (d == null) {
      return false;
    }
    if (d.length() == 8) {
      d = "0" + d;
    }
    if (d.length() != 9 || Checksums.num(d, 0, 9) < 0) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (d.charAt(i) - '0') * (9 - i);
    }
    sum -= d.charAt(8) - '0';
    return sum != 0 && sum % 11 == 0 && !Checksums.allSame(d, 0, 9);
  }

  // ---------------------------------------------------------------- India

  /** Aadhaar: 12 digits (4-4-4 with spaces or dashes allowed), first 2-9, Verhoeff check digit. */
  static boolean aadhaar(String v) {
    String d = Checksums.digitsOnly(v, " -");
    if (d == null || d.length() != 12 || (d.length() != v.length() && !groups(v, 4, 4, 4))) {
      return false;
    }
    return d.charAt(0) >= '2' && Checksums.verhoeff(d) && !Checksums.allSame(d, 1, 12);
  }

  private static final String PAN_ENTITY = "ABCFGHJLPTE";

  /** PAN: AAAAA9999A whose fourth character is a valid entity type (P = individual). */
  static boolean indiaPan(String v) {
    if (v.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = v.charAt(i);
      boolean ok = i >= 5 && i <= 8 ? c >= '0' && c <= '9' : c >= 'A' && c <= 'Z';
      if (!ok) {
        return false;
      }
    }
    return PAN_ENTITY.indexOf(v.charAt(3)) >= 0 && !Checksums.allSame(v, 5, 9);
  }

  // ---------------------------------------------------------------- Brazil

  /** CPF: 11 digits (000.000.000-00 allowed), two mod-11 check digits, not all the same digit. */
  static boolean cpf(String v) {
    String d;
    if (v.length() == 14 && v.charAt(3) == '.' && v.charAt(7) == '.' && v.charAt(11) == '-') {
      d = v.substring(0, 3) + v.substring(4, 7) + v.substring(8, 11) + v.substring(12);
    } else {
      d = v;
    }
    if (d.length() != 11 || !Checksums.digits(d, 0, 11) || Checksums.allSame(d, 0, 11)) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int c1 = (sum * 10) % 11 % 10;
    sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (d.charAt(i) - '0') * (11 - i);
    }
    int c2 = (sum * 10) % 11 % 10;
    return c1 == d.charAt(9) - '0' && c2 == d.charAt(10) - '0';
  }

  // ---------------------------------------------------------------- vehicles and devices

  private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  /** VIN: 17 characters without I, O, Q; the check digit in position 9 (mod 11, X = 10). */
  static boolean vin(String v) {
    if (v.length() != 17) {
      return false;
    }
    int sum = 0;
    int letters = 0;
    for (int i = 0; i < 17; i++) {
      char c = Character.toUpperCase(v.charAt(i));
      int value = vinValue(c);
      if (value < 0) {
        return false;
      }
      if (c >= 'A') {
        letters++;
      }
      sum += value * VIN_WEIGHTS[i];
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return Character.toUpperCase(v.charAt(8)) == expected && letters > 0 && letters < 17;
  }

  private static int vinValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    switch (c) {
      case 'A', 'J':
        return 1;
      case 'B', 'K', 'S':
        return 2;
      case 'C', 'L', 'T':
        return 3;
      case 'D', 'M', 'U':
        return 4;
      case 'E', 'N', 'V':
        return 5;
      case 'F', 'W':
        return 6;
      case 'G', 'P', 'X':
        return 7;
      case 'H', 'Y':
        return 8;
      case 'R', 'Z':
        return 9;
      default:
        return -1; // I, O, Q and everything else
    }
  }

  private static final boolean[] IMEI_RBI = new boolean[100];

  static {
    for (int p : new int[] {1, 10, 30, 33, 35, 44, 45, 49, 50, 51, 52, 53, 54, 86, 91, 98, 99}) {
      IMEI_RBI[p] = true;
    }
  }

  /** IMEI: 15 digits, Luhn, reporting-body identifier (first two digits) in the GSMA list. */
  static boolean imei(String v) {
    String d = v.length() == 15 ? v : Checksums.digitsOnly(v, " -/");
    if (d == null || d.length() != 15 || Checksums.num(d, 0, 2) < 0) {
      return false;
    }
    return IMEI_RBI[Checksums.num(d, 0, 2)] && Checksums.luhn(d) && !Checksums.allSame(d, 2, 14);
  }

  // ---------------------------------------------------------------- health

  /**
   * ICD-10 code: a letter, two characters, optionally a dot and 1-4 more; the category must fall in
   * a chapter range (A00-B99, C00-D49, D50-D89, E00-E89, F01-F99, G00-G99, H00-H59, H60-H95,
   * I00-I99, J00-J99, K00-K95, L00-L99, M00-M99, N00-N99, O00-O9A, P00-P96, Q00-Q99, R00-R99,
   * S00-T88, U00-U85, V00-Y99, Z00-Z99).
   */
  static boolean icd10(String v) {
    int len = v.length();
    if (len < 3 || len > 8) {
      return false;
    }
    char ch = Character.toUpperCase(v.charAt(0));
    char d1 = v.charAt(1);
    char d2 = Character.toUpperCase(v.charAt(2));
    if (ch < 'A' || ch > 'Z' || d1 < '0' || d1 > '9') {
      return false;
    }
    int cat;
    if (d2 >= '0' && d2 <= '9') {
      cat = (d1 - '0') * 10 + (d2 - '0');
    } else if (d2 == 'A' || d2 == 'B') {
      // ICD-10-CM letter categories: C4A, C7A, C7B, D3A, M1A, O9A, Z3A
      String c = "" + ch + d1 + d2;
      if (!(c.equals("C4A") || c.equals("C7A") || c.equals("C7B") || c.equals("D3A") || c.equals("M1A")
          || c.equals("O9A") || c.equals("Z3A"))) {
        return false;
      }
      cat = (d1 - '0') * 10 + 5;
    } else {
      return false;
    }
    if (len > 3) {
      int start = 3;
      if (v.charAt(3) == '.') {
        start = 4;
        if (len == 4) {
          return false;
        }
      }
      if (len - start > 4) {
        return false;
      }
      for (int i = start; i < len; i++) {
        char c = Character.toUpperCase(v.charAt(i));
        if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'O' && c != 'I')) {
          return false;
        }
      }
      if (start == 3 && !(v.charAt(3) >= '0' && v.charAt(3) <= '9')) {
        return false; // undotted codes continue with a digit (E119), which keeps words like A12BC out
      }
    }
    switch (ch) {
      case 'D':
        return cat <= 89; // D00-D49 neoplasms, D50-D89 blood
      case 'E':
        return cat <= 89;
      case 'F':
        return cat >= 1;
      case 'H':
        return cat <= 95;
      case 'K':
        return cat <= 95;
      case 'O':
        return true;
      case 'P':
        return cat <= 96;
      case 'T':
        return cat <= 88;
      case 'U':
        return cat <= 85;
      default:
        return true;
    }
  }

  /** True when {@code v} is digit groups of the given sizes separated by one consistent space or dash. */
  static boolean groups(String v, int... sizes) {
    int pos = 0;
    char sep = 0;
    for (int g = 0; g < sizes.length; g++) {
      if (g > 0) {
        if (pos >= v.length()) {
          return false;
        }
        char c = v.charAt(pos);
        if (c != ' ' && c != '-') {
          return false;
        }
        if (sep == 0) {
          sep = c;
        } else if (c != sep) {
          return false;
        }
        pos++;
      }
      for (int i = 0; i < sizes[g]; i++, pos++) {
        if (pos >= v.length() || v.charAt(pos) < '0' || v.charAt(pos) > '9') {
          return false;
        }
      }
    }
    return pos == v.length();
  }
}
