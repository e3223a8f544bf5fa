package io.pursight.governance.spi;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.ClassificationDecision;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the catalog persists. Three kinds of data are kept apart so that re-scans can never
 * overwrite what people set: scan snapshots (replaced per dataset, atomically), annotations, and
 * classification decisions.
 *
 * <p>Implementations are thread-safe. Every write is atomic: after a failure ({@link
 * io.pursight.governance.StoreException}) the previous state is intact.
 */
public interface CatalogStore extends AutoCloseable {

  /** Adds or replaces a source. */
  void putSource(DataSource source);

  /** Every source, sorted by name. */
  List<DataSource> sources();

  /** The snapshot of {@code dataset}, if stored. */
  Optional<DatasetSnapshot> snapshot(QualifiedName dataset);

  /** The names of the stored datasets under {@code scope} (a source, namespace or dataset name). */
  List<QualifiedName> datasetNames(QualifiedName scope);

  /** Stores {@code snapshot}, replacing the dataset's previous snapshot atomically. */
  void putSnapshot(DatasetSnapshot snapshot);

  /** Removes a dataset's snapshot (its annotations and decisions are kept). */
  void removeSnapshot(QualifiedName dataset);

  /** The annotations of {@code asset}, {@link Annotations#EMPTY} when none. */
  Annotations annotations(QualifiedName asset);

  /** Every asset's non-empty annotations. */
  Map<QualifiedName, Annotations> allAnnotations();

  /** Stores annotations; {@link Annotations#EMPTY} deletes them. */
  void putAnnotations(QualifiedName asset, Annotations annotations);

  /** Every decision, oldest first. */
  List<ClassificationDecision> decisions();

  /** Stores a decision, replacing an earlier one on the same field and info type. */
  void putDecision(ClassificationDecision decision);

  /** Appends detected changes. */
  void appendChanges(List<SchemaChange> changes);

  /** The changes under {@code scope}, newest first, at most {@code limit}. */
  List<SchemaChange> changes(QualifiedName scope, int limit);

  /** Adds lineage edges; an edge equal to a stored one (same source, target, transform) is kept once. */
  void putLineage(java.util.Collection<io.pursight.governance.lineage.LineageEdge> edges);

  /** Every stored lineage edge. */
  List<io.pursight.governance.lineage.LineageEdge> lineage();

  /** Releases resources. */
  @Override
  void close();
}
