package io.pursight.governance.policy.compliance;

import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Severity;
import java.util.List;

/**
 * The framework score, 0..100: the severity-weighted mean over the applicable controls (those that
 * checked at least one asset) of the share of their assets that passed.
 *
 * <pre>
 *   score = 100 × Σ w(c) × (checked(c) − failed(c)) / checked(c)  ÷  Σ w(c)      over controls with checked(c) &gt; 0
 *   w = LOW 1, MEDIUM 2, HIGH 4, CRITICAL 8   (the control's severity)
 * </pre>
 *
 * rounded down to one decimal (so 100 means no failure at all, and a score is never overstated); 100
 * when no control applies. Every control weighs the same whatever the size of the catalog, and
 * within a control every asset fixed counts.
 */
public final class Score {
  private Score() {}

  /** The weight of a control of this severity. */
  public static int weight(Severity s) {
    return switch (s) {
      case LOW -> 1;
      case MEDIUM -> 2;
      case HIGH -> 4;
      case CRITICAL -> 8;
    };
  }

  /**
   * The score of per-control results.
   *
   * @param results the control results
   * @param severities each result's control severity, in the same order
   */
  public static double of(List<ControlResult> results, List<Severity> severities) {
    if (results.size() != severities.size()) {
      throw new IllegalArgumentException(results.size() + " results but " + severities.size() + " severities");
    }
    double weighted = 0;
    long weights = 0;
    for (int i = 0; i < results.size(); i++) {
      ControlResult r = results.get(i);
      if (r.checked() <= 0) {
        continue;
      }
      if (r.failed() < 0 || r.failed() > r.checked()) {
        throw new IllegalArgumentException("Control " + r.control() + " failed " + r.failed() + " of " + r.checked());
      }
      int w = weight(severities.get(i));
      weighted += w * (double) (r.checked() - r.failed()) / r.checked();
      weights += w;
    }
    if (weights == 0) {
      return 100.0;
    }
    // floor to one decimal; the epsilon keeps 75.0 computed as 74.99999999999999 at 75.0
    double tenths = Math.floor(1000.0 * weighted / weights + 1e-9);
    return Math.min(1000.0, Math.max(0.0, tenths)) / 10.0;
  }
}
