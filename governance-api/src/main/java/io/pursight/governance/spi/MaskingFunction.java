package io.pursight.governance.spi;

import java.util.Map;

/**
 * Masks one value. Implementations are type-aware (a masked number stays a number where the
 * function allows), deterministic where they say so, and never return the raw value or a part of
 * it beyond what their documentation promises to keep. Found through {@link
 * GovernancePlugin#maskingFunctions()}. Thread-safe.
 */
public interface MaskingFunction {

  /** The name policies refer to, e.g. {@code redact}, {@code partial}. */
  String name();

  /**
   * Checks a policy's parameters once, when policies load.
   *
   * @throws IllegalArgumentException naming the bad parameter and the accepted values
   */
  default void validate(Map<String, String> parameters) {}

  /**
   * Masks {@code value} (which may be null).
   *
   * @param parameters the function's parameters from the policy
   * @param secrets resolves secret references in parameters (e.g. an HMAC key {@code env:MASK_KEY})
   * @throws IllegalArgumentException on invalid parameters
   */
  Object mask(Object value, Map<String, String> parameters, SecretResolver secrets);
}
