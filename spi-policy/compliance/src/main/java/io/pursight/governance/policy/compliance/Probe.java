package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.PolicyService;
import io.pursight.governance.policy.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the policy service what a synthetic principal would get when reading one field: a READ of
 * that field alone, by principal {@value #PRINCIPAL} holding one role (or none), with no purpose and
 * the request context {@code origin=compliance-check}. Answers are memoised for the evaluation.
 */
final class Probe {
  /** The id of the synthetic principal (it shows up in the audit log). */
  static final String PRINCIPAL = "compliance-probe";
  /** The request context the probes carry, so audit readers can tell them from real reads. */
  static final Map<String, String> CONTEXT = Map.of("origin", "compliance-check");

  private final PolicyService policies;
  private final Map<String, Map<QualifiedName, Outcome>> memo = new HashMap<>();

  /**
   * What a probe found.
   *
   * @param decision the decision, or null when there is no policy service or it failed
   * @param failure why there is no decision ({@code null} when there is one)
   * @param protects true when the field is denied or masked
   */
  record Outcome(Decision decision, String failure, boolean protects) {

    /** True when some policy decided (the decision names policies). */
    boolean anyPolicy() {
      return decision != null && !decision.policies().isEmpty();
    }

    /** True when the decision restricts the read: deny, a mask, or a row filter. */
    boolean restricts() {
      return decision != null && (decision.effect() != Effect.ALLOW || !decision.masks().isEmpty()
          || !decision.rowFilters().isEmpty());
    }
  }

  Probe(PolicyService policies) {
    this.policies = policies;
  }

  boolean available() {
    return policies != null;
  }

  /** What a principal holding {@code role} (empty: no role) gets when reading {@code field}. */
  Outcome read(QualifiedName field, String role) {
    return memo.computeIfAbsent(role, r -> new HashMap<>()).computeIfAbsent(field, f -> ask(f, role));
  }

  private Outcome ask(QualifiedName field, String role) {
    if (policies == null) {
      return new Outcome(null, "no policy service is configured", false);
    }
    Principal principal = new Principal(PRINCIPAL, role.isEmpty() ? Set.of() : Set.of(role), Set.of(), Map.of());
    Decision d;
    try {
      d = policies.decide(new AccessRequest(principal, Action.READ, List.of(field), null, CONTEXT));
    } catch (RuntimeException e) {
      return new Outcome(null, "the policy decision failed: " + e.getClass().getSimpleName(), false);
    }
    if (d == null) {
      return new Outcome(null, "the policy service returned no decision", false);
    }
    boolean masked = d.masks().stream().anyMatch(m -> m.field().equals(field));
    return new Outcome(d, null, d.effect() == Effect.DENY || masked);
  }
}
