package io.pursight.governance.core.audit;

import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.audit.AuditService;
import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit service: appends events to every sink, synchronously ({@link #record}) or through a
 * background writer that appends queued events in batches with one sync each ({@link
 * #recordAsync}), so that hot paths (policy decisions) pay only a queue offer. {@link #close()}
 * drains the queue.
 */
public final class AuditLog implements AuditService, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_BATCH = 1000;
  private final List<AuditSink> sinks;
  private final LinkedBlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>(100_000);
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  /** An audit log over {@code sinks} (none: events are dropped). */
  public AuditLog(List<AuditSink> sinks) {
    this.sinks = List.copyOf(sinks);
    this.writer = new Thread(this::drainLoop, "pursight-audit-writer");
    writer.setDaemon(true);
    if (!this.sinks.isEmpty()) {
      writer.start();
    }
  }

  /** True when at least one sink is configured. */
  public boolean enabled() {
    return !sinks.isEmpty();
  }

  @Override
  public void record(AuditEvent event) {
    synchronized (this) {
      for (AuditSink s : sinks) {
        s.append(event);
      }
    }
  }

  @Override
  public void recordAsync(AuditEvent event) {
    if (sinks.isEmpty()) {
      return;
    }
    if (closed) {
      record(event);
      return;
    }
    queued.incrementAndGet();
    try {
      queue.put(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queued.decrementAndGet();
      record(event);
    }
  }

  private void drainLoop() {
    List<AuditEvent> batch = new ArrayList<>();
    while (true) {
      try {
        AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Audit writer failed to append {} events: {}", batch.size(), e.toString());
      } finally {
        written.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  private synchronized void write(List<AuditEvent> batch) {
    for (AuditSink s : sinks) {
      s.appendAll(batch);
    }
  }

  @Override
  public void flush() {
    long target = queued.get();
    while (written.get() < target && writer.isAlive()) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public List<AuditVerification> verify() {
    flush();
    List<AuditVerification> out = new ArrayList<>();
    synchronized (this) {
      for (AuditSink s : sinks) {
        out.add(s.verify());
      }
    }
    return out;
  }

  @Override
  public void close() {
    flush();
    closed = true;
    try {
      writer.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AuditSink s : sinks) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing audit sink {} failed: {}", s.getClass().getName(), e.toString());
      }
    }
  }
}
