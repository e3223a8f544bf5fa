package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link FoldedSet#contains} answers as a lookup of {@link FoldedSet#fold} would, for text with
 * Latin letters with diacritics (the allocation-free path) and other non-ASCII text (the fold
 * path): seeded random words and accented/cased variants of dictionary entries.
 */
class FoldedSetLatinTest {
  private static final long SEED = Long.getLong("qt.seed", 20261126L);

  @Test
  void latinTextFindsWhatItsFoldFinds() {
    Random r = new Random(SEED);
    String alphabet = "abcdeilnorsuzABCDEILNORSUZ'-.";
    StringBuilder latin = new StringBuilder();
    for (char c = 0xC0; c <= 0x24F; c++) {
      if (Character.isLetter(c)) {
        latin.append(c);
      }
    }
    latin.append("\u00A0\u2019\u0416\u4E2D\u00A9 ");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      words.add(word(r, alphabet, latin, 2 + r.nextInt(8)));
    }
    FoldedSet set = new FoldedSet(words);
    Set<String> folded = new HashSet<>();
    words.forEach(w -> folded.add(FoldedSet.fold(w)));
    int found = 0;
    for (int i = 0; i < 30_000; i++) {
      String q = r.nextBoolean() ? variant(r, words.get(r.nextInt(words.size()))) : word(r, alphabet, latin, 2 + r.nextInt(8));
      if (q.isBlank() || !q.equals(q.strip()) || q.contains("  ")) {
        continue; // the ASCII path takes text as trimmed single-spaced, as its callers give it
      }
      boolean expected = folded.contains(FoldedSet.fold(q));
      assertThat(set.contains(q)).as("'%s' (seed %d)", q, SEED).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).as("variants of entries are found").isGreaterThan(5000);
  }

  private static String word(Random r, String ascii, CharSequence latin, int len) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < len; k++) {
      b.append(r.nextInt(3) == 0 ? latin.charAt(r.nextInt(latin.length())) : ascii.charAt(r.nextInt(ascii.length())));
    }
    return b.toString();
  }

  /** The word with some letters upper- or lower-cased and some ASCII vowels given an accent. */
  private static String variant(Random r, String w) {
    StringBuilder b = new StringBuilder();
    for (char c : w.toCharArray()) {
      char x = r.nextInt(4) == 0 ? Character.toUpperCase(c) : r.nextInt(4) == 0 ? Character.toLowerCase(c) : c;
      if (r.nextInt(5) == 0) {
        x = switch (x) {
          case 'e' -> '\u00E9';
          case 'a' -> '\u00E4';
          case 'o' -> '\u00F6';
          case 'u' -> '\u00FC';
          default -> x;
        };
      }
      b.append(x);
    }
    return b.toString();
  }
}
