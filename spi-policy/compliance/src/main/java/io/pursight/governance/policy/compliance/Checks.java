package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.compliance.Finding;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.compliance.CatalogView.Scoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The check logic behind {@link CheckKind}: scope, probe, count, and word the findings. */
final class Checks {
  /** Evidence of the patterns classifier that values were read: {@code 48/50 values pass Luhn...}. */
  private static final Pattern PATTERNS_VALUES = Pattern.compile("^~?\\d+/\\d+ values pass .*");
  /** Evidence of the ONNX classifier that the value shape counted: {@code model: 0.93 for X (value shape, ...)}. */
  private static final Pattern MODEL_VALUES =
      Pattern.compile("^model: [0-9.]+ for \\S+ \\((.*value shape.*|values, name and lower tiers together)\\)$");

  private Checks() {}

  /**
   * A control's result.
   *
   * @param checked assets the control applied to
   * @param failed assets that failed it
   * @param findings one per problem
   */
  record Outcome(int checked, int failed, List<Finding> findings) {}

  static Outcome run(ControlDef c, Evaluation ev) {
    return switch (c.check()) {
      case UNMASKED -> unmasked(c, ev);
      case PLAIN_AT_REST -> plainAtRest(c, ev);
      case STORED -> stored(c, ev);
      case COPIES -> copies(c, ev);
      case OWNER -> owner(c, ev);
      case PROPERTY -> property(c, ev);
      case POLICIES_LOADED -> policiesLoaded(c, ev);
    };
  }

  static List<String> roles(ControlDef c, Evaluation ev) {
    return c.params().containsKey("roles") ? PackDefinition.roles(c.params().get("roles")) : ev.def.roles;
  }

  private static Outcome unmasked(ControlDef c, Evaluation ev) {
    List<String> roles = roles(c, ev);
    List<Finding> findings = new ArrayList<>();
    int checked = 0;
    for (Scoped s : ev.view.inScope(c.scope())) {
      checked++;
      QualifiedName field = s.field().name();
      List<String> uncovered = new ArrayList<>();
      Map<String, List<String>> notes = new LinkedHashMap<>();
      for (String role : roles) {
        Probe.Outcome o = ev.probe.read(field, role);
        if (!o.protects()) {
          uncovered.add(role);
          String note = note(o);
          if (note != null) {
            notes.computeIfAbsent(note, k -> new ArrayList<>()).add(role);
          }
        }
      }
      if (uncovered.isEmpty()) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("kind", Text.fieldKind(s.dataset()));
      v.put("asset", Text.name(field));
      v.put("types", Text.types(s.types()));
      v.put("roles", Text.roles(uncovered));
      v.put("decision", decisionNote(notes, uncovered));
      findings.add(new Finding(c.id(), c.severity(), field, Text.fill(c.evidence(), v), c.remediation()));
    }
    return new Outcome(checked, findings.size(), findings);
  }

  /** Why a probe did not protect the field, when a policy or a failure is involved (null: no policy applied). */
  private static String note(Probe.Outcome o) {
    if (o.failure() != null) {
      return o.failure();
    }
    Decision d = o.decision();
    if (d.policies().isEmpty()) {
      return null;
    }
    String what = switch (d.effect()) {
      case ALLOW -> "allowed";
      case FILTER -> "rows filtered, column readable";
      case MASK -> "decision MASK without a mask for this column";
      case DENY -> "denied";
    };
    return what + " by " + String.join(", ", d.policies());
  }

  private static String decisionNote(Map<String, List<String>> notes, List<String> uncovered) {
    if (notes.isEmpty()) {
      return "";
    }
    if (notes.size() == 1 && notes.values().iterator().next().size() == uncovered.size()) {
      return " (" + notes.keySet().iterator().next() + ")";
    }
    List<String> parts = new ArrayList<>();
    notes.forEach((note, roles) -> parts.add(Text.roles(roles) + ": " + note));
    return " (" + String.join("; ", parts) + ")";
  }

  private static Outcome plainAtRest(ControlDef c, Evaluation ev) {
    List<Finding> findings = new ArrayList<>();
    int checked = 0;
    for (Scoped s : ev.view.inScope(c.scope())) {
      checked++;
      if (Text.protectedAtRest(s.field().annotations(), ev.def.protectedTags)) {
        continue;
      }
      String basis = valueBasis(s.field(), s.types());
      if (basis == null) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("kind", Text.fieldKind(s.dataset()));
      v.put("asset", Text.name(s.field().name()));
      v.put("types", Text.types(s.types()));
      v.put("basis", basis);
      findings.add(new Finding(c.id(), c.severity(), s.field().name(), Text.fill(c.evidence(), v), c.remediation()));
    }
    return new Outcome(checked, findings.size(), findings);
  }

  /**
   * The classifier evidence showing that sampled values of the field were read as one of {@code
   * types} (so they are stored readable), or null when the types were found by name only, over
   * masked values, by lineage inheritance, or set by a person without value evidence.
   */
  static String valueBasis(FieldEntry field, Set<String> types) {
    for (String type : types) {
      for (Classification c : CatalogView.classifications(field, type)) {
        if (CatalogView.INHERITED.equals(c.classifier())) {
          continue;
        }
        for (String e : c.evidence()) {
          if (PATTERNS_VALUES.matcher(e).matches() || MODEL_VALUES.matcher(e).matches()) {
            return e;
          }
        }
      }
    }
    return null;
  }

  private static Outcome stored(ControlDef c, Evaluation ev) {
    Map<DatasetEntry, Set<String>> holding = ev.view.datasetsInScope(c.scope());
    Set<QualifiedName> units = new LinkedHashSet<>();
    String within = c.params().get("within");
    if (within == null) {
      ev.view.datasets().forEach(d -> units.add(d.name()));
    } else {
      ev.view.datasetsInScope(within).keySet().forEach(d -> units.add(d.name()));
    }
    holding.keySet().forEach(d -> units.add(d.name()));
    List<Finding> findings = new ArrayList<>();
    for (DatasetEntry d : holding.keySet()) {
      ev.view.inScope(c.scope(), d).forEach((f, types) -> {
        Map<String, String> v = new HashMap<>();
        v.put("kind", Text.fieldKind(d));
        v.put("asset", Text.name(f.name()));
        v.put("types", Text.types(types));
        findings.add(new Finding(c.id(), c.severity(), f.name(), Text.fill(c.evidence(), v), c.remediation()));
      });
    }
    return new Outcome(units.size(), holding.size(), findings);
  }

  /** A downstream column reached from origins in scope. */
  private static final class Copy {
    final Set<QualifiedName> origins = new TreeSet<>(Comparator.comparing(QualifiedName::toString));
    final Set<String> types = new TreeSet<>();
    boolean identity;
  }

  private static Outcome copies(ControlDef c, Evaluation ev) {
    if (!ev.hasLineage()) {
      return new Outcome(0, 0, List.of()); // cannot tell: not applicable rather than passed
    }
    List<String> accept = c.list("accept");
    Map<QualifiedName, Copy> copies = new TreeMap<>(Comparator.comparing(QualifiedName::toString));
    Map<QualifiedName, Boolean> accepted = new HashMap<>();
    int checked = 0;
    Set<QualifiedName> failedOrigins = new LinkedHashSet<>();
    for (Scoped s : ev.view.inScope(c.scope())) {
      if (CatalogView.onlyInherited(s.field(), s.types())) {
        continue; // a copy itself: reported from its origin
      }
      checked++;
      QualifiedName origin = s.field().name();
      if (Text.protectedAtRest(s.field().annotations(), ev.def.protectedTags)) {
        continue; // ciphertext or tokens flow downstream, not the data
      }
      for (Map.Entry<QualifiedName, Boolean> reached : reach(origin, ev).entrySet()) {
        QualifiedName target = reached.getKey();
        if (accepted.computeIfAbsent(target, t -> accepted(t, accept, ev))) {
          continue;
        }
        Copy copy = copies.computeIfAbsent(target, t -> new Copy());
        copy.origins.add(origin);
        copy.types.addAll(s.types());
        copy.identity |= reached.getValue();
        failedOrigins.add(origin);
      }
    }
    List<Finding> findings = new ArrayList<>();
    copies.forEach((target, copy) -> {
      QualifiedName ds = target.level() == QualifiedName.Level.FIELD ? target.datasetName() : target;
      DatasetEntry dataset = ev.view.dataset(ds).orElse(null);
      Map<String, String> v = new HashMap<>();
      v.put("what", copy.identity ? "copy" : "transformed copy");
      v.put("origin", String.join(" and ", copy.origins.stream().map(Text::name).toList()));
      v.put("target", Text.name(target));
      v.put("types", Text.types(copy.types));
      v.put("transform", copy.identity ? TransformKind.IDENTITY.name() : TransformKind.TRANSFORMATION.name());
      v.put("dataset", Text.name(ds));
      v.put("datasetKind", Text.kind(dataset));
      findings.add(new Finding(c.id(), copy.identity ? c.severity() : Text.lower(c.severity()), target,
          Text.fill(c.evidence(), v), c.remediation()));
    });
    return new Outcome(checked, failedOrigins.size(), findings);
  }

  /**
   * The columns values of {@code origin} reach along edges of the pack's copy transforms, each with
   * whether some path is identity all the way. Traversal does not continue past columns protected at
   * rest (their values are ciphertext or tokens).
   */
  private static Map<QualifiedName, Boolean> reach(QualifiedName origin, Evaluation ev) {
    Map<QualifiedName, List<LineageEdge>> out = new HashMap<>();
    for (LineageEdge e : ev.downstream(origin)) {
      if (ev.def.copyTransforms.contains(e.transform())) {
        out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<QualifiedName, Boolean> reached = new LinkedHashMap<>();
    Deque<QualifiedName> queue = new ArrayDeque<>();
    Map<QualifiedName, Boolean> identityTo = new HashMap<>();
    identityTo.put(origin, true);
    queue.add(origin);
    while (!queue.isEmpty()) {
      QualifiedName node = queue.poll();
      boolean ident = identityTo.get(node);
      List<LineageEdge> edges = new ArrayList<>(out.getOrDefault(node, List.of()));
      edges.sort(Comparator.comparing((LineageEdge e) -> e.target().toString()).thenComparing(LineageEdge::transform));
      for (LineageEdge e : edges) {
        QualifiedName t = e.target();
        if (t.equals(origin)) {
          continue;
        }
        boolean viaIdentity = ident && e.transform() == TransformKind.IDENTITY;
        Boolean before = identityTo.get(t);
        if (before == null || (viaIdentity && !before)) {
          identityTo.put(t, viaIdentity);
          reached.put(t, viaIdentity);
          if (!Text.protectedAtRest(ev.view.annotations(t), ev.def.protectedTags)) {
            queue.add(t);
          }
        }
      }
    }
    return reached;
  }

  private static boolean accepted(QualifiedName target, List<String> accept, Evaluation ev) {
    QualifiedName ds = target.level() == QualifiedName.Level.FIELD ? target.datasetName() : target;
    if (accept.contains("protected") && Text.protectedAtRest(ev.view.annotations(target), ev.def.protectedTags)) {
      return true;
    }
    return CatalogView.marked(ev.view.annotations(ds), accept);
  }

  private static Outcome owner(ControlDef c, Evaluation ev) {
    List<Finding> findings = new ArrayList<>();
    Map<DatasetEntry, Set<String>> in = ev.view.datasetsInScope(c.scope());
    in.forEach((d, types) -> {
      if (d.annotations().owners().isEmpty()) {
        findings.add(datasetFinding(c, d, types, Map.of()));
      }
    });
    return new Outcome(in.size(), findings.size(), findings);
  }

  private static Outcome property(ControlDef c, Evaluation ev) {
    String property = c.params().get("property");
    List<Finding> findings = new ArrayList<>();
    Map<DatasetEntry, Set<String>> in = ev.view.datasetsInScope(c.scope());
    in.forEach((d, types) -> {
      if (Text.declared(d.annotations(), property) == null) {
        findings.add(datasetFinding(c, d, types, Map.of("property", property)));
      }
    });
    return new Outcome(in.size(), findings.size(), findings);
  }

  private static Finding datasetFinding(ControlDef c, DatasetEntry d, Set<String> types, Map<String, String> more) {
    Map<String, String> v = new HashMap<>(more);
    v.put("kind", Text.kind(d));
    v.put("asset", Text.name(d.name()));
    v.put("types", Text.types(types));
    return new Finding(c.id(), c.severity(), d.name(), Text.fill(c.evidence(), v), c.remediation());
  }

  private static Outcome policiesLoaded(ControlDef c, Evaluation ev) {
    List<String> roles = roles(c, ev);
    List<Scoped> fields = ev.view.inScope(c.scope());
    if (fields.isEmpty() && ev.probe.available()) {
      return new Outcome(0, 0, List.of()); // nothing to probe: cannot tell
    }
    for (Scoped s : fields) {
      for (String role : roles) {
        if (ev.probe.read(s.field().name(), role).anyPolicy()) {
          return new Outcome(1, 0, List.of());
        }
      }
    }
    Map<String, String> v = new HashMap<>();
    v.put("fields", String.valueOf(fields.size()));
    v.put("roles", Text.roles(roles));
    v.put("reason", ev.probe.available() ? "no policies are loaded, or none matches the catalog"
        : "no policy service is configured");
    return new Outcome(1, 1, List.of(new Finding(c.id(), c.severity(), null, Text.fill(c.evidence(), v),
        c.remediation())));
  }
}
