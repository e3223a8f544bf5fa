package io.pursight.governance.policy;

/** Decides access requests against the loaded policies. Thread-safe. */
public interface PolicyService {

  /** Decides {@code request}; never returns null. */
  Decision decide(AccessRequest request);
}
