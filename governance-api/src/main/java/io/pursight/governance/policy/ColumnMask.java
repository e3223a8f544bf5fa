package io.pursight.governance.policy;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Map;
import java.util.Objects;

/**
 * A masking instruction for one field.
 *
 * @param field the field to mask
 * @param function the masking function name, e.g. {@code redact}, {@code partial}
 * @param parameters the function's parameters
 */
public record ColumnMask(QualifiedName field, String function, Map<String, String> parameters) {

  /** Validates the parts. */
  public ColumnMask {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(function, "function");
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
