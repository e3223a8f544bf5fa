package io.pursight.governance.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The catalog: what datasets exist, what they contain, what people say about them, and search.
 * Thread-safe; results are immutable snapshots.
 */
public interface CatalogService {

  /** The registered sources. */
  List<DataSource> sources();

  /** The datasets under {@code scope} (a source, a namespace or a single dataset), sorted by name. */
  List<DatasetEntry> datasets(QualifiedName scope);

  /** The dataset called {@code name}, if the catalog has it. */
  Optional<DatasetEntry> dataset(QualifiedName name);

  /** The field called {@code name}, if the catalog has it. */
  Optional<FieldEntry> field(QualifiedName name);

  /** The annotations of any asset (empty when none are set). */
  Annotations annotations(QualifiedName asset);

  /**
   * Atomically replaces the annotations of {@code asset} with {@code change} applied to the current
   * ones, and returns the result. Annotations survive re-scans.
   *
   * @throws io.pursight.governance.AssetNotFoundException when the asset is not in the catalog
   */
  Annotations annotate(QualifiedName asset, UnaryOperator<Annotations> change);

  /** Sets the description of {@code asset} (null clears it). */
  default Annotations describe(QualifiedName asset, String description) {
    return annotate(asset, a -> a.withDescription(description));
  }

  /** Replaces the owners of {@code asset}. */
  default Annotations setOwners(QualifiedName asset, Collection<String> owners) {
    return annotate(asset, a -> a.withOwners(owners));
  }

  /** Adds tags to {@code asset}. */
  default Annotations tag(QualifiedName asset, Tag... tags) {
    return annotate(asset, a -> {
      Set<Tag> all = new java.util.TreeSet<>(a.tags());
      all.addAll(List.of(tags));
      return a.withTags(all);
    });
  }

  /** Removes tags from {@code asset}. */
  default Annotations untag(QualifiedName asset, Tag... tags) {
    return annotate(asset, a -> {
      Set<Tag> all = new java.util.TreeSet<>(a.tags());
      List.of(tags).forEach(all::remove);
      return a.withTags(all);
    });
  }

  /** Adds glossary terms to {@code asset}. */
  default Annotations addTerms(QualifiedName asset, GlossaryTerm... terms) {
    return annotate(asset, a -> {
      Set<GlossaryTerm> all = new java.util.TreeSet<>(a.terms());
      all.addAll(List.of(terms));
      return a.withTerms(all);
    });
  }

  /** Removes glossary terms from {@code asset}. */
  default Annotations removeTerms(QualifiedName asset, GlossaryTerm... terms) {
    return annotate(asset, a -> {
      Set<GlossaryTerm> all = new java.util.TreeSet<>(a.terms());
      List.of(terms).forEach(all::remove);
      return a.withTerms(all);
    });
  }

  /**
   * Searches datasets and fields by name, description, comment, tag, glossary term, owner and info
   * type, best first.
   *
   * @throws io.pursight.governance.InvalidQueryException when the query text cannot be parsed
   */
  List<SearchHit> search(SearchQuery query);

  /** The structural changes detected under {@code scope}, newest first, at most {@code limit}. */
  List<SchemaChange> changes(QualifiedName scope, int limit);
}
