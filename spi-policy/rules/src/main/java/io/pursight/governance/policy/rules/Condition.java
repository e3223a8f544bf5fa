package io.pursight.governance.policy.rules;

import io.pursight.governance.policy.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One condition block of {@code when} or {@code unless}: every key present must hold (AND); within
 * a key any listed value is enough (OR). Empty sets mean "not constrained". Records, so identical
 * blocks written in many policies compare equal and are evaluated once per decision.
 *
 * @param roles the principal has one of these roles
 * @param groups the principal is in one of these groups
 * @param purposes the request's purpose is one of these
 * @param attributes tests on principal attributes, all of which must hold
 */
record Condition(Set<String> roles, Set<String> groups, Set<String> purposes, List<AttributeTest> attributes) {

  Condition {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
    purposes = Set.copyOf(purposes);
    attributes = List.copyOf(attributes);
  }

  boolean test(Principal principal, String purpose) {
    if (!roles.isEmpty() && !anyIn(roles, principal.roles())) {
      return false;
    }
    if (!groups.isEmpty() && !anyIn(groups, principal.groups())) {
      return false;
    }
    if (!purposes.isEmpty() && (purpose == null || !purposes.contains(purpose))) {
      return false;
    }
    for (AttributeTest t : attributes) {
      if (!t.test(principal.attributes())) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyIn(Set<String> wanted, Set<String> has) {
    if (has.isEmpty()) {
      return false;
    }
    if (has.size() < wanted.size()) {
      for (String h : has) {
        if (wanted.contains(h)) {
          return true;
        }
      }
      return false;
    }
    for (String w : wanted) {
      if (has.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** How a principal attribute is tested. */
  enum Op {
    /** The attribute is present and equals one of the values (one value for {@code equals}). */
    IN,
    /** The attribute is present. */
    EXISTS,
    /** The attribute is absent. */
    ABSENT
  }

  /**
   * A test on one principal attribute.
   *
   * @param name the attribute name
   * @param op the test
   * @param values the accepted values for {@link Op#IN}
   */
  record AttributeTest(String name, Op op, Set<String> values) {
    AttributeTest {
      values = Set.copyOf(values);
    }

    boolean test(Map<String, String> attributes) {
      String v = attributes.get(name);
      switch (op) {
        case EXISTS:
          return v != null;
        case ABSENT:
          return v == null;
        default:
          return v != null && values.contains(v);
      }
    }
  }

  /** A guard compiled to arrays for evaluation (no iterators on the decision path). */
  static final class CompiledGuard {
    private final Clause[] when;
    private final Clause[] unless;

    CompiledGuard(Guard g) {
      when = g.when().stream().map(Clause::new).toArray(Clause[]::new);
      unless = g.unless().stream().map(Clause::new).toArray(Clause[]::new);
    }

    boolean test(Principal principal, String purpose) {
      if (when.length > 0) {
        boolean any = false;
        for (Clause c : when) {
          if (c.test(principal, purpose)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      for (Clause c : unless) {
        if (c.test(principal, purpose)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Clause {
    private final String[] roles;
    private final String[] groups;
    private final String[] purposes;
    private final AttributeTest[] attributes;

    Clause(Condition c) {
      roles = c.roles().toArray(new String[0]);
      groups = c.groups().toArray(new String[0]);
      purposes = c.purposes().toArray(new String[0]);
      attributes = c.attributes().toArray(new AttributeTest[0]);
    }

    boolean test(Principal principal, String purpose) {
      if (roles.length > 0 && !anyIn(roles, principal.roles())) {
        return false;
      }
      if (groups.length > 0 && !anyIn(groups, principal.groups())) {
        return false;
      }
      if (purposes.length > 0) {
        if (purpose == null) {
          return false;
        }
        boolean found = false;
        for (String p : purposes) {
          if (p.equals(purpose)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      for (AttributeTest t : attributes) {
        if (!t.test(principal.attributes())) {
          return false;
        }
      }
      return true;
    }

    private static boolean anyIn(String[] wanted, Set<String> has) {
      if (has.isEmpty()) {
        return false;
      }
      for (String w : wanted) {
        if (has.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A policy's guard: {@code when} (any block holds, or none given) and not {@code unless} (no block
   * holds).
   */
  record Guard(List<Condition> when, List<Condition> unless) {
    Guard {
      when = List.copyOf(when);
      unless = List.copyOf(unless);
    }

    boolean test(Principal principal, String purpose) {
      if (!when.isEmpty()) {
        boolean any = false;
        for (Condition c : when) {
          if (c.test(principal, purpose)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      for (Condition c : unless) {
        if (c.test(principal, purpose)) {
          return false;
        }
      }
      return true;
    }
  }
}
