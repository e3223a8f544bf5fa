package io.pursight.governance.spi;

import io.pursight.governance.audit.AuditEvent;

/**
 * Durably records audit events, e.g. as a hash-chained JSONL file or a database table. Found
 * through {@link GovernancePlugin#auditSinks()}.
 */
public interface AuditSink extends AutoCloseable {

  /** Appends {@code event}; returns once it is durable. */
  void append(AuditEvent event);

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
