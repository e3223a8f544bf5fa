package io.pursight.governance.spi;

import java.util.Optional;

/**
 * Resolves secret references of one scheme, e.g. {@code vault:db/password}. The runtime resolves
 * {@code env:} and {@code file:} itself. Found through {@link GovernancePlugin#secretProviders()}.
 */
public interface SecretProvider {

  /** The scheme handled, e.g. {@code vault}. */
  String scheme();

  /** The secret called {@code name} (the part after {@code scheme:}), if it exists. */
  Optional<String> resolve(String name);
}
