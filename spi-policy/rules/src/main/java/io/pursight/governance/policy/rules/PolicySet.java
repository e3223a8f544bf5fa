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
  private final Condition.CompiledGuards guards;
  /** The distinct filter templates (policies often repeat one predicate), by {@link Policy#templateSlot}. */
  private final FilterTemplate[] templates;
  /** The number of policies matched field by field (not proven by an index key). */
  private final int checkedCount;
  /** By policy index: the id; for filters the predicate, bracketed, and the template slot. */
  private final String[] ids;
  private final String[] filterSql;
  private final String[] bracketedSql;
  private final int[] templateOf;
  /** By policy index: {@link Policy#specificity} (mask precedence). */
  private final int[] specificity;
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
    this.guards = new Condition.CompiledGuards(guardList);
    Map<List<Object>, Integer> templateSlots = new HashMap<>();
    List<FilterTemplate> templateList = new ArrayList<>();
    for (Policy p : this.policies) {
      if (p.filter != null) {
        List<Object> key = List.of(p.filter.sql(), p.filter.placeholders());
        Integer slot = templateSlots.get(key);
        if (slot == null) {
          slot = templateList.size();
          templateSlots.put(key, slot);
          templateList.add(p.filter);
        }
        p.templateSlot = slot;
        p.bracketedSql = "(" + p.filter.sql() + ")";
      }
    }
    this.templates = templateList.toArray(new FilterTemplate[0]);
    int size = this.policies.size();
    this.ids = new String[size];
    this.filterSql = new String[size];
    this.bracketedSql = new String[size];
    this.templateOf = new int[size];
    this.specificity = new int[size];
    for (int i = 0; i < size; i++) {
      Policy p = this.policies.get(i);
      ids[i] = p.id;
      templateOf[i] = p.templateSlot;
      specificity[i] = p.specificity;
      if (p.filter != null) {
        filterSql[i] = p.filter.sql();
        bracketedSql[i] = p.bracketedSql;
      }
    }
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
    int checked = 0;
    for (Policy p : this.policies) {
      if (!p.indexProvesMatch) {
        p.checkedSlot = checked++;
      }
    }
    this.checkedCount = checked;
    for (PolicyIndex[] byLevel : byAction) {
      for (PolicyIndex ix : byLevel) {
        ix.flatten();
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

  /** What the proven policies of a dataset's share contribute to every field of it, for one request. */
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
    /** The exact column keys of this dataset by field path (fields only). */
    final Map<String, PolicyIndex.Bucket> columns;
    /** Set while resolving filters: 0 not yet, 1 all can apply, 2 one cannot. */
    int resolved;

    /**
     * The outcome's filter policies as a set of policy indexes (they apply to the dataset, not to
     * single fields); null without filters.
     */
    final long[] filters;
    /** The dataset's filters this share was last added to while building row filters. */
    FilterGroup addedTo;

    DatasetPart(FieldView owner, PolicyIndex index, Outcome outcome, PolicyIndex.Bucket[] checked,
        Map<String, PolicyIndex.Bucket> columns, int words) {
      this.owner = owner;
      this.columns = columns;
      this.index = index;
      this.outcome = outcome;
      this.checked = checked;
      if (outcome.filters.length == 0) {
        this.filters = null;
      } else {
        this.filters = new long[words];
        for (int f : outcome.filters) {
          filters[f >>> 6] |= 1L << f;
        }
      }
    }

    boolean serves(FieldView v, PolicyIndex ix) {
      return index == ix && owner.dataset == v.dataset && (owner.fieldPart == null) == (v.fieldPart == null)
          && owner.source.equals(v.source);
    }
  }

  /** The filter policies of one dataset (as named in the request), while building row filters. */
  static final class FilterGroup {
    /** A name in the dataset. */
    final QualifiedName name;
    final long[] policies;
    QualifiedName dataset;

    FilterGroup(QualifiedName name, int words) {
      this.name = name;
      this.policies = new long[words];
    }

    boolean holds(QualifiedName n) {
      return same(name.dataset(), n.dataset()) && same(name.schema(), n.schema())
          && same(name.database(), n.database()) && name.source().equals(n.source());
    }

    private static boolean same(String a, String b) {
      return a == b || (a != null && a.equals(b));
    }
  }

  /** The state of one decision. */
  private final class Evaluation {
    private final AccessRequest request;
    private final Principal principal;
    private final PolicyIndex[] levels;
    /** Per policy: the stamp of the field it was last checked for (checked policies only). */
    private int[] seen;
    private final Condition.CompiledGuards.State guardState;
    /** Per filter template: 0 not yet looked at, 1 the principal has its attributes, 2 one is missing. */
    private byte[] templateState;
    private String[] templateLacking;
    private String[][] templateValues;
    private int stamp;
    /** Scratch arrays for computing dataset shares. */
    private int[] scratchFilters;
    private int[] scratchAllows;
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
      this.guardState = guards.new State(principal, request.purpose());
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
      if (v.fieldPart != null) {
        if (shared.columns != null) {
          visit(shared.columns.get(v.fieldPart), v);
        }
        for (int n : ix.columnPrefixSegments) {
          // prefixes within the dataset name are part of the dataset's share
          if (n > v.datasetSegments) {
            String key = FieldView.prefix(v.column(), n);
            if (key != null) {
              visit(ix.columnPrefix.get(key), v);
            }
          }
        }
        for (int n : ix.columnSuffixSegments) {
          // the last n segments of the column: within the field path when it has that many
          String key = n == v.fieldSegments ? v.fieldPart
              : n < v.fieldSegments ? FieldView.suffix(v.fieldPart, n) : FieldView.suffix(v.column(), n);
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
      Map<String, PolicyIndex.Bucket> columns = null;
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
        if (v.fieldPart != null) {
          // column globs whose literal prefix lies within the dataset name hold for all its fields
          for (int n : ix.columnPrefixSegments) {
            if (n == v.datasetSegments) {
              add(buckets, ix.columnPrefix.get(v.dataset));
            } else if (n < v.datasetSegments) {
              add(buckets, ix.columnPrefix.get(FieldView.prefix(v.dataset, n)));
            }
          }
          if (!ix.columnByDataset.isEmpty()) {
            columns = ix.columnByDataset.get(v.dataset);
          }
        }
      }
      if (!ix.source.isEmpty()) {
        add(buckets, ix.source.get(v.source));
      }
      add(buckets, ix.everyField);
      List<PolicyIndex.Bucket> checked = new ArrayList<>();
      int proven = 0;
      for (PolicyIndex.Bucket b : buckets) {
        proven += b.proven.length;
        if (b.checked.length > 0) {
          checked.add(b);
        }
      }
      Outcome outcome = proven == 0 ? Outcome.NONE : outcome(buckets, proven);
      DatasetPart d = new DatasetPart(v, ix, outcome, checked.toArray(new PolicyIndex.Bucket[0]), columns,
          allowed.length);
      datasetParts.add(d);
      return d;
    }

    private static void add(List<PolicyIndex.Bucket> buckets, PolicyIndex.Bucket b) {
      if (b != null) {
        buckets.add(b);
      }
    }

    /** Matches the bucket's checked policies against the field, and applies its proven ones. */
    private void visit(PolicyIndex.Bucket b, FieldView v) {
      if (b == null) {
        return;
      }
      if (b.checked.length > 0) {
        check(b, v);
      }
      int[] index = b.provenIndex;
      int[] guard = b.provenGuard;
      byte[] effect = b.provenEffect;
      for (int k = 0; k < index.length; k++) {
        int slot = guard[k];
        if (slot < 0 || guardState.test(slot)) {
          applyProven(index[k], effect[k], v);
        }
      }
    }

    /** Like {@link #apply}, by policy index (reads the policy only for a deny or a better mask). */
    private void applyProven(int i, int effect, FieldView v) {
      switch (effect) {
        case 3:
          deny(policies.get(i), v.name);
          break;
        case 2:
          Policy current = v.mask;
          if (current == null || specificity[i] > current.specificity
              || (specificity[i] == current.specificity && i < current.index)) {
            v.mask = policies.get(i);
          }
          break;
        case 1:
          v.addFilter(i);
          filtered = true;
          break;
        default:
          allow(i);
          v.granted = true;
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

    /** What the proven policies of {@code buckets} that apply to this request contribute. */
    private Outcome outcome(List<PolicyIndex.Bucket> buckets, int proven) {
      Policy mask = null;
      int filters = 0;
      int allows = 0;
      int denies = 0;
      if (scratchFilters == null || scratchFilters.length < proven) {
        scratchFilters = new int[Math.max(proven, 64)];
        scratchAllows = new int[Math.max(proven, 64)];
      }
      int[] filterIds = scratchFilters;
      int[] allowIds = scratchAllows;
      Policy[] denyPolicies = null;
      for (PolicyIndex.Bucket b : buckets) {
        for (Policy p : b.proven) {
          if (!applies(p)) {
            continue;
          }
          switch (p.effectCode) {
            case 3:
              if (denyPolicies == null) {
                denyPolicies = new Policy[proven];
              }
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
      }
      if (mask == null && filters == 0 && allows == 0 && denies == 0) {
        return Outcome.NONE;
      }
      return new Outcome(mask, filters == 0 ? Outcome.NONE.filters : java.util.Arrays.copyOf(filterIds, filters),
          allows == 0 ? Outcome.NONE.allows : java.util.Arrays.copyOf(allowIds, allows),
          denies == 0 ? Outcome.NONE.denies : java.util.Arrays.copyOf(denyPolicies, denies));
    }

    /** Merges a dataset share into a field; its filters stay with the share. */
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

    /** The policy's guard holds for this request (cached per distinct guard). */
    private boolean applies(Policy p) {
      int slot = p.guardSlot;
      return slot < 0 || guardState.test(slot);
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
      if (allFiltersApply(views)) {
        return;
      }
      byte[] state = new byte[policies.size()];
      for (FieldView v : views) {
        stamp++;
        for (int i = 0; i < v.filterCount; i++) {
          resolve(policies.get(v.filters[i]), v, state);
        }
        int[] shared = v.part == null ? null : v.part.outcome.filters;
        if (shared != null && shared.length > 0) {
          // the share's filters are resolved once; fields are visited only when one cannot apply
          if (v.part.resolved == 0) {
            v.part.resolved = 1;
            for (int i : shared) {
              Policy p = policies.get(i);
              if (v.name.dataset() == null || state(p, state) == 2 && !p.emptyWhenMissing) {
                v.part.resolved = 2;
              }
            }
          }
          if (v.part.resolved == 2) {
            for (int i : shared) {
              resolve(policies.get(i), v, state);
            }
          }
        }
      }
    }

    /**
     * True when no filter can fail: the principal has every attribute of every filter template, and
     * every field with filters belongs to a dataset (the usual case, decided without visiting filters).
     */
    private boolean allFiltersApply(List<FieldView> views) {
      for (int t = 0; t < templates.length; t++) {
        if (lacking(t) != null) {
          return false;
        }
      }
      for (int i = 0; i < views.size(); i++) {
        FieldView v = views.get(i);
        if (v.name.dataset() == null && (v.filterCount > 0 || v.part != null && v.part.filters != null)) {
          return false;
        }
      }
      return true;
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
        String lacking = lacking(p.templateSlot);
        if (lacking != null) {
          noteMissing(p, lacking);
        }
        state[p.index] = lacking == null ? (byte) 1 : (byte) 2;
      }
      return state[p.index];
    }

    /** The first principal attribute filter template {@code slot} needs and the principal lacks, or null. */
    private String lacking(int slot) {
      if (templateState == null) {
        templateState = new byte[templates.length];
        templateLacking = new String[templates.length];
      }
      if (templateState[slot] == 0) {
        String lacking = templates[slot].missingAttribute(principal);
        templateLacking[slot] = lacking;
        templateState[slot] = lacking == null ? (byte) 1 : (byte) 2;
      }
      return templateLacking[slot];
    }

    /** The parameter values of filter template {@code slot} for the principal (bound once per decision). */
    private String[] values(int slot) {
      if (templateValues == null) {
        templateValues = new String[templates.length][];
      }
      String[] v = templateValues[slot];
      if (v == null) {
        List<String> bound = templates[slot].bind(principal);
        v = bound.toArray(new String[0]);
        templateValues[slot] = v;
      }
      return v;
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
      int words = allowed.length;
      long[] deciding = allowed.clone();
      List<ColumnMask> masks = List.of();
      long[] maskPolicies = null;
      int maskedCount = 0;
      for (int i = 0; i < views.size(); i++) {
        if (views.get(i).mask != null) {
          maskedCount++;
        }
      }
      if (maskedCount > 0) {
        FieldView[] masked = new FieldView[maskedCount];
        int n = 0;
        for (int i = 0; i < views.size(); i++) {
          FieldView v = views.get(i);
          if (v.mask != null) {
            masked[n++] = v;
          }
        }
        java.util.Arrays.sort(masked, VIEW_ORDER);
        maskPolicies = new long[words];
        ColumnMask[] out = new ColumnMask[maskedCount];
        n = 0;
        for (int i = 0; i < masked.length; i++) {
          FieldView v = masked[i];
          Policy p = v.mask;
          // the same field given twice: one mask, the best of its entries
          while (i + 1 < masked.length && masked[i + 1].name.equals(v.name)) {
            Policy q = masked[++i].mask;
            p = q.beats(p) ? q : p;
          }
          out[n++] = new ColumnMask(v.name, p.maskFunction, p.maskParameters);
          maskPolicies[p.index >>> 6] |= 1L << p.index;
        }
        masks = List.of(n == out.length ? out : java.util.Arrays.copyOf(out, n));
        or(deciding, maskPolicies);
      }
      List<RowFilter> rowFilters = List.of();
      long[] filterPolicies = null;
      if (filtered) {
        List<FilterGroup> groups = new ArrayList<>(4);
        FilterGroup last = null;
        for (int k = 0; k < views.size(); k++) {
          FieldView v = views.get(k);
          long[] shared = v.part == null ? null : v.part.filters;
          if (v.filterCount > 0 || shared != null) {
            FilterGroup g = last != null && last.holds(v.name) ? last : group(groups, v.name, words);
            last = g;
            long[] ps = g.policies;
            for (int i = 0; i < v.filterCount; i++) {
              int f = v.filters[i];
              ps[f >>> 6] |= 1L << f;
            }
            if (shared != null && v.part.addedTo != g) {
              v.part.addedTo = g;
              or(ps, shared);
            }
          }
        }
        for (FilterGroup g : groups) {
          g.dataset = g.name.datasetName();
        }
        if (groups.size() > 1) {
          groups.sort((a, b) -> NAME_ORDER.compare(a.dataset, b.dataset));
        }
        RowFilter[] out = new RowFilter[groups.size()];
        filterPolicies = new long[words];
        for (int i = 0; i < out.length; i++) {
          FilterGroup g = groups.get(i);
          out[i] = rowFilter(g.dataset, g.policies);
          or(filterPolicies, g.policies);
        }
        rowFilters = List.of(out);
        or(deciding, filterPolicies);
      }
      String[] ids = new String[count(deciding)];
      int n = 0;
      for (int w = 0; w < words; w++) {
        for (long bits = deciding[w]; bits != 0; bits &= bits - 1) {
          ids[n++] = PolicySet.this.ids[(w << 6) + Long.numberOfTrailingZeros(bits)];
        }
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
        reason.add("allowed by " + list(allowed));
      } else if (effect == Effect.ALLOW) {
        reason.add("no policy applies; the default is allow");
      }
      String text = reason.toString();
      return new Decision(effect, masks, rowFilters, List.of(ids),
          Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    /** The filter group of {@code name}'s dataset, added when new. */
    private FilterGroup group(List<FilterGroup> groups, QualifiedName name, int words) {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).holds(name)) {
          return groups.get(i);
        }
      }
      FilterGroup g = new FilterGroup(name, words);
      groups.add(g);
      return g;
    }

    private RowFilter rowFilter(QualifiedName dataset, long[] ps) {
      int size = count(ps);
      String[] parts = new String[size];
      int parameterCount = 0;
      int n = 0;
      boolean several = size > 1;
      for (int w = 0; w < ps.length; w++) {
        for (long bits = ps[w]; bits != 0; bits &= bits - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          if (missing != null && missing.get(policies.get(i)) != null) {
            parts[n++] = several ? "(" + NOTHING + ")" : NOTHING;
          } else {
            parts[n++] = several ? bracketedSql[i] : filterSql[i];
            parameterCount += values(templateOf[i]).length;
          }
        }
      }
      String[] parameters = new String[parameterCount];
      int k = 0;
      for (int w = 0; w < ps.length; w++) {
        for (long bits = ps[w]; bits != 0; bits &= bits - 1) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          if (missing == null || missing.get(policies.get(i)) == null) {
            String[] v = values(templateOf[i]);
            System.arraycopy(v, 0, parameters, k, v.length);
            k += v.length;
          }
        }
      }
      return new RowFilter(dataset, String.join(" AND ", parts), List.of(parameters));
    }

    private String list(long[] ps) {
      StringJoiner j = new StringJoiner(", ");
      int n = 0;
      for (int w = 0; w < ps.length && n < REASON_ITEMS; w++) {
        for (long bits = ps[w]; bits != 0 && n < REASON_ITEMS; bits &= bits - 1) {
          j.add("'" + ids[(w << 6) + Long.numberOfTrailingZeros(bits)] + "'");
          n++;
        }
      }
      n = count(ps);
      String s = (n == 1 ? "policy " : "policies ") + j;
      return n > REASON_ITEMS ? s + " and " + (n - REASON_ITEMS) + " more" : s;
    }
  }

  private static void or(long[] into, long[] bits) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= bits[i];
    }
  }

  private static int count(long[] bits) {
    int n = 0;
    for (long b : bits) {
      n += Long.bitCount(b);
    }
    return n;
  }
}
