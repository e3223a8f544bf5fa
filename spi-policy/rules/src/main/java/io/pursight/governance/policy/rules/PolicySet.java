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
  private final Condition.CompiledGuard[] guards;
  /** The number of buckets of all indexes (their ids are 0 to bucketCount - 1). */
  private final int bucketCount;
  /** The number of policies matched field by field (not proven by an index key). */
  private final int checkedCount;
  /** The most proven policies in one bucket (sizes the scratch arrays of a decision). */
  private final int largestBucket;
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
    this.guards = guardList.stream().map(Condition.CompiledGuard::new).toArray(Condition.CompiledGuard[]::new);
    Action[] actions = Action.values();
    Sensitivity[] levels = Sensitivity.values();
    this.byAction = new PolicyIndex[actions.length][levels.length];
    int[] bucketIds = {0};
    for (Action a : actions) {
      for (Sensitivity level : levels) {
        List<Policy> selected = new ArrayList<>();
        for (Policy p : this.policies) {
          // the reference (unindexed) mode keeps every policy and checks sensitivity when matching
          if (p.actions.contains(a) && (!indexed || p.match.allows(level))) {
            selected.add(p);
          }
        }
        byAction[a.ordinal()][level.ordinal()] = new PolicyIndex(selected, indexed, bucketIds);
      }
    }
    this.bucketCount = bucketIds[0];
    int checked = 0;
    int largest = 0;
    for (Policy p : this.policies) {
      if (!p.indexProvesMatch) {
        p.checkedSlot = checked++;
      }
    }
    for (PolicyIndex[] byLevel : byAction) {
      for (PolicyIndex ix : byLevel) {
        largest = Math.max(largest, ix.largestBucket);
      }
    }
    this.checkedCount = checked;
    this.largestBucket = largest;
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
    FieldView.DatasetNames names = new FieldView.DatasetNames();
    for (FieldFacts f : facts) {
      views.add(new FieldView(f, names));
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
          views.add(new FieldView(FieldFacts.unknown(q), names));
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
    int c = compareText(a.dataset, b.dataset);
    if (c == 0) {
      c = compareText(a.fieldPart, b.fieldPart);
    }
    return c != 0 ? c : NAME_ORDER.compare(a.name, b.name);
  };

  private static int compareText(String a, String b) {
    if (a == b) {
      return 0;
    }
    return a == null ? -1 : b == null ? 1 : a.compareTo(b);
  }

  private static int compareNullable(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** What proven policies contribute to every field that hits them, for one request. */
  private static final class Outcome {
    static final Outcome NONE = new Outcome(null, new int[0], new int[0], new Policy[0]);

    final Policy mask;
    final int[] filters;
    final int[] allows;
    final Policy[] denies;

    Outcome(Policy mask, int[] filters, int[] allows, Policy[] denies) {
      this.mask = mask;
      this.filters = filters;
      this.allows = allows;
      this.denies = denies;
    }

    boolean isEmpty() {
      return mask == null && filters.length == 0 && allows.length == 0 && denies.length == 0;
    }

    /** The outcome of both: the better mask, all filters, allows and denies. */
    Outcome and(Outcome o) {
      if (o.isEmpty()) {
        return this;
      }
      if (isEmpty()) {
        return o;
      }
      return new Outcome(o.mask != null && o.mask.beats(mask) ? o.mask : mask, concat(filters, o.filters),
          concat(allows, o.allows),
          o.denies.length == 0 ? denies : concat(denies, o.denies));
    }

    private static int[] concat(int[] x, int[] y) {
      if (y.length == 0) {
        return x;
      }
      if (x.length == 0) {
        return y;
      }
      int[] out = java.util.Arrays.copyOf(x, x.length + y.length);
      System.arraycopy(y, 0, out, x.length, y.length);
      return out;
    }

    private static Policy[] concat(Policy[] x, Policy[] y) {
      Policy[] out = java.util.Arrays.copyOf(x, x.length + y.length);
      System.arraycopy(y, 0, out, x.length, y.length);
      return out;
    }
  }

  /**
   * What the keys a field shares with the other fields of its dataset contribute (dataset names and
   * globs, source, whole-table column globs, every-field policies): the proven part
   * as one outcome, and the buckets whose other policies still need checking per field.
   */
  static final class DatasetPart {
    final FieldView owner;
    final PolicyIndex index;
    final Outcome outcome;
    final PolicyIndex.Bucket[] checked;
    /** Set while resolving filters: 0 not yet, 1 all can apply, 2 one cannot. */
    int resolved;

    /** The outcome's filter policies as a set (they apply to the dataset, not to single fields). */
    final BitSet filters;

    DatasetPart(FieldView owner, PolicyIndex index, Outcome outcome, PolicyIndex.Bucket[] checked) {
      this.owner = owner;
      this.index = index;
      this.outcome = outcome;
      this.checked = checked;
      this.filters = new BitSet();
      for (int f : outcome.filters) {
        filters.set(f);
      }
    }

    boolean serves(FieldView v, PolicyIndex ix) {
      return index == ix && owner.dataset == v.dataset && (owner.column == null) == (v.column == null)
          && owner.source.equals(v.source);
    }
  }

  /** The state of one decision. */
  private final class Evaluation {
    private final AccessRequest request;
    private final Principal principal;
    private final PolicyIndex[] levels;
    /** Per policy: the stamp of the field it was last checked for (checked policies only). */
    private int[] seen;
    private final byte[] guardState;
    private int stamp;
    private int[] scratchFilters;
    private int[] scratchAllows;
    private Policy[] scratchDenies;
    /** Outcomes by bucket id: a small open-addressing table (keys hold id + 1; 0 is free). */
    private int[] outcomeKeys;
    private Outcome[] outcomeValues;
    private int outcomeCount;
    private int[] deniedStamp;
    private final BitSet denied = new BitSet();
    private final long[] allowed = new long[(policies.size() + 63) >>> 6];
    private boolean anyAllowed;
    private final List<DatasetPart> datasetParts = new ArrayList<>(4);
    private QualifiedName[] deniedOn;
    private int[] deniedCount;
    private Map<Policy, String> missing;
    private boolean filtered;
    private boolean requestGranted;

    Evaluation(AccessRequest request) {
      this.request = request;
      this.principal = request.principal();
      this.levels = byAction[request.action().ordinal()];
      this.guardState = new byte[guards.length];
    }

    Decision run(List<FieldView> views) {
      int capacity = Integer.highestOneBit(Math.max(32, views.size() * 4) - 1) << 1;
      outcomeKeys = new int[capacity];
      outcomeValues = new Outcome[capacity];
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
              allow(p.index);
              requestGranted = true;
            }
          }
        }
      }
      if (filtered) {
        resolveFilters(views);
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
      DatasetPart shared = datasetPart(v, ix);
      v.part = shared;
      mergeShared(shared.outcome, v);
      for (PolicyIndex.Bucket b : shared.checked) {
        check(b, v);
      }
      if (!ix.datasetTag.isEmpty()) {
        for (String t : v.datasetTags) {
          visit(ix.datasetTag.get(t), v);
        }
      }
      if (v.column != null) {
        if (!ix.column.isEmpty()) {
          visit(ix.column.get(v.column), v);
        }
        for (int n : ix.columnPrefixSegments) {
          if (n != v.datasetSegments) { // the whole-table prefix is part of the dataset's share
            String key = FieldView.prefix(v.column, n);
            if (key != null) {
              visit(ix.columnPrefix.get(key), v);
            }
          }
        }
        for (int n : ix.columnSuffixSegments) {
          String key = FieldView.suffix(v.column, n);
          if (key != null) {
            visit(ix.columnSuffix.get(key), v);
          }
        }
      }
      if (!ix.infoType.isEmpty()) {
        for (String t : v.infoTypes) {
          visit(ix.infoType.get(t), v);
        }
      }
      if (!ix.tag.isEmpty()) {
        for (String t : v.tags) {
          visit(ix.tag.get(t), v);
        }
      }
      if (!ix.category.isEmpty()) {
        for (String c : v.categories) {
          visit(ix.category.get(c), v);
        }
      }
    }

    /** The dataset-level share for {@code v}, computed once per dataset, source, tags and level. */
    private DatasetPart datasetPart(FieldView v, PolicyIndex ix) {
      for (int i = 0; i < datasetParts.size(); i++) {
        DatasetPart d = datasetParts.get(i);
        if (d.serves(v, ix)) {
          return d;
        }
      }
      List<PolicyIndex.Bucket> buckets = new ArrayList<>();
      if (v.dataset != null) {
        add(buckets, ix.dataset.get(v.dataset));
        for (int n : ix.datasetPrefixSegments) {
          String key = FieldView.prefix(v.dataset, n);
          if (key != null) {
            add(buckets, ix.datasetPrefix.get(key));
          }
        }
        for (int n : ix.datasetSuffixSegments) {
          String key = FieldView.suffix(v.dataset, n);
          if (key != null) {
            add(buckets, ix.datasetSuffix.get(key));
          }
        }
        if (v.column != null) {
          for (int n : ix.columnPrefixSegments) {
            if (n == v.datasetSegments) {
              add(buckets, ix.columnPrefix.get(v.dataset));
            }
          }
        }
      }
      if (!ix.source.isEmpty()) {
        add(buckets, ix.source.get(v.source));
      }
      add(buckets, ix.everyField);
      Outcome outcome = Outcome.NONE;
      List<PolicyIndex.Bucket> checked = new ArrayList<>();
      for (PolicyIndex.Bucket b : buckets) {
        if (b.proven.length > 0) {
          outcome = outcome.and(outcome(b));
        }
        if (b.checked.length > 0) {
          checked.add(b);
        }
      }
      DatasetPart d = new DatasetPart(v, ix, outcome, checked.toArray(new PolicyIndex.Bucket[0]));
      datasetParts.add(d);
      return d;
    }

    private static void add(List<PolicyIndex.Bucket> buckets, PolicyIndex.Bucket b) {
      if (b != null) {
        buckets.add(b);
      }
    }

    private void visit(PolicyIndex.Bucket b, FieldView v) {
      if (b == null) {
        return;
      }
      check(b, v);
      if (b.proven.length > 0) {
        merge(outcome(b), v);
      }
    }

    /** Matches the bucket's checked policies against the field. */
    private void check(PolicyIndex.Bucket b, FieldView v) {
      if (b.checked.length > 0 && seen == null) {
        seen = new int[checkedCount];
      }
      for (Policy p : b.checked) {
        if (seen[p.checkedSlot] == stamp) {
          continue;
        }
        seen[p.checkedSlot] = stamp;
        if (applies(p) && p.match.matches(v)) {
          apply(p, v);
        }
      }
    }

    /** The bucket's outcome for this request, computed on first use. */
    private Outcome outcome(PolicyIndex.Bucket b) {
      int slot = slot(b.id);
      Outcome o = outcomeValues[slot];
      if (o != null) {
        return o;
      }
      Policy mask = null;
      int filters = 0;
      int allows = 0;
      int denies = 0;
      if (scratchFilters == null) {
        scratchFilters = new int[largestBucket];
        scratchAllows = new int[largestBucket];
        scratchDenies = new Policy[largestBucket];
      }
      int[] filterIds = scratchFilters;
      int[] allowIds = scratchAllows;
      Policy[] denyPolicies = scratchDenies;
      for (Policy p : b.proven) {
        if (!applies(p)) {
          continue;
        }
        switch (p.effectCode) {
          case 3:
            denyPolicies[denies++] = p;
            break;
          case 2:
            if (p.beats(mask)) {
              mask = p;
            }
            break;
          case 1:
            filterIds[filters++] = p.index;
            break;
          default:
            allowIds[allows++] = p.index;
        }
      }
      o = mask == null && filters == 0 && allows == 0 && denies == 0 ? Outcome.NONE
          : new Outcome(mask, filters == 0 ? Outcome.NONE.filters : java.util.Arrays.copyOf(filterIds, filters),
              allows == 0 ? Outcome.NONE.allows : java.util.Arrays.copyOf(allowIds, allows),
              denies == 0 ? Outcome.NONE.denies : java.util.Arrays.copyOf(denyPolicies, denies));
      outcomeKeys[slot] = b.id + 1;
      outcomeValues[slot] = o;
      if (++outcomeCount * 2 > outcomeKeys.length) {
        growOutcomes();
      }
      return o;
    }

    /** The slot of bucket {@code id}: where it is, or the free slot where it belongs. */
    private int slot(int id) {
      int mask = outcomeKeys.length - 1;
      int i = (id * 0x9E3779B9) >>> 16 & mask;
      while (outcomeKeys[i] != 0 && outcomeKeys[i] != id + 1) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void growOutcomes() {
      int[] keys = outcomeKeys;
      Outcome[] values = outcomeValues;
      outcomeKeys = new int[keys.length * 2];
      outcomeValues = new Outcome[keys.length * 2];
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          int j = slot(keys[i] - 1);
          outcomeKeys[j] = keys[i];
          outcomeValues[j] = values[i];
        }
      }
    }

    /** Merges a dataset share: like {@link #merge}, but its filters stay with the share. */
    private void mergeShared(Outcome o, FieldView v) {
      if (o == Outcome.NONE) {
        return;
      }
      for (Policy p : o.denies) {
        deny(p, v.name);
      }
      if (o.mask != null && o.mask.beats(v.mask)) {
        v.mask = o.mask;
      }
      if (o.filters.length > 0) {
        filtered = true;
      }
      if (o.allows.length > 0) {
        for (int i : o.allows) {
          allowed[i >>> 6] |= 1L << i;
        }
        anyAllowed = true;
        v.granted = true;
      }
    }

    private void merge(Outcome o, FieldView v) {
      if (o == Outcome.NONE) {
        return;
      }
      for (Policy p : o.denies) {
        deny(p, v.name);
      }
      if (o.mask != null && o.mask.beats(v.mask)) {
        v.mask = o.mask;
      }
      if (o.filters.length > 0) {
        v.addFilters(o.filters);
        filtered = true;
      }
      if (o.allows.length > 0) {
        for (int i : o.allows) {
          allowed[i >>> 6] |= 1L << i;
        }
        anyAllowed = true;
        v.granted = true;
      }
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
        case 1: // filter: resolved once all fields are seen
          v.addFilter(p.index);
          filtered = true;
          break;
        default: // allow
          allow(p.index);
          v.granted = true;
      }
    }

    private void allow(int policyIndex) {
      allowed[policyIndex >>> 6] |= 1L << policyIndex;
      anyAllowed = true;
    }

    /** Records that {@code p} denies field {@code on} (null: the request); counts each field once. */
    private void deny(Policy p, QualifiedName on) {
      if (deniedOn == null) {
        deniedOn = new QualifiedName[policies.size()];
        deniedCount = new int[policies.size()];
        deniedStamp = new int[policies.size()];
      }
      denied.set(p.index);
      if (on != null && deniedStamp[p.index] != stamp) {
        deniedStamp[p.index] = stamp;
        deniedCount[p.index]++;
        QualifiedName prev = deniedOn[p.index];
        if (prev == null || NAME_ORDER.compare(on, prev) < 0) {
          deniedOn[p.index] = on;
        }
      }
    }

    /**
     * Turns filters that cannot apply into denials: a principal attribute the filter needs is
     * missing (unless the policy filters everything instead), or the asset is not a dataset.
     */
    private void resolveFilters(List<FieldView> views) {
      byte[] state = new byte[policies.size()];
      for (FieldView v : views) {
        stamp++;
        for (int i = 0; i < v.filterCount; i++) {
          resolve(policies.get(v.filters[i]), v, state);
        }
        BitSet shared = v.part == null ? null : v.part.filters;
        if (shared != null && !shared.isEmpty()) {
          // the share's filters are resolved once; fields are visited only when one cannot apply
          if (v.part.resolved == 0) {
            v.part.resolved = 1;
            for (int i = shared.nextSetBit(0); i >= 0; i = shared.nextSetBit(i + 1)) {
              Policy p = policies.get(i);
              if (v.name.dataset() == null || state(p, state) == 2 && !p.emptyWhenMissing) {
                v.part.resolved = 2;
              }
            }
          }
          if (v.part.resolved == 2) {
            for (int i = shared.nextSetBit(0); i >= 0; i = shared.nextSetBit(i + 1)) {
              resolve(policies.get(i), v, state);
            }
          }
        }
      }
    }

    private void resolve(Policy p, FieldView v, byte[] state) {
      if (v.name.dataset() == null) {
        noteMissing(p, null);
        deny(p, v.name);
      } else if (state(p, state) == 2 && !p.emptyWhenMissing) {
        deny(p, v.name);
      }
    }

    /** 1 when the filter's principal attributes are present, 2 when one is missing (noted). */
    private byte state(Policy p, byte[] state) {
      if (state[p.index] == 0) {
        String lacking = p.filter.missingAttribute(principal);
        if (lacking != null) {
          noteMissing(p, lacking);
        }
        state[p.index] = lacking == null ? (byte) 1 : (byte) 2;
      }
      return state[p.index];
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
      BitSet allowedSet = BitSet.valueOf(allowed);
      BitSet deciding = (BitSet) allowedSet.clone();
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
          boolean shared = v.part != null && !v.part.filters.isEmpty();
          if (v.filterCount > 0 || shared) {
            BitSet ps = sorted.computeIfAbsent(v.name.datasetName(), d -> new BitSet());
            for (int i = 0; i < v.filterCount; i++) {
              ps.set(v.filters[i]);
            }
            if (shared) {
              ps.or(v.part.filters);
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
      if (anyAllowed) {
        reason.add("allowed by " + list(allowedSet));
      } else if (effect == Effect.ALLOW) {
        reason.add("no policy applies; the default is allow");
      }
      String text = reason.toString();
      return new Decision(effect, masks, rowFilters, ids, Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    private RowFilter rowFilter(QualifiedName dataset, BitSet ps) {
      int length = 0;
      int count = 0;
      for (int i = ps.nextSetBit(0); i >= 0; i = ps.nextSetBit(i + 1)) {
        length += policies.get(i).filter.sql().length() + 7;
        count += policies.get(i).filter.placeholders().size();
      }
      List<String> parameters = new ArrayList<>(count);
      StringBuilder sql = new StringBuilder(length);
      boolean several = ps.cardinality() > 1;
      for (int i = ps.nextSetBit(0); i >= 0; i = ps.nextSetBit(i + 1)) {
        Policy p = policies.get(i);
        if (sql.length() > 0) {
          sql.append(" AND ");
        }
        if (several) {
          sql.append('(');
        }
        if (missing != null && missing.get(p) != null) {
          sql.append(NOTHING);
        } else {
          sql.append(p.filter.sql());
          p.filter.bindInto(principal, parameters);
        }
        if (several) {
          sql.append(')');
        }
      }
      return new RowFilter(dataset, sql.toString(), parameters);
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
