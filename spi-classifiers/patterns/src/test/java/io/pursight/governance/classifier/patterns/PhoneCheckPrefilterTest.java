package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parse shortcut for plain national digits changes nothing: with it,
 * {@link PhoneCheck#valid} answers exactly as when every plausible region is parsed — on
 * libphonenumber's example numbers of every type and region (national format, with the country
 * code written without '+'), and on seeded random digit strings, for the default regions and for
 * every supported region.
 */
class PhoneCheckPrefilterTest {
  private static final long SEED = Long.getLong("qt.seed", 20261126L);
  private final PhoneCheck fast = new PhoneCheck(PhoneCheck.DEFAULT_REGIONS, true);
  private final PhoneCheck parsed = new PhoneCheck(PhoneCheck.DEFAULT_REGIONS, false);

  @Test
  void exampleNumbersOfEveryRegionAndTypeGetTheSameAnswer() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> values = new ArrayList<>();
    for (String region : util.getSupportedRegions()) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber n = util.getExampleNumberForType(region, type);
        if (n == null) {
          continue;
        }
        values.add(util.format(n, PhoneNumberFormat.NATIONAL));
        values.add(util.getNationalSignificantNumber(n));
        String nsn = util.getNationalSignificantNumber(n);
        values.add(nsn.substring(0, nsn.length() / 2) + "-" + nsn.substring(nsn.length() / 2));
      }
    }
    int valid = 0;
    for (String v : values) {
      boolean expected = parsed.valid(v);
      assertThat(fast.valid(v)).as("'%s'", v).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).as("the example numbers include many valid ones").isGreaterThan(300);
  }

  @Test
  void randomDigitStringsGetTheSameAnswer() {
    Random r = new Random(SEED);
    String seps = " -./()";
    int valid = 0;
    for (int i = 0; i < 30_000; i++) {
      int len = 6 + r.nextInt(10);
      StringBuilder b = new StringBuilder();
      // trunk prefixes, international prefixes and country codes written without '+' are what parse strips
      String[] starts = {"", "", "0", "1", "00", "011", "49", "33", "44", "0 0"};
      b.append(starts[r.nextInt(starts.length)]);
      for (int k = 0; k < len; k++) {
        b.append((char) ('0' + r.nextInt(10)));
        if (r.nextInt(5) == 0) {
          b.append(seps.charAt(r.nextInt(seps.length())));
        }
      }
      String v = b.toString();
      boolean expected = parsed.valid(v);
      assertThat(fast.valid(v)).as("'%s' (seed %d, -Dqt.seed to replay)", v, SEED).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).as("random national numbers are sometimes valid").isGreaterThan(100);
  }

  @Test
  void everySupportedRegionAnswersAsParseDoes() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> regions = new ArrayList<>(new java.util.TreeSet<>(util.getSupportedRegions()));
    Random r = new Random(SEED);
    int checked = 0;
    for (int start = 0; start < regions.size(); start += 8) {
      List<String> group = regions.subList(start, Math.min(regions.size(), start + 8));
      PhoneCheck withShortcut = new PhoneCheck(group, true);
      PhoneCheck parseOnly = new PhoneCheck(group, false);
      List<String> values = new ArrayList<>();
      for (String region : group) {
        for (PhoneNumberType type : PhoneNumberType.values()) {
          PhoneNumber n = util.getExampleNumberForType(region, type);
          if (n != null) {
            String nsn = util.getNationalSignificantNumber(n);
            values.add(util.format(n, PhoneNumberFormat.NATIONAL));
            values.add(n.getCountryCode() + nsn); // own country code without '+'
            values.add(n.getCountryCode() + " " + util.format(n, PhoneNumberFormat.NATIONAL));
            values.add("990" + n.getCountryCode() + nsn); // an international prefix of Finland (99x)
          }
        }
      }
      for (int i = 0; i < 1000; i++) {
        StringBuilder b = new StringBuilder();
        int len = 7 + r.nextInt(9);
        for (int k = 0; k < len; k++) {
          b.append((char) ('0' + r.nextInt(10)));
          if (r.nextInt(6) == 0) {
            b.append(' ');
          }
        }
        values.add(b.toString());
      }
      for (String v : values) {
        assertThat(withShortcut.valid(v)).as("'%s' in %s (seed %d)", v, group, SEED).isEqualTo(parseOnly.valid(v));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(30_000);
  }
}
