package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.PolicyService;
import io.pursight.governance.policy.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A tiny policy service: rules match field facts (info types, categories, sensitivity) and apply
 * unless the principal holds an exempt role (or only when it holds a listed role). Deny beats mask
 * beats filter beats allow; the decision names every rule that matched.
 */
final class FakePolicies implements PolicyService {
  private final FakeCatalog catalog;
  private final InfoTypes types = InfoTypes.builtIn();
  private final List<Rule> rules = new ArrayList<>();
  final List<AccessRequest> requests = new ArrayList<>();
  private RuntimeException failure;

  record Rule(String id, Effect effect, Predicate<FieldFacts> match, Set<String> when, Set<String> unless) {}

  FakePolicies(FakeCatalog catalog) {
    this.catalog = catalog;
  }

  static Predicate<FieldFacts> types(String... ids) {
    Set<String> s = Set.of(ids);
    return f -> f.infoTypes().stream().anyMatch(s::contains);
  }

  static Predicate<FieldFacts> categories(String... cats) {
    Set<String> s = Set.of(cats);
    return f -> f.categories().stream().anyMatch(s::contains);
  }

  static Predicate<FieldFacts> atLeast(Sensitivity min) {
    return f -> !f.infoTypes().isEmpty() && f.sensitivity().atLeast(min);
  }

  /** A rule for everyone except {@code unless} roles. */
  FakePolicies rule(String id, Effect effect, Predicate<FieldFacts> match, String... unless) {
    rules.add(new Rule(id, effect, match, Set.of(), Set.of(unless)));
    return this;
  }

  /** A rule only for principals holding one of {@code when}. */
  FakePolicies ruleWhen(String id, Effect effect, Predicate<FieldFacts> match, String... when) {
    rules.add(new Rule(id, effect, match, Set.of(when), Set.of()));
    return this;
  }

  /** Adds a rule built elsewhere (e.g. read from a policy template). */
  FakePolicies rule(Rule r) {
    rules.add(r);
    return this;
  }

  /** Makes every decision throw. */
  FakePolicies failing(RuntimeException e) {
    this.failure = e;
    return this;
  }

  @Override
  public Decision decide(AccessRequest request) {
    return decide(request, facts(request));
  }

  @Override
  public Decision decide(AccessRequest request, List<FieldFacts> facts) {
    requests.add(request);
    if (failure != null) {
      throw failure;
    }
    Set<String> roles = request.principal().roles();
    Set<String> ids = new TreeSet<>();
    boolean deny = false;
    List<ColumnMask> masks = new ArrayList<>();
    List<RowFilter> filters = new ArrayList<>();
    for (FieldFacts f : facts) {
      for (Rule r : rules) {
        boolean applies = r.match().test(f) && (r.when().isEmpty() || roles.stream().anyMatch(r.when()::contains))
            && roles.stream().noneMatch(r.unless()::contains);
        if (!applies) {
          continue;
        }
        ids.add(r.id());
        switch (r.effect()) {
          case DENY -> deny = true;
          case MASK -> masks.add(new ColumnMask(f.field(), "redact", Map.of()));
          case FILTER -> filters.add(new RowFilter(f.field().datasetName(), "region = ?", List.of("EU")));
          case ALLOW -> { }
        }
      }
    }
    Effect effect = deny ? Effect.DENY : !masks.isEmpty() ? Effect.MASK : !filters.isEmpty() ? Effect.FILTER : Effect.ALLOW;
    return new Decision(effect, deny ? List.of() : masks, deny ? List.of() : filters, List.copyOf(ids),
        ids.isEmpty() ? "default effect" : "decided by " + ids);
  }

  @Override
  public List<String> policyIds() {
    return rules.stream().map(Rule::id).toList();
  }

  @Override
  public List<FieldFacts> facts(AccessRequest request) {
    List<FieldFacts> out = new ArrayList<>();
    for (QualifiedName q : request.fields()) {
      Optional<FieldEntry> fe = catalog.field(q);
      if (fe.isEmpty()) {
        out.add(FieldFacts.unknown(q));
        continue;
      }
      Set<String> ts = new TreeSet<>();
      Set<String> cats = new TreeSet<>();
      Sensitivity sens = Sensitivity.PUBLIC;
      for (Classification c : fe.get().activeClassifications()) {
        ts.add(c.infoType());
        Optional<InfoType> t = types.find(c.infoType());
        if (t.isPresent()) {
          cats.add(t.get().category());
          sens = t.get().sensitivity().atLeast(sens) ? t.get().sensitivity() : sens;
        }
      }
      DatasetEntry d = catalog.dataset(q.datasetName()).orElseThrow();
      Annotations da = d.annotations();
      out.add(new FieldFacts(q, ts, cats, sens, FakeCatalog.tagNames(fe.get().annotations()), FakeCatalog.tagNames(da),
          da.properties()));
    }
    return out;
  }
}
