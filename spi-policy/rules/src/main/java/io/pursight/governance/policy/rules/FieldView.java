package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.policy.FieldFacts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A field's facts with the lower-case names policies match, computed once per decision. */
final class FieldView {
  final FieldFacts facts;
  final QualifiedName name;
  /** {@code database.schema.table.column}, lower case; null when the name is not a field. */
  final String column;
  /** {@code database.schema.table}, lower case; null when the name has no dataset. */
  final String dataset;
  final String source;
  /** The number of segments of {@link #dataset} (0 without a dataset). */
  final int datasetSegments;
  final Set<String> categories;
  final Set<String> tags;
  final Set<String> datasetTags;

  // per-decision results
  Policy mask;
  boolean granted;
  int[] filters;
  int filterCount;

  void addFilter(int policyIndex) {
    if (filters == null) {
      filters = new int[4];
    } else if (filterCount == filters.length) {
      filters = java.util.Arrays.copyOf(filters, filterCount * 2);
    }
    filters[filterCount++] = policyIndex;
  }

  FieldView(FieldFacts facts) {
    this.facts = facts;
    this.name = facts.field();
    this.source = lower(name.source());
    if (name.dataset() != null) {
      StringBuilder b = new StringBuilder(64);
      int dots = 0;
      if (name.database() != null) {
        dots += appendLower(b, name.database()) + 1;
        b.append('.');
      }
      if (name.schema() != null) {
        dots += appendLower(b, name.schema()) + 1;
        b.append('.');
      }
      dots += appendLower(b, name.dataset());
      int datasetEnd = b.length();
      for (String f : name.field()) {
        b.append('.');
        appendLower(b, f);
      }
      String all = b.toString();
      this.dataset = name.field().isEmpty() ? all : all.substring(0, datasetEnd);
      this.column = name.field().isEmpty() ? null : all;
      this.datasetSegments = dots + 1; // counted on the text: a table name may itself hold dots
    } else {
      this.dataset = null;
      this.column = null;
      this.datasetSegments = 0;
    }
    this.categories = lowerAll(facts.categories());
    this.tags = lowerAll(facts.tags());
    this.datasetTags = lowerAll(facts.datasetTags());
  }

  /** Appends {@code s} lower-cased; returns the number of dots in it. */
  private static int appendLower(StringBuilder b, String s) {
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c > 127) {
        String rest = s.substring(i).toLowerCase(Locale.ROOT);
        b.append(rest);
        return dots + (int) rest.chars().filter(x -> x == '.').count();
      } else if (c == '.') {
        dots++;
      }
      b.append(c);
    }
    return dots;
  }

  /** The first {@code n} dot-separated segments of {@code s} when it has more than {@code n}, else null. */
  static String prefix(String s, int n) {
    int dot = -1;
    for (int i = 0; i < n; i++) {
      dot = s.indexOf('.', dot + 1);
      if (dot < 0) {
        return null;
      }
    }
    return s.substring(0, dot);
  }

  /** The last {@code n} dot-separated segments of {@code s} when it has more than {@code n}, else null. */
  static String suffix(String s, int n) {
    int dot = s.length();
    for (int i = 0; i < n; i++) {
      dot = s.lastIndexOf('.', dot - 1);
      if (dot < 0) {
        return null;
      }
    }
    return s.substring(dot + 1);
  }

  static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 127) {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }

  /** The same set when it is already lower case (the contract of FieldFacts), else a lower-cased copy. */
  static Set<String> lowerAll(Set<String> in) {
    for (String s : in) {
      if (s != lower(s)) {
        Set<String> out = new HashSet<>();
        for (String t : in) {
          out.add(lower(t));
        }
        return out;
      }
    }
    return in;
  }
}
