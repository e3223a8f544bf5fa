package io.pursight.governance.spi;

import io.pursight.governance.audit.AuditEvent;

/**
 * Durably records audit events as a hash-chained log (each record carries the hash of the previous
 * one), e.g. a JSONL file or a database table. Found through {@link GovernancePlugin#auditSinks()}.
 */
public interface AuditSink extends AutoCloseable {

  /** Appends {@code event}; returns once it is durable. */
  void append(AuditEvent event);

  /** Appends several events in order; returns once all are durable (one sync for the batch). */
  default void appendAll(java.util.List<AuditEvent> events) {
    events.forEach(this::append);
  }

  /** Checks the whole log: every record present, unchanged, in order; a clean end. */
  io.pursight.governance.audit.AuditVerification verify();

  /** Releases resources. */
  @Override
  void close();

  /** Creates audit sinks of one type from configuration. */
  interface Provider {
    /** The sink type, e.g. {@code jsonl}. */
    String type();

    /** Creates a sink. @throws io.pursight.governance.ConfigurationException on bad settings */
    AuditSink create(PluginConfig config);
  }
}
