package io.pursight.governance.policy;

import io.pursight.governance.catalog.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A row predicate for a dataset, with principal attributes bound as parameters (never spliced into
 * the SQL text).
 *
 * @param dataset the dataset to filter
 * @param predicate the SQL predicate with {@code ?} placeholders
 * @param parameters the values for the placeholders, in order
 */
public record RowFilter(QualifiedName dataset, String predicate, List<String> parameters) {

  /** Validates the parts. */
  public RowFilter {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(predicate, "predicate");
    parameters = List.copyOf(parameters);
  }
}
