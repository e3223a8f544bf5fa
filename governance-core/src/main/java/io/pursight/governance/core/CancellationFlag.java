package io.pursight.governance.core;

import io.pursight.governance.scan.CancellationToken;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A cancellation token that runs registered callbacks once, when cancelled. */
final class CancellationFlag implements CancellationToken {
  private static final Logger LOG = LoggerFactory.getLogger(CancellationFlag.class);
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CopyOnWriteArrayList<Runnable> actions = new CopyOnWriteArrayList<>();

  void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      for (Runnable r : actions) {
        run(r);
      }
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public AutoCloseable onCancel(Runnable action) {
    actions.add(action);
    if (cancelled.get()) {
      run(action);
    }
    return () -> actions.remove(action);
  }

  private static void run(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.debug("Cancellation callback failed: {}", e.toString());
    }
  }
}
