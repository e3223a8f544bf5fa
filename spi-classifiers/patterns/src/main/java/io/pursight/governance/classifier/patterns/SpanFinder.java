package io.pursight.governance.classifier.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds sensitive values inside free text (notes, comments, messages): e-mail addresses, phone
 * numbers, card numbers, IBANs, government ids, IP and MAC addresses, URLs, tokens and keys,
 * private-key blocks. Reports spans (type, start, end), never the text. Uses the same detectors as
 * whole values (those marked for text), on whitespace-separated words with surrounding punctuation
 * trimmed, on {@code key=value} suffixes, and on runs of short words for values written with spaces
 * ({@code +44 20 7946 0958}, {@code DE89 3704 0044 0532 0130 00}).
 *
 * <p>Package-private for now; the later model stage will use it for token-level labels. Thread-safe.
 */
final class SpanFinder {
  /** A found value: its info type and its character range in the text (end exclusive). */
  record Span(String infoType, int start, int end) {}

  private static final int MAX_RUN_CHARS = 48;
  private static final int MAX_RUN_WORDS = 8;
  private static final int MAX_TEXT = 100_000;

  private final Detector[] single;
  private final Detector[] multi;
  private final Detector privateKey;

  SpanFinder(DetectorSet set) {
    List<Detector> s = new ArrayList<>();
    List<Detector> m = new ArrayList<>();
    Detector pk = null;
    for (Detector d : set.detectors) {
      if (d.infoType.equals("PRIVATE_KEY") && pk == null) {
        pk = d;
      }
      if (!d.inText) {
        continue;
      }
      s.add(d);
      if ((d.allowed & Shape.SPACE) != 0) {
        m.add(d);
      }
    }
    // stronger checks first: digits that pass Verhoeff are an Aadhaar before they are a phone number
    java.util.Comparator<Detector> strongestFirst = (a, b) -> b.strength.compareTo(a.strength);
    s.sort(strongestFirst);
    m.sort(strongestFirst);
    single = s.toArray(new Detector[0]);
    multi = m.toArray(new Detector[0]);
    privateKey = pk;
  }

  /** The spans in {@code text}, in order, not overlapping. Texts beyond 100,000 characters are cut. */
  List<Span> find(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Shape shape = new Shape();
    int len = t.length();
    privateKeys(t, out);
    List<Span> blocks = List.copyOf(out);
    // words
    int[] starts = new int[64];
    int[] ends = new int[64];
    int n = 0;
    int i = 0;
    while (i < len) {
      while (i < len && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < len && !Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (i > s) {
        if (n == starts.length) {
          starts = java.util.Arrays.copyOf(starts, n * 2);
          ends = java.util.Arrays.copyOf(ends, n * 2);
        }
        starts[n] = s;
        ends[n] = i;
        n++;
      }
    }
    int w = 0;
    while (w < n) {
      int ws = trimStart(t, starts[w], ends[w]);
      int we = trimEnd(t, ws, ends[w]);
      if (we <= ws || inside(blocks, starts[w])) {
        w++;
        continue;
      }
      // a run of short words first: "4111 1111 1111 1111" must not be read as four numbers
      int consumed = tryRun(t, starts, ends, w, n, shape, out);
      if (consumed > 0) {
        w += consumed;
        continue;
      }
      if (!trySingle(t, ws, we, shape, out)) {
        // key=value, key:value
        int sep = -1;
        for (int k = ws; k < we; k++) {
          char c = t.charAt(k);
          if (c == '=' || c == ':' && !(k + 2 < we && t.charAt(k + 1) == '/' && t.charAt(k + 2) == '/')) {
            sep = k;
            break;
          }
        }
        if (sep > ws && sep + 1 < we && Character.isLetter(t.charAt(ws))) {
          trySingle(t, trimStart(t, sep + 1, we), we, shape, out);
        }
      }
      w++;
    }
    out.sort(java.util.Comparator.comparingInt(Span::start));
    return out;
  }

  private boolean trySingle(String t, int from, int to, Shape shape, List<Span> out) {
    if (to - from < 3 || !candidateWord(t, from, to)) {
      return false;
    }
    String word = t.substring(from, to);
    String type = detect(word, shape, single);
    if (type != null) {
      out.add(new Span(type, from, to));
      return true;
    }
    return false;
  }

  /** Tries the longest run of short words starting at word {@code w}; returns the words consumed. */
  private int tryRun(String t, int[] starts, int[] ends, int w, int n, Shape shape, List<Span> out) {
    char c = t.charAt(starts[w]);
    if (!(Character.isDigit(c) || c == '+' || c == '(' || c >= 'A' && c <= 'Z')) {
      return 0;
    }
    int last = w;
    while (last + 1 < n && last + 1 - w < MAX_RUN_WORDS && ends[last + 1] - starts[w] <= MAX_RUN_CHARS
        && shortGroup(t, starts[last + 1], ends[last + 1]) && gapIsOneSpace(t, ends[last], starts[last + 1])) {
      last++;
    }
    if (last == w || !shortGroup(t, starts[w], ends[w]) && !(c >= 'A' && c <= 'Z' && ends[w] - starts[w] <= 4)) {
      return 0;
    }
    int digits = 0;
    for (int i = starts[w]; i < ends[last]; i++) {
      char ch = t.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digits++;
      }
    }
    if (digits < 6) {
      return 0; // every value written in groups has at least six digits
    }
    for (int k = last; k > w; k--) {
      int from = c == '(' ? starts[w] : trimStart(t, starts[w], ends[w]);
      int to = trimEnd(t, from, ends[k]);
      String candidate = t.substring(from, to);
      String type = detect(candidate, shape, multi);
      if (type != null) {
        out.add(new Span(type, from, to));
        return k - w + 1;
      }
    }
    return 0;
  }

  /**
   * Cheap test before a word is profiled: every detector used in text needs a digit, one of @ : $ _
   * or a long word (keys and tokens); plain words ("dolor", "Meeting") are skipped.
   */
  private static boolean candidateWord(String t, int from, int to) {
    if (to - from >= 20) {
      return true;
    }
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9' || c == '@' || c == ':' || c == '$' || c == '_') {
        return true;
      }
    }
    return false;
  }

  private static boolean gapIsOneSpace(String t, int end, int nextStart) {
    return nextStart - end == 1 && t.charAt(end) == ' ';
  }

  /**
   * A word that can be part of a value written with spaces: up to 6 digits and capitals (IBAN and
   * NINO groups), or up to 14 digits with ( ) + - . (phone groups such as 650-253-0000).
   */
  private static boolean shortGroup(String t, int from, int to) {
    int end = to;
    while (end > from && ",;:!?.".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end - from < 1 || end - from > 14) {
      return false;
    }
    boolean letters = false;
    for (int i = from; i < end; i++) {
      char c = t.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        letters = true;
      } else if (!(c >= '0' && c <= '9' || c == '(' || c == ')' || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return !letters || end - from <= 6;
  }

  private static String detect(String candidate, Shape shape, Detector[] detectors) {
    shape.of(candidate);
    for (Detector d : detectors) {
      if (!d.accepts(shape)) {
        continue;
      }
      boolean matches = d.matcher != null ? d.matcher.test(candidate)
          : d.find ? d.pattern.matcher(candidate).find() : d.pattern.matcher(candidate).matches();
      if (matches && d.check.test(candidate)) {
        return d.infoType;
      }
    }
    return null;
  }

  private static boolean inside(List<Span> blocks, int offset) {
    for (Span b : blocks) {
      if (offset >= b.start() && offset < b.end()) {
        return true;
      }
    }
    return false;
  }

  /** Adds the PEM private-key blocks. */
  private void privateKeys(String t, List<Span> out) {
    if (privateKey == null) {
      return;
    }
    int from = 0;
    while (true) {
      int b = t.indexOf("-----BEGIN ", from);
      if (b < 0) {
        break;
      }
      int e = t.indexOf("-----END ", b);
      int close = e < 0 ? -1 : t.indexOf("-----", e + 9);
      if (close < 0) {
        break;
      }
      String block = t.substring(b, close + 5);
      if (SecretChecks.privateKey(block)) {
        out.add(new Span(privateKey.infoType, b, close + 5));
      }
      from = close + 5;
    }
  }

  private static int trimStart(String t, int from, int to) {
    int s = from;
    while (s < to && "([{<\"'«“‘".indexOf(t.charAt(s)) >= 0) {
      s++;
    }
    return s;
  }

  private static int trimEnd(String t, int from, int to) {
    int e = to;
    while (e > from && ".,;:!?)]}>\"'»”’".indexOf(t.charAt(e - 1)) >= 0) {
      e--;
    }
    return e;
  }
}
