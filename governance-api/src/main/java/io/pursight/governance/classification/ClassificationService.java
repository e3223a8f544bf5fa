package io.pursight.governance.classification;

import io.pursight.governance.catalog.QualifiedName;
import java.util.List;

/**
 * Classification of sensitive data: runs the classifier plugins on samples and records people's
 * verdicts. Thread-safe.
 */
public interface ClassificationService {

  /** The info types known to this instance (built-in plus registered ones). */
  InfoTypes infoTypes();

  /**
   * Classifies one column sample through every classifier plugin, best first. An empty list means
   * nothing sensitive was found.
   */
  List<Classification> classify(ColumnSample sample);

  /**
   * Confirms that {@code field} holds {@code infoType}. The confirmation is kept on re-scans.
   *
   * @throws io.pursight.governance.AssetNotFoundException when the field is not in the catalog
   * @throws IllegalArgumentException when the info type is unknown
   */
  void confirm(QualifiedName field, String infoType, String decidedBy, String note);

  /**
   * Rejects {@code infoType} for {@code field}: classifiers' suggestions of that type for that field
   * are suppressed on every later scan.
   *
   * @throws io.pursight.governance.AssetNotFoundException when the field is not in the catalog
   * @throws IllegalArgumentException when the info type is unknown
   */
  void reject(QualifiedName field, String infoType, String decidedBy, String note);

  /** Every recorded verdict, oldest first: labelled data for re-training classifiers. */
  List<ClassificationDecision> decisions();

  /**
   * The fields of {@code source} that people confirmed or rejected info types on, each with values
   * sampled afresh (verdicts hold no values), ready to train a model on. Reads raw values: the
   * result must be kept where the source's data may be kept.
   *
   * @throws io.pursight.governance.ConfigurationException when the source is not registered
   * @throws io.pursight.governance.SourceException when the source cannot be reached
   */
  FeedbackExport exportFeedback(String source, io.pursight.governance.scan.SampleSpec spec);
}
