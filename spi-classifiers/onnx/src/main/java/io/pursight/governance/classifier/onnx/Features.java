package io.pursight.governance.classifier.onnx;

import io.pursight.governance.classification.Classification;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tier-3 feature extractor, shared by training (classifier-training calls it) and the runtime
 * plugin, so the model sees the same features in both. Version {@value #SPEC}. Every feature is a
 * float, mostly within 0..1:
 *
 * <ul>
 *   <li>{@code v.*} — statistics of the values: null/blank ratios, distinctness, length statistics,
 *       character-class ratios, shape statistics, and hit ratios of cheap checks written here (Luhn,
 *       mod-97, prefixes, e-mail/IP/UUID/date shapes...). The plugin never calls other plugins.
 *   <li>{@code n.tok.K} / {@code n.tri.K} — the column name split into tokens (snake_case, camelCase,
 *       digits, punctuation), lower-cased, each token and each token's character trigrams hashed
 *       (FNV-1a) into {@value #TOKEN_BUCKETS} and {@value #TRIGRAM_BUCKETS} buckets.
 *   <li>{@code p.TYPE} — the highest confidence lower tiers gave each known info type (stacking), plus
 *       {@code p.max} and {@code p.count}.
 * </ul>
 *
 * <p>At most {@value #MAX_VALUES} values, each cut to {@value #MAX_CHARS} characters, are looked at.
 * Thread-safe (stateless apart from the immutable name and type lists); never throws on any input.
 */
public final class Features {
  /** The feature specification version written into manifests. */
  public static final String SPEC = "pursight-features-v1";
  /** Buckets for hashed name tokens. */
  public static final int TOKEN_BUCKETS = 128;
  /** Buckets for hashed name-token trigrams. */
  public static final int TRIGRAM_BUCKETS = 128;
  /** Values looked at per column. */
  public static final int MAX_VALUES = 200;
  /** Characters looked at per value. */
  public static final int MAX_CHARS = 256;

  private static final List<String> VALUE_FEATURES = List.of(
      "null_ratio", "blank_ratio", "distinct_ratio", "len_mean", "len_std", "len_min", "len_max", "len_mode_share",
      "len_log_mean", "digit", "upper", "lower", "space", "dot", "dash", "slash", "at", "colon", "underscore", "plus",
      "dollar", "equals", "comma", "other_punct", "non_ascii", "all_digits", "digits_with_seps", "all_hex", "all_alpha",
      "alnum_only", "letters_and_digits", "has_space", "starts_plus", "starts_upper", "title_words", "words_mean",
      "digit_count_mean", "shape_mode_share", "shape_distinct", "numeric", "integer", "int_0_120", "int_log_mag",
      "decimal", "luhn_12_19", "digits_9", "digits_10", "digits_11", "digits_12_19", "email", "ipv4", "ipv6", "mac",
      "uuid", "date", "datetime", "url", "jwt", "pem", "hash_prefix", "aws_key_prefix", "gcp_prefix", "gh_prefix",
      "slack_prefix", "stripe_prefix", "eth_address", "btc_like", "iban_mod97", "hex_32plus", "base64ish",
      "phone_like", "country_prefix2", "one_char", "two_upper", "three_upper", "mixed_alnum_id");

  /** The value-feature count. */
  public static final int VALUE_COUNT = VALUE_FEATURES.size();

  private final List<String> types;
  private final Map<String, Integer> typeIndex = new HashMap<>();
  private final List<String> names;

  /** An extractor whose stacking features cover {@code infoTypes} (the model's labels, minus NONE). */
  public Features(List<String> infoTypes) {
    this.types = List.copyOf(infoTypes);
    for (int i = 0; i < types.size(); i++) {
      typeIndex.put(types.get(i), i);
    }
    List<String> n = new ArrayList<>();
    for (String f : VALUE_FEATURES) {
      n.add("v." + f);
    }
    for (int i = 0; i < TOKEN_BUCKETS; i++) {
      n.add(String.format("n.tok.%03d", i));
    }
    for (int i = 0; i < TRIGRAM_BUCKETS; i++) {
      n.add(String.format("n.tri.%03d", i));
    }
    for (String t : types) {
      n.add("p." + t);
    }
    n.add("p.max");
    n.add("p.count");
    this.names = Collections.unmodifiableList(n);
  }

  /** Feature names, in vector order. */
  public List<String> names() {
    return names;
  }

  /** The vector length. */
  public int size() {
    return names.size();
  }

  /** The info types of the stacking features. */
  public List<String> types() {
    return types;
  }

  /** Index of the first name feature. */
  public static int nameOffset() {
    return VALUE_COUNT;
  }

  /** Index of the first stacking feature. */
  public int previousOffset() {
    return VALUE_COUNT + TOKEN_BUCKETS + TRIGRAM_BUCKETS;
  }

  /**
   * Extracts the features of a column.
   *
   * @param fieldName the column name (may be null)
   * @param values the non-null sampled values (null entries are counted as nulls)
   * @param nullCount nulls not in {@code values}
   * @param previous lower tiers' suggestions (may be empty)
   */
  public float[] extract(String fieldName, List<String> values, long nullCount, List<Classification> previous) {
    float[] out = new float[size()];
    valueFeatures(values, nullCount, out);
    nameFeatures(fieldName, out);
    int off = previousOffset();
    float max = 0;
    int count = 0;
    if (previous != null) {
      for (Classification c : previous) {
        if (c == null || !c.isActive()) {
          continue;
        }
        Integer i = typeIndex.get(c.infoType());
        float conf = (float) c.confidence();
        if (i != null && conf > out[off + i]) {
          out[off + i] = conf;
        }
        max = Math.max(max, conf);
        count++;
      }
    }
    out[off + types.size()] = max;
    out[off + types.size() + 1] = Math.min(1f, count / 5f);
    return out;
  }

  // ------------------------------------------------------------------ column name

  /** Splits a column name into lower-case tokens on snake_case, camelCase, digits and punctuation. */
  public static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    if (name == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    int prevType = 0; // 1 lower, 2 upper, 3 digit
    int len = Math.min(name.length(), MAX_CHARS);
    for (int i = 0; i < len; i++) {
      char ch = name.charAt(i);
      int t = Character.isDigit(ch) ? 3 : Character.isUpperCase(ch) ? 2 : Character.isLetter(ch) ? 1 : 0;
      if (t == 0) {
        flush(cur, out);
        prevType = 0;
        continue;
      }
      boolean boundary = (t == 3) != (prevType == 3) && prevType != 0
          || (t == 2 && prevType == 1)
          || (t == 1 && prevType == 2 && cur.length() > 1 && nextIsLowerAfterUpperRun(cur));
      if (boundary) {
        if (t == 1 && prevType == 2) {
          // "HTTPStatus": move the last upper letter to the new token
          char last = cur.charAt(cur.length() - 1);
          cur.setLength(cur.length() - 1);
          flush(cur, out);
          cur.append(last);
        } else {
          flush(cur, out);
        }
      }
      cur.append(ch);
      prevType = t;
    }
    flush(cur, out);
    return out;
  }

  private static boolean nextIsLowerAfterUpperRun(StringBuilder cur) {
    for (int i = 0; i < cur.length(); i++) {
      if (!Character.isUpperCase(cur.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
      cur.setLength(0);
    }
  }

  static int fnv(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }

  private void nameFeatures(String fieldName, float[] out) {
    int tokOff = VALUE_COUNT;
    int triOff = VALUE_COUNT + TOKEN_BUCKETS;
    for (String tok : tokens(fieldName)) {
      if (tok.chars().allMatch(Character::isDigit)) {
        continue;
      }
      out[tokOff + Math.floorMod(fnv("t:" + tok), TOKEN_BUCKETS)] = 1f;
      String padded = "^" + tok + "$";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        out[triOff + Math.floorMod(fnv(padded.substring(i, i + 3)), TRIGRAM_BUCKETS)] = 1f;
      }
    }
  }

  // ------------------------------------------------------------------ values

  private static void valueFeatures(List<String> all, long nullCount, float[] out) {
    List<String> values = new ArrayList<>(Math.min(all == null ? 0 : all.size(), MAX_VALUES));
    long nulls = Math.max(0, nullCount);
    if (all != null) {
      for (String v : all) {
        if (values.size() >= MAX_VALUES) {
          break;
        }
        if (v == null) {
          nulls++;
        } else {
          values.add(v.length() > MAX_CHARS ? v.substring(0, MAX_CHARS) : v);
        }
      }
    }
    int total = values.size();
    double[] f = new double[VALUE_COUNT];
    f[0] = total + nulls == 0 ? 0 : (double) nulls / (total + nulls);
    List<String> kept = new ArrayList<>(total);
    int blank = 0;
    for (String v : values) {
      String s = v.strip();
      if (s.isEmpty() || isNoise(s)) {
        blank++;
      } else {
        kept.add(s);
      }
    }
    f[1] = total == 0 ? 0 : (double) blank / total;
    int n = kept.size();
    if (n > 0) {
      Set<String> distinct = new HashSet<>(kept);
      f[2] = (double) distinct.size() / n;
      double sum = 0;
      double sq = 0;
      int min = Integer.MAX_VALUE;
      int max = 0;
      int[] lens = new int[MAX_CHARS + 1];
      Map<String, Integer> shapes = new HashMap<>();
      double[] cls = new double[16];
      double[] hits = new double[VALUE_COUNT];
      for (String s : kept) {
        int len = s.length();
        sum += len;
        sq += (double) len * len;
        min = Math.min(min, len);
        max = Math.max(max, len);
        lens[Math.min(len, MAX_CHARS)]++;
        shapes.merge(shape(s), 1, Integer::sum);
        valueHits(s, cls, hits);
      }
      double mean = sum / n;
      f[3] = Math.min(1, mean / 64);
      f[4] = Math.min(1, Math.sqrt(Math.max(0, sq / n - mean * mean)) / 32);
      f[5] = Math.min(1, min / 64.0);
      f[6] = Math.min(1, max / 128.0);
      int modeLen = 0;
      for (int c : lens) {
        modeLen = Math.max(modeLen, c);
      }
      f[7] = (double) modeLen / n;
      f[8] = Math.log1p(mean) / Math.log1p(MAX_CHARS);
      for (int i = 0; i < 16; i++) {
        f[9 + i] = cls[i] / n;
      }
      f[37] = (double) Collections.max(shapes.values()) / n;
      f[38] = (double) shapes.size() / n;
      for (int i = 25; i < VALUE_COUNT; i++) {
        if (i != 37 && i != 38) {
          f[i] = hits[i] / n;
        }
      }
      f[42] = hits[42] / Math.max(1, hits[40]); // mean magnitude of integers
    }
    for (int i = 0; i < VALUE_COUNT; i++) {
      out[i] = (float) f[i];
    }
  }

  private static boolean isNoise(String s) {
    if (s.length() > 7) {
      return false;
    }
    String l = s.toLowerCase(Locale.ROOT);
    return l.equals("n/a") || l.equals("na") || l.equals("null") || l.equals("none") || l.equals("unknown")
        || l.equals("-") || l.equals("tbd") || l.equals("?") || l.equals("nil") || l.equals("--");
  }

  /** Runs of character classes collapsed: "AB-1234" becomes "A-9"; at most 12 symbols. */
  static String shape(String s) {
    StringBuilder sb = new StringBuilder(12);
    char prev = 0;
    for (int i = 0; i < s.length() && sb.length() < 12; i++) {
      char ch = s.charAt(i);
      char c = Character.isDigit(ch) ? '9' : Character.isUpperCase(ch) ? 'A' : Character.isLetter(ch) ? 'a'
          : Character.isWhitespace(ch) ? ' ' : ch < 128 ? ch : '*';
      if (c != prev) {
        sb.append(c);
        prev = c;
      }
    }
    return sb.toString();
  }

  private static void valueHits(String s, double[] cls, double[] h) {
    int len = s.length();
    int digits = 0;
    int upper = 0;
    int lower = 0;
    int space = 0;
    int nonAscii = 0;
    int[] punct = new int[11]; // . - / @ : _ + $ = , other
    boolean hex = true;
    boolean alnum = true;
    int words = 1;
    for (int i = 0; i < len; i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits++;
      } else if (ch >= 'A' && ch <= 'Z') {
        upper++;
      } else if (ch >= 'a' && ch <= 'z') {
        lower++;
      } else if (Character.isWhitespace(ch)) {
        space++;
        if (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
          words++;
        }
      } else if (ch >= 128) {
        nonAscii++;
        if (Character.isUpperCase(ch)) {
          upper++;
        } else if (Character.isLetter(ch)) {
          lower++;
        }
      } else {
        int k = ".-/@:_+$=,".indexOf(ch);
        punct[k < 0 ? 10 : k]++;
      }
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
        hex = false;
      }
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
        alnum = false;
      }
    }
    double l = Math.max(1, len);
    cls[0] += digits / l;
    cls[1] += upper / l;
    cls[2] += lower / l;
    cls[3] += space / l;
    for (int k = 0; k < 11; k++) {
      cls[4 + k] += punct[k] / l;
    }
    cls[15] += nonAscii / l;
    // f index = 9 + cls index; hits use absolute feature indexes from 25
    if (digits == len) {
      h[25]++;
    }
    String compact = digitsOnly(s);
    boolean digitsWithSeps = compact != null;
    if (digitsWithSeps) {
      h[26]++;
    }
    if (hex) {
      h[27]++;
    }
    if (upper + lower == len) {
      h[28]++;
    }
    if (alnum) {
      h[29]++;
    }
    if (digits > 0 && upper + lower > 0) {
      h[30]++;
    }
    if (space > 0) {
      h[31]++;
    }
    if (s.charAt(0) == '+') {
      h[32]++;
    }
    if (Character.isUpperCase(s.charAt(0))) {
      h[33]++;
    }
    if (titleWords(s)) {
      h[34]++;
    }
    h[35] += Math.min(1, words / 10.0);
    h[36] += Math.min(1, digits / 20.0);
    // numbers
    if (isNumber(s)) {
      h[39]++;
      if (digits == len || (s.charAt(0) == '-' && digits == len - 1)) {
        h[40]++;
        if (len <= 3) {
          int v = Integer.parseInt(s);
          if (v >= 0 && v <= 120) {
            h[41]++;
          }
        }
        h[42] += Math.min(1, digits / 19.0);
      } else {
        h[43]++;
      }
    }
    if (compact != null) {
      int cl = compact.length();
      if (cl >= 12 && cl <= 19 && luhn(compact)) {
        h[44]++;
      }
      if (cl == 9) {
        h[45]++;
      } else if (cl == 10) {
        h[46]++;
      } else if (cl == 11) {
        h[47]++;
      } else if (cl >= 12 && cl <= 19) {
        h[48]++;
      }
    }
    int at = s.indexOf('@');
    if (at > 0 && at == s.lastIndexOf('@') && space == 0 && s.indexOf('.', at) > at + 1 && !s.endsWith(".")) {
      h[49]++;
    }
    if (ipv4(s)) {
      h[50]++;
    }
    if (punct[4] >= 2 && hexAndColons(s)) {
      h[51]++;
    }
    if (mac(s)) {
      h[52]++;
    }
    if (len == 36 && s.charAt(8) == '-' && s.charAt(13) == '-' && s.charAt(18) == '-' && s.charAt(23) == '-') {
      h[53]++;
    }
    if (date(s)) {
      h[54]++;
    }
    if (len >= 16 && date(s.substring(0, 10)) && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
      h[55]++;
    }
    if (s.contains("://")) {
      h[56]++;
    }
    if (s.startsWith("eyJ") && punct[0] == 2) {
      h[57]++;
    }
    if (s.startsWith("-----BEGIN")) {
      h[58]++;
    }
    if (s.startsWith("$2") || s.startsWith("$argon2") || s.startsWith("pbkdf2_") || s.startsWith("$6$")
        || s.startsWith("$5$") || s.startsWith("$1$") || s.startsWith("scrypt$") || s.startsWith("$scrypt")) {
      h[59]++;
    }
    if (len == 20 && (s.startsWith("AKIA") || s.startsWith("ASIA"))) {
      h[60]++;
    }
    if (s.startsWith("AIza")) {
      h[61]++;
    }
    if (s.startsWith("ghp_") || s.startsWith("gho_") || s.startsWith("ghs_") || s.startsWith("ghu_")
        || s.startsWith("ghr_") || s.startsWith("github_pat_")) {
      h[62]++;
    }
    if (s.startsWith("xox")) {
      h[63]++;
    }
    if (s.startsWith("sk_live_") || s.startsWith("rk_live_") || s.startsWith("sk_test_")) {
      h[64]++;
    }
    if (len == 42 && s.startsWith("0x") && s.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      h[65]++;
    }
    if ((len >= 26 && len <= 35 && (s.charAt(0) == '1' || s.charAt(0) == '3') && alnum) || s.startsWith("bc1")) {
      h[66]++;
    }
    if (iban(s)) {
      h[67]++;
    }
    if (hex && len >= 32) {
      h[68]++;
    }
    if (len >= 16 && space == 0 && base64ish(s)) {
      h[69]++;
    }
    int pd = digits < 7 || upper + lower > 0 ? 0 : compact == null ? phoneDigits(s) : compact.length();
    if (pd >= 7 && pd <= 15) {
      h[70]++;
    }
    if (len >= 2 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1)) && digits > 0
        && Character.isDigit(s.charAt(len - 1))) {
      h[71]++;
    }
    if (len == 1) {
      h[72]++;
    }
    if (len == 2 && upper == 2) {
      h[73]++;
    }
    if (len == 3 && upper == 3) {
      h[74]++;
    }
    if (alnum && digits > 0 && upper + lower > 0 && len >= 6 && len <= 20) {
      h[75]++;
    }
  }

  private static String digitsOnly(String s) {
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits++;
      } else if (ch != ' ' && ch != '-' && ch != '.') {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (digits == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static int phoneDigits(String s) {
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        d++;
      } else if (" -.()+/".indexOf(ch) < 0) {
        return 0;
      }
    }
    return d;
  }

  /** 2-5 words separated by spaces or commas, each starting upper-case and then letters, - ' or . only. */
  private static boolean titleWords(String s) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch) || ch == ',') {
        inWord = false;
        continue;
      }
      if (!inWord) {
        if (!Character.isUpperCase(ch)) {
          return false;
        }
        inWord = true;
        words++;
      } else if (!Character.isLetter(ch) && ch != '-' && ch != '\'' && ch != '.') {
        return false;
      }
    }
    return words >= 2 && words <= 5;
  }

  private static boolean isNumber(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i >= s.length()) {
      return false;
    }
    boolean dot = false;
    int digits = 0;
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits++;
      } else if (ch == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits > 0 && digits <= 19;
  }

  static boolean luhn(String d) {
    int sum = 0;
    boolean dbl = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int x = d.charAt(i) - '0';
      if (dbl) {
        x *= 2;
        if (x > 9) {
          x -= 9;
        }
      }
      sum += x;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  private static boolean ipv4(String s) {
    int parts = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char ch = i == s.length() ? '.' : s.charAt(i);
      if (ch == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        value = 0;
        digits = 0;
      } else if (ch >= '0' && ch <= '9' && digits < 3) {
        value = value * 10 + (ch - '0');
        digits++;
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  private static boolean hexAndColons(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != ':' && ch != '.' && Character.digit(ch, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean mac(String s) {
    if (s.length() == 17) {
      char sep = s.charAt(2);
      if (sep != ':' && sep != '-') {
        return false;
      }
      for (int i = 0; i < 17; i++) {
        char ch = s.charAt(i);
        if (i % 3 == 2 ? ch != sep : Character.digit(ch, 16) < 0) {
          return false;
        }
      }
      return true;
    }
    if (s.length() == 14 && s.charAt(4) == '.' && s.charAt(9) == '.') {
      for (int i = 0; i < 14; i++) {
        if (i != 4 && i != 9 && Character.digit(s.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean date(String s) {
    if (s.length() == 10) {
      char a = s.charAt(4);
      char b = s.charAt(2);
      if (a == '-' && s.charAt(7) == '-') {
        return digitsAt(s, 0, 4) && digitsAt(s, 5, 7) && digitsAt(s, 8, 10);
      }
      if ((b == '/' || b == '.' || b == '-') && s.charAt(5) == b) {
        return digitsAt(s, 0, 2) && digitsAt(s, 3, 5) && digitsAt(s, 6, 10);
      }
    }
    if (s.length() == 8 && digitsAt(s, 0, 8)) {
      int y = Integer.parseInt(s.substring(0, 4));
      int m = Integer.parseInt(s.substring(4, 6));
      int d = Integer.parseInt(s.substring(6, 8));
      return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }
    return false;
  }

  private static boolean digitsAt(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean iban(String raw) {
    if (raw.length() < 15 || raw.length() > 42 || !Character.isUpperCase(raw.charAt(0))
        || !Character.isUpperCase(raw.charAt(1)) || !Character.isDigit(raw.charAt(2)) || !Character.isDigit(raw.charAt(3))) {
      return false;
    }
    String s = raw.indexOf(' ') >= 0 ? raw.replace(" ", "") : raw;
    if (s.length() < 15 || s.length() > 34 || !Character.isUpperCase(s.charAt(0)) || !Character.isUpperCase(s.charAt(1))
        || !Character.isDigit(s.charAt(2)) || !Character.isDigit(s.charAt(3))) {
      return false;
    }
    String re = s.substring(4) + s.substring(0, 4);
    StringBuilder num = new StringBuilder(re.length() * 2);
    for (int i = 0; i < re.length(); i++) {
      char ch = re.charAt(i);
      if (ch >= '0' && ch <= '9') {
        num.append(ch);
      } else if (ch >= 'A' && ch <= 'Z') {
        num.append(ch - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  private static boolean base64ish(String s) {
    int classes = 0;
    boolean up = false;
    boolean lo = false;
    boolean dig = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        up = true;
      } else if (ch >= 'a' && ch <= 'z') {
        lo = true;
      } else if (ch >= '0' && ch <= '9') {
        dig = true;
      } else if (ch != '+' && ch != '/' && ch != '=' && ch != '_' && ch != '-') {
        return false;
      }
    }
    classes = (up ? 1 : 0) + (lo ? 1 : 0) + (dig ? 1 : 0);
    return classes == 3;
  }
}
