package io.pursight.governance.policy;

import io.pursight.governance.catalog.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question for the policy engine: may {@code principal} perform {@code action} on these fields?
 *
 * @param principal who asks
 * @param action what they want to do
 * @param fields the fields touched (for a dataset-level action, its fields)
 * @param purpose the declared purpose (e.g. {@code analytics}), or null
 * @param context further request facts (client, statement kind), never values
 */
public record AccessRequest(
    Principal principal, Action action, List<QualifiedName> fields, String purpose, Map<String, String> context) {

  /** Validates the parts. */
  public AccessRequest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    fields = List.copyOf(fields);
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
