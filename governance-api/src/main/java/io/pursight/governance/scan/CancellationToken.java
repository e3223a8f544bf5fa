package io.pursight.governance.scan;

/**
 * Lets long-running work notice cancellation. Connectors register a callback that aborts the
 * running statement and close the returned handle when the statement is done.
 */
public interface CancellationToken {

  /** A token that is never cancelled. */
  CancellationToken NONE = new CancellationToken() {
    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
      return () -> { };
    }
  };

  /** True once cancellation was requested. */
  boolean isCancelled();

  /**
   * Runs {@code action} when cancellation is requested (at once if it already was) until the
   * returned handle is closed. {@code action} must be quick and must not throw.
   */
  AutoCloseable onCancel(Runnable action);
}
