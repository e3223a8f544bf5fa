package io.pursight.governance.spi;

/**
 * Creates a policy engine from configuration (e.g. a policy file). Found through {@link
 * GovernancePlugin#policyProviders()}.
 */
public interface PolicyProvider {

  /** A stable name, e.g. {@code rules}. */
  String name();

  /**
   * Creates the engine.
   *
   * @param config the engine's settings (e.g. the policy file)
   * @param masking the masking functions available, by name, to validate policies against
   * @throws io.pursight.governance.ConfigurationException on invalid policies, naming the file,
   *     line and reason
   */
  PolicyEngine create(PluginConfig config, java.util.Map<String, MaskingFunction> masking);
}
