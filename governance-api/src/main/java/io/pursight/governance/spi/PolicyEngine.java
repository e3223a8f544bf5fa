package io.pursight.governance.spi;

import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.FieldFacts;
import java.util.List;

/**
 * Evaluates policies: a pure function from a request and its fields' facts to a decision. Created by
 * a {@link PolicyProvider}. Thread-safe.
 */
public interface PolicyEngine extends AutoCloseable {

  /**
   * Decides {@code request} over {@code facts} (one per field of the request, in its order).
   * Never returns null; a request no policy matches gets the engine's default effect.
   */
  Decision decide(AccessRequest request, List<FieldFacts> facts);

  /**
   * A token that changes whenever the policies change (e.g. reloaded from their file). The runtime
   * keys its decision cache with it.
   */
  String version();

  /** The ids of the loaded policies, in their order (empty when none are loaded). */
  default List<String> policyIds() {
    return List.of();
  }

  /** Registers a callback run after the policies changed (hot reload). */
  default void onChange(Runnable listener) {}

  /** Stops watching files and releases resources. */
  @Override
  default void close() {}
}
