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

  /**
   * The guards of a policy set compiled for evaluation: every distinct condition block is one clause,
   * tested at most once per decision, and role, group and purpose names are bits, so a clause tests
   * the principal's roles and groups and the purpose with one AND each (no iterators or hashing on
   * the decision path).
   */
  static final class CompiledGuards {
    /**
     * The clause slots of all guards in one array: guard g's {@code when} clauses are at {@code
     * start[g]} to {@code mid[g]}, its {@code unless} clauses at {@code mid[g]} to {@code start[g + 1]}.
     */
    private final int[] refs;
    private final int[] start;
    private final int[] mid;
    final Clause[] clauses;
    /** Bit numbers of the role, group and purpose names the clauses mention, or null with more than 64. */
    private final Map<String, Integer> roleBits;
    private final Map<String, Integer> groupBits;
    private final Map<String, Integer> purposeBits;

    CompiledGuards(List<Guard> guards) {
      Map<Condition, Integer> slots = new java.util.HashMap<>();
      List<Condition> distinct = new java.util.ArrayList<>();
      Map<String, Integer> roles = new java.util.HashMap<>();
      Map<String, Integer> groups = new java.util.HashMap<>();
      Map<String, Integer> purposes = new java.util.HashMap<>();
      int[][] when = new int[guards.size()][];
      int[][] unless = new int[guards.size()][];
      int total = 0;
      for (int g = 0; g < guards.size(); g++) {
        when[g] = slots(guards.get(g).when(), slots, distinct, roles, groups, purposes);
        unless[g] = slots(guards.get(g).unless(), slots, distinct, roles, groups, purposes);
        total += when[g].length + unless[g].length;
      }
      refs = new int[total];
      start = new int[guards.size() + 1];
      mid = new int[guards.size()];
      int n = 0;
      for (int g = 0; g < guards.size(); g++) {
        start[g] = n;
        System.arraycopy(when[g], 0, refs, n, when[g].length);
        n += when[g].length;
        mid[g] = n;
        System.arraycopy(unless[g], 0, refs, n, unless[g].length);
        n += unless[g].length;
      }
      start[guards.size()] = n;
      roleBits = roles.size() <= 64 ? roles : null;
      groupBits = groups.size() <= 64 ? groups : null;
      purposeBits = purposes.size() <= 64 ? purposes : null;
      clauses = new Clause[distinct.size()];
      for (int i = 0; i < clauses.length; i++) {
        clauses[i] = new Clause(distinct.get(i), roleBits, groupBits, purposeBits);
      }
    }

    private static int[] slots(List<Condition> conditions, Map<Condition, Integer> slots, List<Condition> distinct,
        Map<String, Integer> roles, Map<String, Integer> groups, Map<String, Integer> purposes) {
      int[] out = new int[conditions.size()];
      for (int i = 0; i < out.length; i++) {
        Condition c = conditions.get(i);
        Integer slot = slots.get(c);
        if (slot == null) {
          slot = distinct.size();
          slots.put(c, slot);
          distinct.add(c);
          for (String r : c.roles()) {
            roles.putIfAbsent(r, roles.size());
          }
          for (String g : c.groups()) {
            groups.putIfAbsent(g, groups.size());
          }
          for (String p : c.purposes()) {
            purposes.putIfAbsent(p, purposes.size());
          }
        }
        out[i] = slot;
      }
      return out;
    }

    int size() {
      return mid.length;
    }

    /** The per-decision state: which clauses and guards have been tested, and their results. */
    final class State {
      private final Principal principal;
      private final String purpose;
      private final byte[] guardState = new byte[mid.length];
      private final byte[] clauseState = new byte[clauses.length];
      private boolean masked;
      private long roleMask;
      private long groupMask;
      private long purposeMask;

      State(Principal principal, String purpose) {
        this.principal = principal;
        this.purpose = purpose;
      }

      /** Whether guard {@code slot} holds (tested once per decision). */
      boolean test(int slot) {
        byte s = guardState[slot];
        if (s == 0) {
          s = evaluate(slot) ? (byte) 1 : (byte) 2;
          guardState[slot] = s;
        }
        return s == 1;
      }

      private boolean evaluate(int slot) {
        int from = start[slot];
        int m = mid[slot];
        if (m > from) {
          boolean any = false;
          for (int i = from; i < m; i++) {
            if (clause(refs[i])) {
              any = true;
              break;
            }
          }
          if (!any) {
            return false;
          }
        }
        for (int i = m, to = start[slot + 1]; i < to; i++) {
          if (clause(refs[i])) {
            return false;
          }
        }
        return true;
      }

      private boolean clause(int slot) {
        byte s = clauseState[slot];
        if (s == 0) {
          if (!masked) {
            masked = true;
            roleMask = mask(roleBits, principal.roles());
            groupMask = mask(groupBits, principal.groups());
            Integer p = purpose == null || purposeBits == null ? null : purposeBits.get(purpose);
            purposeMask = p == null ? 0 : 1L << p;
          }
          s = clauses[slot].test(principal, purpose, roleMask, groupMask, purposeMask) ? (byte) 1 : (byte) 2;
          clauseState[slot] = s;
        }
        return s == 1;
      }
    }

    private static long mask(Map<String, Integer> bits, Set<String> names) {
      if (bits == null || bits.isEmpty() || names.isEmpty()) {
        return 0;
      }
      long m = 0;
      for (String n : names) {
        Integer b = bits.get(n);
        if (b != null) {
          m |= 1L << b;
        }
      }
      return m;
    }
  }

  /** One condition block compiled for evaluation. */
  static final class Clause {
    private final String[] roles;
    private final String[] groups;
    /** The roles and groups as bits, when the set's names fit in 64 bits (else the arrays are used). */
    private final long roleMask;
    private final long groupMask;
    private final boolean roleBits;
    private final boolean groupBits;
    private final String[] purposes;
    private final long purposeMask;
    private final boolean purposeBits;
    private final AttributeTest[] attributes;

    Clause(Condition c, Map<String, Integer> roleBitMap, Map<String, Integer> groupBitMap,
        Map<String, Integer> purposeBitMap) {
      roles = c.roles().toArray(new String[0]);
      groups = c.groups().toArray(new String[0]);
      roleBits = roleBitMap != null;
      groupBits = groupBitMap != null;
      roleMask = roleBits ? bits(roles, roleBitMap) : 0;
      groupMask = groupBits ? bits(groups, groupBitMap) : 0;
      purposes = c.purposes().toArray(new String[0]);
      purposeBits = purposeBitMap != null;
      purposeMask = purposeBits ? bits(purposes, purposeBitMap) : 0;
      attributes = c.attributes().toArray(new AttributeTest[0]);
    }

    private static long bits(String[] names, Map<String, Integer> bitMap) {
      long m = 0;
      for (String n : names) {
        m |= 1L << bitMap.get(n);
      }
      return m;
    }

    boolean test(Principal principal, String purpose, long principalRoles, long principalGroups,
        long requestPurpose) {
      if (roles.length > 0 && !(roleBits ? (roleMask & principalRoles) != 0 : anyIn(roles, principal.roles()))) {
        return false;
      }
      if (groups.length > 0
          && !(groupBits ? (groupMask & principalGroups) != 0 : anyIn(groups, principal.groups()))) {
        return false;
      }
      if (purposes.length > 0 && purposeBits) {
        if ((purposeMask & requestPurpose) == 0) {
          return false;
        }
      } else if (purposes.length > 0) {
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
