package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.spi.CompliancePack;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What one evaluation of a pack works with: the definition, the catalog snapshot, policy probes and lineage. */
final class Evaluation {
  final PackDefinition def;
  final CatalogView view;
  final Probe probe;
  private final LineageService lineage;
  private final Map<QualifiedName, Set<LineageEdge>> downstream = new HashMap<>();

  Evaluation(PackDefinition def, CompliancePack.Context context) {
    this.def = def;
    InfoTypes types = context.infoTypes() == null ? InfoTypes.builtIn() : context.infoTypes();
    this.view = new CatalogView(context.catalog(), types, def);
    this.probe = new Probe(context.policies());
    this.lineage = context.lineage();
  }

  /** True when there is a lineage service to ask. */
  boolean hasLineage() {
    return lineage != null;
  }

  /** Every edge downstream of {@code field}, at any depth (empty without a lineage service). */
  Set<LineageEdge> downstream(QualifiedName field) {
    return downstream.computeIfAbsent(field, f -> {
      if (lineage == null) {
        return Set.of();
      }
      Set<LineageEdge> edges = lineage.downstream(f, Integer.MAX_VALUE);
      return edges == null ? Set.of() : edges;
    });
  }
}
