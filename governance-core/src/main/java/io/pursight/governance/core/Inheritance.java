package io.pursight.governance.core;

import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.spi.CatalogStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Classifications that follow data along lineage: a derived field inherits the active info types
 * of every field upstream of it (through direct edges, at any depth), with provenance in the
 * evidence, except across transforms configured as de-identifying. Computed from the store's
 * snapshots and verdicts, never through the catalog's entry cache.
 */
final class Inheritance {
  /** The classifier id of inherited classifications. */
  static final String CLASSIFIER = "lineage";

  private final LineageServiceImpl lineage;
  private final CatalogStore store;
  private final Set<TransformKind> deidentifying;
  private final Supplier<Map<QualifiedName, List<ClassificationDecision>>> decisions;

  Inheritance(LineageServiceImpl lineage, CatalogStore store, Set<TransformKind> deidentifying,
      Supplier<Map<QualifiedName, List<ClassificationDecision>>> decisions) {
    this.lineage = lineage;
    this.store = store;
    this.deidentifying = Set.copyOf(deidentifying);
    this.decisions = decisions;
  }

  /** True when some lineage edge leaves {@code dataset}. */
  boolean hasDownstream(QualifiedName dataset) {
    return !lineage.downstream(dataset, 1).isEmpty();
  }

  /** What {@code field} inherits, best first; empty when nothing upstream is classified. */
  List<Classification> inherited(QualifiedName field) {
    Set<LineageEdge> up = lineage.directUpstream(field);
    if (up.isEmpty()) {
      return List.of();
    }
    Map<QualifiedName, DatasetSnapshot> snapshots = new LinkedHashMap<>();
    Map<QualifiedName, List<ClassificationDecision>> verdicts = decisions.get();
    Map<String, Classification> byType = new LinkedHashMap<>();
    for (LineageEdge e : reachable(field, up)) {
      QualifiedName src = e.source();
      if (src.equals(field) || src.level() != QualifiedName.Level.FIELD) {
        continue;
      }
      DatasetSnapshot s = snapshots.computeIfAbsent(src.datasetName(), k -> store.snapshot(k).orElse(null));
      if (s == null) {
        continue;
      }
      List<Classification> own = Entries.applyDecisions(s.classifications().getOrDefault(src.simpleName(), List.of()),
          verdicts.getOrDefault(src, List.of()));
      for (Classification c : own) {
        if (!c.isActive()) {
          continue;
        }
        Classification inherited = new Classification(c.infoType(), c.confidence(),
            List.of("inherited from " + src + " via " + e.transform()), CLASSIFIER, Classification.Status.SUGGESTED);
        byType.merge(c.infoType(), inherited, (a, b) -> b.confidence() > a.confidence() ? b : a);
      }
    }
    List<Classification> out = new ArrayList<>(byType.values());
    out.sort(java.util.Comparator.comparingDouble(Classification::confidence).reversed()
        .thenComparing(Classification::infoType));
    return out;
  }

  /** The upstream edges whose path to {@code field} crosses no de-identifying transform. */
  private List<LineageEdge> reachable(QualifiedName field, Set<LineageEdge> up) {
    if (deidentifying.isEmpty()) {
      return List.copyOf(up);
    }
    Map<QualifiedName, List<LineageEdge>> byTarget = new LinkedHashMap<>();
    for (LineageEdge e : up) {
      byTarget.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
    }
    List<LineageEdge> out = new ArrayList<>();
    java.util.ArrayDeque<QualifiedName> frontier = new java.util.ArrayDeque<>(List.of(field));
    java.util.Set<QualifiedName> seen = new java.util.HashSet<>(List.of(field));
    while (!frontier.isEmpty()) {
      for (LineageEdge e : byTarget.getOrDefault(frontier.poll(), List.of())) {
        if (deidentifying.contains(e.transform())) {
          continue;
        }
        out.add(e);
        if (seen.add(e.source())) {
          frontier.add(e.source());
        }
      }
    }
    return out;
  }
}
