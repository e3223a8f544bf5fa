package io.pursight.governance.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: a user or service with roles, groups and attributes (for attribute-based rules,
 * e.g. {@code region = EU}).
 *
 * @param id the user or service id
 * @param roles role names
 * @param groups group names
 * @param attributes further attributes
 */
public record Principal(String id, Set<String> roles, Set<String> groups, Map<String, String> attributes) {

  /** Validates the parts and copies the collections. */
  public Principal {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A principal needs a non-blank id");
    }
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A principal with an id and roles only. */
  public static Principal of(String id, String... roles) {
    return new Principal(id, Set.of(roles), Set.of(), Map.of());
  }
}
