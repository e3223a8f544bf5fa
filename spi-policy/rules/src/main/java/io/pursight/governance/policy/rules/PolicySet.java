package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.policy.RowFilter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A loaded, immutable set of policies with its indexes; decides requests. Precedence: any deny
 * (including the default deny of fields no allow policy covers when the default is deny) makes the
 * decision DENY; otherwise masks (one per field, the most specific mask policy, then the earliest)
 * and row filters (every matching filter, ANDed per dataset) apply; otherwise ALLOW.
 */
final class PolicySet {
  /** The predicate of a filter whose principal attribute is missing and that filters everything. */
  static final String NOTHING = "1 = 0";
  private static final int REASON_ITEMS = 5;

  final List<Policy> policies;
  final Effect defaultEffect;
  private final Condition.Guard[] guards;
  /** By action ordinal, then sensitivity ordinal. */
  private final PolicyIndex[][] byAction;

  PolicySet(List<Policy> policies, Effect defaultEffect) {
    this(policies, defaultEffect, true);
  }

  /** With {@code indexed} false, every policy is checked against every field (for tests). */
  PolicySet(List<Policy> policies, Effect defaultEffect, boolean indexed) {
    if (defaultEffect != Effect.ALLOW && defaultEffect != Effect.DENY) {
      throw new IllegalArgumentException("The default effect is allow or deny");
    }
    this.policies = List.copyOf(policies);
    this.defaultEffect = defaultEffect;
    Map<Condition.Guard, Integer> slots = new HashMap<>();
    List<Condition.Guard> guardList = new ArrayList<>();
    for (Policy p : this.policies) {
      if (p.guard != null) {
        Integer slot = slots.get(p.guard);
        if (slot == null) {
          slot = guardList.size();
          slots.put(p.guard, slot);
          guardList.add(p.guard);
        }
        p.guardSlot = slot;
      }
    }
    this.guards = guardList.toArray(new Condition.Guard[0]);
    Action[] actions = Action.values();
    Sensitivity[] levels = Sensitivity.values();
    this.byAction = new PolicyIndex[actions.length][levels.length];
    for (Action a : actions) {
      for (Sensitivity level : levels) {
        List<Policy> selected = new ArrayList<>();
        for (Policy p : this.policies) {
          // the reference (unindexed) mode keeps every policy and checks sensitivity when matching
          if (p.actions.contains(a) && (!indexed || p.match.allows(level))) {
            selected.add(p);
          }
        }
        byAction[a.ordinal()][level.ordinal()] = new PolicyIndex(selected, indexed);
      }
    }
  }

  /**
   * Parses and checks policy text.
   *
   * @throws io.pursight.governance.ConfigurationException listing every problem with its position
   */
  static PolicySet compile(String text, Settings settings, Map<String, io.pursight.governance.spi.MaskingFunction> masking,
      boolean indexed) {
    Problems problems = new Problems(settings.source());
    return compile(text, settings, masking, indexed, problems);
  }

  static PolicySet compile(String text, Settings settings, Map<String, io.pursight.governance.spi.MaskingFunction> masking,
      boolean indexed, Problems problems) {
    List<Policy> list = List.of();
    if (text != null) {
      Node root = TreeReader.read(text, settings.json(), problems);
      if (root != null) {
        list = new PolicyReader(problems, settings.infoTypes, settings.categories, masking).read(root);
      }
    }
    problems.throwIfAny();
    return new PolicySet(list, settings.defaultEffect, indexed);
  }

  int size() {
    return policies.size();
  }

  Decision decide(AccessRequest request, List<FieldFacts> facts) {
    return new Evaluation(request).run(views(request, facts));
  }

  /** The facts given, plus unknown facts for request fields that have none. */
  private static List<FieldView> views(AccessRequest request, List<FieldFacts> facts) {
    List<QualifiedName> fields = request.fields();
    List<FieldView> views = new ArrayList<>(Math.max(facts.size(), fields.size()));
    for (FieldFacts f : facts) {
      views.add(new FieldView(f));
    }
    boolean covered = facts.size() >= fields.size();
    for (int i = 0; covered && i < fields.size(); i++) {
      covered = fields.get(i).equals(facts.get(i).field());
    }
    if (!covered) {
      Set<QualifiedName> known = new HashSet<>();
      for (FieldFacts f : facts) {
        known.add(f.field());
      }
      for (QualifiedName q : fields) {
        if (known.add(q)) {
          views.add(new FieldView(FieldFacts.unknown(q)));
        }
      }
    }
    return views;
  }

  /** A total order on names: source, database, schema, dataset, field path (absent parts first). */
  static final Comparator<QualifiedName> NAME_ORDER = (a, b) -> {
    int c = a.source().compareTo(b.source());
    if (c == 0) {
      c = compareNullable(a.database(), b.database());
    }
    if (c == 0) {
      c = compareNullable(a.schema(), b.schema());
    }
    if (c == 0) {
      c = compareNullable(a.dataset(), b.dataset());
    }
    if (c == 0) {
      List<String> x = a.field();
      List<String> y = b.field();
      for (int i = 0; c == 0 && i < Math.min(x.size(), y.size()); i++) {
        c = x.get(i).compareTo(y.get(i));
      }
      if (c == 0) {
        c = Integer.compare(x.size(), y.size());
      }
    }
    return c;
  };

  /** Views by their lower-case display name, then by {@link #NAME_ORDER}: a total order on names. */
  private static final Comparator<FieldView> VIEW_ORDER = (a, b) -> {
    String x = a.column != null ? a.column : a.dataset != null ? a.dataset : a.source;
    String y = b.column != null ? b.column : b.dataset != null ? b.dataset : b.source;
    int c = x.compareTo(y);
    return c != 0 ? c : NAME_ORDER.compare(a.name, b.name);
  };

  private static int compareNullable(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** The state of one decision. */
  private final class Evaluation {
    private final AccessRequest request;
    private final Principal principal;
    private final PolicyIndex[] levels;
    private final int[] seen;
    private final byte[] guardState;
    private int stamp;
    private final BitSet denied = new BitSet();
    private final BitSet allowed = new BitSet();
    private QualifiedName[] deniedOn;
    private int[] deniedCount;
    private Map<Policy, String> missing;
    /** Per policy: 0 not yet checked, 1 its filter's attributes are present, 2 one is missing. */
    private byte[] filterState;
    private boolean filtered;
    private boolean requestGranted;

    Evaluation(AccessRequest request) {
      this.request = request;
      this.principal = request.principal();
      this.levels = byAction[request.action().ordinal()];
      this.seen = new int[policies.size()];
      this.guardState = new byte[guards.length];
    }

    Decision run(List<FieldView> views) {
      for (FieldView v : views) {
        stamp++;
        evaluate(v);
      }
      if (views.isEmpty()) {
        stamp++;
        for (Policy p : levels[0].requestLevel) {
          if (applies(p)) {
            if (p.effect == Effect.DENY) {
              deny(p, null);
            } else if (p.effect == Effect.ALLOW) {
              allowed.set(p.index);
              requestGranted = true;
            }
          }
        }
      }
      List<QualifiedName> ungranted = new ArrayList<>();
      if (defaultEffect == Effect.DENY) {
        for (FieldView v : views) {
          if (!v.granted) {
            ungranted.add(v.name);
          }
        }
      }
      boolean defaultDenied = defaultEffect == Effect.DENY && (views.isEmpty() ? !requestGranted : !ungranted.isEmpty());
      if (!denied.isEmpty() || defaultDenied) {
        return denial(ungranted, defaultDenied);
      }
      return permitted(views);
    }

    private void evaluate(FieldView v) {
      PolicyIndex ix = levels[v.facts.sensitivity().ordinal()];
      FieldFacts f = v.facts;
      if (v.column != null) {
        if (!ix.column.isEmpty()) {
          visit(ix.column.get(v.column), v, true);
        }
        for (int n : ix.columnPrefixSegments) {
          String key = n == datasetSegments(v) ? v.dataset : FieldView.prefix(v.column, n);
          if (key != null) {
            visit(ix.columnPrefix.get(key), v, true);
          }
        }
        for (int n : ix.columnSuffixSegments) {
          String key = FieldView.suffix(v.column, n);
          if (key != null) {
            visit(ix.columnSuffix.get(key), v, true);
          }
        }
      }
      if (v.dataset != null) {
        if (!ix.dataset.isEmpty()) {
          visit(ix.dataset.get(v.dataset), v, true);
        }
        for (int n : ix.datasetPrefixSegments) {
          String key = FieldView.prefix(v.dataset, n);
          if (key != null) {
            visit(ix.datasetPrefix.get(key), v, true);
          }
        }
        for (int n : ix.datasetSuffixSegments) {
          String key = FieldView.suffix(v.dataset, n);
          if (key != null) {
            visit(ix.datasetSuffix.get(key), v, true);
          }
        }
      }
      if (!ix.infoType.isEmpty()) {
        for (String t : f.infoTypes()) {
          visit(ix.infoType.get(t), v, true);
        }
      }
      if (!ix.tag.isEmpty()) {
        for (String t : v.tags) {
          visit(ix.tag.get(t), v, true);
        }
      }
      if (!ix.datasetTag.isEmpty()) {
        for (String t : v.datasetTags) {
          visit(ix.datasetTag.get(t), v, true);
        }
      }
      if (!ix.category.isEmpty()) {
        for (String c : v.categories) {
          visit(ix.category.get(c), v, true);
        }
      }
      if (!ix.source.isEmpty()) {
        visit(ix.source.get(v.source), v, true);
      }
      visit(ix.everyField, v, true);
    }

    /**
     * Applies the candidates that hold for the field; {@code viaKey}: they were found under a key (or
     * in the every-field list) that proves the match of policies marked {@code indexProvesMatch}.
     */
    private void visit(Policy[] candidates, FieldView v, boolean viaKey) {
      if (candidates == null) {
        return;
      }
      for (Policy p : candidates) {
        if (seen[p.index] == stamp) {
          continue;
        }
        seen[p.index] = stamp;
        if (!applies(p)) {
          continue;
        }
        if (!(viaKey && p.indexProvesMatch) && !p.match.matches(v)) {
          continue;
        }
        apply(p, v);
      }
    }

    /** The number of segments of the field's dataset name (its display name is the column's prefix). */
    private int datasetSegments(FieldView v) {
      return v.datasetSegments;
    }

    /** The policy's guard holds for this request (cached per distinct guard). */
    private boolean applies(Policy p) {
      int slot = p.guardSlot;
      if (slot < 0) {
        return true;
      }
      byte s = guardState[slot];
      if (s == 0) {
        s = guards[slot].test(principal, request.purpose()) ? (byte) 1 : (byte) 2;
        guardState[slot] = s;
      }
      return s == 1;
    }

    private void apply(Policy p, FieldView v) {
      switch (p.effectCode) {
        case 3: // deny
          deny(p, v.name);
          break;
        case 2: // mask
          if (p.beats(v.mask)) {
            v.mask = p;
          }
          break;
        case 1: // filter
          filter(p, v);
          break;
        default: // allow
          allowed.set(p.index);
          v.granted = true;
      }
    }

    private void deny(Policy p, QualifiedName on) {
      if (deniedOn == null) {
        deniedOn = new QualifiedName[policies.size()];
        deniedCount = new int[policies.size()];
      }
      denied.set(p.index);
      if (on != null) {
        deniedCount[p.index]++;
        QualifiedName prev = deniedOn[p.index];
        if (prev == null || NAME_ORDER.compare(on, prev) < 0) {
          deniedOn[p.index] = on;
        }
      }
    }

    private void filter(Policy p, FieldView v) {
      if (v.name.dataset() == null) {
        // a source or namespace cannot be filtered by rows: refuse rather than ignore the filter
        noteMissing(p, null);
        deny(p, v.name);
        return;
      }
      if (filterState == null) {
        filterState = new byte[policies.size()];
      }
      byte state = filterState[p.index];
      if (state == 0) {
        String lacking = p.filter.missingAttribute(principal);
        if (lacking != null) {
          noteMissing(p, lacking);
        }
        state = lacking == null ? (byte) 1 : (byte) 2;
        filterState[p.index] = state;
      }
      if (state == 2 && !p.emptyWhenMissing) {
        deny(p, v.name);
        return;
      }
      v.addFilter(p.index);
      filtered = true;
    }

    private void noteMissing(Policy p, String attribute) {
      if (missing == null) {
        missing = new HashMap<>();
      }
      missing.put(p, attribute == null ? "\u0000dataset" : attribute);
    }

    private Decision denial(List<QualifiedName> ungranted, boolean defaultDenied) {
      List<String> ids = new ArrayList<>();
      StringJoiner reason = new StringJoiner("; ");
      int listed = 0;
      for (int i = denied.nextSetBit(0); i >= 0; i = denied.nextSetBit(i + 1)) {
        Policy p = policies.get(i);
        ids.add(p.id);
        if (listed++ >= REASON_ITEMS) {
          continue;
        }
        StringBuilder b = new StringBuilder("denied by policy '").append(p.id).append('\'');
        String lacking = missing == null ? null : missing.get(p);
        if (p.effect == Effect.FILTER && "\u0000dataset".equals(lacking)) {
          b.append(" (its row filter cannot apply to a source or namespace)");
        } else if (p.effect == Effect.FILTER && lacking != null) {
          b.append(" (its row filter needs principal attribute '").append(lacking).append("', which is missing)");
        }
        QualifiedName on = deniedOn == null ? null : deniedOn[i];
        if (on != null) {
          b.append(" on ").append(on.displayName());
          int more = deniedCount[i] - 1;
          if (more > 0) {
            b.append(" and ").append(more).append(more == 1 ? " more field" : " more fields");
          }
        } else if (p.effect == Effect.DENY && deniedCount != null && deniedCount[i] == 0) {
          b.append(" (request-level policy)");
        }
        reason.add(b);
      }
      if (listed > REASON_ITEMS) {
        reason.add("and " + (listed - REASON_ITEMS) + " more deny policies");
      }
      if (defaultDenied) {
        if (ungranted.isEmpty()) {
          reason.add("no allow policy applies to the request and the default is deny");
        } else {
          ungranted.sort(NAME_ORDER);
          StringJoiner names = new StringJoiner(", ");
          for (int i = 0; i < Math.min(REASON_ITEMS, ungranted.size()); i++) {
            names.add(ungranted.get(i).displayName());
          }
          String more = ungranted.size() > REASON_ITEMS ? " and " + (ungranted.size() - REASON_ITEMS) + " more" : "";
          reason.add("no allow policy covers " + names + more + " and the default is deny");
        }
      }
      String text = reason.toString();
      return new Decision(Effect.DENY, List.of(), List.of(), ids,
          Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    private Decision permitted(List<FieldView> views) {
      BitSet deciding = (BitSet) allowed.clone();
      List<ColumnMask> masks = List.of();
      BitSet maskPolicies = new BitSet();
      List<FieldView> masked = null;
      for (FieldView v : views) {
        if (v.mask != null) {
          if (masked == null) {
            masked = new ArrayList<>();
          }
          masked.add(v);
        }
      }
      if (masked != null) {
        masked.sort(VIEW_ORDER);
        masks = new ArrayList<>(masked.size());
        for (int i = 0; i < masked.size(); i++) {
          FieldView v = masked.get(i);
          Policy p = v.mask;
          // the same field given twice: one mask, the best of its entries
          while (i + 1 < masked.size() && masked.get(i + 1).name.equals(v.name)) {
            Policy q = masked.get(++i).mask;
            p = q.beats(p) ? q : p;
          }
          masks.add(new ColumnMask(v.name, p.maskFunction, p.maskParameters));
          maskPolicies.set(p.index);
        }
        deciding.or(maskPolicies);
      }
      List<RowFilter> rowFilters = List.of();
      BitSet filterPolicies = new BitSet();
      if (filtered) {
        TreeMap<QualifiedName, BitSet> sorted = new TreeMap<>(NAME_ORDER);
        for (FieldView v : views) {
          if (v.filterCount > 0) {
            BitSet ps = sorted.computeIfAbsent(v.name.datasetName(), d -> new BitSet());
            for (int i = 0; i < v.filterCount; i++) {
              ps.set(v.filters[i]);
            }
          }
        }
        rowFilters = new ArrayList<>(sorted.size());
        for (Map.Entry<QualifiedName, BitSet> e : sorted.entrySet()) {
          rowFilters.add(rowFilter(e.getKey(), e.getValue()));
          filterPolicies.or(e.getValue());
        }
        deciding.or(filterPolicies);
      }
      List<String> ids = new ArrayList<>(deciding.cardinality());
      for (int i = deciding.nextSetBit(0); i >= 0; i = deciding.nextSetBit(i + 1)) {
        ids.add(policies.get(i).id);
      }
      Effect effect = !masks.isEmpty() ? Effect.MASK : !rowFilters.isEmpty() ? Effect.FILTER : Effect.ALLOW;
      StringJoiner reason = new StringJoiner("; ");
      if (!masks.isEmpty()) {
        reason.add("masked " + masks.size() + (masks.size() == 1 ? " field" : " fields") + " by " + list(maskPolicies));
      }
      if (!rowFilters.isEmpty()) {
        reason.add("rows of " + rowFilters.size() + (rowFilters.size() == 1 ? " dataset" : " datasets")
            + " filtered by " + list(filterPolicies));
      }
      if (!allowed.isEmpty()) {
        reason.add("allowed by " + list(allowed));
      } else if (effect == Effect.ALLOW) {
        reason.add("no policy applies; the default is allow");
      }
      String text = reason.toString();
      return new Decision(effect, masks, rowFilters, ids, Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    private RowFilter rowFilter(QualifiedName dataset, BitSet ps) {
      List<String> predicates = new ArrayList<>();
      List<String> parameters = new ArrayList<>();
      for (int i = ps.nextSetBit(0); i >= 0; i = ps.nextSetBit(i + 1)) {
        Policy p = policies.get(i);
        String lacking = missing == null ? null : missing.get(p);
        if (lacking != null) {
          predicates.add(NOTHING);
        } else {
          predicates.add(p.filter.sql());
          parameters.addAll(p.filter.bind(principal));
        }
      }
      String sql;
      if (predicates.size() == 1) {
        sql = predicates.get(0);
      } else {
        StringJoiner j = new StringJoiner(" AND ");
        for (String s : predicates) {
          j.add("(" + s + ")");
        }
        sql = j.toString();
      }
      return new RowFilter(dataset, sql, parameters);
    }

    private String list(BitSet ps) {
      StringJoiner j = new StringJoiner(", ");
      int n = 0;
      for (int i = ps.nextSetBit(0); i >= 0; i = ps.nextSetBit(i + 1)) {
        if (n++ < REASON_ITEMS) {
          j.add("'" + policies.get(i).id + "'");
        }
      }
      String s = (n == 1 ? "policy " : "policies ") + j;
      return n > REASON_ITEMS ? s + " and " + (n - REASON_ITEMS) + " more" : s;
    }
  }
}
