package io.pursight.governance.core.store;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.spi.CatalogStore;
import io.pursight.governance.lineage.LineageEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog store that keeps everything in memory, for tests and short-lived processes. Thread-safe
 * (every method is synchronized; reads return immutable values).
 */
public final class InMemoryCatalogStore implements CatalogStore {
  private final Map<String, DataSource> sources = new TreeMap<>();
  private final Map<QualifiedName, DatasetSnapshot> snapshots = new LinkedHashMap<>();
  private final Map<QualifiedName, Annotations> annotations = new LinkedHashMap<>();
  private final Map<String, ClassificationDecision> decisions = new LinkedHashMap<>();
  private final List<SchemaChange> changes = new ArrayList<>();
  private final Map<String, LineageEdge> lineage = new LinkedHashMap<>();

  /** Creates an empty store. */
  public InMemoryCatalogStore() {}

  @Override
  public synchronized void putSource(DataSource source) {
    sources.put(source.name(), source);
  }

  @Override
  public synchronized List<DataSource> sources() {
    return List.copyOf(sources.values());
  }

  @Override
  public synchronized Optional<DatasetSnapshot> snapshot(QualifiedName dataset) {
    return Optional.ofNullable(snapshots.get(dataset));
  }

  @Override
  public synchronized List<QualifiedName> datasetNames(QualifiedName scope) {
    return snapshots.keySet().stream().filter(scope::contains)
        .sorted(Comparator.comparing(QualifiedName::toString)).toList();
  }

  @Override
  public synchronized void putSnapshot(DatasetSnapshot snapshot) {
    snapshots.put(snapshot.name(), snapshot);
  }

  @Override
  public synchronized void removeSnapshot(QualifiedName dataset) {
    snapshots.remove(dataset);
  }

  @Override
  public synchronized Annotations annotations(QualifiedName asset) {
    return annotations.getOrDefault(asset, Annotations.EMPTY);
  }

  @Override
  public synchronized Map<QualifiedName, Annotations> allAnnotations() {
    return Map.copyOf(annotations);
  }

  @Override
  public synchronized void putAnnotations(QualifiedName asset, Annotations value) {
    if (value.isEmpty()) {
      annotations.remove(asset);
    } else {
      annotations.put(asset, value);
    }
  }

  @Override
  public synchronized List<ClassificationDecision> decisions() {
    return List.copyOf(decisions.values());
  }

  @Override
  public synchronized void putDecision(ClassificationDecision decision) {
    String key = decision.field() + "\u0000" + decision.infoType();
    decisions.remove(key);
    decisions.put(key, decision);
  }

  @Override
  public synchronized void appendChanges(List<SchemaChange> newChanges) {
    changes.addAll(newChanges);
  }

  @Override
  public synchronized List<SchemaChange> changes(QualifiedName scope, int limit) {
    List<SchemaChange> out = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0 && out.size() < limit; i--) {
      if (scope.contains(changes.get(i).asset())) {
        out.add(changes.get(i));
      }
    }
    return out;
  }

  @Override
  public synchronized void putLineage(Collection<LineageEdge> edges) {
    for (LineageEdge e : edges) {
      lineage.putIfAbsent(e.source() + "\u0000" + e.target() + "\u0000" + e.transform(), e);
    }
  }

  @Override
  public synchronized List<LineageEdge> lineage() {
    return List.copyOf(lineage.values());
  }

  @Override
  public void close() {}
}
