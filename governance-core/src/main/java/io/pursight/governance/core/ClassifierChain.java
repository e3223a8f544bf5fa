package io.pursight.governance.core;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs classifiers in tier order on one column and merges their suggestions: per info type the
 * highest confidence wins and evidence is united, except that a classifier which {@linkplain
 * Classifier#overridesLowerTiers() overrides lower tiers} replaces the confidence of each type it
 * returns and removes types it returns with confidence 0. Suggestions of unknown info types are
 * dropped with a warning; zero-confidence suggestions of ordinary classifiers are ignored.
 */
final class ClassifierChain {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierChain.class);
  private final List<Classifier> classifiers;
  private final InfoTypes infoTypes;

  ClassifierChain(List<Classifier> classifiers, InfoTypes infoTypes) {
    List<Classifier> sorted = new ArrayList<>(classifiers);
    sorted.sort(Comparator.comparingInt(Classifier::tier).thenComparing(Classifier::id));
    this.classifiers = List.copyOf(sorted);
    this.infoTypes = infoTypes;
  }

  /** Closes classifiers that hold resources (e.g. a model session). */
  void close() {
    for (Classifier c : classifiers) {
      if (c instanceof AutoCloseable a) {
        try {
          a.close();
        } catch (Exception e) {
          LOG.warn("Closing classifier '{}' failed: {}", c.id(), e.toString());
        }
      }
    }
  }

  boolean isEmpty() {
    return classifiers.isEmpty();
  }

  InfoTypes infoTypes() {
    return infoTypes;
  }

  List<String> ids() {
    return classifiers.stream().map(Classifier::id).toList();
  }

  /**
   * Classifies one column, best first.
   *
   * @throws ClassifierFailure when a classifier throws; the message names it
   */
  List<Classification> classify(ColumnSample sample) {
    Map<String, Classification> merged = new LinkedHashMap<>();
    for (Classifier c : classifiers) {
      List<Classification> found;
      try {
        found = c.classify(sample, new Classifier.Context(infoTypes, sorted(merged)));
      } catch (RuntimeException e) {
        throw new ClassifierFailure("Classifier '" + c.id() + "' failed on " + sample.name().displayName() + ": "
            + e.getClass().getSimpleName(), e);
      }
      for (Classification f : found == null ? List.<Classification>of() : found) {
        if (infoTypes.find(f.infoType()).isEmpty()) {
          LOG.warn("Classifier '{}' suggested unknown info type '{}' for {}; ignored. Register the type first.",
              c.id(), f.infoType(), sample.name().displayName());
          continue;
        }
        if (c.overridesLowerTiers()) {
          override(merged, f);
        } else if (f.confidence() > 0) {
          merged.merge(f.infoType(), f, ClassifierChain::merge);
        }
      }
    }
    return sorted(merged);
  }

  /** An overriding classifier's verdict: its confidence replaces the merged one; 0 vetoes the type. */
  private static void override(Map<String, Classification> merged, Classification f) {
    Classification before = merged.get(f.infoType());
    if (f.confidence() == 0) {
      if (before != null) {
        LOG.debug("Classifier '{}' vetoed {} (was {})", f.classifier(), f.infoType(), before.confidence());
      }
      merged.remove(f.infoType());
      return;
    }
    if (before == null) {
      merged.put(f.infoType(), f);
      return;
    }
    LinkedHashSet<String> evidence = new LinkedHashSet<>(before.evidence());
    evidence.addAll(f.evidence());
    merged.put(f.infoType(), new Classification(f.infoType(), f.confidence(), List.copyOf(evidence), f.classifier(),
        Classification.Status.SUGGESTED));
  }

  private static Classification merge(Classification a, Classification b) {
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

  /** A classifier threw; isolated per column by the scan. */
  static final class ClassifierFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClassifierFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
