package io.pursight.governance.classifier.patterns;

import java.util.List;
import java.util.regex.Matcher;

/**
 * One column's pass over its values (tier 1 and the statistics of tier 2): every value meets the
 * detectors of its length, pre-filter first, then the pattern, then the check; hits are counted per
 * detector and per info type (a value counts once per type, at the strongest check it passed),
 * with co-occurrence between types. Free-text values also go through the {@link SpanFinder}.
 * Expensive checks (phone) run on at most {@code expensiveCap} candidates per column, and stop after
 * 8 when those are all valid or after 4 when none is; the hits of the rest are extrapolated from the
 * checked ones. Not thread-safe: one per classify call.
 */
final class ColumnScan {
  final DetectorSet set;
  final ColumnStats stats;
  private final Shape shape = new Shape();
  private final Matcher[] matchers;
  private final SpanFinder spans;
  private final int maxTextValues;
  private final int expensiveCap;

  // per detector
  final int[] candidates;
  final int[] checked;
  final int[] unchecked;
  final int[] hits;
  // per type
  final int[] typeHits;
  /** Type hits actually observed (without extrapolated ones), the base of co-occurrence shares. */
  int[] observedTypeHits;
  final int[] standaloneHits;
  /** Hits per type and strength, flat: {@code [type * strengths + strength]}. */
  private final int[] strengthHits;
  /** Values hitting both types, flat: {@code [a * types + b]}. */
  private int[] cooccurrence;
  // free text
  int textValuesScanned;
  final int[] spanCount;
  final int[] spanValues;
  // per value scratch
  private final int[] touched;
  private final int[] stamp;
  private final int[] valueStrength;
  private final boolean[] valueStandalone;
  private final int[] valueSpanStamp;
  private final boolean[] enabled;
  /** When set, only detectors of these types run (a second pass for a few types). */
  private boolean[] onlyTypes;
  private int valueNo;
  private int touchedCount;
  private boolean finished;
  /** Every (value number, type) hit in value order, for {@link #rescan}: values and types side by side. */
  /**
   * Results of expensive checks by detector and value, shared with the {@link #rescan} pass (which
   * meets the same candidates in the same order): a check is deterministic, so it runs once.
   */
  private java.util.HashMap<String, Boolean> expensiveResults;
  private int[] logValue = new int[64];
  private int[] logType = new int[64];
  private int logSize;

  /**
   * @param enabled per type: whether its context-only detectors run (they can only matter when the
   *     column's name supports the type, so without it they are skipped); null runs them all
   */
  ColumnScan(DetectorSet set, SpanFinder spans, int maxTextValues, int expensiveCap, boolean[] enabled) {
    this(set, spans, maxTextValues, expensiveCap, enabled, true);
  }

  private ColumnScan(DetectorSet set, SpanFinder spans, int maxTextValues, int expensiveCap, boolean[] enabled,
      boolean withStats) {
    this.set = set;
    this.enabled = enabled;
    this.stats = withStats ? new ColumnStats() : null;
    this.spans = spans;
    this.maxTextValues = maxTextValues;
    this.expensiveCap = expensiveCap;
    int d = set.detectors.length;
    int t = set.types.length;
    matchers = set.matchers();
    candidates = new int[d];
    checked = new int[d];
    unchecked = new int[d];
    hits = new int[d];
    typeHits = new int[t];
    standaloneHits = new int[t];
    strengthHits = new int[t * Strength.ALL.length];

    spanCount = new int[t];
    spanValues = new int[t];
    touched = new int[t];
    stamp = new int[t];
    valueStrength = new int[t];
    valueStandalone = new boolean[t];
    valueSpanStamp = new int[t];
  }

  /** Scans one value (null and blank values count as blank). */
  void add(String raw) {
    if (raw == null) {
      if (stats != null) {
        stats.blank();
      }
      return;
    }
    String v = raw;
    int len = v.length();
    if (len > 0 && (v.charAt(0) <= ' ' || v.charAt(len - 1) <= ' ')) {
      v = v.strip();
      len = v.length();
    }
    if (len == 0 || len <= 11 && isNoise(v)) {
      if (stats != null) {
        stats.blank();
      }
      return;
    }
    valueNo++;
    touchedCount = 0;
    shape.of(v);
    if (stats != null) {
      stats.add(v, shape);
    }
    Detector[] ds = set.forLength(len);
    int[] idx = set.indexesForLength(len);
    for (int k = 0; k < ds.length; k++) {
      Detector d = ds[k];
      int i = idx[k];
      if (!d.accepts(shape) || d.needsContext && enabled != null && !enabled[set.typeOf[i]]
          || onlyTypes != null && !onlyTypes[set.typeOf[i]]) {
        continue;
      }
      if (d.matcher != null) {
        if (!d.matcher.test(v)) {
          continue;
        }
      } else {
        Matcher m = matchers[i];
        if (m == null) {
          m = d.pattern.matcher(v);
          matchers[i] = m;
        } else {
          m.reset(v);
        }
        if (!(d.find ? m.find() : m.matches())) {
          continue;
        }
      }
      candidates[i]++;
      if (d.expensive) {
        if (checked[i] >= expensiveCap || (checked[i] >= 8 && hits[i] == checked[i] || checked[i] >= 4 && hits[i] == 0)) {
          unchecked[i]++; // capped, or the first 8 checks all valid / first 4 all invalid: extrapolate
          continue;
        }
        checked[i]++;
        if (expensiveResults == null) {
          expensiveResults = new java.util.HashMap<>();
        }
        String key = i + ":" + v;
        Boolean valid = expensiveResults.get(key);
        if (valid == null) {
          valid = d.check.test(v);
          expensiveResults.put(key, valid);
        }
        if (!valid) {
          continue;
        }
      } else if (!d.check.test(v)) {
        continue;
      }
      hits[i]++;
      touch(set.typeOf[i], d);
    }
    if (touchedCount > 1 && cooccurrence == null) {
      // the first value hitting two types: every earlier value hit at most one, so only the diagonal is set
      int tn = typeHits.length;
      cooccurrence = new int[tn * tn];
      for (int u = 0; u < tn; u++) {
        cooccurrence[u * tn + u] = typeHits[u];
      }
    }
    if (logSize + touchedCount > logValue.length) {
      int size = Math.max(logValue.length * 2, logSize + touchedCount);
      logValue = java.util.Arrays.copyOf(logValue, size);
      logType = java.util.Arrays.copyOf(logType, size);
    }
    for (int a = 0; a < touchedCount; a++) {
      int t = touched[a];
      logValue[logSize] = valueNo;
      logType[logSize++] = t;
      typeHits[t]++;
      strengthHits[t * Strength.ALL.length + valueStrength[t]]++;
      if (valueStandalone[t]) {
        standaloneHits[t]++;
      }
      if (cooccurrence != null) {
        for (int b = 0; b < touchedCount; b++) {
          cooccurrence[t * typeHits.length + touched[b]]++;
        }
      }
    }
    if (spans != null && onlyTypes == null && len >= 24 && shape.spaces >= 2 && textValuesScanned < maxTextValues) {
      textValuesScanned++;
      for (SpanFinder.Span s : spans.find(v)) {
        int t = set.type(s.infoType());
        if (t >= 0) {
          spanCount[t]++;
          if (valueSpanStamp[t] != valueNo) {
            valueSpanStamp[t] = valueNo;
            spanValues[t]++;
          }
        }
      }
    }
  }

  /** Placeholders that mean "no value": N/A, null, none, -, ?, TBD... (not "unknown", a gender answer). */
  static boolean isNoise(String v) {
    char c = v.charAt(0); // every placeholder starts with one of these (most values do not: no lower-casing)
    if (!(c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'u' || c == 'U' || c == '-' || c == '?' || c == '#'
        || c == '(' || c == '<' || c == '\u2014')) {
      return false;
    }
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "n/a", "na", "n.a.", "#n/a", "null", "(null)", "<null>", "none", "nil", "undefined", "-", "--", "---",
          "\u2014", "?", "??", "tbd", "tba", "nan", "not available", "not applicable", "unk":
        return true;
      default:
        return false;
    }
  }

  private void touch(int t, Detector d) {
    if (stamp[t] != valueNo) {
      stamp[t] = valueNo;
      touched[touchedCount++] = t;
      valueStrength[t] = d.strength.ordinal();
      valueStandalone[t] = !d.needsContext;
    } else {
      valueStrength[t] = Math.max(valueStrength[t], d.strength.ordinal());
      valueStandalone[t] |= !d.needsContext;
    }
  }

  /** Adds the extrapolated hits of capped expensive checks; call once after the last value. */
  ColumnScan finish() {
    if (finished) {
      return this;
    }
    finished = true;
    for (Matcher m : matchers) {
      if (m != null) {
        m.reset(""); // the per-thread matchers must not keep a value alive
      }
    }
    observedTypeHits = typeHits.clone();
    for (int i = 0; i < set.detectors.length; i++) {
      if (unchecked[i] > 0 && checked[i] > 0 && hits[i] > 0) {
        int extra = (int) Math.round((double) unchecked[i] * hits[i] / checked[i]);
        Detector d = set.detectors[i];
        int t = set.typeOf[i];
        hits[i] += extra;
        typeHits[t] += extra;
        strengthHits[t * Strength.ALL.length + d.strength.ordinal()] += extra;
        if (!d.needsContext) {
          standaloneHits[t] += extra;
        }
      }
    }
    return this;
  }

  /** Non-blank values scanned. */
  int values() {
    return stats.values;
  }

  /** The strongest check level reached by at least half of type {@code t}'s hits. */
  Strength strength(int t) {
    int total = typeHits[t];
    int cum = 0;
    Strength[] all = Strength.ALL;
    for (int s = all.length - 1; s >= 0; s--) {
      cum += strengthHits[t * all.length + s];
      if (cum * 2 >= total) {
        return all[s];
      }
    }
    return Strength.PATTERN;
  }

  /** Values that hit both type {@code a} and type {@code b}. */
  int cooccurrence(int a, int b) {
    if (cooccurrence == null) {
      return a == b ? observedTypeHits[a] : 0; // no value hit two types
    }
    return cooccurrence[a * typeHits.length + b];
  }

  /** Whether the hits of detectors of type {@code t} include estimates (a capped expensive check). */
  boolean estimated(int t) {
    for (int i = 0; i < set.detectors.length; i++) {
      if (set.typeOf[i] == t && unchecked[i] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Checked candidates of the expensive detectors of type {@code t}. */
  int checkedCount(int t) {
    int n = 0;
    for (int i = 0; i < set.detectors.length; i++) {
      if (set.typeOf[i] == t) {
        n += checked[i];
      }
    }
    return n;
  }

  /**
   * Scans the values again with only the detectors of {@code types} (their context variants now
   * enabled) and takes over those types' counts. Co-occurrence of those types with the others comes
   * from the first pass's hit log (the other types' detectors are unchanged, so running them again,
   * expensive phone checks included, would only repeat the first pass).
   */
  void rescan(List<String> values, int maxValues, boolean[] types) {
    ColumnScan second = new ColumnScan(set, null, 0, expensiveCap, enabled, false);
    second.onlyTypes = types;
    second.expensiveResults = expensiveResults;
    int n = Math.min(values.size(), maxValues);
    for (int i = 0; i < n; i++) {
      second.add(values.get(i));
    }
    second.finish();
    int tn = typeHits.length;
    int sn = Strength.ALL.length;
    for (int t = 0; t < tn; t++) {
      if (!types[t]) {
        continue;
      }
      typeHits[t] = second.typeHits[t];
      observedTypeHits[t] = second.observedTypeHits[t];
      standaloneHits[t] = second.standaloneHits[t];
      System.arraycopy(second.strengthHits, t * sn, strengthHits, t * sn, sn);
    }
    for (int i = 0; i < set.detectors.length; i++) {
      if (types[set.typeOf[i]]) {
        candidates[i] = second.candidates[i];
        checked[i] = second.checked[i];
        unchecked[i] = second.unchecked[i];
        hits[i] = second.hits[i];
      }
    }
    // co-occurrence: the rescanned types' rows and columns from the second pass's hits joined with the
    // first pass's hits of the other types, value by value
    int[] cooc = cooccurrence;
    if (cooc == null) {
      cooc = new int[tn * tn];
      for (int x = 0; x < tn; x++) {
        cooc[x * tn + x] = observedTypeHits[x];
      }
    }
    for (int t = 0; t < tn; t++) {
      if (types[t]) {
        for (int u = 0; u < tn; u++) {
          cooc[t * tn + u] = 0;
          cooc[u * tn + t] = 0;
        }
      }
    }
    boolean multi = cooccurrence != null;
    int a = 0;
    int b = 0;
    while (b < second.logSize) {
      int value = second.logValue[b];
      int bEnd = b;
      while (bEnd < second.logSize && second.logValue[bEnd] == value) {
        bEnd++;
      }
      while (a < logSize && logValue[a] < value) {
        a++;
      }
      int aEnd = a;
      while (aEnd < logSize && logValue[aEnd] == value) {
        aEnd++;
      }
      for (int x = b; x < bEnd; x++) {
        int t = second.logType[x];
        for (int y = b; y < bEnd; y++) {
          cooc[t * tn + second.logType[y]]++;
        }
        for (int y = a; y < aEnd; y++) {
          int u = logType[y];
          if (!types[u]) {
            cooc[t * tn + u]++;
            cooc[u * tn + t]++;
            multi = true;
          }
        }
      }
      multi |= bEnd - b > 1;
      b = bEnd;
    }
    if (multi) {
      cooccurrence = cooc;
    }
  }

  static ColumnScan of(DetectorSet set, SpanFinder spans, List<String> values, int maxValues, int maxText, int cap,
      boolean[] contextEnabled) {
    ColumnScan scan = new ColumnScan(set, spans, maxText, cap, contextEnabled);
    int n = Math.min(values.size(), maxValues);
    for (int i = 0; i < n; i++) {
      scan.add(values.get(i));
    }
    return scan.finish();
  }
}
