package io.pursight.governance.policy.compliance;

import org.quicktheories.QuickTheory;

/** Property tests draw from a fixed seed: the root pom passes it as QT_SEED (explore with -Dqt.seed=...). */
final class Seeds {
  /** The seed; QuickTheories prints it with any falsifying example. */
  static final long SEED = Long.parseLong(System.getProperty("QT_SEED", "20261126").replaceAll("\\$\\{.*}", "20261126"));

  private Seeds() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED);
  }
}
