package io.pursight.governance.classifier.patterns;

/** The real check of one value (already trimmed and matched by the detector's pattern). Never throws. */
@FunctionalInterface
interface ValueCheck {
  /** Accepts every value: for detectors whose pattern is the whole check. */
  ValueCheck NONE = v -> true;

  boolean test(String value);
}
