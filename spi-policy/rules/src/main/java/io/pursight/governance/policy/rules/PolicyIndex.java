package io.pursight.governance.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies that apply to one action, indexed so a field only meets the policies that can match
 * it. Each policy is filed under one criterion of its match, the most selective that can serve as a
 * key: exact column names, exact dataset names, info types, field tags, the literal prefix or suffix
 * of column globs (whole segments: {@code shop.public.t1} for {@code shop.public.t1.*}, {@code ssn}
 * for {@code *.ssn}), then of dataset globs, dataset tags, categories, exact source names.
 * Policies with none of these (sensitivity-only, empty matches, unanchored globs) are checked for
 * every field. There is one index per action and sensitivity level, holding the policies whose
 * sensitivity range contains that level, so sensitivity never needs checking at decision time.
 */
final class PolicyIndex {
  private static final Policy[] NONE = new Policy[0];

  /**
   * The policies filed under one key. {@code proven}: finding them under the key proves their match,
   * so whether they apply depends only on the request (their guards), and their combined outcome is
   * computed once per decision and shared by every field that hits the key. {@code checked}: the
   * rest, matched field by field.
   */
  static final class Bucket {
    final int id;
    final Policy[] proven;
    final Policy[] checked;
    /**
     * The proven policies as flat arrays (index in the set, guard slot or -1, effect code), so
     * applying them reads no policy objects.
     */
    final int[] provenIndex;
    final int[] provenGuard;
    final byte[] provenEffect;

    Bucket(int id, Policy[] proven, Policy[] checked) {
      this.id = id;
      this.proven = proven;
      this.checked = checked;
      this.provenIndex = new int[proven.length];
      this.provenGuard = new int[proven.length];
      this.provenEffect = new byte[proven.length];
    }

    /** Fills the flat arrays; call once the set has assigned guard slots. */
    void flatten() {
      for (int i = 0; i < proven.length; i++) {
        provenIndex[i] = proven[i].index;
        provenGuard[i] = proven[i].guardSlot;
        provenEffect[i] = (byte) proven[i].effectCode;
      }
    }
  }

  final Map<String, Bucket> column;
  /**
   * The exact column keys split at each of their dots: by the part before it (a dataset name), the
   * part after it (a field path) to the bucket; so a field looks up its dataset once and then its own
   * field path (no per-field name building).
   */
  final Map<String, Map<String, Bucket>> columnByDataset;
  final Map<String, Bucket> columnPrefix;
  final Map<String, Bucket> columnSuffix;
  final Map<String, Bucket> dataset;
  final Map<String, Bucket> datasetPrefix;
  final Map<String, Bucket> datasetSuffix;
  /** The segment counts of the keys in the prefix and suffix maps, so a field looks up only those. */
  final int[] columnPrefixSegments;
  final int[] columnSuffixSegments;
  final int[] datasetPrefixSegments;
  final int[] datasetSuffixSegments;
  final Map<String, Bucket> infoType;
  final Map<String, Bucket> tag;
  final Map<String, Bucket> datasetTag;
  final Map<String, Bucket> category;
  final Map<String, Bucket> source;
  final Bucket everyField;
  /** The most proven policies in one bucket. */
  final int largestBucket;
  /** Policies with an empty match: they also decide requests without fields. */
  final Policy[] requestLevel;

  /**
   * Indexes {@code policies}; with {@code indexed} false every policy is checked for every field
   * (the reference behaviour the index must reproduce, used by tests).
   */
  PolicyIndex(List<Policy> policies, boolean indexed, int[] bucketIds) {
    Builder b = new Builder();
    List<Policy> request = new ArrayList<>();
    for (Policy p : policies) {
      if (p.match.isEmpty()) {
        request.add(p);
      }
      if (indexed) {
        b.place(p);
      } else {
        b.everyField.add(p);
      }
    }
    column = freeze(b.column, bucketIds);
    columnByDataset = split(column);
    columnPrefix = freeze(b.columnPrefix, bucketIds);
    columnSuffix = freeze(b.columnSuffix, bucketIds);
    dataset = freeze(b.dataset, bucketIds);
    datasetPrefix = freeze(b.datasetPrefix, bucketIds);
    datasetSuffix = freeze(b.datasetSuffix, bucketIds);
    columnPrefixSegments = segmentCounts(columnPrefix);
    columnSuffixSegments = segmentCounts(columnSuffix);
    datasetPrefixSegments = segmentCounts(datasetPrefix);
    datasetSuffixSegments = segmentCounts(datasetSuffix);
    infoType = freeze(b.infoType, bucketIds);
    tag = freeze(b.tag, bucketIds);
    datasetTag = freeze(b.datasetTag, bucketIds);
    category = freeze(b.category, bucketIds);
    source = freeze(b.source, bucketIds);
    everyField = b.everyField.isEmpty() ? null : bucket(b.everyField, bucketIds);
    int largest = everyField == null ? 0 : everyField.proven.length;
    for (Map<String, Bucket> m : List.of(column, columnPrefix, columnSuffix, dataset, datasetPrefix, datasetSuffix,
        infoType, tag, datasetTag, category, source)) {
      for (Bucket x : m.values()) {
        largest = Math.max(largest, x.proven.length);
      }
    }
    largestBucket = largest;
    requestLevel = request.toArray(NONE);
  }

  private static Map<String, Map<String, Bucket>> split(Map<String, Bucket> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Bucket>> out = new HashMap<>();
    keys.forEach((k, bucket) -> {
      for (int dot = k.indexOf('.'); dot >= 0; dot = k.indexOf('.', dot + 1)) {
        out.computeIfAbsent(k.substring(0, dot), x -> new HashMap<>()).put(k.substring(dot + 1), bucket);
      }
    });
    return out;
  }

  /** Fills every bucket's flat arrays (after the set has assigned guard slots). */
  void flatten() {
    for (Map<String, Bucket> m : List.of(column, columnPrefix, columnSuffix, dataset, datasetPrefix, datasetSuffix,
        infoType, tag, datasetTag, category, source)) {
      for (Bucket x : m.values()) {
        x.flatten();
      }
    }
    if (everyField != null) {
      everyField.flatten();
    }
  }

  private static int[] segmentCounts(Map<String, Bucket> map) {
    return map.keySet().stream().mapToInt(Glob::segments).distinct().sorted().toArray();
  }

  private static Map<String, Bucket> freeze(Map<String, List<Policy>> in, int[] bucketIds) {
    if (in.isEmpty()) {
      return Map.of();
    }
    Map<String, Bucket> out = new HashMap<>(in.size() * 2);
    in.forEach((k, v) -> out.put(k, bucket(v, bucketIds)));
    return out;
  }

  /** A bucket with the next id from {@code bucketIds[0]}. */
  private static Bucket bucket(List<Policy> policies, int[] bucketIds) {
    List<Policy> proven = new ArrayList<>();
    List<Policy> checked = new ArrayList<>();
    for (Policy p : policies) {
      (p.indexProvesMatch ? proven : checked).add(p);
    }
    return new Bucket(bucketIds[0]++, proven.toArray(NONE), checked.toArray(NONE));
  }

  private static final class Builder {
    final Map<String, List<Policy>> column = new HashMap<>();
    final Map<String, List<Policy>> columnPrefix = new HashMap<>();
    final Map<String, List<Policy>> columnSuffix = new HashMap<>();
    final Map<String, List<Policy>> dataset = new HashMap<>();
    final Map<String, List<Policy>> datasetPrefix = new HashMap<>();
    final Map<String, List<Policy>> datasetSuffix = new HashMap<>();
    final Map<String, List<Policy>> infoType = new HashMap<>();
    final Map<String, List<Policy>> tag = new HashMap<>();
    final Map<String, List<Policy>> datasetTag = new HashMap<>();
    final Map<String, List<Policy>> category = new HashMap<>();
    final Map<String, List<Policy>> source = new HashMap<>();
    final List<Policy> everyField = new ArrayList<>();

    void place(Policy p) {
      FieldMatch m = p.match;
      // sensitivity is guaranteed by the per-level index this policy is filed in
      boolean single = m.nameAndTypeCriteria() == 1;
      if (m.columns != null && FieldMatch.allLiteral(m.columns)) {
        for (Glob g : m.columns) {
          add(column, g.literal(), p);
        }
        p.indexProvesMatch = single;
      } else if (m.datasets != null && FieldMatch.allLiteral(m.datasets)) {
        for (Glob g : m.datasets) {
          add(dataset, g.literal(), p);
        }
        p.indexProvesMatch = single;
      } else if (m.infoTypes != null) {
        for (String s : m.infoTypes) {
          add(infoType, s, p);
        }
        p.indexProvesMatch = single;
      } else if (m.tags != null) {
        for (String s : m.tags) {
          add(tag, s, p);
        }
        p.indexProvesMatch = single;
      } else if (m.columns != null && anchored(m.columns)) {
        for (Glob g : m.columns) {
          file(g, column, columnPrefix, columnSuffix, p);
        }
        p.indexProvesMatch = single && provable(m.columns);
      } else if (m.datasets != null && anchored(m.datasets)) {
        for (Glob g : m.datasets) {
          file(g, dataset, datasetPrefix, datasetSuffix, p);
        }
        p.indexProvesMatch = single && provable(m.datasets);
      } else if (m.datasetTags != null) {
        for (String s : m.datasetTags) {
          add(datasetTag, s, p);
        }
        p.indexProvesMatch = single;
      } else if (m.categories != null) {
        for (String s : m.categories) {
          add(category, s, p);
        }
        p.indexProvesMatch = single;
      } else if (m.sources != null && FieldMatch.allLiteral(m.sources)) {
        for (Glob g : m.sources) {
          add(source, g.literal(), p);
        }
        p.indexProvesMatch = single;
      } else {
        everyField.add(p);
        p.indexProvesMatch = m.nameAndTypeCriteria() == 0;
      }
    }

    private static boolean anchored(Glob[] globs) {
      for (Glob g : globs) {
        if (!g.isLiteral() && g.literalPrefix() == null && g.literalSuffix() == null) {
          return false;
        }
      }
      return true;
    }

    /** True when finding any of the patterns under its key proves that it matches. */
    private static boolean provable(Glob[] globs) {
      for (Glob g : globs) {
        if (!g.isLiteral() && !(useSuffix(g) ? g.isStarSuffix() : g.isPrefixStar())) {
          return false;
        }
      }
      return true;
    }

    /** Files under the key with more segments; on a tie the suffix (column names are the selective part). */
    private static boolean useSuffix(Glob g) {
      String prefix = g.literalPrefix();
      String suffix = g.literalSuffix();
      if (suffix == null) {
        return false;
      }
      return prefix == null || Glob.segments(suffix) >= Glob.segments(prefix);
    }

    private static void file(Glob g, Map<String, List<Policy>> exact, Map<String, List<Policy>> prefixes,
        Map<String, List<Policy>> suffixes, Policy p) {
      if (g.isLiteral()) {
        add(exact, g.literal(), p);
      } else if (useSuffix(g)) {
        add(suffixes, g.literalSuffix(), p);
      } else {
        add(prefixes, g.literalPrefix(), p);
      }
    }

    private static void add(Map<String, List<Policy>> map, String key, Policy p) {
      List<Policy> list = map.computeIfAbsent(key, k -> new ArrayList<>());
      if (list.isEmpty() || list.get(list.size() - 1) != p) {
        list.add(p);
      }
    }
  }
}
