package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.policy.FieldFacts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A field's facts with the lower-case names policies match, computed once per decision. */
final class FieldView {
  final FieldFacts facts;
  final QualifiedName name;
  /** {@code database.schema.table.column}, lower case; built on first use (see {@link #column()}). */
  private String column;
  /** {@code database.schema.table}, lower case; null when the name has no dataset. */
  final String dataset;
  final String source;
  /** The field path, lower case, joined with dots; null when the name is not a field. */
  final String fieldPart;
  /** The number of segments of {@link #dataset} (0 without a dataset). */
  final int datasetSegments;
  /** The number of segments of {@link #fieldPart} (0 when the name is not a field). */
  final int fieldSegments;
  /** The facts' sets as lower-case arrays (iterated once here; the decision path uses no iterators). */
  final String[] infoTypes;
  final String[] categories;
  final String[] tags;
  final String[] datasetTags;

  // per-decision results
  Policy mask;
  boolean granted;
  int[] filters;
  int filterCount;
  /** The share of this field's dataset, set during a decision. */
  PolicySet.DatasetPart part;

  void addFilters(int[] policyIndexes) {
    if (filters == null) {
      filters = new int[Math.max(4, policyIndexes.length)];
    } else if (filterCount + policyIndexes.length > filters.length) {
      filters = java.util.Arrays.copyOf(filters, Math.max(filterCount * 2, filterCount + policyIndexes.length));
    }
    System.arraycopy(policyIndexes, 0, filters, filterCount, policyIndexes.length);
    filterCount += policyIndexes.length;
  }

  void addFilter(int policyIndex) {
    if (filters == null) {
      filters = new int[4];
    } else if (filterCount == filters.length) {
      filters = java.util.Arrays.copyOf(filters, filterCount * 2);
    }
    filters[filterCount++] = policyIndex;
  }

  FieldView(FieldFacts facts) {
    this(facts, null);
  }

  /**
   * A view; {@code names} remembers the lower-case names of recent datasets, so fields of one table
   * share one dataset string (built and hashed once per decision).
   */
  FieldView(FieldFacts facts, DatasetNames names) {
    this.facts = facts;
    this.name = facts.field();
    this.source = lower(name.source());
    if (name.dataset() != null) {
      FieldView same = names == null ? null : names.find(name);
      String ds;
      int segments;
      if (same != null) {
        ds = same.dataset;
        segments = same.datasetSegments;
      } else {
        StringBuilder b = new StringBuilder(32);
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
        ds = b.toString();
        segments = dots + 1; // counted on the text: a table name may itself hold dots
      }
      this.dataset = ds;
      this.datasetSegments = segments;
      List<String> path = name.field();
      String single = path.size() == 1 ? lowerAscii(path.get(0)) : null;
      if (path.isEmpty()) {
        this.fieldPart = null;
        this.fieldSegments = 0;
      } else if (single != null) {
        // the usual case, a lower-case column name: the name's own string (no copy, its hash cached)
        this.fieldPart = single;
        this.fieldSegments = segments(single);
      } else {
        StringBuilder f = new StringBuilder(16);
        for (String part : path) {
          if (f.length() > 0) {
            f.append('.');
          }
          appendLower(f, part);
        }
        this.fieldPart = f.toString();
        this.fieldSegments = segments(fieldPart);
      }
      if (names != null && same == null) {
        names.remember(this);
      }
    } else {
      this.dataset = null;
      this.fieldPart = null;
      this.datasetSegments = 0;
      this.fieldSegments = 0;
    }
    this.infoTypes = array(facts.infoTypes(), false);
    this.categories = array(facts.categories(), true);
    this.tags = array(facts.tags(), true);
    this.datasetTags = array(facts.datasetTags(), true);
  }

  /** {@code database.schema.table.column}, lower case; null when the name is not a field. */
  String column() {
    String c = column;
    if (c == null && fieldPart != null) {
      c = dataset + "." + fieldPart;
      column = c;
    }
    return c;
  }

  /** {@code s} when it holds neither upper-case ASCII letters nor non-ASCII characters, else null. */
  private static String lowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 127) {
        return null;
      }
    }
    return s;
  }

  private static int segments(String s) {
    int n = 1;
    for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
      n++;
    }
    return n;
  }

  /** The last few distinct datasets seen in one decision, with their lower-case names. */
  static final class DatasetNames {
    private final FieldView[] recent = new FieldView[8];
    private int next;

    FieldView find(QualifiedName n) {
      for (FieldView v : recent) {
        if (v == null) {
          return null;
        }
        QualifiedName m = v.name;
        if (same(m.dataset(), n.dataset()) && same(m.schema(), n.schema()) && same(m.database(), n.database())) {
          return v;
        }
      }
      return null;
    }

    void remember(FieldView v) {
      recent[next] = v;
      next = (next + 1) % recent.length;
    }

    private static boolean same(String a, String b) {
      return a == b || (a != null && a.equals(b));
    }
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

  private static final String[] NONE = new String[0];

  /** The set's elements, lower-cased when asked. */
  static String[] array(Set<String> in, boolean lower) {
    if (in.isEmpty()) {
      return NONE;
    }
    String[] out = in.toArray(new String[in.size()]);
    if (lower) {
      for (int i = 0; i < out.length; i++) {
        out[i] = lower(out[i]);
      }
    }
    return out;
  }
}
