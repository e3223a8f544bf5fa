package io.pursight.governance.spi;

import io.pursight.governance.policy.PolicyService;

/** Creates a policy engine from configuration (e.g. a policy file). Found through {@link GovernancePlugin#policyProviders()}. */
public interface PolicyProvider {

  /** A stable name, e.g. {@code rules}. */
  String name();

  /** Creates the engine. @throws io.pursight.governance.ConfigurationException on invalid policies */
  PolicyService create(PluginConfig config);
}
