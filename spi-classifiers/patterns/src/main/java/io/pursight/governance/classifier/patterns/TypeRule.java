package io.pursight.governance.classifier.patterns;

/**
 * Column-level thresholds of one info type.
 *
 * @param minRatio the hit ratio (over non-null values) at which values alone report the type
 * @param minRatioWithName the hit ratio needed when the column name supports the type
 * @param minValues the hits needed when values alone report the type
 * @param minDistinct the distinct values a column needs (e.g. 2 for gender: a column of "other" is not)
 * @param maxDistinct the distinct values a column may have (e.g. gender codes are few), 0 for no limit
 */
record TypeRule(double minRatio, double minRatioWithName, int minValues, int minDistinct, int maxDistinct) {

  /** Most types: 60% of values alone, 30% with a supporting name. */
  static final TypeRule DEFAULT = new TypeRule(0.6, 0.3, 1, 0, 0);

  /** Types whose values prove little alone: the values must agree with the name. */
  static final TypeRule CONTEXT = new TypeRule(1.01, 0.6, 1, 0, 0);

  static TypeRule of(double minRatio, double minRatioWithName, int minValues) {
    return new TypeRule(minRatio, minRatioWithName, minValues, 0, 0);
  }

  TypeRule distinct(int min, int max) {
    return new TypeRule(minRatio, minRatioWithName, minValues, min, max);
  }
}
