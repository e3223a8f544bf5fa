package io.pursight.governance.spi;

import io.pursight.governance.policy.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * Tells who is behind a request (a JDBC connection, a thread) from what the host provides, e.g.
 * connection properties or a security context. Found through {@link
 * GovernancePlugin#principalResolvers()}.
 */
public interface PrincipalResolver {

  /** The principal for {@code context} (connection properties and the like), if this resolver knows it. */
  Optional<Principal> resolve(Map<String, String> context);
}
