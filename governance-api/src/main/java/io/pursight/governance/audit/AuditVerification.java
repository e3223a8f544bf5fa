package io.pursight.governance.audit;

import java.util.List;

/**
 * The result of checking a hash-chained audit log.
 *
 * @param intact true when every record is present, unchanged and in order, and the log ends cleanly
 * @param records the number of records read
 * @param problems what is wrong, each naming the record (1-based line or sequence number): an
 *     edited record, a removed or reordered one, a torn last line
 */
public record AuditVerification(boolean intact, long records, List<String> problems) {

  /** Copies the list. */
  public AuditVerification {
    problems = List.copyOf(problems);
  }
}
