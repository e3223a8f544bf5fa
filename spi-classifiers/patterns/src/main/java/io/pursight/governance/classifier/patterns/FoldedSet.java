package io.pursight.governance.classifier.patterns;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An immutable set of strings compared case- and accent-insensitively ("Zürich" = "zurich",
 * "STRASSE" = "Straße"). Lookups of ASCII text allocate nothing; other text is folded once.
 */
final class FoldedSet {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private final String[] table;
  private final int mask;
  private final int size;

  FoldedSet(Collection<String> values) {
    int cap = Integer.highestOneBit(Math.max(4, values.size() * 2) - 1) << 1;
    table = new String[cap];
    mask = cap - 1;
    int n = 0;
    for (String v : values) {
      String f = fold(v);
      if (f.isEmpty()) {
        continue;
      }
      int i = hash(f, 0, f.length()) & mask;
      while (table[i] != null && !table[i].equals(f)) {
        i = (i + 1) & mask;
      }
      if (table[i] == null) {
        table[i] = f;
        n++;
      }
    }
    size = n;
  }

  /** The number of distinct folded entries. */
  int size() {
    return size;
  }

  /** True when {@code s} folds to an entry. */
  boolean contains(CharSequence s) {
    return contains(s, 0, s.length());
  }

  /** True when {@code s[from, to)} folds to an entry. */
  boolean contains(CharSequence s, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 128) {
        String f = fold(s.subSequence(from, to).toString());
        return lookup(f, 0, f.length());
      }
    }
    return lookup(s, from, to);
  }

  private boolean lookup(CharSequence s, int from, int to) {
    int i = hash(s, from, to) & mask;
    String e;
    while ((e = table[i]) != null) {
      if (equalsLower(e, s, from, to)) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private static boolean equalsLower(String e, CharSequence s, int from, int to) {
    if (e.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (e.charAt(i - from) != lower(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + lower(s.charAt(i));
    }
    return h ^ (h >>> 16);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Lower case (root locale), accents and other combining marks removed, ß as ss, æ/œ as ae/oe, ø
   * as o, ł as l, ’ as ', whitespace runs as one space, trimmed.
   */
  static String fold(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        ascii = false;
        break;
      }
    }
    String t = s;
    if (!ascii) {
      t = Normalizer.normalize(s, Normalizer.Form.NFD);
      t = MARKS.matcher(t).replaceAll("");
      t = t.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("Œ", "oe")
          .replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l").replace("đ", "d")
          .replace("Đ", "d").replace("ı", "i").replace('\u2019', '\'').replace('\u00A0', ' ');
    }
    t = t.toLowerCase(Locale.ROOT).strip();
    if (t.indexOf("  ") >= 0) {
      t = t.replaceAll("\\s+", " ");
    }
    return t;
  }
}
