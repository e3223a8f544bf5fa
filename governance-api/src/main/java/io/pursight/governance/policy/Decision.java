package io.pursight.governance.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policy engine's answer to an {@link AccessRequest}.
 *
 * @param effect the overall effect: {@link Effect#DENY} refuses the request; otherwise the request
 *     proceeds with {@code masks} and {@code rowFilters} applied
 * @param masks per-field masking instructions
 * @param rowFilters per-dataset row predicates
 * @param policies the ids of the policies that decided
 * @param reason a human-readable explanation (no values)
 */
public record Decision(Effect effect, List<ColumnMask> masks, List<RowFilter> rowFilters, List<String> policies, String reason) {

  /** Validates the parts. */
  public Decision {
    Objects.requireNonNull(effect, "effect");
    masks = masks == null ? List.of() : List.copyOf(masks);
    rowFilters = rowFilters == null ? List.of() : List.copyOf(rowFilters);
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /** True unless the request is denied. */
  public boolean permitted() {
    return effect != Effect.DENY;
  }
}
