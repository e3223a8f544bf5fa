package io.pursight.governance.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.core.audit.AuditLog;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.PolicyService;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.spi.PolicyEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The policy service: looks up the fields' facts in the catalog (active classifications including
 * inherited ones, categories, sensitivity, tags, dataset annotations), asks the policy engine, caches
 * decisions, and audits every decision.
 *
 * <p>Decisions are cached by the engine's version, the catalog's generation (which grows with every
 * scan, annotation, verdict or lineage change), principal, action, purpose, context and fields, so a
 * cached decision is never served after policies or classifications changed.
 */
final class PolicyServiceImpl implements PolicyService, AutoCloseable {
  private final PolicyEngine engine;
  private final CatalogServiceImpl catalog;
  private final InfoTypes infoTypes;
  private final AuditLog audit;
  private final Clock clock;
  private final Cache<Key, Decision> cache;
  private final AtomicLong auditSeq = new AtomicLong();
  private final String auditPrefix = Long.toHexString(System.nanoTime()) + "-";

  /**
   * A cache key. Its hash covers everything but the fields' facts, of which it takes only the field
   * names (hashing 50 facts deeply would cost more than the rest of a cached decision); equality
   * compares everything, so two requests collide only in the hash table, never in the answer.
   */
  private static final class Key {
    private final String version;
    private final long generation;
    private final Principal principal;
    private final Action action;
    private final String purpose;
    private final Map<String, String> context;
    private final List<?> fields;
    private final int hash;

    Key(String version, long generation, Principal principal, Action action, String purpose,
        Map<String, String> context, List<?> fields) {
      this.version = version;
      this.generation = generation;
      this.principal = principal;
      this.action = action;
      this.purpose = purpose;
      this.context = context;
      this.fields = fields;
      int h = version.hashCode();
      h = 31 * h + Long.hashCode(generation);
      h = 31 * h + principal.hashCode();
      h = 31 * h + action.hashCode();
      h = 31 * h + (purpose == null ? 0 : purpose.hashCode());
      h = 31 * h + context.hashCode();
      for (Object f : fields) {
        h = 31 * h + (f instanceof FieldFacts ff ? ff.field().hashCode() : f.hashCode());
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Key k && hash == k.hash && generation == k.generation && action == k.action
          && version.equals(k.version) && principal.equals(k.principal) && Objects.equals(purpose, k.purpose)
          && context.equals(k.context) && fields.equals(k.fields);
    }
  }

  PolicyServiceImpl(PolicyEngine engine, CatalogServiceImpl catalog, InfoTypes infoTypes, AuditLog audit, Clock clock,
      long cacheSize) {
    this.engine = engine;
    this.catalog = catalog;
    this.infoTypes = infoTypes;
    this.audit = audit;
    this.clock = clock;
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    engine.onChange(cache::invalidateAll);
  }

  @Override
  public Decision decide(AccessRequest request) {
    Key key = new Key(engine.version(), catalog.generation(), request.principal(), request.action(), request.purpose(),
        request.context(), request.fields());
    Decision d = cache.get(key, k -> engine.decide(request, facts(request)));
    audit(request, d);
    return d;
  }

  @Override
  public Decision decide(AccessRequest request, List<FieldFacts> facts) {
    if (facts.size() != request.fields().size()) {
      throw new IllegalArgumentException("decide() needs one FieldFacts per field of the request: "
          + facts.size() + " facts for " + request.fields().size() + " fields");
    }
    Key key = new Key(engine.version(), -1, request.principal(), request.action(), request.purpose(),
        request.context(), facts);
    Decision d = cache.get(key, k -> engine.decide(request, facts));
    audit(request, d);
    return d;
  }

  private void audit(AccessRequest request, Decision d) {
    if (!audit.enabled() || "compliance-check".equals(request.context().get("origin"))) {
      return; // compliance packs probe policies with synthetic principals: not access, not audited
    }
    List<String> assets = new ArrayList<>(request.fields().size());
    request.fields().forEach(f -> assets.add(f.toString()));
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    if (!d.policies().isEmpty()) {
      attributes.put("policies", String.join(",", d.policies()));
    }
    if (request.purpose() != null) {
      attributes.put("purpose", request.purpose());
    }
    if (!d.masks().isEmpty()) {
      attributes.put("masked", String.valueOf(d.masks().size()));
    }
    audit.recordAsync(new AuditEvent(auditPrefix + auditSeq.incrementAndGet(), clock.instant(),
        request.principal().id(), "DECIDE_" + request.action(), assets, d.effect().name(),
        request.context().get("statementFingerprint"), attributes));
  }

  @Override
  public List<String> policyIds() {
    return engine.policyIds();
  }

  @Override
  public List<FieldFacts> facts(AccessRequest request) {
    List<FieldFacts> out = new ArrayList<>(request.fields().size());
    for (QualifiedName f : request.fields()) {
      out.add(facts(f));
    }
    return out;
  }

  FieldFacts facts(QualifiedName field) {
    if (field.level() != QualifiedName.Level.FIELD) {
      return FieldFacts.unknown(field);
    }
    Optional<DatasetEntry> ds = catalog.dataset(field.datasetName());
    Optional<FieldEntry> fe = ds.flatMap(d -> d.fields().stream().filter(x -> x.name().equals(field)).findFirst());
    if (fe.isEmpty()) {
      return FieldFacts.unknown(field);
    }
    Set<String> types = new TreeSet<>();
    Set<String> categories = new TreeSet<>();
    Sensitivity sensitivity = Sensitivity.PUBLIC;
    for (Classification c : fe.get().activeClassifications()) {
      types.add(c.infoType());
      Optional<InfoType> t = infoTypes.find(c.infoType());
      if (t.isPresent()) {
        categories.add(t.get().category());
        if (t.get().sensitivity().atLeast(sensitivity)) {
          sensitivity = t.get().sensitivity();
        }
      }
    }
    Annotations dsa = ds.get().annotations();
    return new FieldFacts(field, types, categories, sensitivity, names(fe.get().annotations().tags()), names(dsa.tags()),
        dsa.properties());
  }

  private static Set<String> names(Set<Tag> tags) {
    Set<String> out = new LinkedHashSet<>();
    tags.forEach(t -> out.add(t.name()));
    return out;
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The engine used when no policy provider is configured: everything is allowed. */
  static final class AllowAll implements PolicyEngine {
    @Override
    public Decision decide(AccessRequest request, List<FieldFacts> facts) {
      return new Decision(Effect.ALLOW, List.of(), List.of(), List.of(), "no policies are loaded");
    }

    @Override
    public String version() {
      return "none";
    }
  }
}
