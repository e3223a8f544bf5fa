package io.pursight.governance.audit;

/** Records audit events into the configured audit sinks. Thread-safe. */
public interface AuditService {

  /** Appends {@code event}; returns once every sink has durably accepted it. */
  void record(AuditEvent event);

  /**
   * Queues {@code event} for appending by a background writer that syncs in batches (for hot paths
   * such as policy decisions); {@link #flush()} waits for queued events.
   */
  void recordAsync(AuditEvent event);

  /** Waits until every queued event is durable. */
  void flush();

  /** Verifies every sink's log. */
  java.util.List<AuditVerification> verify();
}
