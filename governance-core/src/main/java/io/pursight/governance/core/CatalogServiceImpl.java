package io.pursight.governance.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.pursight.governance.AssetNotFoundException;
import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.core.search.SearchIndex;
import io.pursight.governance.spi.CatalogStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The catalog service: reads through Caffeine caches to the store, writes through to it, and keeps
 * the search index current.
 */
final class CatalogServiceImpl implements CatalogService, AutoCloseable {
  private static final String ALL = "all";
  private final CatalogStore store;
  private final LoadingCache<QualifiedName, Optional<DatasetEntry>> entries;
  private final LoadingCache<String, Map<QualifiedName, Annotations>> annotations;
  private final LoadingCache<String, Map<QualifiedName, List<ClassificationDecision>>> decisions;
  private final Cache<String, Boolean> indexFresh;
  private final SearchIndex index = new SearchIndex();
  private final Object annotateLock = new Object();
  private volatile Inheritance inheritance;
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

  CatalogServiceImpl(CatalogStore store, long cacheSize, Duration cacheTtl) {
    this.store = store;
    this.annotations = Caffeine.newBuilder().expireAfterWrite(cacheTtl).build(k -> store.allAnnotations());
    this.decisions = Caffeine.newBuilder().expireAfterWrite(cacheTtl)
        .build(k -> Entries.byField(store.decisions()));
    this.entries = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheTtl)
        .build(name -> store.snapshot(name).map(this::assemble));
    this.indexFresh = Caffeine.newBuilder().expireAfterWrite(cacheTtl).build();
  }

  CatalogStore store() {
    return store;
  }

  /** Sets how fields inherit classifications along lineage (after construction: the two refer to each other). */
  void inheritance(Inheritance i) {
    this.inheritance = i;
    entries.invalidateAll();
  }

  Map<QualifiedName, List<ClassificationDecision>> decisionsByField() {
    return decisions.get(ALL);
  }

  /** What {@code field} inherits along lineage. */
  List<io.pursight.governance.classification.Classification> inherited(QualifiedName field) {
    Inheritance i = inheritance;
    return i == null ? List.of() : i.inherited(field);
  }

  private DatasetEntry assemble(DatasetSnapshot s) {
    return Entries.assemble(s, annotations.get(ALL), decisions.get(ALL), this::inherited);
  }

  /** Called when lineage edges were recorded: inherited classifications may have changed anywhere downstream. */
  void lineageChanged() {
    generation.incrementAndGet();
    entries.invalidateAll();
    indexFresh.invalidateAll();
  }

  /** Called by the scanner after it stored or removed a dataset. */
  /** A number that grows whenever anything in the catalog changes (caches built on it key by it). */
  long generation() {
    return generation.get();
  }

  void datasetChanged(QualifiedName dataset) {
    generation.incrementAndGet();
    entries.invalidate(dataset);
    Inheritance i = inheritance;
    if (i != null && i.hasDownstream(dataset)) {
      entries.invalidateAll();
      indexFresh.invalidateAll();
      return;
    }
    if (indexFresh.getIfPresent(ALL) != null) {
      Optional<DatasetEntry> e = entries.get(dataset);
      if (e.isPresent()) {
        index.update(e.get());
      } else {
        index.remove(dataset);
      }
    }
  }

  /** Called after a classification decision was stored. */
  void decisionsChanged(QualifiedName field) {
    generation.incrementAndGet();
    decisions.invalidateAll();
    datasetChanged(field.datasetName());
  }

  @Override
  public List<DataSource> sources() {
    return store.sources();
  }

  @Override
  public List<DatasetEntry> datasets(QualifiedName scope) {
    List<DatasetEntry> out = new ArrayList<>();
    for (QualifiedName n : store.datasetNames(scope)) {
      entries.get(n).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public Optional<DatasetEntry> dataset(QualifiedName name) {
    Objects.requireNonNull(name, "name");
    if (name.level() != QualifiedName.Level.DATASET) {
      throw new IllegalArgumentException("Not a dataset name: " + name + " (use field() for fields)");
    }
    return entries.get(name);
  }

  @Override
  public Optional<FieldEntry> field(QualifiedName name) {
    if (name.level() != QualifiedName.Level.FIELD) {
      throw new IllegalArgumentException("Not a field name: " + name);
    }
    return entries.get(name.datasetName()).flatMap(e -> e.fields().stream()
        .filter(f -> f.name().equals(name)).findFirst());
  }

  @Override
  public Annotations annotations(QualifiedName asset) {
    return annotations.get(ALL).getOrDefault(asset, Annotations.EMPTY);
  }

  @Override
  public Annotations annotate(QualifiedName asset, UnaryOperator<Annotations> change) {
    requireExists(asset);
    synchronized (annotateLock) {
      Annotations current = store.annotations(asset);
      Annotations updated = Objects.requireNonNull(change.apply(current), "the change returned null");
      store.putAnnotations(asset, updated);
      annotations.invalidateAll();
      generation.incrementAndGet();
      if (asset.level() == QualifiedName.Level.DATASET || asset.level() == QualifiedName.Level.FIELD) {
        datasetChanged(asset.datasetName());
      }
      return updated;
    }
  }

  /** Throws {@link AssetNotFoundException} unless the catalog knows {@code asset}. */
  void requireExists(QualifiedName asset) {
    boolean exists = switch (asset.level()) {
      case SOURCE -> store.sources().stream().anyMatch(s -> s.name().equals(asset.source()));
      case NAMESPACE -> !store.datasetNames(asset).isEmpty();
      case DATASET -> entries.get(asset).isPresent();
      case FIELD -> field(asset).isPresent();
    };
    if (!exists) {
      throw new AssetNotFoundException(asset);
    }
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    ensureIndex();
    return index.search(query);
  }

  private void ensureIndex() {
    synchronized (index) {
      if (indexFresh.getIfPresent(ALL) == null) {
        List<DatasetEntry> all = new ArrayList<>();
        for (DataSource s : store.sources()) {
          all.addAll(datasets(QualifiedName.source(s.name())));
        }
        index.rebuild(all);
        indexFresh.put(ALL, Boolean.TRUE);
      }
    }
  }

  @Override
  public List<SchemaChange> changes(QualifiedName scope, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return store.changes(scope, limit);
  }

  @Override
  public void close() {
    index.close();
  }
}
