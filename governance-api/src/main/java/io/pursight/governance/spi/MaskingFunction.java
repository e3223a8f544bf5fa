package io.pursight.governance.spi;

import java.util.Map;

/**
 * Masks one value. Implementations are type-aware (a masked number stays a number where the
 * function allows), deterministic where they say so, and never return the raw value or a part of
 * it beyond what their documentation promises to keep. Found through {@link
 * GovernancePlugin#maskingFunctions()}.
 */
public interface MaskingFunction {

  /** The name policies refer to, e.g. {@code redact}, {@code partial}. */
  String name();

  /**
   * Masks {@code value} (which may be null).
   *
   * @param parameters the function's parameters from the policy
   * @throws io.pursight.governance.ConfigurationException on invalid parameters
   */
  Object mask(Object value, Map<String, String> parameters);
}
