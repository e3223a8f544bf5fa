package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One evaluation's snapshot of the catalog: every dataset of every source, each field's active
 * classifications, and the scopes of the pack resolved per field (memoised).
 */
final class CatalogView {
  /** The classifier id the runtime gives classifications inherited along lineage. */
  static final String INHERITED = "lineage";

  private final CatalogService catalog;
  private final InfoTypes infoTypes;
  private final PackDefinition def;
  private final List<DatasetEntry> datasets;
  private final Map<QualifiedName, DatasetEntry> byName = new HashMap<>();
  private final Map<QualifiedName, FieldEntry> fields = new HashMap<>();
  private final Map<String, Map<QualifiedName, Set<String>>> memo = new HashMap<>();

  CatalogView(CatalogService catalog, InfoTypes infoTypes, PackDefinition def) {
    this.catalog = catalog;
    this.infoTypes = infoTypes;
    this.def = def;
    Map<QualifiedName, DatasetEntry> all = new LinkedHashMap<>();
    if (catalog != null) {
      for (DataSource s : catalog.sources()) {
        for (DatasetEntry d : catalog.datasets(QualifiedName.source(s.name()))) {
          all.putIfAbsent(d.name(), d);
        }
      }
    }
    List<DatasetEntry> sorted = new ArrayList<>(all.values());
    sorted.sort(Comparator.comparing(d -> d.name().toString()));
    this.datasets = List.copyOf(sorted);
    for (DatasetEntry d : datasets) {
      byName.put(d.name(), d);
      for (FieldEntry f : d.fields()) {
        fields.put(f.name(), f);
      }
    }
  }

  List<DatasetEntry> datasets() {
    return datasets;
  }

  Optional<DatasetEntry> dataset(QualifiedName name) {
    return Optional.ofNullable(byName.get(name));
  }

  Optional<FieldEntry> field(QualifiedName name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** An asset's annotations: from the snapshot when it has the asset, else asked of the catalog. */
  Annotations annotations(QualifiedName asset) {
    if (asset.level() == QualifiedName.Level.FIELD && fields.containsKey(asset)) {
      return fields.get(asset).annotations();
    }
    if (asset.level() == QualifiedName.Level.DATASET && byName.containsKey(asset)) {
      return byName.get(asset).annotations();
    }
    if (catalog == null) {
      return Annotations.EMPTY;
    }
    try {
      return catalog.annotations(asset);
    } catch (RuntimeException e) {
      return Annotations.EMPTY;
    }
  }

  /** The fields of {@code dataset} that are in scope, with the types that put them there. */
  Map<FieldEntry, Set<String>> inScope(String scope, DatasetEntry dataset) {
    Map<FieldEntry, Set<String>> out = new LinkedHashMap<>();
    for (FieldEntry f : dataset.fields()) {
      Set<String> types = matched(scope, f, dataset);
      if (!types.isEmpty()) {
        out.put(f, types);
      }
    }
    return out;
  }

  /** Every field of the catalog in scope, in dataset and field order. */
  List<Scoped> inScope(String scope) {
    List<Scoped> out = new ArrayList<>();
    for (DatasetEntry d : datasets) {
      inScope(scope, d).forEach((f, t) -> out.add(new Scoped(d, f, t)));
    }
    return out;
  }

  /** The datasets with at least one field in scope, with the union of the matched types. */
  Map<DatasetEntry, Set<String>> datasetsInScope(String scope) {
    Map<DatasetEntry, Set<String>> out = new LinkedHashMap<>();
    for (DatasetEntry d : datasets) {
      Set<String> types = new TreeSet<>();
      inScope(scope, d).values().forEach(types::addAll);
      if (!types.isEmpty()) {
        out.put(d, types);
      }
    }
    return out;
  }

  /** A field in scope. */
  record Scoped(DatasetEntry dataset, FieldEntry field, Set<String> types) {}

  /** The types of {@code field} that put it in {@code scope} (sorted; empty when it is not in scope). */
  Set<String> matched(String scope, FieldEntry field, DatasetEntry dataset) {
    Map<QualifiedName, Set<String>> m = memo.computeIfAbsent(scope, k -> new HashMap<>());
    Set<String> cached = m.get(field.name());
    if (cached != null) {
      return cached;
    }
    Set<String> result = Collections.unmodifiableSet(compute(def.scopes.get(scope), field, dataset));
    m.put(field.name(), result);
    return result;
  }

  private Set<String> compute(Scope s, FieldEntry field, DatasetEntry dataset) {
    Set<String> identifierTypes = new java.util.HashSet<>();
    if (s.identifiers()) {
      def.identifiers.forEach(i -> identifierTypes.addAll(i.infoTypes()));
    }
    Set<String> out = new TreeSet<>();
    for (String type : activeTypes(field)) {
      if (s.infoTypes().contains(type) || identifierTypes.contains(type)) {
        out.add(type);
        continue;
      }
      Optional<InfoType> t = infoTypes.find(type);
      if (t.isEmpty()) {
        continue;
      }
      InfoType it = t.get();
      boolean match = s.categories().contains(it.category())
          || (s.minSensitivity() != null && it.sensitivity().atLeast(s.minSensitivity()))
          || it.regulations().stream().map(Scope::normalizeRegulation).anyMatch(s.regulations()::contains);
      if (match) {
        out.add(type);
      }
    }
    for (String u : s.union()) {
      out.addAll(matched(u, field, dataset));
    }
    for (String x : s.exclude()) {
      out.removeAll(matched(x, field, dataset));
    }
    if (!out.isEmpty() && s.colocatedWith() != null) {
      boolean colocated = marked(dataset.annotations(), s.colocatedOr()) || dataset.fields().stream()
          .anyMatch(f -> !matched(s.colocatedWith(), f, dataset).isEmpty());
      if (!colocated) {
        out.clear();
      }
    }
    return out;
  }

  /** True when the annotations carry one of the marks ({@code datasetTag:<tag>}, {@code property:<name>}). */
  static boolean marked(Annotations a, List<String> marks) {
    for (String m : marks) {
      if (m.startsWith("datasetTag:") && Text.hasTag(a, m.substring("datasetTag:".length()))) {
        return true;
      }
      if (m.startsWith("property:") && Text.declared(a, m.substring("property:".length())) != null) {
        return true;
      }
    }
    return false;
  }

  /** The field's active (not rejected) info type ids, in the catalog's order. */
  static Set<String> activeTypes(FieldEntry field) {
    Set<String> out = new LinkedHashSet<>();
    field.activeClassifications().forEach(c -> out.add(c.infoType()));
    return out;
  }

  /** The field's active classifications of {@code type}. */
  static List<Classification> classifications(FieldEntry field, String type) {
    return field.activeClassifications().stream().filter(c -> c.infoType().equals(type)).toList();
  }

  /** True when every active classification of {@code type} on the field was inherited along lineage. */
  static boolean onlyInherited(FieldEntry field, Set<String> types) {
    for (String type : types) {
      for (Classification c : classifications(field, type)) {
        if (!INHERITED.equals(c.classifier())) {
          return false;
        }
      }
    }
    return true;
  }
}
