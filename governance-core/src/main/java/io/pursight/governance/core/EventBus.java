package io.pursight.governance.core;

import io.pursight.governance.event.GovernanceEvent;
import io.pursight.governance.spi.EventSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to every sink; a failing sink is logged and never affects the caller. */
final class EventBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private final List<EventSink> sinks;

  EventBus(List<EventSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  void publish(GovernanceEvent event) {
    for (EventSink s : sinks) {
      try {
        s.publish(event);
      } catch (RuntimeException e) {
        LOG.warn("Event sink {} failed on a {} event: {}", s.getClass().getName(), event.getClass().getSimpleName(),
            e.toString());
      }
    }
  }

  @Override
  public void close() {
    for (EventSink s : sinks) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.warn("Event sink {} failed to close: {}", s.getClass().getName(), e.toString());
      }
    }
  }
}
