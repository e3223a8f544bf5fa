package io.pursight.governance.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on reading values from one dataset: at most {@code maxRows} rows and at most {@code
 * timeout} of wall-clock time, whichever comes first.
 *
 * @param maxRows the row budget, 1..1,000,000
 * @param timeout the time budget, at least one second
 */
public record SampleSpec(int maxRows, Duration timeout) {

  /** 1,000 rows within 10 seconds. */
  public static final SampleSpec DEFAULT = new SampleSpec(1000, Duration.ofSeconds(10));

  /** Validates the bounds. */
  public SampleSpec {
    Objects.requireNonNull(timeout, "timeout");
    if (maxRows < 1 || maxRows > 1_000_000) {
      throw new IllegalArgumentException("sample rows must be within 1..1000000, got " + maxRows);
    }
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("sample timeout must be at least 1s, got " + timeout);
    }
  }
}
