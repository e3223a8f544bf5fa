package io.pursight.governance.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, fixed-size pool: at most {@code size} connections are open or lent at once. Idle
 * connections are checked with {@link Connection#isValid} before they are lent again and replaced
 * when broken; lent connections come back in a clean state (auto-commit on).
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

  /** Opens one new connection. */
  @FunctionalInterface
  interface Factory {
    Connection open() throws SQLException;
  }

  private final Factory factory;
  private final BlockingQueue<Connection> idle;
  private final Semaphore permits;
  private final int size;
  private final long borrowTimeoutMillis;
  private volatile boolean closed;

  ConnectionPool(Factory factory, int size, long borrowTimeoutMillis) {
    this.factory = factory;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
    this.permits = new Semaphore(size, true);
    this.borrowTimeoutMillis = borrowTimeoutMillis;
  }

  /** Adds an already open connection (the one {@code connect} validated with). */
  void offer(Connection c) {
    if (!idle.offer(c)) {
      closeQuietly(c);
    }
  }

  int size() {
    return size;
  }

  /**
   * Lends a connection; give it back with {@link #release}.
   *
   * @throws SQLException when no connection could be opened, or none was free in time
   */
  Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("The connector is closed", "08003");
    }
    try {
      if (!permits.tryAcquire(borrowTimeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new java.sql.SQLTimeoutException("No pooled connection became free within " + borrowTimeoutMillis
            + " ms (pursight.poolSize=" + size + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a pooled connection", e);
    }
    try {
      Connection c;
      while ((c = idle.poll()) != null) {
        if (isUsable(c)) {
          return c;
        }
        LOG.debug("Replacing a broken pooled connection");
        closeQuietly(c);
      }
      return factory.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /**
   * Returns a lent connection.
   *
   * @param broken true when the caller saw it fail in a way that may have left it unusable
   */
  void release(Connection c, boolean broken) {
    try {
      if (c == null) {
        return;
      }
      boolean keep = !broken && !closed && reset(c);
      if (!keep || !idle.offer(c)) {
        closeQuietly(c);
      }
    } finally {
      permits.release();
    }
  }

  private static boolean reset(Connection c) {
    try {
      if (c.isClosed()) {
        return false;
      }
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      return true;
    } catch (SQLException e) {
      LOG.debug("Discarding a pooled connection that could not be reset: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  private static boolean isUsable(Connection c) {
    try {
      return !c.isClosed() && c.isValid(5);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Closing a connection failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Closes the idle connections now and lent ones when they come back. */
  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      closeQuietly(c);
    }
  }
}
