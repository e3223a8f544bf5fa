package io.pursight.governance.classifier.patterns;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Validators of personal data that has no checksum: dates of birth, ages, coordinates, postal
 * codes, addresses, and dictionary-backed values (names, cities, countries, gender, ethnicity),
 * plus the value shapes of context-only types. Never throw.
 */
final class PersonalChecks {
  private PersonalChecks() {}

  // ---------------------------------------------------------------- dates

  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec"};

  /**
   * The epoch day of a calendar date written as yyyy-MM-dd (or / ., one-digit month and day
   * allowed), dd.MM.yyyy, dd/MM/yyyy,
   * MM/dd/yyyy, dd-MM-yyyy, yyyyMMdd, "12 Mar 1985" or "Mar 12, 1985"; a time part is allowed only
   * when it is midnight (a birth date carries no time). {@link Long#MIN_VALUE} when not a date.
   * For an ambiguous day/month order, the first valid reading wins (both are plausible as a birth date).
   */
  static long epochDay(String v) {
    int len = v.length();
    if (len < 8 || len > 40) {
      return Long.MIN_VALUE;
    }
    char c0 = v.charAt(0);
    if (c0 >= '0' && c0 <= '9') {
      if (Checksums.digits(v, 0, 4) && sepAt(v, 4)) {
        // yyyy-MM-dd, also with one-digit month or day (1962/2/18)
        int m = 5;
        while (m < len && m < 7 && Character.isDigit(v.charAt(m))) {
          m++;
        }
        if (m == 5 || m >= len || v.charAt(m) != v.charAt(4)) {
          return Long.MIN_VALUE;
        }
        int e = m + 1;
        while (e < len && e < m + 3 && Character.isDigit(v.charAt(e))) {
          e++;
        }
        if (e == m + 1) {
          return Long.MIN_VALUE;
        }
        long d = day(Checksums.num(v, 0, 4), Checksums.num(v, 5, m), Checksums.num(v, m + 1, e));
        return midnightTail(v, e) ? d : Long.MIN_VALUE;
      }
      if (len == 8 && Checksums.digits(v, 0, 8)) {
        return day(Checksums.num(v, 0, 4), Checksums.num(v, 4, 6), Checksums.num(v, 6, 8));
      }
      // d.M.yyyy / dd/MM/yyyy / MM-dd-yyyy with 1-2 digit day and month
      int a = 0;
      while (a < len && a < 2 && Character.isDigit(v.charAt(a))) {
        a++;
      }
      if (a >= 1 && a < len && sepAt(v, a)) {
        char sep = v.charAt(a);
        int b = a + 1;
        while (b < len && b - a - 1 < 2 && Character.isDigit(v.charAt(b))) {
          b++;
        }
        if (b > a + 1 && b < len && v.charAt(b) == sep && b + 5 <= len && Checksums.digits(v, b + 1, b + 5)) {
          int x = Checksums.num(v, 0, a);
          int y = Checksums.num(v, a + 1, b);
          int year = Checksums.num(v, b + 1, b + 5);
          if (!midnightTail(v, b + 5)) {
            return Long.MIN_VALUE;
          }
          long d = day(year, y, x); // day first (most of the world)
          return d != Long.MIN_VALUE ? d : day(year, x, y);
        }
      }
      // 12 Mar 1985
      int sp = v.indexOf(' ');
      if (sp > 0 && sp <= 2 && Checksums.digits(v, 0, sp)) {
        int m = month(v, sp + 1);
        int sp2 = v.indexOf(' ', sp + 1);
        if (m > 0 && sp2 > 0 && sp2 + 5 == len && Checksums.digits(v, sp2 + 1, len)) {
          return day(Checksums.num(v, sp2 + 1, len), m, Checksums.num(v, 0, sp));
        }
      }
      return Long.MIN_VALUE;
    }
    // Mar 12, 1985
    int m = month(v, 0);
    int sp = v.indexOf(' ');
    if (m > 0 && sp > 0 && sp + 1 < len) {
      int comma = v.indexOf(',', sp);
      int end = comma > 0 ? comma : v.indexOf(' ', sp + 1);
      if (end > sp + 1 && end - sp - 1 <= 2 && Checksums.digits(v, sp + 1, end)) {
        int ys = comma > 0 ? comma + 1 : end + 1;
        while (ys < len && v.charAt(ys) == ' ') {
          ys++;
        }
        if (ys + 4 == len && Checksums.digits(v, ys, len)) {
          return day(Checksums.num(v, ys, len), m, Checksums.num(v, sp + 1, end));
        }
      }
    }
    return Long.MIN_VALUE;
  }

  private static boolean sepAt(String v, int i) {
    char c = v.charAt(i);
    return c == '-' || c == '/' || c == '.';
  }

  private static int month(String v, int at) {
    if (at + 3 > v.length()) {
      return 0;
    }
    String m = v.substring(at, at + 3).toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      if (MONTHS[i].equals(m)) {
        int end = at + 3;
        while (end < v.length() && Character.isLetter(v.charAt(end))) {
          end++;
        }
        if (end < v.length() && v.charAt(end) == '.') {
          end++;
        }
        return end < v.length() && (v.charAt(end) == ' ') ? i + 1 : 0;
      }
    }
    return 0;
  }

  /** True when {@code v} ends at {@code from} or continues with a midnight time (and zone). */
  private static boolean midnightTail(String v, int from) {
    int len = v.length();
    if (from == len) {
      return true;
    }
    char c = v.charAt(from);
    if (c != 'T' && c != ' ') {
      return false;
    }
    int i = from + 1;
    // 00:00, 00:00:00, 00:00:00.000
    if (i + 5 > len || !v.startsWith("00:00", i)) {
      return false;
    }
    i += 5;
    if (i + 3 <= len && v.startsWith(":00", i)) {
      i += 3;
      if (i < len && v.charAt(i) == '.') {
        i++;
        while (i < len && v.charAt(i) == '0') {
          i++;
        }
      }
    }
    if (i == len) {
      return true;
    }
    String zone = v.substring(i).strip();
    return zone.equals("Z") || zone.equals("UTC") || zone.matches("[+-]\\d{2}:?\\d{2}");
  }

  private static long day(int y, int m, int d) {
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) {
      return Long.MIN_VALUE;
    }
    int max = switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
    return d > max ? Long.MIN_VALUE : LocalDate.of(y, m, d).toEpochDay();
  }

  /** A date of birth: a date (see {@link #epochDay}) that makes an age of 0-120 years at {@code today}. */
  static boolean dateOfBirth(String v, LocalDate today) {
    long d = epochDay(v);
    if (d == Long.MIN_VALUE) {
      return false;
    }
    long t = today.toEpochDay();
    return d <= t && d >= today.minusYears(120).toEpochDay();
  }

  /** An age: a whole number 0-120 (a trailing .0 allowed). */
  static boolean age(String v) {
    int len = v.length();
    int end = len;
    int dot = v.indexOf('.');
    if (dot > 0) {
      for (int i = dot + 1; i < len; i++) {
        if (v.charAt(i) != '0') {
          return false;
        }
      }
      end = dot;
    }
    if (end < 1 || end > 3 || !Checksums.digits(v, 0, end) || (end > 1 && v.charAt(0) == '0')) {
      return false;
    }
    return Checksums.num(v, 0, end) <= 120;
  }

  // ---------------------------------------------------------------- coordinates

  private static final Pattern DMS = Pattern.compile(
      "(\\d{1,3})\\s*[°º]\\s*(?:(\\d{1,2}(?:[.,]\\d+)?)\\s*['′’]\\s*)?(?:(\\d{1,2}(?:[.,]\\d+)?)\\s*(?:[\"″”]|'')\\s*)?([NSEWnsew])"
          + "|([NSEWnsew])\\s*(\\d{1,3})\\s*[°º]\\s*(?:(\\d{1,2}(?:[.,]\\d+)?)\\s*['′’]\\s*)?(?:(\\d{1,2}(?:[.,]\\d+)?)\\s*(?:[\"″”]|'')\\s*)?");

  /**
   * Coordinates: a decimal pair ("48.8566, 2.3522", "(lat lon)", "POINT(lon lat)") with fractional
   * digits and latitude within ±90, longitude within ±180; or degrees-minutes-seconds with
   * hemisphere letters (one or two components).
   */
  static boolean coordinates(String v) {
    if (v.indexOf('°') >= 0 || v.indexOf('º') >= 0) {
      return dms(v);
    }
    String s = v.strip();
    boolean wkt = false;
    if (s.regionMatches(true, 0, "POINT", 0, 5)) {
      s = s.substring(5).strip();
      wkt = true;
    }
    if (s.startsWith("(") && s.endsWith(")") || s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    int split = s.indexOf(',');
    String a;
    String b;
    if (split > 0 && !wkt) {
      a = s.substring(0, split).strip();
      b = s.substring(split + 1).strip();
    } else {
      int sp = s.indexOf(' ');
      if (sp <= 0) {
        return false;
      }
      a = s.substring(0, sp).strip();
      b = s.substring(sp + 1).strip();
    }
    double x = decimal(a, 2);
    double y = decimal(b, 2);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return false;
    }
    if (wkt) {
      return Math.abs(x) <= 180 && Math.abs(y) <= 90; // WKT is lon lat
    }
    return Math.abs(x) <= 90 && Math.abs(y) <= 180;
  }

  private static boolean dms(String v) {
    java.util.regex.Matcher m = DMS.matcher(v);
    int found = 0;
    int end = 0;
    while (m.find()) {
      if (!v.substring(end, m.start()).isBlank() && !v.substring(end, m.start()).strip().equals(",")) {
        return false;
      }
      boolean prefix = m.group(5) != null;
      String deg = prefix ? m.group(6) : m.group(1);
      String min = prefix ? m.group(7) : m.group(2);
      String sec = prefix ? m.group(8) : m.group(3);
      char hemi = Character.toUpperCase((prefix ? m.group(5) : m.group(4)).charAt(0));
      int d = Integer.parseInt(deg);
      double mi = min == null ? 0 : Double.parseDouble(min.replace(',', '.'));
      double se = sec == null ? 0 : Double.parseDouble(sec.replace(',', '.'));
      int limit = hemi == 'N' || hemi == 'S' ? 90 : 180;
      if (d > limit || mi >= 60 || se >= 60 || d + mi / 60 + se / 3600 > limit) {
        return false;
      }
      found++;
      end = m.end();
    }
    return found >= 1 && found <= 2 && v.substring(end).isBlank();
  }

  /** A signed decimal with at least {@code minFraction} fractional digits, or NaN. */
  static double decimal(String s, int minFraction) {
    int len = s.length();
    int i = 0;
    if (len > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      i = 1;
    }
    int intStart = i;
    while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits < 1 || intDigits > 3 || i >= len || s.charAt(i) != '.') {
      return minFraction == 0 && intDigits >= 1 && intDigits <= 3 && i == len ? Double.parseDouble(s) : Double.NaN;
    }
    i++;
    int fracStart = i;
    while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i != len || i - fracStart < minFraction || i - fracStart > 15) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  /** A latitude or longitude on its own: a decimal with 2+ fractional digits within ±180. */
  static boolean coordinate(String v) {
    double d = decimal(v, 2);
    return !Double.isNaN(d) && Math.abs(d) <= 180;
  }

  // ---------------------------------------------------------------- postal codes

  private static final Pattern UK_POSTCODE = Pattern.compile(
      "(?i)GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9](?:[0-9]|[ABEHMNPRV-Y])?|[0-9][A-HJKPSTUW]) ?[0-9][ABD-HJLNP-UW-Z]{2}");
  private static final Pattern CA_POSTCODE = Pattern.compile(
      "(?i)[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][ -]?[0-9][ABCEGHJ-NPRSTV-Z][0-9]");

  static boolean ukPostcode(String v) {
    return v.length() >= 5 && v.length() <= 8 && UK_POSTCODE.matcher(v).matches();
  }

  static boolean canadaPostcode(String v) {
    return v.length() >= 6 && v.length() <= 7 && CA_POSTCODE.matcher(v).matches();
  }

  /** Dutch postcode: 1000-9999 plus two letters (not SA, SD, SS), optional space. */
  static boolean dutchPostcode(String v) {
    String s = v.indexOf(' ') == 4 ? v.substring(0, 4) + v.substring(5) : v;
    if (s.length() != 6 || !Checksums.digits(s, 0, 4) || s.charAt(0) == '0') {
      return false;
    }
    char a = Character.toUpperCase(s.charAt(4));
    char b = Character.toUpperCase(s.charAt(5));
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return false;
    }
    String l = "" + a + b;
    return !(l.equals("SA") || l.equals("SD") || l.equals("SS"));
  }

  /** US ZIP+4: five digits, a dash, four digits; the ZIP prefix is not 000. */
  static boolean zipPlus4(String v) {
    return v.length() == 10 && v.charAt(5) == '-' && Checksums.digits(v, 0, 5) && Checksums.digits(v, 6, 10)
        && !v.startsWith("000");
  }

  /**
   * Numeric postal codes of 4 to 6 digits (US/DE/FR/ES/IT 5, AT/BE/CH/DK/NO/AU 4, IN/CN/RU 6)
   * and dashed forms (PT 1234-567, BR 12345-678, JP 123-4567, PL 12-345); needs a column name.
   */
  static boolean numericPostcode(String v) {
    int len = v.length();
    if (len >= 4 && len <= 6 && Checksums.digits(v, 0, len)) {
      return !v.startsWith("000") && !(len == 4 && v.charAt(0) == '0');
    }
    int dash = v.indexOf('-');
    if (dash < 0) {
      return false;
    }
    int a = dash;
    int b = len - dash - 1;
    boolean shape = (a == 4 && b == 3) || (a == 5 && b == 3) || (a == 3 && b == 4) || (a == 2 && b == 3);
    return shape && Checksums.digits(v, 0, dash) && Checksums.digits(v, dash + 1, len);
  }

  // ---------------------------------------------------------------- addresses

  /**
   * A street address: a house number and a street word in one of several languages ("12 Main St",
   * "Hauptstraße 5", "12 rue de la Paix", "Via Roma 10", "Kerkstraat 12a"), or a post-office box
   * with a number ("PO Box 123", "Postfach 1234").
   */
  static boolean streetAddress(String v) {
    int len = v.length();
    if (len < 6 || len > 100) {
      return false;
    }
    Dictionaries d = Dictionaries.get();
    int[] starts = new int[20];
    int[] ends = new int[20];
    int n = 0;
    int i = 0;
    while (i < len) {
      while (i < len && isAddressSeparator(v.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && !isAddressSeparator(v.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (n == 20) {
          return false;
        }
        starts[n] = start;
        ends[n] = i;
        n++;
      }
    }
    if (n < 2) {
      return false;
    }
    boolean number = false;
    boolean street = false;
    for (int k = 0; k < n && !(number && street); k++) {
      int start = starts[k];
      int end = ends[k];
      if (!number && Character.isDigit(v.charAt(start))) {
        // house number: 1-5 digits, optionally a letter or -/digits (12, 12a, 12-14, 12/3)
        int j = start;
        while (j < end && Character.isDigit(v.charAt(j))) {
          j++;
        }
        number = j - start <= 5 && end - j <= 4;
      }
      if (!street) {
        int tEnd = end > start + 1 && v.charAt(end - 1) == '.' ? end - 1 : end;
        char f = Character.toLowerCase(v.charAt(start));
        street = d.streetTypes.contains(v, start, tEnd) || tEnd - start > 3 && v.charAt(tEnd - 1) == 's'
            && d.streetTypes.contains(v, start, tEnd - 1) || endsWithStreetSuffix(v, start, end, d)
            || (f == 'p' || f == 'b' || f == 'a' || f == 'c') && end - start <= 9 && poBox(v, starts, ends, k, n, d);
      }
    }
    return number && street;
  }

  /** True when tokens k.. (up to 4) spell a post-office-box phrase ("P.O. Box", "Postfach"). */
  private static boolean poBox(String v, int[] starts, int[] ends, int k, int n, Dictionaries d) {
    StringBuilder b = new StringBuilder();
    for (int j = k; j < n && j < k + 4; j++) {
      if (Character.isDigit(v.charAt(starts[j]))) {
        break;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      for (int i = starts[j]; i < ends[j]; i++) {
        char c = v.charAt(i);
        if (c == '.') {
          if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
          }
        } else {
          b.append(c);
        }
      }
      while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
        b.setLength(b.length() - 1);
      }
      if (d.poBoxes.contains(b)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAddressSeparator(char c) {
    return c == ' ' || c == ',' || c == '\t' || c == ';';
  }

  private static boolean endsWithStreetSuffix(String v, int start, int end, Dictionaries d) {
    if (end - start < 5 || Character.isDigit(v.charAt(start))) {
      return false;
    }
    char last = Character.toLowerCase(v.charAt(end - 1));
    if (last != 'e' && last != 'g' && last != 't' && last != 'z' && last != 'n' && last != 'm' && last != 'l'
        && last != 'k' && last != 'j' && last != 'f' && last != '.') {
      return false; // no suffix in the list ends otherwise (straße, weg, straat, platz, damm, singel, dijk, vej...)
    }
    String token = FoldedSet.fold(v.substring(start, end));
    for (String s : d.streetSuffixes) {
      if (token.length() > s.length() + 2 && token.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- dictionaries

  /**
   * A person's name: 1-4 words of letters (apostrophes, hyphens and initials allowed, particles like
   * van/de/bin ignored), "Last, First" allowed; one word must be a known given or family name, and
   * in a multi-word name the first word must be a given name or the last a family name. Chinese,
   * Japanese and Korean names written without spaces match on their family-name character(s).
   */
  static boolean personName(String v) {
    int len = v.length();
    if (len < 2 || len > 60) {
      return false;
    }
    Dictionaries d = Dictionaries.get();
    int comma = v.indexOf(',');
    if (comma > 0) {
      if (v.indexOf(',', comma + 1) >= 0) {
        return false;
      }
      // "Last, First" -> "First Last"
      return personName(v.substring(comma + 1).strip() + " " + v.substring(0, comma).strip());
    }
    int[] starts = new int[6];
    int[] ends = new int[6];
    int n = 0;
    int i = 0;
    while (i < len) {
      while (i < len && v.charAt(i) == ' ') {
        i++;
      }
      int s = i;
      while (i < len && v.charAt(i) != ' ') {
        char c = v.charAt(i);
        if (!(Character.isLetter(c) || c == '\'' || c == '-' || c == '.' || c == '\u2019')) {
          return false;
        }
        i++;
      }
      if (i > s) {
        if (n == 6) {
          return false;
        }
        starts[n] = s;
        ends[n] = i;
        n++;
      }
    }
    if (n == 0) {
      return false;
    }
    if (n == 1 && cjk(v)) {
      return cjkName(v, d);
    }
    int words = 0;
    int known = 0;
    int firstWord = -1;
    int lastWord = -1;
    for (int k = 0; k < n; k++) {
      int s = starts[k];
      int e = ends[k];
      if (d.companyWords.contains(v, s, v.charAt(e - 1) == '.' ? e - 1 : e) || d.companyWords.contains(v, s, e)) {
        return false; // Walter Inc, Lebsack and Sons, Joldersma en Zonen, Frías S.L.
      }
      boolean initial = e - s <= 2 && (e - s == 1 || v.charAt(e - 1) == '.');
      if (initial || d.nameParticles.contains(v, s, e)) {
        continue;
      }
      words++;
      if (firstWord < 0) {
        firstWord = k;
      }
      lastWord = k;
      int ee = v.charAt(e - 1) == '.' ? e - 1 : e;
      if (d.givenNames.contains(v, s, ee) || d.familyNames.contains(v, s, ee) || hyphenatedKnown(v, s, ee, d)) {
        known++;
      }
    }
    if (words == 0 || words > 4 || known == 0) {
      return false;
    }
    if (words == 1) {
      return true;
    }
    boolean firstGiven = d.givenNames.contains(v, starts[firstWord], ends[firstWord]);
    boolean lastFamily = d.familyNames.contains(v, starts[lastWord], ends[lastWord])
        || hyphenatedKnown(v, starts[lastWord], ends[lastWord], d);
    return (firstGiven || lastFamily) && known * 2 >= words;
  }

  private static boolean hyphenatedKnown(String v, int s, int e, Dictionaries d) {
    int h = v.indexOf('-', s);
    if (h <= s || h >= e - 1) {
      return false;
    }
    return (d.familyNames.contains(v, s, h) || d.givenNames.contains(v, s, h))
        && (d.familyNames.contains(v, h + 1, e) || d.givenNames.contains(v, h + 1, e));
  }

  private static boolean cjk(String v) {
    for (int i = 0; i < v.length(); i++) {
      Character.UnicodeScript s = Character.UnicodeScript.of(v.charAt(i));
      if (s != Character.UnicodeScript.HAN && s != Character.UnicodeScript.HANGUL) {
        return false;
      }
    }
    return true;
  }

  private static boolean cjkName(String v, Dictionaries d) {
    int len = v.length();
    if (len < 2 || len > 4) {
      return false;
    }
    return d.familyNames.contains(v, 0, 1) || len >= 3 && d.familyNames.contains(v, 0, 2);
  }

  /**
   * The shape of a name or place: 1-5 words of letters (apostrophes, hyphens, dots allowed), each
   * starting with a capital letter (or all capitals); proves little without a column name.
   */
  static boolean properNounShape(String v) {
    int len = v.length();
    if (len < 2 || len > 60) {
      return false;
    }
    int words = 0;
    boolean wordStart = true;
    int wordFrom = 0;
    Dictionaries d = Dictionaries.get();
    for (int i = 0; i <= len; i++) {
      char c = i < len ? v.charAt(i) : ' ';
      if (c == ' ' || c == ',') {
        if (!wordStart) {
          int e = v.charAt(i - 1) == '.' ? i - 1 : i;
          if (d.companyWords.contains(v, wordFrom, e)) {
            return false; // Lusink NV, Geijsen VOF
          }
        }
        wordStart = true;
        continue;
      }
      if (wordStart) {
        if (!Character.isUpperCase(c) && !(Character.isLetter(c) && !Character.isLowerCase(c))) {
          return false; // each word starts with a capital (or a letter without case)
        }
        words++;
        wordStart = false;
        wordFrom = i;
      } else if (!(Character.isLetter(c) || c == '\'' || c == '-' || c == '.' || c == '\u2019')) {
        return false;
      }
    }
    return words >= 1 && words <= 5;
  }

  /** The shape of an address: a number and at least one word of 3+ letters, 2-12 words; proves little alone. */
  static boolean addressShape(String v) {
    int len = v.length();
    if (len < 5 || len > 120) {
      return false;
    }
    boolean number = false;
    boolean word = false;
    int words = 0;
    int i = 0;
    while (i < len) {
      while (i < len && isAddressSeparator(v.charAt(i))) {
        i++;
      }
      int start = i;
      int letters = 0;
      int digits = 0;
      while (i < len && !isAddressSeparator(v.charAt(i))) {
        char c = v.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
        } else if (Character.isDigit(c)) {
          digits++;
        }
        i++;
      }
      if (i > start) {
        words++;
        number |= digits > 0 && digits <= 6;
        word |= letters >= 3 && digits == 0;
      }
    }
    return number && word && words >= 2 && words <= 12;
  }

  /** A city from the gazetteer, alone or as "City, Region". */
  static boolean city(String v) {
    if (v.length() < 2 || v.length() > 60) {
      return false;
    }
    Dictionaries d = Dictionaries.get();
    if (d.cities.contains(v)) {
      return true;
    }
    int comma = v.indexOf(',');
    return comma > 1 && d.cities.contains(v, 0, comma);
  }

  /** A country name in one of seven languages (or a common alias). */
  static boolean countryName(String v) {
    return v.length() >= 4 && v.length() <= 60 && Dictionaries.get().countryNames.contains(v);
  }

  /** An ISO 3166-1 alpha-3 code, upper case. */
  static boolean countryAlpha3(String v) {
    return v.length() == 3 && allUpper(v) && Dictionaries.get().alpha3.contains(v);
  }

  /** An ISO 3166-1 alpha-2 code, upper case (needs context: two letters say little). */
  static boolean countryAlpha2(String v) {
    return v.length() == 2 && allUpper(v) && Dictionaries.get().isCountryCode(v);
  }

  private static boolean allUpper(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** A gender word in one of seven languages (male, weiblich, femme, non-binary...). */
  static boolean genderWord(String v) {
    return v.length() >= 2 && v.length() <= 30 && Dictionaries.get().genderWords.contains(v);
  }

  /** A gender-neutral answer (other, unknown, non-binary...); evidence only with a name. */
  static boolean genderNeutral(String v) {
    return v.length() >= 2 && v.length() <= 30 && Dictionaries.get().genderNeutral.contains(v);
  }

  /** A one-letter gender code (M, F, X, U, D, W...); needs context. */
  static boolean genderLetter(String v) {
    return v.length() == 1 && Dictionaries.get().genderLetters.contains(v);
  }

  /** Ethnicity/race vocabulary, alone or as parts joined by / , ; or " and ". */
  static boolean ethnicity(String v) {
    if (v.length() < 3 || v.length() > 80) {
      return false;
    }
    Dictionaries d = Dictionaries.get();
    if (d.ethnicity.contains(v)) {
      return true;
    }
    if (v.indexOf('/') < 0 && v.indexOf(',') < 0 && v.indexOf(';') < 0 && v.indexOf('&') < 0 && !v.contains("and")) {
      return false; // one part only: not in the vocabulary (checked above)
    }
    String[] parts = v.split("\\s*(?:/|,|;|\\band\\b|&)\\s*");
    if (parts.length < 2) {
      return false;
    }
    for (String p : parts) {
      if (!d.ethnicity.contains(p.strip())) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- value shapes of context-only types

  /** A login name: 2-64 of letters, digits, . _ - + @, starting alphanumeric, at least one letter. */
  static boolean username(String v) {
    int len = v.length();
    if (len < 2 || len > 64 || !Character.isLetterOrDigit(v.charAt(0))) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!(c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+' || c == '@')) {
        return false;
      }
    }
    return letter;
  }

  /**
   * A plaintext password: 4-128 characters without whitespace that is not a password hash, a
   * date, a boolean or a small number.
   */
  static boolean plaintextPassword(String v) {
    int len = v.length();
    if (len < 4 || len > 128) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    if (SecretChecks.passwordHash(v) || SecretChecks.hexDigest(v)) {
      return false;
    }
    String l = v.toLowerCase(java.util.Locale.ROOT);
    if (l.equals("true") || l.equals("false") || l.equals("null") || l.equals("none")) {
      return false;
    }
    return epochDay(v) == Long.MIN_VALUE;
  }

  /** A record number: 4-20 letters, digits and dashes with at least 3 digits. */
  static boolean recordNumber(String v) {
    return idShape(v, 4, 20, 3, "-");
  }

  /** A generic identity-document number: 5-25 characters of letters, digits and . / - space, 4+ digits. */
  static boolean nationalId(String v) {
    return idShape(v, 5, 25, 4, "./- ");
  }

  /** A passport number: 6-10 letters and digits, at least 3 digits. */
  static boolean passport(String v) {
    return idShape(v, 6, 10, 3, "") && !Checksums.allSame(v, 0, v.length());
  }

  private static boolean idShape(String v, int min, int max, int minDigits, String separators) {
    int len = v.length();
    if (len < min || len > max || !Character.isLetterOrDigit(v.charAt(0))) {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') && separators.indexOf(c) < 0) {
        return false;
      }
    }
    return digits >= minDigits;
  }

  private static final Pattern US_DL = Pattern.compile(String.join("|",
      "[A-Z]\\d{7}", // CA, many
      "[A-Z]\\d{12}", // FL, IL, MI, MN, MD
      "[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d", // FL printed
      "[A-Z]\\d{3}-\\d{4}-\\d{4}", // IL printed
      "[A-Z]\\d{14}", // NJ
      "[A-Z]\\d{4} ?\\d{5} ?\\d{5}", // NJ printed
      "\\d{3} ?\\d{3} ?\\d{3}", // NY and others
      "\\d{7,9}", // TX 8, many 7-9
      "[A-Z]{2}\\d{6}[A-Z]", // WA-like
      "[A-Z]{1,2}\\d{5,8}", // NH, CT, others
      "\\d{2}-\\d{3}-\\d{4}", // CO
      "\\d{3}[A-Z]{2}\\d{4}", // NH
      "[A-Z]\\d{2}-\\d{2}-\\d{4}", // MO-like
      "[A-Z]{3}\\*\\*[A-Z0-9]{5}", // WA (old)
      "\\d{12,13}", // NY (old), WI
      "[A-Z]\\d{3}-\\d{4}-\\d{4}-\\d{2}")); // WI printed

  /** A US driver's license number in one of the common state formats; needs context. */
  static boolean usDriversLicense(String v) {
    return v.length() >= 7 && v.length() <= 19 && US_DL.matcher(v.toUpperCase(java.util.Locale.ROOT)).matches()
        && !Checksums.allSame(v, 0, v.length());
  }

  /** A bank account number: 8-17 digits (dashes allowed), not all the same digit; needs context. */
  static boolean bankAccount(String v) {
    String d = v.indexOf('-') >= 0 || v.indexOf(' ') >= 0 ? Checksums.digitsOnly(v, "- ") : v;
    return d != null && d.length() >= 8 && d.length() <= 17 && Checksums.digits(d, 0, d.length())
        && !Checksums.allSame(d, 0, d.length());
  }

  /** A card verification value: 3 or 4 digits; needs context. */
  static boolean cvv(String v) {
    return (v.length() == 3 || v.length() == 4) && Checksums.digits(v, 0, v.length());
  }

  /** A device identifier: a UUID (advertising ids), 16 hex (Android id) or 40 hex (legacy iOS UDID). */
  static boolean deviceId(String v) {
    int len = v.length();
    return len == 36 ? NetChecks.uuid(v) : (len == 16 || len == 40) && NetChecks.hexString(v, len)
        && NetChecks.hasHexLetter(v);
  }
}
