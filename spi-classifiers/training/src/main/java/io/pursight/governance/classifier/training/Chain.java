package io.pursight.governance.classifier.training;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs classifiers on a column the way the runtime does (governance-core's {@code
 * ClassifierChain}): ascending tier then id, each seeing the merged results so far through {@link
 * Classifier.Context#previous()}, suggestions of unknown types dropped, and per info type the highest
 * confidence wins with evidence united.
 *
 * <p>{@link Merge#TIER3_OVERRIDES} is not what the runtime does today: it shows what a veto API would
 * give. A tier-3 classifier's suggestion then replaces the merged confidence of its type (confidence 0
 * removes the type), so a model can lower a lower tier's false positive.
 */
public final class Chain {

  /** How suggestions of one type are merged. */
  public enum Merge {
    /** The runtime's rule: the highest confidence wins. */
    MAX,
    /** Proposed: tier-3 suggestions replace lower tiers' confidence; 0 removes the type. */
    TIER3_OVERRIDES
  }

  private final List<Classifier> classifiers;
  private final InfoTypes infoTypes;
  private final Merge merge;

  /** A chain over {@code classifiers}. */
  public Chain(List<Classifier> classifiers, InfoTypes infoTypes, Merge merge) {
    List<Classifier> sorted = new ArrayList<>(classifiers);
    sorted.sort(Comparator.comparingInt(Classifier::tier).thenComparing(Classifier::id));
    this.classifiers = List.copyOf(sorted);
    this.infoTypes = infoTypes;
    this.merge = merge;
  }

  /** The classifiers, in running order. */
  public List<Classifier> classifiers() {
    return classifiers;
  }

  /** A column sample for a labelled column: non-null values, nulls counted. */
  public static ColumnSample sample(LabeledColumn c) {
    String dataset = c.dataset() == null || c.dataset().isBlank() ? "input" : c.dataset();
    return new ColumnSample(QualifiedName.dataset("input", null, null, dataset).child(c.field()), null, null,
        c.nonNullValues(), c.nullCount());
  }

  /** Classifies one column, best first. */
  public List<Classification> classify(ColumnSample sample) {
    Map<String, Classification> merged = new LinkedHashMap<>();
    for (Classifier c : classifiers) {
      List<Classification> found = c.classify(sample, new Classifier.Context(infoTypes, sorted(merged)));
      for (Classification f : found == null ? List.<Classification>of() : found) {
        if (infoTypes.find(f.infoType()).isEmpty()) {
          continue;
        }
        if (merge == Merge.TIER3_OVERRIDES && c.tier() >= 3) {
          if (f.confidence() <= 0.0) {
            merged.remove(f.infoType());
          } else {
            Classification prev = merged.get(f.infoType());
            LinkedHashSet<String> ev = new LinkedHashSet<>(f.evidence());
            if (prev != null) {
              ev.addAll(prev.evidence());
            }
            merged.put(f.infoType(), new Classification(f.infoType(), f.confidence(), List.copyOf(ev), f.classifier(),
                Classification.Status.SUGGESTED));
          }
        } else if (f.confidence() > 0.0) {
          merged.merge(f.infoType(), f, Chain::max);
        }
      }
    }
    return sorted(merged);
  }

  private static Classification max(Classification a, Classification b) {
    Classification best = b.confidence() > a.confidence() ? b : a;
    LinkedHashSet<String> evidence = new LinkedHashSet<>(best.evidence());
    evidence.addAll(best == a ? b.evidence() : a.evidence());
    return new Classification(best.infoType(), best.confidence(), List.copyOf(evidence), best.classifier(),
        Classification.Status.SUGGESTED);
  }

  private static List<Classification> sorted(Map<String, Classification> m) {
    List<Classification> out = new ArrayList<>(m.values());
    out.sort(Comparator.comparingDouble(Classification::confidence).reversed().thenComparing(Classification::infoType));
    return out;
  }
}
