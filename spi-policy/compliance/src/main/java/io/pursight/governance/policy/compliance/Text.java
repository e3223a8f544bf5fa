package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.compliance.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How findings name things: names, info types and roles, never values. */
final class Text {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private Text() {}

  /** The short display name of an asset, e.g. {@code public.payments.pan}. */
  static String name(QualifiedName asset) {
    return asset.displayName();
  }

  /** What to call a dataset: table, view, materialized view, collection or dataset. */
  static String kind(DatasetEntry dataset) {
    return dataset == null ? "dataset" : kind(dataset.dataset().kind());
  }

  static String kind(DatasetKind kind) {
    return switch (kind) {
      case TABLE -> "table";
      case VIEW -> "view";
      case MATERIALIZED_VIEW -> "materialized view";
      case COLLECTION -> "collection";
      case OTHER -> "dataset";
    };
  }

  /** What to call a dataset's fields: columns, or fields of a document collection. */
  static String fieldKind(DatasetEntry dataset) {
    return dataset != null && dataset.dataset().kind() == DatasetKind.COLLECTION ? "field" : "column";
  }

  /** Info type ids joined with commas. */
  static String types(Collection<String> types) {
    return String.join(", ", types);
  }

  /** Probed roles for prose: {@code role analyst}, {@code roles analyst, support}, {@code a principal without roles}. */
  static String roles(List<String> roles) {
    List<String> named = roles.stream().filter(r -> !r.isEmpty()).toList();
    List<String> parts = new ArrayList<>();
    if (roles.contains("")) {
      parts.add("a principal without roles");
    }
    if (named.size() == 1) {
      parts.add("role " + named.get(0));
    } else if (!named.isEmpty()) {
      parts.add("roles " + String.join(", ", named));
    }
    return String.join(" or ", parts);
  }

  /** One probed role for prose. */
  static String role(String role) {
    return role.isEmpty() ? "a principal without roles" : "role " + role;
  }

  /** Fills the {@code {placeholder}}s of a template (the controls file was checked at load). */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** One level less severe (LOW stays LOW). */
  static Severity lower(Severity s) {
    return s == Severity.LOW ? s : Severity.values()[s.ordinal() - 1];
  }

  /**
   * True when the annotations mark a column as unreadable at rest: a tag in {@code markers}, a
   * {@code protection} property naming one of them, or a property named after one with value
   * {@code true} or {@code yes}.
   */
  static boolean protectedAtRest(Annotations a, Collection<String> markers) {
    for (Tag t : a.tags()) {
      if (markers.contains(t.name())) {
        return true;
      }
    }
    String protection = a.properties().get("protection");
    if (protection != null) {
      for (String p : PackDefinition.splitList(protection)) {
        if (markers.contains(p.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    for (Map.Entry<String, String> e : a.properties().entrySet()) {
      if (markers.contains(e.getKey().toLowerCase(Locale.ROOT)) && isTrue(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** A declared property: present, not blank, and not {@code false}/{@code no}/{@code none}. */
  static String declared(Annotations a, String property) {
    String v = a.properties().get(property);
    if (v == null || v.isBlank()) {
      return null;
    }
    String l = v.strip().toLowerCase(Locale.ROOT);
    return l.equals("false") || l.equals("no") || l.equals("none") ? null : v.strip();
  }

  static boolean hasTag(Annotations a, String tag) {
    return a.tags().contains(Tag.of(tag));
  }

  private static boolean isTrue(String v) {
    String l = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
    return l.equals("true") || l.equals("yes");
  }
}
