package io.pursight.governance.classifier.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits identifiers and comments into lower-case, accent-free tokens (German umlauts as ae, oe,
 * ue): on every character that is
 * not a letter or digit (snake_case, kebab-case, dots, spaces), on camelCase humps ({@code
 * dateOfBirth}, {@code IBANNumber} = iban number), and between letters and digits ({@code
 * address2} = address 2). Whole tokens are what name evidence matches, never substrings.
 */
final class NameTokenizer {
  private NameTokenizer() {}

  static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    if (name == null) {
      return out;
    }
    int len = name.length();
    int start = -1;
    for (int i = 0; i <= len; i++) {
      char c = i < len ? name.charAt(i) : ' ';
      boolean part = Character.isLetterOrDigit(c) || (Character.getType(c) == Character.NON_SPACING_MARK);
      if (!part) {
        if (start >= 0) {
          split(name, start, i, out);
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    return out;
  }

  /** Splits one alphanumeric run on camelCase and letter/digit boundaries. */
  private static void split(String s, int from, int to, List<String> out) {
    int start = from;
    for (int i = from + 1; i < to; i++) {
      char prev = s.charAt(i - 1);
      char c = s.charAt(i);
      boolean boundary = false;
      if (Character.isDigit(prev) != Character.isDigit(c)) {
        boundary = true;
      } else if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
        boundary = true; // dateOf|Birth
      } else if (Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < to
          && Character.isLowerCase(s.charAt(i + 1))) {
        boundary = true; // IBAN|Number, HTTP|Server
      }
      if (boundary) {
        add(s.substring(start, i), out);
        start = i;
      }
    }
    add(s.substring(start, to), out);
  }

  private static void add(String token, List<String> out) {
    // German umlauts as their ASCII spelling (Prüfnummer = pruefnummer), as database names usually write them
    String t = token.indexOf('ä') >= 0 || token.indexOf('ö') >= 0 || token.indexOf('ü') >= 0
        || token.indexOf('Ä') >= 0 || token.indexOf('Ö') >= 0 || token.indexOf('Ü') >= 0
        ? token.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
            .replace("Ü", "Ue")
        : token;
    String f = FoldedSet.fold(t);
    if (!f.isEmpty()) {
      // folding can introduce spaces or apostrophes (rare ligatures); keep only alphanumerics
      StringBuilder b = new StringBuilder(f.length());
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          b.append(c);
        }
      }
      if (b.length() > 0) {
        out.add(b.toString());
      }
    }
  }
}
