package io.pursight.governance.classification;

import io.pursight.governance.catalog.QualifiedName;
import java.time.Instant;
import java.util.Objects;

/**
 * A person's verdict on an info type for a field. Decisions survive re-scans and can be exported as
 * labelled training data.
 *
 * @param field the field's qualified name
 * @param infoType the info type id
 * @param verdict {@link Classification.Status#CONFIRMED} or {@link Classification.Status#REJECTED}
 * @param decidedBy who decided
 * @param decidedAt when
 * @param note an optional free-text reason
 */
public record ClassificationDecision(
    QualifiedName field, String infoType, Classification.Status verdict, String decidedBy, Instant decidedAt,
    String note) {

  /** Validates the parts. */
  public ClassificationDecision {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(infoType, "infoType");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (field.level() != QualifiedName.Level.FIELD) {
      throw new IllegalArgumentException("Classification decisions apply to fields, not to " + field);
    }
    if (verdict != Classification.Status.CONFIRMED && verdict != Classification.Status.REJECTED) {
      throw new IllegalArgumentException("A decision is CONFIRMED or REJECTED, not " + verdict);
    }
    if (decidedBy == null || decidedBy.isBlank()) {
      throw new IllegalArgumentException("A decision needs the name of who made it");
    }
  }
}
