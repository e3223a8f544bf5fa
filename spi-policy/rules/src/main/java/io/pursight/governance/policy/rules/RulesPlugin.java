package io.pursight.governance.policy.rules;

import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.PolicyEngine;
import io.pursight.governance.spi.PolicyProvider;
import java.util.List;
import java.util.Map;

/**
 * Contributes the {@code rules} policy provider: policies in YAML or JSON against info types,
 * categories, tags, sensitivity, datasets, columns and sources, with conditions on the principal
 * and purpose, and effects allow, deny, mask and filter. See {@link RulesEngine} for the settings
 * and {@code docs/policies.md} for the language.
 */
public final class RulesPlugin implements GovernancePlugin {

  /** The provider's name. */
  public static final String PROVIDER = "rules";

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public List<PolicyProvider> policyProviders() {
    return List.of(new Provider());
  }

  private static final class Provider implements PolicyProvider {
    @Override
    public String name() {
      return PROVIDER;
    }

    @Override
    public PolicyEngine create(PluginConfig config, Map<String, MaskingFunction> masking) {
      return RulesEngine.create(config, masking);
    }
  }
}
