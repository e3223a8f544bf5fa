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
  /** The folded form of U+0080..U+024F (null where folding needs the general path). */
  private static final String[] LATIN = new String[0x250 - 128];

  static {
    for (char c = 128; c < 0x250; c++) {
      if (!Character.isLetter(c) && c != '\u00A0' && c != '\u2019') {
        continue;
      }
      String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      n = n.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("Œ", "oe")
          .replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l").replace("đ", "d")
          .replace("Đ", "d").replace("ı", "i").replace('\u00A0', ' ');
      LATIN[c - 128] = n;
    }
  }
  private final String[] table;
  private final int mask;
  private final int size;
  private final int minLength;
  private final int maxLength;

  FoldedSet(Collection<String> values) {
    int cap = Integer.highestOneBit(Math.max(4, values.size() * 2) - 1) << 1;
    table = new String[cap];
    mask = cap - 1;
    int n = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (String v : values) {
      String f = fold(v);
      if (f.isEmpty()) {
        continue;
      }
      min = Math.min(min, f.length());
      max = Math.max(max, f.length());
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
    // folding may lengthen (ß -> ss) or shorten (combining marks) text: keep a margin
    minLength = n == 0 ? 0 : Math.max(1, min / 2);
    maxLength = max * 2 + 2;
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
    if (s instanceof String str) {
      return contains(str, from, to);
    }
    return contains(s.subSequence(from, to).toString(), 0, to - from);
  }

  /** True when {@code s[from, to)} folds to an entry; allocation-free for ASCII text. */
  boolean contains(String s, int from, int to) {
    int len = to - from;
    if (len < minLength || len > maxLength) {
      return false;
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128) {
        return containsLatin(s, from, to);
      }
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return lookup(s, from, to, mix(h));
  }

  /**
   * {@link #contains} for text with non-ASCII characters: Latin letters with diacritics are folded
   * through the table on the fly (no strings built), as {@link #fold} would; anything else (other
   * scripts, white space to trim or collapse) goes through {@link #fold}.
   */
  private boolean containsLatin(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        if (c <= ' ') {
          return containsFolded(s, from, to);
        }
        h = 31 * h + lower(c);
      } else {
        String r = c > 0x24F ? null : LATIN[c - 128];
        if (r == null || c == '\u00A0') {
          return containsFolded(s, from, to);
        }
        for (int k = 0; k < r.length(); k++) {
          h = 31 * h + Character.toLowerCase(r.charAt(k));
        }
      }
    }
    int i = mix(h) & mask;
    String e;
    while ((e = table[i]) != null) {
      if (equalsFoldedLatin(e, s, from, to)) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Whether entry {@code e} is the Latin fold of {@code s[from, to)} (see {@link #containsLatin}). */
  private static boolean equalsFoldedLatin(String e, String s, int from, int to) {
    int j = 0;
    int n = e.length();
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        if (j >= n || e.charAt(j++) != lower(c)) {
          return false;
        }
      } else {
        String r = LATIN[c - 128];
        for (int k = 0; k < r.length(); k++) {
          if (j >= n || e.charAt(j++) != Character.toLowerCase(r.charAt(k))) {
            return false;
          }
        }
      }
    }
    return j == n;
  }

  private boolean containsFolded(String s, int from, int to) {
    String f = fold(s.substring(from, to));
    return lookup(f, 0, f.length(), hash(f, 0, f.length()));
  }

  private boolean lookup(String s, int from, int to, int hash) {
    int i = hash & mask;
    int len = to - from;
    String e;
    while ((e = table[i]) != null) {
      if (e.length() == len && equalsLower(e, s, from)) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private static boolean equalsLower(String e, String s, int from) {
    int n = e.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(from + i);
      if (e.charAt(i) != (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + lower(s.charAt(i));
    }
    return mix(h);
  }

  private static int mix(int h) {
    h *= 0x9E3779B9; // spread similar strings over the table
    return h ^ (h >>> 15);
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
    boolean latin = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 128) {
        ascii = false;
        if (c > 0x24F || LATIN[c - 128] == null) {
          latin = false;
          break;
        }
      }
    }
    String t = s;
    if (!ascii && latin) {
      // Latin letters with diacritics: a table instead of Unicode normalisation
      StringBuilder b = new StringBuilder(s.length() + 4);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        b.append(c < 128 ? String.valueOf(c) : LATIN[c - 128]);
      }
      t = b.toString();
    } else if (!ascii) {
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
