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
  final Set<String> categories;
  final Set<String> tags;
  final Set<String> datasetTags;

  // per-decision results
  Policy mask;
  boolean granted;

  FieldView(FieldFacts facts) {
    this.facts = facts;
    this.name = facts.field();
    this.source = lower(name.source());
    if (name.dataset() != null) {
      StringBuilder b = new StringBuilder(64);
      if (name.database() != null) {
        b.append(name.database()).append('.');
      }
      if (name.schema() != null) {
        b.append(name.schema()).append('.');
      }
      b.append(name.dataset());
      int datasetEnd = b.length();
      for (String f : name.field()) {
        b.append('.').append(f);
      }
      String all = lower(b.toString());
      this.dataset = all.substring(0, datasetEnd);
      this.column = name.field().isEmpty() ? null : all;
    } else {
      this.dataset = null;
      this.column = null;
    }
    this.categories = lowerAll(facts.categories());
    this.tags = lowerAll(facts.tags());
    this.datasetTags = lowerAll(facts.datasetTags());
  }

  static String firstSegment(String s) {
    int dot = s.indexOf('.');
    return dot < 0 ? null : s.substring(0, dot);
  }

  static String lastSegment(String s) {
    int dot = s.lastIndexOf('.');
    return dot < 0 ? null : s.substring(dot + 1);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The same set when it is already lower case (the contract of FieldFacts), else a lower-cased copy. */
  static Set<String> lowerAll(Set<String> in) {
    for (String s : in) {
      if (!s.equals(lower(s))) {
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
