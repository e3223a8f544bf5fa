package io.pursight.governance.classifier.patterns;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phone-number validation with libphonenumber: a number is a hit when {@link
 * PhoneNumberUtil#isValidNumber} accepts it for the region implied by a leading + (or 00), or for
 * one of the default regions otherwise. Values shaped like dates, times, IP addresses, decimals or
 * other identifiers (SSN, EIN, CPF) are rejected before parsing. Thread-safe.
 */
final class PhoneCheck {
  /** The default regions tried for numbers in national format. */
  static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "NL", "ES", "IT", "BR", "IN", "CA", "AU");

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern NOT_A_PHONE = Pattern.compile(
      "\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}.*" // ISO-ish date
          + "|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}" // d/m/y date
          + "|\\d{1,2}:\\d{2}(:\\d{2})?.*" // time
          + "|\\d{3}-\\d{2}-\\d{4}" // SSN
          + "|\\d{2}-\\d{7}" // EIN
          + "|\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}" // CPF
          + "|\\d+\\.\\d{1,2}" // decimal amount
          + "|\\d{1,3}(\\.\\d{1,3}){3}" // IPv4
          + "|\\d{1,3}(,\\d{3})+(\\.\\d+)?"); // thousands separators

  private final List<String> regions;
  /** Per region: the national significant number lengths and the national (trunk) prefix. */
  private final java.util.Set<Integer>[] lengths;
  private final String[] trunkPrefix;
  /** Per region whose parsing strips at most a literal trunk prefix: what parse and validation need, else null. */
  private final Exact[] exact;

  /**
   * libphonenumber's {@code parse(number, region)} followed by {@code isValidNumberForRegion}, for a
   * number given as plain national digits (no '+', no international prefix, no extension) in a
   * region whose national-prefix parsing is a literal prefix without a transform rule: the same
   * steps (own country code written without '+', national prefix stripping with its viability and
   * length rules, then the number-type patterns and lengths), without the generic parsing around
   * them (extension, punctuation and alpha handling) that such input never needs.
   * {@code PhoneCheckPrefilterTest} compares it with parse on example and random numbers.
   */
  private record Desc(Pattern pattern, java.util.Set<Integer> lengths) {
    boolean matches(String nsn) {
      return (lengths.isEmpty() || lengths.contains(nsn.length())) && pattern != null && pattern.matcher(nsn).matches();
    }

    static Desc of(com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc d) {
      Pattern p = d != null && d.hasNationalNumberPattern() && !d.getNationalNumberPattern().isEmpty()
          ? Pattern.compile(d.getNationalNumberPattern()) : null;
      return new Desc(p, d == null ? java.util.Set.of() : java.util.Set.copyOf(d.getPossibleLengthList()));
    }
  }

  private record Exact(Pattern idd, String cc, boolean mainRegion, String prefix, Pattern general, Desc generalDesc,
      List<Integer> possibleLengths, java.util.Set<Integer> localLengths, Desc[] types, Desc mobile,
      boolean sameMobileAndFixedLine) {
    static final int IS_POSSIBLE = 0;
    static final int TOO_SHORT = 1;
    static final int TOO_LONG = 2;
    static final int INVALID_LENGTH = 3;
    static final int LOCAL_ONLY = 4;

    /** null when the answer needs the full parse. */
    Boolean valid(String d) {
      if (idd != null && idd.matcher(d).lookingAt()) {
        return null; // parse would read an international prefix (e.g. 00, 011, 99x in Finland)
      }
      String national = d;
      if (d.startsWith(cc)) {
        if (!mainRegion) {
          return null;
        }
        String potential = strip(d.substring(cc.length()));
        if (!general.matcher(d).matches() && general.matcher(potential).matches() || length(d) == TOO_LONG) {
          national = potential;
        }
      }
      if (national.length() < 2) {
        return false;
      }
      String potential = strip(national);
      int r = length(potential);
      if (r != TOO_SHORT && r != LOCAL_ONLY && r != INVALID_LENGTH) {
        national = potential;
      }
      if (national.length() < 2 || national.length() > 17) {
        return false;
      }
      if (!generalDesc.matches(national)) {
        return false;
      }
      for (Desc t : types) {
        if (t.matches(national)) {
          return true;
        }
      }
      return !sameMobileAndFixedLine && mobile.matches(national);
    }

    private String strip(String x) {
      if (prefix.isEmpty() || x.isEmpty() || !x.startsWith(prefix)) {
        return x;
      }
      String rest = x.substring(prefix.length());
      if (general.matcher(x).matches() && !general.matcher(rest).matches()) {
        return x;
      }
      return rest;
    }

    private int length(String n) {
      if (possibleLengths.isEmpty() || possibleLengths.get(0) == -1) {
        return INVALID_LENGTH;
      }
      int actual = n.length();
      if (localLengths.contains(actual)) {
        return LOCAL_ONLY;
      }
      int min = possibleLengths.get(0);
      if (min == actual) {
        return IS_POSSIBLE;
      }
      if (min > actual) {
        return TOO_SHORT;
      }
      if (possibleLengths.get(possibleLengths.size() - 1) < actual) {
        return TOO_LONG;
      }
      return possibleLengths.subList(1, possibleLengths.size()).contains(actual) ? IS_POSSIBLE : INVALID_LENGTH;
    }
  }
  /** The index of the region that last validated a national number on this thread: tried first. */
  private final ThreadLocal<int[]> lastRegion = ThreadLocal.withInitial(() -> new int[1]);

  PhoneCheck(List<String> regions) {
    this(regions, true);
  }

  /** With {@code shortcut} false every plausible region is parsed by libphonenumber (tests compare both). */
  PhoneCheck(List<String> regions, boolean shortcut) {
    for (String r : regions) {
      if (!UTIL.getSupportedRegions().contains(r)) {
        throw new IllegalArgumentException("Unknown phone region '" + r + "'; use ISO 3166 alpha-2 codes such as US, GB, DE");
      }
    }
    this.regions = List.copyOf(regions);
    @SuppressWarnings("unchecked")
    java.util.Set<Integer>[] l = new java.util.Set[regions.size()];
    lengths = l;
    trunkPrefix = new String[regions.size()];
    for (int i = 0; i < regions.size(); i++) {
      String region = regions.get(i);
      int cc = UTIL.getCountryCodeForRegion(region);
      java.util.Set<Integer> ok = new java.util.HashSet<>();
      for (int len = 2; len <= 17; len++) {
        PhoneNumber probe = new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong("2".repeat(len)));
        PhoneNumberUtil.ValidationResult r = UTIL.isPossibleNumberWithReason(probe);
        if (r == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
            || r == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
          ok.add(len);
        }
      }
      lengths[i] = java.util.Set.copyOf(ok);
      String ndd = UTIL.getNddPrefixForRegion(region, true);
      trunkPrefix[i] = ndd == null ? "" : ndd;
    }
    exact = new Exact[regions.size()];
    for (int i = 0; shortcut && i < regions.size(); i++) {
      com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md = simpleMetadata(regions.get(i), trunkPrefix[i]);
      if (md != null) {
        int cc = UTIL.getCountryCodeForRegion(regions.get(i));
        String idd = md.getInternationalPrefix();
        exact[i] = new Exact(idd == null || idd.isEmpty() ? null : Pattern.compile(idd), String.valueOf(cc),
            regions.get(i).equals(UTIL.getRegionCodeForCountryCode(cc)), md.getNationalPrefixForParsing(),
            Pattern.compile(md.getGeneralDesc().getNationalNumberPattern()), Desc.of(md.getGeneralDesc()),
            List.copyOf(md.getGeneralDesc().getPossibleLengthList()),
            java.util.Set.copyOf(md.getGeneralDesc().getPossibleLengthLocalOnlyList()),
            new Desc[] {Desc.of(md.getPremiumRate()), Desc.of(md.getTollFree()), Desc.of(md.getSharedCost()),
                Desc.of(md.getVoip()), Desc.of(md.getPersonalNumber()), Desc.of(md.getPager()), Desc.of(md.getUan()),
                Desc.of(md.getVoicemail()), Desc.of(md.getFixedLine())},
            Desc.of(md.getMobile()), md.getSameMobileAndFixedLinePattern());
      }
    }
  }

  /** The region's metadata when parsing strips at most its literal trunk prefix, else null. */
  private static com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata simpleMetadata(String region, String trunk) {
    try {
      java.lang.reflect.Method m = PhoneNumberUtil.class.getDeclaredMethod("getMetadataForRegion", String.class);
      m.setAccessible(true);
      com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md =
          (com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata) m.invoke(UTIL, region);
      if (md == null || !md.getGeneralDesc().hasNationalNumberPattern()) {
        return null;
      }
      String forParsing = md.hasNationalPrefixForParsing() ? md.getNationalPrefixForParsing() : "";
      String transform = md.hasNationalPrefixTransformRule() ? md.getNationalPrefixTransformRule() : "";
      if (!transform.isEmpty() || !(forParsing.isEmpty() || forParsing.equals(trunk))) {
        return null;
      }
      return md;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another libphonenumber layout: always parse
    }
  }

  /**
   * Whether a national number of {@code digits} digits (first digit {@code first}) can belong to
   * region {@code i} at all: its length, with or without the region's trunk prefix, is one the
   * region uses. Saves a libphonenumber parse for most wrong regions.
   */
  private boolean plausible(int i, int digits, String number) {
    if (lengths[i].contains(digits)) {
      return true;
    }
    String p = trunkPrefix[i];
    return !p.isEmpty() && lengths[i].contains(digits - p.length()) && firstDigitsAre(number, p);
  }

  private static boolean firstDigitsAre(String number, String prefix) {
    int k = 0;
    for (int j = 0; j < number.length() && k < prefix.length(); j++) {
      char c = number.charAt(j);
      if (c >= '0' && c <= '9') {
        if (c != prefix.charAt(k)) {
          return false;
        }
        k++;
      }
    }
    return k == prefix.length();
  }

  List<String> regions() {
    return regions;
  }

  /** True when libphonenumber says {@code v} is a valid number (see the class documentation). */
  boolean valid(String v) {
    int len = v.length();
    if (len < 7 || len > 32) {
      return false;
    }
    // E.164 numbers have at most 15 digits (an extension may follow)
    int digits = 0;
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == 'x' || c == 'X' || c == 'e' || c == 'E' || c == '#') {
        break;
      }
    }
    if (digits < 7 || digits > 15 + (v.startsWith("00") ? 2 : 0) || NOT_A_PHONE.matcher(v).matches()) {
      return false;
    }
    String number = v;
    char c = v.charAt(0);
    if (c == '0' && len > 2 && v.charAt(1) == '0') {
      number = "+" + v.substring(2);
      c = '+';
    }
    try {
      if (c == '+') {
        PhoneNumber p = UTIL.parse(number, "ZZ");
        return UTIL.isValidNumber(p);
      }
      // digits only, when the value is nothing but digits and separators (no extension, no letters, no
      // non-ASCII digits, no international prefix): then simple regions need no generic parse
      String plain = plainDigits(number, digits);
      int[] last = lastRegion.get();
      int n = regions.size();
      for (int k = 0; k < n; k++) {
        int i = (last[0] + k) % n;
        if (!plausible(i, digits, number)) {
          continue;
        }
        Boolean known = plain == null || exact[i] == null ? null : exact[i].valid(plain);
        if (known != null) {
          if (known) {
            last[0] = i;
            return true;
          }
          continue;
        }
        String region = regions.get(i);
        PhoneNumber p;
        try {
          p = UTIL.parse(number, region);
        } catch (NumberParseException e) {
          continue; // not a number of this region (e.g. read as an international prefix there): try the next
        }
        if (UTIL.isValidNumberForRegion(p, region)) {
          last[0] = i;
          return true;
        }
      }
      return false;
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** The ASCII digits of {@code v} if it holds only digits and ' ', '-', '.', '(', ')', '/', else null. */
  private static String plainDigits(String v, int digits) {
    char[] out = new char[digits];
    int k = 0;
    for (int j = 0; j < v.length(); j++) {
      char c = v.charAt(j);
      if (c >= '0' && c <= '9') {
        if (k == digits) {
          return null;
        }
        out[k++] = c;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        return null;
      }
    }
    // an international prefix (00 in most regions, 011 in North America) makes parse read a country code
    if (k != digits || k >= 2 && out[0] == '0' && out[1] == '0' || k >= 3 && out[0] == '0' && out[1] == '1' && out[2] == '1') {
      return null;
    }
    return new String(out);
  }

  /** The region of a valid number (for tests and evidence), or null. */
  String region(String v) {
    if (!valid(v)) {
      return null;
    }
    try {
      String number = v.startsWith("00") ? "+" + v.substring(2) : v;
      if (number.startsWith("+")) {
        return UTIL.getRegionCodeForNumber(UTIL.parse(number, "ZZ"));
      }
      for (String region : regions) {
        if (UTIL.isValidNumberForRegion(UTIL.parse(number, region), region)) {
          return region.toUpperCase(Locale.ROOT);
        }
      }
    } catch (NumberParseException e) {
      return null;
    }
    return null;
  }
}
