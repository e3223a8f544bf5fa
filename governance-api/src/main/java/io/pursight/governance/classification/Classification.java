package io.pursight.governance.classification;

import java.util.List;
import java.util.Objects;

/**
 * A statement that a field holds values of an info type, with a confidence and the evidence for it.
 *
 * @param infoType the info type id, e.g. {@code EMAIL_ADDRESS}
 * @param confidence 0..1; by convention 0.65 for pattern only, 0.75 with a passed checksum, 0.85 and
 *     more with supporting evidence (name, context, hit ratio)
 * @param evidence human-readable reasons, e.g. {@code "48/50 values pass Luhn"}; never raw values
 * @param classifier the id of the classifier that produced it, or {@code user} for a manual one
 * @param status whether a person confirmed or rejected it
 */
public record Classification(
    String infoType, double confidence, List<String> evidence, String classifier, Status status) {

  /** Whether a classification is a machine suggestion or a human verdict. */
  public enum Status {
    /** Produced by a classifier, not reviewed. */
    SUGGESTED,
    /** Confirmed by a person; kept on re-scans even if classifiers stop finding it. */
    CONFIRMED,
    /** Rejected by a person; classifiers' suggestions of this type are suppressed on re-scans. */
    REJECTED
  }

  /** Validates the parts. */
  public Classification {
    Objects.requireNonNull(infoType, "infoType");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(status, "status");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("Confidence must be within 0..1, got " + confidence + " for " + infoType);
    }
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A classifier's suggestion. */
  public static Classification suggested(String infoType, double confidence, String classifier, List<String> evidence) {
    return new Classification(infoType, confidence, evidence, classifier, Status.SUGGESTED);
  }

  /** A copy with another status. */
  public Classification withStatus(Status newStatus) {
    return new Classification(infoType, confidence, evidence, classifier, newStatus);
  }

  /** True unless a person rejected it. */
  public boolean isActive() {
    return status != Status.REJECTED;
  }
}
