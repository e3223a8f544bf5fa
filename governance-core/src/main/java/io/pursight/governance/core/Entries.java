package io.pursight.governance.core;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.Classification.Status;
import io.pursight.governance.classification.ClassificationDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Combines what scans found with what people decided and set. */
final class Entries {
  private Entries() {}

  static DatasetEntry assemble(DatasetSnapshot s, Map<QualifiedName, Annotations> annotations,
      Map<QualifiedName, List<ClassificationDecision>> decisions,
      java.util.function.Function<QualifiedName, List<Classification>> inherited) {
    List<FieldEntry> fields = new ArrayList<>();
    for (Field f : s.dataset().fields()) {
      QualifiedName fn = s.name().child(f.name());
      List<Classification> found = withInherited(s.classifications().getOrDefault(f.name(), List.of()),
          inherited.apply(fn));
      fields.add(new FieldEntry(fn, f, annotations.getOrDefault(fn, Annotations.EMPTY),
          applyDecisions(found, decisions.getOrDefault(fn, List.of())),
          s.profiles().get(f.name()), s.fieldQuality().get(f.name())));
    }
    return new DatasetEntry(s.dataset(), annotations.getOrDefault(s.name(), Annotations.EMPTY), fields, s.quality(),
        s.sample(), s.scannedAt());
  }

  /** A field's own suggestions plus inherited types it does not have itself. */
  static List<Classification> withInherited(List<Classification> own, List<Classification> inherited) {
    if (inherited.isEmpty()) {
      return own;
    }
    List<Classification> out = new ArrayList<>(own);
    for (Classification c : inherited) {
      if (own.stream().noneMatch(o -> o.infoType().equals(c.infoType()))) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Applies people's verdicts to classifier suggestions: confirmed types get confidence 1 and status
   * CONFIRMED (added if no classifier found them), rejected ones status REJECTED. Order: confirmed,
   * then suggested by confidence, then rejected.
   */
  static List<Classification> applyDecisions(List<Classification> suggested, List<ClassificationDecision> decided) {
    Map<String, ClassificationDecision> byType = new HashMap<>();
    for (ClassificationDecision d : decided) {
      byType.put(d.infoType(), d);
    }
    List<Classification> out = new ArrayList<>();
    for (Classification c : suggested) {
      ClassificationDecision d = byType.remove(c.infoType());
      out.add(d == null ? c : apply(c, d));
    }
    for (ClassificationDecision d : byType.values()) {
      if (d.verdict() == Status.CONFIRMED) {
        out.add(new Classification(d.infoType(), 1.0, List.of("confirmed by " + d.decidedBy()), "user", Status.CONFIRMED));
      }
    }
    out.sort(Comparator.comparingInt((Classification c) -> rank(c.status()))
        .thenComparing(Comparator.comparingDouble(Classification::confidence).reversed())
        .thenComparing(Classification::infoType));
    return out;
  }

  private static Classification apply(Classification c, ClassificationDecision d) {
    List<String> evidence = new ArrayList<>(c.evidence());
    evidence.add((d.verdict() == Status.CONFIRMED ? "confirmed by " : "rejected by ") + d.decidedBy());
    double confidence = d.verdict() == Status.CONFIRMED ? 1.0 : c.confidence();
    return new Classification(c.infoType(), confidence, evidence, c.classifier(), d.verdict());
  }

  private static int rank(Status s) {
    return switch (s) {
      case CONFIRMED -> 0;
      case SUGGESTED -> 1;
      case REJECTED -> 2;
    };
  }

  static Map<QualifiedName, List<ClassificationDecision>> byField(List<ClassificationDecision> all) {
    Map<QualifiedName, List<ClassificationDecision>> m = new HashMap<>();
    for (ClassificationDecision d : all) {
      m.computeIfAbsent(d.field(), k -> new ArrayList<>()).add(d);
    }
    return m;
  }
}
