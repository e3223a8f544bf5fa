package io.pursight.governance.spi;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import java.util.List;

/**
 * Detects info types in a column from its name, type, comment and sampled values. Thread-safe and
 * side-effect free. Classifiers run in ascending {@link #tier()} order; each sees what lower tiers
 * found through {@link Context#previous()}. The runtime merges results per info type (highest
 * confidence wins, evidence is united), except for classifiers that {@link #overridesLowerTiers()
 * override lower tiers}.
 */
public interface Classifier {

  /** A stable id, reported in {@link Classification#classifier()}. */
  String id();

  /** 1 = patterns and validators, 2 = names, dictionaries and statistics, 3 = models. */
  default int tier() {
    return 1;
  }

  /**
   * Whether this classifier's verdicts replace those of lower tiers instead of being merged with
   * them. When true, for every info type it returns, its confidence replaces the merged one
   * (evidence is united), and a returned confidence of 0 removes the type altogether (a veto).
   * Types it does not return are left as lower tiers found them. Meant for models that learn to
   * confirm or reject lower tiers' suggestions; default false.
   */
  default boolean overridesLowerTiers() {
    return false;
  }

  /**
   * Info types this classifier may report beyond the built-in ones (e.g. custom types a user
   * defined in the classifier's configuration). The runtime registers them when it starts; an id
   * that clashes with a built-in or another classifier's type is refused at start-up.
   */
  default java.util.Collection<io.pursight.governance.classification.InfoType> infoTypes() {
    return List.of();
  }

  /**
   * Classifies one column. Returns suggestions (status SUGGESTED) with confidence and evidence;
   * evidence must never quote values.
   */
  List<Classification> classify(ColumnSample sample, Context context);

  /**
   * What the runtime tells a classifier besides the sample.
   *
   * @param infoTypes the known info types
   * @param previous what lower tiers found for this column
   */
  record Context(InfoTypes infoTypes, List<Classification> previous) {
    /** Copies the list. */
    public Context {
      previous = List.copyOf(previous);
    }
  }
}
