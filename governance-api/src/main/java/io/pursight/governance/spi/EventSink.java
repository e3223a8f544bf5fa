package io.pursight.governance.spi;

import io.pursight.governance.event.GovernanceEvent;

/**
 * Receives governance events (schema drift, classification changes, finished scans), e.g. to ship
 * them to a central catalog. Called from scan threads; implementations must be thread-safe and
 * should not block for long. Found through {@link GovernancePlugin#eventSinks()} or registered on
 * the builder.
 */
public interface EventSink extends AutoCloseable {

  /** Publishes {@code event}. An exception is logged and does not affect the scan. */
  void publish(GovernanceEvent event);

  /** Releases resources. */
  @Override
  default void close() {}

  /** Creates event sinks of one type from configuration. */
  interface Provider {
    /** The sink type, e.g. {@code http}. */
    String type();

    /** Creates a sink. @throws io.pursight.governance.ConfigurationException on bad settings */
    EventSink create(PluginConfig config);
  }
}
