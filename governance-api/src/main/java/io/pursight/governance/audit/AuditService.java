package io.pursight.governance.audit;

/** Records audit events into the configured audit sinks. Thread-safe. */
public interface AuditService {

  /** Appends {@code event}; returns once every sink has durably accepted it. */
  void record(AuditEvent event);
}
