package io.pursight.governance.classifier.training;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.datafaker.Faker;

/**
 * Deterministic value generators: datafaker for names, addresses and the like (one seeded {@link
 * Random} shared by every locale), our own code for identifiers with check digits. Dates are taken
 * relative to a fixed reference day so that output never depends on the clock.
 */
public final class ValueGen {
  /** The fixed "today" of the generated data. */
  public static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

  static final List<Locale> LOCALES = List.of(Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE,
      Locale.forLanguageTag("es-ES"), Locale.ITALY, Locale.forLanguageTag("nl-NL"), Locale.forLanguageTag("pt-BR"),
      Locale.CANADA, Locale.forLanguageTag("en-IN"));

  /** Locales only the held-out set uses. */
  static final List<Locale> HOLDOUT_LOCALES = List.of(Locale.forLanguageTag("sv-SE"), Locale.forLanguageTag("pl-PL"),
      Locale.forLanguageTag("da-DK"), Locale.forLanguageTag("en-AU"), Locale.forLanguageTag("pt-PT"),
      Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("cs-CZ"), Locale.forLanguageTag("fi-FI"),
      Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("es-MX"), Locale.forLanguageTag("en-IE"),
      Locale.forLanguageTag("nb-NO"));

  final Random r;
  /** A per-column choice (0..99) for formats that stay the same within one column. */
  int columnStyle;
  private final Map<Locale, Faker> fakers = new HashMap<>();

  /** Generators drawing from {@code random}. */
  public ValueGen(Random random) {
    this.r = random;
  }

  Faker faker(Locale l) {
    return fakers.computeIfAbsent(l, k -> new Faker(k, r));
  }

  Faker anyFaker() {
    return faker(pick(LOCALES));
  }

  <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  String pick(String... s) {
    return s[r.nextInt(s.length)];
  }

  int between(int lo, int hiInclusive) {
    return lo + r.nextInt(hiInclusive - lo + 1);
  }

  String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  String chars(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String HEX = "0123456789abcdef";

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static String group(String s, String sep, int... sizes) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (int size : sizes) {
      if (pos >= s.length()) {
        break;
      }
      if (pos > 0) {
        sb.append(sep);
      }
      sb.append(s, pos, Math.min(s.length(), pos + size));
      pos += size;
    }
    if (pos < s.length()) {
      sb.append(sep).append(s.substring(pos));
    }
    return sb.toString();
  }

  String uuid() {
    long hi = r.nextLong();
    long lo = r.nextLong();
    hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L;
    lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }

  LocalDate dateBetween(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays((long) (r.nextDouble() * days));
  }

  // ---------------------------------------------------------------- US and health identifiers

  String ssnDigits() {
    int area;
    do {
      area = between(1, 899);
    } while (area == 666);
    return String.format("%03d%02d%04d", area, between(1, 99), between(1, 9999));
  }

  String itinDigits() {
    int[] groups = {50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 75, 76, 77,
        78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 94, 95, 96, 97, 98, 99};
    return "9" + digits(2) + groups[r.nextInt(groups.length)] + digits(4);
  }

  static final int[] EIN_PREFIXES = {1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27,
      30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58,
      59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91,
      92, 93, 94, 95, 98, 99};

  String ein() {
    return String.format("%02d", EIN_PREFIXES[r.nextInt(EIN_PREFIXES.length)]) + "-" + digits(7);
  }

  String aba() {
    int[] firstTwo = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
    String p = String.format("%02d", firstTwo[r.nextInt(firstTwo.length)]) + digits(6);
    int[] w = {3, 7, 1, 3, 7, 1, 3, 7};
    int s = 0;
    for (int i = 0; i < 8; i++) {
      s += (p.charAt(i) - '0') * w[i];
    }
    return p + (10 - s % 10) % 10;
  }

  String npi() {
    String p = pick("1", "2") + digits(8);
    return p + CheckDigits.luhn("80840" + p);
  }

  String dea() {
    String first = pick("A", "B", "F", "G", "M", "P", "R");
    String second = String.valueOf(UPPER.charAt(r.nextInt(26)));
    String d = digits(6);
    int s = (d.charAt(0) - '0') + (d.charAt(2) - '0') + (d.charAt(4) - '0')
        + 2 * ((d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0'));
    return first + second + d + (s % 10);
  }

  String mbi() {
    String alpha = "ACDEFGHJKMNPQRTUVWXY";
    String an = alpha + "0123456789";
    String v = "" + between(1, 9) + chars(alpha, 1) + chars(an, 1) + digits(1) + chars(alpha, 1) + chars(an, 1)
        + digits(1) + chars(alpha, 2) + digits(2);
    return r.nextInt(4) == 0 ? v.substring(0, 4) + "-" + v.substring(4, 7) + "-" + v.substring(7) : v;
  }

  String usPassport() {
    return r.nextBoolean() ? digits(9) : chars(UPPER, 1) + digits(8);
  }

  String usDriversLicense() {
    return switch (r.nextInt(5)) {
      case 0 -> chars(UPPER, 1) + digits(7); // CA
      case 1 -> digits(9); // NY
      case 2 -> chars(UPPER, 1) + digits(3) + "-" + digits(3) + "-" + digits(2) + "-" + digits(3) + "-" + digits(1); // FL
      case 3 -> chars(UPPER, 1) + digits(12); // IL
      default -> digits(8); // TX
    };
  }

  String mrn() {
    return switch (r.nextInt(3)) {
      case 0 -> "MRN" + digits(7);
      case 1 -> digits(8);
      default -> chars(UPPER, 2) + "-" + digits(6);
    };
  }

  static final List<String> ICD10 = List.of("E11.9", "I10", "J45.909", "M54.5", "F32.9", "K21.9", "E78.5", "N39.0",
      "J06.9", "R51", "Z00.00", "I25.10", "E66.9", "G43.909", "F41.1", "M17.11", "J18.9", "K58.9", "L40.0", "C50.911",
      "S82.101A", "O80", "A09", "B34.9", "H10.9", "R10.9", "T78.40XA", "Z23", "E03.9", "I48.91", "D64.9", "G47.33",
      "M79.7", "N18.3", "R05", "Q21.1", "K35.80", "J44.1", "F17.210", "E55.9");

  // ---------------------------------------------------------------- European and other national ids

  String nino() {
    String first = "ABCEGHJKLMNOPRSTWXYZ";
    String second = "ABCEGHJKLMNPRSTWXYZ";
    String prefix;
    do {
      prefix = chars(first, 1) + chars(second, 1);
    } while (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix));
    String d = digits(6);
    String s = chars("ABCD", 1);
    return r.nextInt(3) == 0 ? prefix + " " + group(d, " ", 2, 2, 2) + " " + s : prefix + d + s;
  }

  String nhs() {
    while (true) {
      String p = digits(9);
      int s = 0;
      for (int i = 0; i < 9; i++) {
        s += (p.charAt(i) - '0') * (10 - i);
      }
      int c = 11 - s % 11;
      if (c == 11) {
        c = 0;
      }
      if (c == 10 || p.charAt(0) == '0') {
        continue;
      }
      String v = p + c;
      return r.nextInt(3) == 0 ? v : group(v, r.nextBoolean() ? " " : "-", 3, 3, 4);
    }
  }

  String sin() {
    String p = pick("1", "2", "3", "4", "5", "6", "7", "9") + digits(7);
    String v = p + CheckDigits.luhn(p);
    return switch (r.nextInt(3)) {
      case 0 -> v;
      case 1 -> group(v, " ", 3, 3, 3);
      default -> group(v, "-", 3, 3, 3);
    };
  }

  String nir() {
    String sex = pick("1", "2");
    String yy = String.format("%02d", r.nextInt(100));
    String mm = String.format("%02d", between(1, 12));
    String dept;
    int deptNum;
    int k = r.nextInt(20);
    if (k == 0) {
      dept = "2A";
      deptNum = 19;
    } else if (k == 1) {
      dept = "2B";
      deptNum = 18;
    } else {
      int d;
      do {
        d = between(1, 95);
      } while (d == 20);
      dept = String.format("%02d", d);
      deptNum = d;
    }
    String commune = String.format("%03d", between(1, 990));
    String order = String.format("%03d", between(1, 999));
    String numeric = sex + yy + mm + String.format("%02d", deptNum) + commune + order;
    long n = Long.parseLong(numeric);
    int key = (int) (97 - n % 97);
    String v = sex + yy + mm + dept + commune + order + String.format("%02d", key);
    return r.nextInt(3) == 0 ? group(v, " ", 1, 2, 2, 2, 3, 3, 2) : v;
  }

  String germanIdCard() {
    String alphabet = "CFGHJKLMNPRTVWXYZ0123456789";
    String v = chars("CFGHJKLMNPRTVWXYZ", 1) + chars(alphabet, 8);
    return r.nextBoolean() ? v + CheckDigits.icao(v) : v;
  }

  String germanTaxId() {
    List<Integer> digs = new java.util.ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    java.util.Collections.shuffle(digs, r);
    // first 10 digits: 9 distinct + one repeated, first digit non-zero
    List<Integer> ten = new java.util.ArrayList<>(digs.subList(0, 9));
    ten.add(ten.get(r.nextInt(9)));
    java.util.Collections.shuffle(ten, r);
    if (ten.get(0) == 0) {
      int j = 1;
      while (ten.get(j) == 0) {
        j++;
      }
      java.util.Collections.swap(ten, 0, j);
    }
    StringBuilder sb = new StringBuilder();
    ten.forEach(sb::append);
    String p = sb.toString();
    String v = p + CheckDigits.mod11_10(p);
    return r.nextInt(4) == 0 ? group(v, " ", 2, 3, 3, 3) : v;
  }

  String spainNif() {
    String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
    if (r.nextInt(3) == 0) {
      int pfx = r.nextInt(3);
      String d = digits(7);
      int n = Integer.parseInt(pfx + d);
      return "XYZ".charAt(pfx) + d + letters.charAt(n % 23);
    }
    String d = digits(8);
    return d + (r.nextInt(5) == 0 ? "-" : "") + letters.charAt(Integer.parseInt(d) % 23);
  }

  String codiceFiscale() {
    String cons = "BCDFGHJKLMNPQRSTVWXZ";
    String months = "ABCDEHLMPRST";
    int day = between(1, 28) + (r.nextBoolean() ? 40 : 0);
    String first15 = chars(cons, 3) + chars(cons, 3) + String.format("%02d", r.nextInt(100))
        + months.charAt(r.nextInt(12)) + String.format("%02d", day) + pick("H501", "F205", "L219", "A944", "G273", "D612", "L736", "C351");
    return first15 + CheckDigits.codiceFiscale(first15);
  }

  String bsn() {
    while (true) {
      String p = between(1, 9) + digits(7);
      int s = 0;
      for (int i = 0; i < 8; i++) {
        s += (p.charAt(i) - '0') * (9 - i);
      }
      int c = s % 11;
      if (c == 10) {
        continue;
      }
      return p + c;
    }
  }

  String aadhaar() {
    String p = between(2, 9) + digits(10);
    String v = p + CheckDigits.verhoeff(p);
    return r.nextBoolean() ? group(v, " ", 4, 4, 4) : v;
  }

  String pan() {
    return chars(UPPER, 3) + "P" + chars(UPPER, 1) + digits(4) + chars(UPPER, 1);
  }

  String cpf() {
    while (true) {
      String p = digits(9);
      if (p.chars().distinct().count() == 1) {
        continue;
      }
      int s = 0;
      for (int i = 0; i < 9; i++) {
        s += (p.charAt(i) - '0') * (10 - i);
      }
      int d1 = (s * 10 % 11) % 10;
      String q = p + d1;
      s = 0;
      for (int i = 0; i < 10; i++) {
        s += (q.charAt(i) - '0') * (11 - i);
      }
      int d2 = (s * 10 % 11) % 10;
      String v = q + d2;
      return r.nextInt(3) == 0 ? v : v.substring(0, 3) + "." + v.substring(3, 6) + "." + v.substring(6, 9) + "-" + v.substring(9);
    }
  }

  String genericPassport() {
    return switch (r.nextInt(4)) {
      case 0 -> chars(UPPER, 2) + digits(7); // FR, UK-ish
      case 1 -> "C" + chars("CFGHJKLMNPRTVWXYZ0123456789", 8); // DE
      case 2 -> digits(9);
      default -> chars(UPPER, 1) + digits(7);
    };
  }

  String nationalId() {
    return switch (r.nextInt(3)) {
      case 0 -> digits(13);
      case 1 -> chars(UPPER, 1) + digits(8);
      default -> digits(6) + "-" + digits(5);
    };
  }

  String vat() {
    return switch (r.nextInt(6)) {
      case 0 -> "DE" + between(1, 9) + digits(8);
      case 1 -> "FR" + digits(2) + digits(9);
      case 2 -> "NL" + digits(9) + "B" + String.format("%02d", between(1, 99));
      case 3 -> "IT" + digits(11);
      case 4 -> "ES" + chars(UPPER, 1) + digits(7) + chars(UPPER, 1);
      default -> "GB" + digits(9);
    };
  }

  // ---------------------------------------------------------------- finance

  String creditCard() {
    String[] prefix = {"4", "51", "52", "53", "54", "55", "2221", "2720", "34", "37", "6011", "3528", "36"};
    int[] len = {16, 16, 16, 16, 16, 16, 16, 16, 15, 15, 16, 16, 14};
    int i = r.nextInt(prefix.length);
    String p = prefix[i] + digits(len[i] - 1 - prefix[i].length());
    String v = p + CheckDigits.luhn(p);
    return formatCard(v);
  }

  String formatCard(String v) {
    int style = r.nextInt(4);
    if (style == 0 || style == 3) {
      return v;
    }
    String sep = style == 1 ? " " : "-";
    if (v.length() == 15) {
      return group(v, sep, 4, 6, 5);
    }
    if (v.length() == 14) {
      return group(v, sep, 4, 6, 4);
    }
    return group(v, sep, 4, 4, 4, 4);
  }

  String luhnFailing16() {
    String p = pick("4", "5") + digits(14);
    int c = (CheckDigits.luhn(p) + 1 + r.nextInt(9)) % 10;
    return p + c;
  }

  String trackData(Faker f) {
    String pan = creditCard().replaceAll("[ -]", "");
    String exp = String.format("%02d%02d", between(25, 31), between(1, 12));
    if (r.nextBoolean()) {
      String name = f.name().lastName().toUpperCase(Locale.ROOT) + "/" + f.name().firstName().toUpperCase(Locale.ROOT);
      return "%B" + pan + "^" + name + "^" + exp + "101" + digits(12) + "?";
    }
    return ";" + pan + "=" + exp + "101" + digits(10) + "?";
  }

  static final String[][] IBAN = {{"DE", "n18"}, {"FR", "n10a11n2"}, {"GB", "a4n14"}, {"NL", "a4n10"}, {"ES", "n20"},
    {"IT", "a1n10c12"}, {"BE", "n12"}, {"AT", "n16"}, {"CH", "n5c12"}, {"PL", "n24"}, {"PT", "n21"}, {"IE", "a4n14"}};

  String iban() {
    String[] c = IBAN[r.nextInt(IBAN.length)];
    StringBuilder bban = new StringBuilder();
    String spec = c[1];
    int i = 0;
    while (i < spec.length()) {
      char kind = spec.charAt(i++);
      int j = i;
      while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
        j++;
      }
      int n = Integer.parseInt(spec.substring(i, j));
      i = j;
      bban.append(switch (kind) {
        case 'n' -> digits(n);
        case 'a' -> chars(UPPER, n);
        default -> chars(UPPER + "0123456789", n);
      });
    }
    String v = c[0] + CheckDigits.ibanCheck(c[0], bban.toString()) + bban;
    return r.nextBoolean() ? group(v, " ", 4, 4, 4, 4, 4, 4, 4, 4) : v;
  }

  static final List<String> BIC_COUNTRIES = List.of("DE", "FR", "GB", "NL", "ES", "IT", "BE", "CH", "US", "BR", "IN", "JP", "CA", "AT", "SE");

  String bic() {
    String v = chars(UPPER, 4) + pick(BIC_COUNTRIES) + chars(UPPER + "23456789", 2);
    return r.nextBoolean() ? v + pick("XXX", chars(UPPER + "0123456789", 3)) : v;
  }

  String crypto() {
    return switch (r.nextInt(4)) {
      case 0 -> CheckDigits.base58Check(0, bytes(20));
      case 1 -> CheckDigits.base58Check(5, bytes(20));
      case 2 -> CheckDigits.bech32SegwitV0("bc", bytes(20));
      default -> "0x" + chars(HEX, 40);
    };
  }

  // ---------------------------------------------------------------- network and devices

  String ipv4() {
    return between(1, 223) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + between(1, 254);
  }

  String ipv6() {
    StringBuilder sb = new StringBuilder("2001:db8");
    int groups = 6;
    if (r.nextBoolean()) {
      sb.append("::");
      groups = between(1, 4);
      for (int i = 0; i < groups; i++) {
        sb.append(i > 0 ? ":" : "").append(Integer.toHexString(r.nextInt(65536)));
      }
      return sb.toString();
    }
    for (int i = 0; i < groups; i++) {
      sb.append(':').append(Integer.toHexString(r.nextInt(65536)));
    }
    return r.nextInt(4) == 0 ? sb.toString().toUpperCase(Locale.ROOT) : sb.toString();
  }

  String mac() {
    String h = chars(HEX, 12);
    return switch (r.nextInt(4)) {
      case 0 -> group(h, ":", 2, 2, 2, 2, 2, 2);
      case 1 -> group(h, "-", 2, 2, 2, 2, 2, 2).toUpperCase(Locale.ROOT);
      case 2 -> group(h, ".", 4, 4, 4);
      default -> group(h, ":", 2, 2, 2, 2, 2, 2).toUpperCase(Locale.ROOT);
    };
  }

  String imei() {
    String p = pick("35", "86", "01", "99") + digits(12);
    String v = p + CheckDigits.luhn(p);
    return r.nextInt(4) == 0 ? group(v, "-", 2, 6, 6, 1) : v;
  }

  String deviceId() {
    return switch (r.nextInt(3)) {
      case 0 -> uuid().toUpperCase(Locale.ROOT);
      case 1 -> uuid();
      default -> chars(HEX, 16);
    };
  }

  String vin() {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    String wmi = pick("1HG", "WVW", "JTD", "WBA", "1FT", "VF1", "ZFA", "KMH", "5YJ", "SAL");
    String v = wmi + chars(alphabet, 5) + "0" + chars("ABCDEFGHJKLMNPRSTVWXY123456789", 1) + chars(alphabet, 1) + digits(6);
    char c = CheckDigits.vin(v);
    return v.substring(0, 8) + c + v.substring(9);
  }

  // ---------------------------------------------------------------- credentials

  String bcrypt() {
    return "$2" + pick("a", "b", "y") + "$" + pick("10", "12", "11") + "$"
        + chars("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 53);
  }

  String passwordHash(int style) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return switch (style) {
      case 0 -> bcrypt();
      case 1 -> "$argon2id$v=19$m=65536,t=3,p=4$" + b64.encodeToString(bytes(16)) + "$" + b64.encodeToString(bytes(32));
      case 2 -> "pbkdf2_sha256$600000$" + chars(ALNUM, 22) + "$" + Base64.getEncoder().encodeToString(bytes(32));
      default -> "$6$" + chars(ALNUM, 16) + "$" + chars("./" + ALNUM, 86);
    };
  }

  String awsKeyId() {
    return pick("AKIA", "ASIA") + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  }

  String awsSecret() {
    return chars(ALNUM + "/+", 40);
  }

  String gcpKey() {
    return "AIza" + chars(ALNUM + "_-", 35);
  }

  String githubToken() {
    if (r.nextInt(4) == 0) {
      return "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
    }
    String entropy = chars(ALNUM, 30);
    return pick("ghp_", "gho_", "ghs_", "ghu_") + entropy + CheckDigits.base62(CheckDigits.crc32(entropy), 6);
  }

  String slackToken() {
    return r.nextBoolean()
        ? "xoxb-" + digits(12) + "-" + digits(13) + "-" + chars(ALNUM, 24)
        : "xoxp-" + digits(12) + "-" + digits(12) + "-" + digits(13) + "-" + chars(HEX, 32);
  }

  String stripeKey() {
    return pick("sk_live_", "rk_live_", "sk_live_") + chars(ALNUM, r.nextBoolean() ? 24 : 99);
  }

  String jwt(Faker f) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    String alg = pick("HS256", "HS512");
    String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    long iat = 1_700_000_000L + r.nextInt(30_000_000);
    String payload = "{\"sub\":\"" + between(1000, 99999) + "\",\"name\":\"" + f.name().firstName()
        + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + "}";
    String signingInput = b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    try {
      String jalg = alg.equals("HS256") ? "HmacSHA256" : "HmacSHA512";
      Mac mac = Mac.getInstance(jalg);
      mac.init(new SecretKeySpec(bytes(32), jalg));
      return signingInput + "." + b.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String privateKey() {
    String kind = pick("RSA ", "EC ", "");
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes(between(120, 300)));
    return "-----BEGIN " + kind + "PRIVATE KEY-----\n" + body + "\n-----END " + kind + "PRIVATE KEY-----";
  }

  // ---------------------------------------------------------------- phones (libphonenumber-valid)

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  static final List<String> PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "BR", "IN", "CA", "AU", "JP");

  String phone(String region) {
    return formatPhone(phoneNumber(region));
  }

  /** Whether libphonenumber knows {@code region}. */
  static boolean phoneRegion(String region) {
    return PHONES.getSupportedRegions().contains(region);
  }

  /** A phone number in RFC 3966 form ({@code tel:+49-30-1234567}); held-out set only. */
  String phoneUri(String region) {
    return PHONES.format(phoneNumber(region), PhoneNumberUtil.PhoneNumberFormat.RFC3966);
  }

  private Phonenumber.PhoneNumber phoneNumber(String region) {
    Phonenumber.PhoneNumber example = r.nextBoolean()
        ? PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE)
        : PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
    String nsn = PHONES.getNationalSignificantNumber(example);
    for (int attempt = 0; attempt < 50; attempt++) {
      int keep = Math.max(2, nsn.length() - 5);
      String candidate = nsn.substring(0, keep) + digits(nsn.length() - keep);
      try {
        Phonenumber.PhoneNumber pn = PHONES.parse("+" + example.getCountryCode() + candidate, "ZZ");
        if (PHONES.isValidNumber(pn)) {
          return pn;
        }
      } catch (NumberParseException e) {
        // try again
      }
    }
    return example;
  }

  private String formatPhone(Phonenumber.PhoneNumber pn) {
    return switch (r.nextInt(4)) {
      case 0 -> PHONES.format(pn, PhoneNumberUtil.PhoneNumberFormat.E164);
      case 1 -> PHONES.format(pn, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
      case 2 -> PHONES.format(pn, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
      default -> PHONES.format(pn, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL).replace(' ', '-');
    };
  }

  /** Whether libphonenumber accepts the value as a valid number (for tests). */
  static boolean validPhone(String v, String region) {
    try {
      return PHONES.isValidNumber(PHONES.parse(v, region));
    } catch (NumberParseException e) {
      return false;
    }
  }
}
