package io.pursight.governance.lineage;

import java.util.Objects;

/**
 * A statement that could not be analysed. Reported instead of lineage that might be wrong.
 *
 * @param index the 0-based position of the statement in its script
 * @param message what is wrong and, where possible, what to do; never literal values beyond the
 *     offending token
 * @param line the 1-based line in the script, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record LineageError(int index, String message, int line, int column) {

  /** Validates the parts. */
  public LineageError {
    Objects.requireNonNull(message, "message");
  }
}
