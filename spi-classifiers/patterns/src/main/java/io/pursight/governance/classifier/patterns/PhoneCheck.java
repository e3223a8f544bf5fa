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
  /** The index of the region that last validated a national number on this thread: tried first. */
  private final ThreadLocal<int[]> lastRegion = ThreadLocal.withInitial(() -> new int[1]);

  PhoneCheck(List<String> regions) {
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
      int[] last = lastRegion.get();
      int n = regions.size();
      for (int k = 0; k < n; k++) {
        int i = (last[0] + k) % n;
        if (!plausible(i, digits, number)) {
          continue;
        }
        String region = regions.get(i);
        PhoneNumber p = UTIL.parse(number, region);
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
