package io.pursight.governance.policy.rules;

import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Effect;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One compiled policy. Immutable once its set is built. */
final class Policy {
  final int index;
  final String id;
  final int line;
  final Effect effect;
  final Set<Action> actions;
  final FieldMatch match;
  final Condition.Guard guard;
  final String maskFunction;
  final Map<String, String> maskParameters;
  final FilterTemplate filter;
  final boolean emptyWhenMissing;
  final int specificity;
  /** The effect as a small int for the hot path: 0 allow, 1 filter, 2 mask, 3 deny. */
  final int effectCode;
  /** Set by the index: the guard's slot in the per-decision guard cache, or -1 without a guard. */
  int guardSlot = -1;
  /** Set by the set: the slot in the per-decision stamp array of policies matched field by field. */
  int checkedSlot = -1;
  /** Set by the index: reaching this policy through its index key proves that its match holds. */
  boolean indexProvesMatch;
  /** Set by the set for filters: the slot of this filter's template among the set's distinct templates. */
  int templateSlot = -1;
  /** Set by the set for filters: the predicate in parentheses, as ANDed with other filters. */
  String bracketedSql;

  Policy(int index, String id, int line, Effect effect, Set<Action> actions, FieldMatch match, Condition.Guard guard,
      String maskFunction, Map<String, String> maskParameters, FilterTemplate filter, boolean emptyWhenMissing) {
    this.index = index;
    this.id = id;
    this.line = line;
    this.effect = effect;
    this.actions = actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions);
    this.match = match;
    this.guard = guard;
    this.maskFunction = maskFunction;
    this.maskParameters = maskParameters == null ? Map.of() : Map.copyOf(maskParameters);
    this.filter = filter;
    this.emptyWhenMissing = emptyWhenMissing;
    // the rank of the most specific criterion; at equal rank, more criteria (all must hold) is more
    // specific; then a policy only for named principals ('when') is more specific than one for everyone
    this.specificity = (match.specificity() * 16 + match.criteria()) * 2
        + (guard != null && !guard.when().isEmpty() ? 1 : 0);
    this.effectCode = effect.ordinal();
  }

  /**
   * True when this policy's mask beats {@code other}'s: the higher rank of the most specific match
   * criterion, then more match criteria, then the policy with a {@code when} condition, then the
   * earlier one in the file.
   */
  boolean beats(Policy other) {
    return other == null || specificity > other.specificity
        || (specificity == other.specificity && index < other.index);
  }

  @Override
  public String toString() {
    return id;
  }
}
