package io.pursight.governance.scan;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Objects;

/**
 * A failure isolated by the scan: it cost one source, dataset or column, never the whole scan.
 *
 * @param source the source's name
 * @param asset the dataset or field concerned, or null for a source-level failure
 * @param stage where it happened
 * @param message what happened and what to do; never raw values
 */
public record ScanError(String source, QualifiedName asset, Stage stage, String message) {

  /** The scan stage that failed. */
  public enum Stage {
    /** Connecting to the source. */
    CONNECT,
    /** Listing datasets. */
    DISCOVER,
    /** Reading a dataset's metadata. */
    DESCRIBE,
    /** Reading values. */
    SAMPLE,
    /** Running classifiers. */
    CLASSIFY,
    /** Computing profiles. */
    PROFILE,
    /** Deriving lineage from a view's SQL. */
    LINEAGE,
    /** Writing to the catalog store. */
    STORE
  }

  /** Validates the parts. */
  public ScanError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return stage + " " + (asset != null ? asset.displayName() : source) + ": " + message;
  }
}
