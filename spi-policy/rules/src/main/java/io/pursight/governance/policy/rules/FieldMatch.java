package io.pursight.governance.policy.rules;

import io.pursight.governance.classification.Sensitivity;

/**
 * A policy's {@code match}: every criterion present must hold for a field (AND); within a
 * criterion one listed value is enough (OR). Absent criteria are null. An empty match holds for
 * every field.
 */
final class FieldMatch {
  final String[] infoTypes;
  final String[] categories;
  final String[] tags;
  final String[] datasetTags;
  final Sensitivity atLeast;
  final Sensitivity atMost;
  final Glob[] columns;
  final Glob[] datasets;
  final Glob[] sources;

  FieldMatch(String[] infoTypes, String[] categories, String[] tags, String[] datasetTags, Sensitivity atLeast,
      Sensitivity atMost, Glob[] columns, Glob[] datasets, Glob[] sources) {
    this.infoTypes = infoTypes;
    this.categories = categories;
    this.tags = tags;
    this.datasetTags = datasetTags;
    this.atLeast = atLeast;
    this.atMost = atMost;
    this.columns = columns;
    this.datasets = datasets;
    this.sources = sources;
  }

  /** Specificity ranks; see docs/policies.md. */
  static final int EXACT_COLUMN = 7;
  static final int COLUMN_GLOB = 6;
  static final int EXACT_DATASET = 5;
  static final int DATASET_GLOB = 4;
  static final int INFO_TYPE_OR_TAG = 3;
  static final int CATEGORY_OR_DATASET_TAG = 2;
  static final int SENSITIVITY_OR_SOURCE = 1;
  static final int EVERYTHING = 0;

  /** The rank of the most specific criterion present. */
  int specificity() {
    if (columns != null) {
      return allLiteral(columns) ? EXACT_COLUMN : COLUMN_GLOB;
    }
    if (datasets != null) {
      return allLiteral(datasets) ? EXACT_DATASET : DATASET_GLOB;
    }
    if (infoTypes != null || tags != null) {
      return INFO_TYPE_OR_TAG;
    }
    if (categories != null || datasetTags != null) {
      return CATEGORY_OR_DATASET_TAG;
    }
    if (atLeast != null || atMost != null || sources != null) {
      return SENSITIVITY_OR_SOURCE;
    }
    return EVERYTHING;
  }

  /** The number of criteria present (a sensitivity range counts once). */
  int criteria() {
    int n = 0;
    n += infoTypes != null ? 1 : 0;
    n += categories != null ? 1 : 0;
    n += tags != null ? 1 : 0;
    n += datasetTags != null ? 1 : 0;
    n += atLeast != null || atMost != null ? 1 : 0;
    n += columns != null ? 1 : 0;
    n += datasets != null ? 1 : 0;
    n += sources != null ? 1 : 0;
    return n;
  }

  boolean isEmpty() {
    return criteria() == 0;
  }

  /** The number of criteria other than sensitivity. */
  int nameAndTypeCriteria() {
    return criteria() - (atLeast != null || atMost != null ? 1 : 0);
  }

  /** True when a field of sensitivity {@code s} can match (the range holds). */
  boolean allows(Sensitivity s) {
    return (atLeast == null || s.compareTo(atLeast) >= 0) && (atMost == null || s.compareTo(atMost) <= 0);
  }

  static boolean allLiteral(Glob[] globs) {
    for (Glob g : globs) {
      if (!g.isLiteral()) {
        return false;
      }
    }
    return true;
  }

  boolean matches(FieldView v) {
    if (infoTypes != null && !anyIn(infoTypes, v.infoTypes)) {
      return false;
    }
    if (categories != null && !anyIn(categories, v.categories)) {
      return false;
    }
    if (tags != null && !anyIn(tags, v.tags)) {
      return false;
    }
    if (datasetTags != null && !anyIn(datasetTags, v.datasetTags)) {
      return false;
    }
    Sensitivity s = v.facts.sensitivity();
    if (atLeast != null && s.compareTo(atLeast) < 0) {
      return false;
    }
    if (atMost != null && s.compareTo(atMost) > 0) {
      return false;
    }
    if (columns != null && (v.fieldPart == null || !anyGlob(columns, v.column()))) {
      return false;
    }
    if (datasets != null && (v.dataset == null || !anyGlob(datasets, v.dataset))) {
      return false;
    }
    return sources == null || anyGlob(sources, v.source);
  }

  private static boolean anyIn(String[] wanted, String[] has) {
    for (String h : has) {
      for (String w : wanted) {
        if (w.equals(h)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyGlob(Glob[] globs, String name) {
    for (Glob g : globs) {
      if (g.matches(name)) {
        return true;
      }
    }
    return false;
  }
}
