package io.pursight.governance.profile;

/**
 * A data-quality score between 0 and 1 with its dimensions. See {@link #FORMULA}.
 *
 * @param score the weighted score
 * @param completeness share of non-null values
 * @param validity share of non-null values that are valid (see {@link #FORMULA}), or null when
 *     there were no values to judge
 * @param uniqueness distinct values over non-null values for fields expected to be unique (primary
 *     key), or null for other fields
 */
public record QualityScore(double score, double completeness, Double validity, Double uniqueness) {

  /**
   * How scores are computed. For a field over a sample of {@code n} rows with {@code v} non-null
   * values: completeness = v / n; validity = (v - blanks - decode errors - values failing the
   * validator of the field's best classification) / v; uniqueness = min(1, distinct / v) for
   * primary-key fields only. The score is the weighted mean of the defined dimensions with weights
   * completeness 0.4, validity 0.4, uniqueness 0.2 (weights of undefined dimensions are dropped and
   * the rest renormalised). A dataset's dimensions and score are the means over its fields. An
   * empty sample scores 1 on every dimension it can't judge.
   */
  public static final String FORMULA =
      "score = weighted mean(completeness 0.4, validity 0.4, uniqueness 0.2 [PK only]); "
          + "completeness = nonNull/rows; validity = (nonNull - blanks - decodeErrors - validatorFailures)/nonNull; "
          + "uniqueness = distinct/nonNull; dataset = mean over fields";
}
