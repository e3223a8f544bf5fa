package io.pursight.governance.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audited fact: who did what to which assets, and what was decided. Carries fingerprints and
 * names, never raw values.
 *
 * @param id a unique id
 * @param time when it happened
 * @param principal the principal id, or {@code anonymous}
 * @param action what was attempted (e.g. {@code READ}, {@code SCAN}, {@code CONFIRM_CLASSIFICATION})
 * @param assets the qualified names of the assets involved
 * @param outcome the decision or result (e.g. {@code ALLOW}, {@code DENY}, {@code OK})
 * @param statementFingerprint a hash of the normalised statement with literals removed, or null
 * @param attributes further facts (policy ids, row counts), never values
 */
public record AuditEvent(
    String id, Instant time, String principal, String action, List<String> assets, String outcome,
    String statementFingerprint, Map<String, String> attributes) {

  /** Validates the parts. */
  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    assets = assets == null ? List.of() : List.copyOf(assets);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
