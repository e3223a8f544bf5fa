package io.pursight.governance.classifier.patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detectors a classifier runs, indexed for the scan: by info type, and by value length so that
 * a value meets only the detectors whose length range admits it. Immutable.
 */
final class DetectorSet {
  /** Values longer than this share one bucket. */
  static final int MAX_BUCKET = 160;

  final Detector[] detectors;
  final int[] typeOf;
  final String[] types;
  final TypeRule[] rules;
  final Map<String, Integer> typeIndex;
  private final Detector[][] byLength;
  /** Matchers per thread, reused across columns (reset for each value). */
  private final ThreadLocal<java.util.regex.Matcher[]> matchers;
  private final int[][] indexByLength;

  DetectorSet(List<Detector> list, Map<String, TypeRule> typeRules) {
    detectors = list.toArray(new Detector[0]);
    typeIndex = new LinkedHashMap<>();
    typeOf = new int[detectors.length];
    for (int i = 0; i < detectors.length; i++) {
      typeOf[i] = typeIndex.computeIfAbsent(detectors[i].infoType, k -> typeIndex.size());
    }
    types = typeIndex.keySet().toArray(new String[0]);
    rules = new TypeRule[types.length];
    for (int t = 0; t < types.length; t++) {
      rules[t] = typeRules.getOrDefault(types[t], TypeRule.DEFAULT);
    }
    matchers = ThreadLocal.withInitial(() -> new java.util.regex.Matcher[detectors.length]);
    byLength = new Detector[MAX_BUCKET + 2][];
    indexByLength = new int[MAX_BUCKET + 2][];
    for (int len = 0; len <= MAX_BUCKET + 1; len++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < detectors.length; i++) {
        Detector d = detectors[i];
        boolean fits = len <= MAX_BUCKET ? d.minLen <= len && d.maxLen >= len : d.maxLen > MAX_BUCKET;
        if (fits) {
          idx.add(i);
        }
      }
      byLength[len] = new Detector[idx.size()];
      indexByLength[len] = new int[idx.size()];
      for (int k = 0; k < idx.size(); k++) {
        byLength[len][k] = detectors[idx.get(k)];
        indexByLength[len][k] = idx.get(k);
      }
    }
  }

  /** The detectors whose length range admits {@code length}. */
  Detector[] forLength(int length) {
    return byLength[Math.min(length, MAX_BUCKET + 1)];
  }

  /** The indexes (into {@link #detectors}) of {@link #forLength}. */
  int[] indexesForLength(int length) {
    return indexByLength[Math.min(length, MAX_BUCKET + 1)];
  }

  /** This thread's matchers, one slot per detector, created on first use. */
  java.util.regex.Matcher[] matchers() {
    return matchers.get();
  }

  int type(String id) {
    Integer t = typeIndex.get(id);
    return t == null ? -1 : t;
  }
}
