package io.pursight.governance.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies that apply to one action, indexed so a field only meets the policies that can match
 * it. Each policy is filed under one criterion of its match, the most selective that can serve as a
 * key: exact column names, exact dataset names, info types, field tags, the literal first or last
 * segment of column globs, then of dataset globs, dataset tags, categories, exact source names.
 * Policies with none of these (sensitivity-only, empty matches, unanchored globs) are checked for
 * every field.
 */
final class PolicyIndex {
  private static final Policy[] NONE = new Policy[0];

  final Map<String, Policy[]> column;
  final Map<String, Policy[]> columnFirst;
  final Map<String, Policy[]> columnLast;
  final Map<String, Policy[]> dataset;
  final Map<String, Policy[]> datasetFirst;
  final Map<String, Policy[]> datasetLast;
  final Map<String, Policy[]> infoType;
  final Map<String, Policy[]> tag;
  final Map<String, Policy[]> datasetTag;
  final Map<String, Policy[]> category;
  final Map<String, Policy[]> source;
  final Policy[] everyField;
  /** Policies with an empty match: they also decide requests without fields. */
  final Policy[] requestLevel;

  /**
   * Indexes {@code policies}; with {@code indexed} false every policy is checked for every field
   * (the reference behaviour the index must reproduce, used by tests).
   */
  PolicyIndex(List<Policy> policies, boolean indexed) {
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
    column = freeze(b.column);
    columnFirst = freeze(b.columnFirst);
    columnLast = freeze(b.columnLast);
    dataset = freeze(b.dataset);
    datasetFirst = freeze(b.datasetFirst);
    datasetLast = freeze(b.datasetLast);
    infoType = freeze(b.infoType);
    tag = freeze(b.tag);
    datasetTag = freeze(b.datasetTag);
    category = freeze(b.category);
    source = freeze(b.source);
    everyField = b.everyField.toArray(NONE);
    requestLevel = request.toArray(NONE);
  }

  private static Map<String, Policy[]> freeze(Map<String, List<Policy>> in) {
    if (in.isEmpty()) {
      return Map.of();
    }
    Map<String, Policy[]> out = new HashMap<>(in.size() * 2);
    in.forEach((k, v) -> out.put(k, v.toArray(NONE)));
    return out;
  }

  private static final class Builder {
    final Map<String, List<Policy>> column = new HashMap<>();
    final Map<String, List<Policy>> columnFirst = new HashMap<>();
    final Map<String, List<Policy>> columnLast = new HashMap<>();
    final Map<String, List<Policy>> dataset = new HashMap<>();
    final Map<String, List<Policy>> datasetFirst = new HashMap<>();
    final Map<String, List<Policy>> datasetLast = new HashMap<>();
    final Map<String, List<Policy>> infoType = new HashMap<>();
    final Map<String, List<Policy>> tag = new HashMap<>();
    final Map<String, List<Policy>> datasetTag = new HashMap<>();
    final Map<String, List<Policy>> category = new HashMap<>();
    final Map<String, List<Policy>> source = new HashMap<>();
    final List<Policy> everyField = new ArrayList<>();

    void place(Policy p) {
      FieldMatch m = p.match;
      boolean single = m.criteria() == 1;
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
          file(g, column, columnFirst, columnLast, p);
        }
      } else if (m.datasets != null && anchored(m.datasets)) {
        for (Glob g : m.datasets) {
          file(g, dataset, datasetFirst, datasetLast, p);
        }
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
      }
    }

    private static boolean anchored(Glob[] globs) {
      for (Glob g : globs) {
        if (!g.isLiteral() && g.literalFirstSegment() == null && g.literalLastSegment() == null) {
          return false;
        }
      }
      return true;
    }

    private static void file(Glob g, Map<String, List<Policy>> exact, Map<String, List<Policy>> first,
        Map<String, List<Policy>> last, Policy p) {
      if (g.isLiteral()) {
        add(exact, g.literal(), p);
      } else if (g.literalFirstSegment() != null) {
        add(first, g.literalFirstSegment(), p);
      } else {
        add(last, g.literalLastSegment(), p);
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
