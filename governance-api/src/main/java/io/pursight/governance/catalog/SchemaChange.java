package io.pursight.governance.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A structural change a re-scan detected (schema drift).
 *
 * @param kind what changed
 * @param asset the dataset or field that changed
 * @param before the previous state in short text form (e.g. the old type), or null
 * @param after the new state, or null
 * @param detectedAt when the scan saw it
 * @param scanId the scan that saw it
 */
public record SchemaChange(Kind kind, QualifiedName asset, String before, String after, Instant detectedAt, String scanId) {

  /** Kinds of structural change. */
  public enum Kind {
    /** A dataset appeared. */
    DATASET_ADDED,
    /** A dataset disappeared from its source. */
    DATASET_REMOVED,
    /** A view's SQL or a dataset's kind changed. */
    DATASET_CHANGED,
    /** A field appeared. */
    FIELD_ADDED,
    /** A field disappeared. */
    FIELD_REMOVED,
    /** A field's declared type changed. */
    FIELD_RETYPED,
    /** A field's nullability changed. */
    FIELD_NULLABILITY_CHANGED,
    /** The primary key or the foreign keys changed. */
    KEYS_CHANGED
  }

  /** Validates the parts. */
  public SchemaChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(detectedAt, "detectedAt");
  }
}
