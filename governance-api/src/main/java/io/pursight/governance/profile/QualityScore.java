package io.pursight.governance.profile;

/**
 * A data-quality score between 0 and 1 with its dimensions. See {@link #FORMULA}.
 *
 * @param score the weighted score
 * @param completeness share of non-null values
 * @param validity share of judged cells (non-null values plus decode failures) holding a valid
 *     value (see {@link #FORMULA}), or null when there was nothing to judge
 * @param uniqueness distinct values over non-null values for fields expected to be unique (the
 *     single column of a primary key), or null for other fields
 */
public record QualityScore(double score, double completeness, Double validity, Double uniqueness) {

  /**
   * How scores are computed. For a field over a sample of {@code n} rows with {@code v} non-null
   * values and {@code e} cells that failed to decode: completeness = v / n (1 when n = 0);
   * validity = (v - blanks - nonConforming) / (v + e), where nonConforming counts the non-blank
   * values of a text field that fall outside its dominant value class (integer, decimal, ISO-like
   * date/time, boolean words) when one class covers at least 90% of them; uniqueness = min(1,
   * distinct / v) for the single column of a primary key only (a composite key's columns repeat by design). The score is the weighted mean of the defined
   * dimensions with weights completeness 0.4, validity 0.4, uniqueness 0.2 (weights of undefined
   * dimensions are dropped and the rest renormalised), rounded to 4 decimals. A dataset's
   * dimensions and score are the means over its fields where defined; a dataset without profiled
   * fields has no score. An empty sample has completeness 1 and score 1; validity and uniqueness
   * are null.
   */
  public static final String FORMULA =
      "score = weighted mean of defined dimensions (completeness 0.4, validity 0.4, uniqueness 0.2 [PK only]),"
          + " renormalised, rounded to 4 decimals; completeness = nonNull/rows (1 when rows = 0);"
          + " validity = (nonNull - blanks - nonConforming)/(nonNull + decodeErrors), null when nothing to judge;"
          + " nonConforming = non-blank values of a text field outside its dominant value class (>= 90%);"
          + " uniqueness = min(1, distinct/nonNull); dataset = mean over fields where defined (no fields: no score)";
}
