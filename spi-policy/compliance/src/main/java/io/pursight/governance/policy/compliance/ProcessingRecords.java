package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.compliance.ProcessingRecord;
import io.pursight.governance.lineage.LineageEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drafts the GDPR Article 30 record of processing activities: one record per dataset with a field
 * in the pack's {@code recordsScope}, from the catalog (owners, the {@code purpose} and {@code
 * retention} annotations, info types), lineage (recipients: datasets its personal data flows to
 * directly) and policies (safeguards: the policies whose decisions deny, mask or filter a read of
 * its personal fields by the probed roles), with the gaps a controller has to fill.
 */
final class ProcessingRecords {
  /** The dataset annotation property holding the purposes (comma-separated). */
  static final String PURPOSE = "purpose";
  /** The dataset annotation property holding the retention period. */
  static final String RETENTION = "retention";

  private ProcessingRecords() {}

  static List<ProcessingRecord> draft(Evaluation ev) {
    List<ProcessingRecord> out = new ArrayList<>();
    String special = ev.def.recordsSpecialScope;
    List<String> roles = ev.def.roles;
    for (Map.Entry<DatasetEntry, Set<String>> e : ev.view.datasetsInScope(ev.def.recordsScope).entrySet()) {
      DatasetEntry d = e.getKey();
      Annotations a = d.annotations();
      String owner = a.owners().isEmpty() ? null : String.join(", ", a.owners());
      String purpose = Text.declared(a, PURPOSE);
      List<String> purposes = PackDefinition.splitList(purpose);
      String retention = Text.declared(a, RETENTION);
      Map<FieldEntry, Set<String>> personal = ev.view.inScope(ev.def.recordsScope, d);
      Map<FieldEntry, Set<String>> specialFields = special == null ? Map.of() : ev.view.inScope(special, d);
      Set<String> specials = new TreeSet<>();
      specialFields.values().forEach(specials::addAll);

      Set<QualifiedName> recipients = new TreeSet<>(Comparator.comparing(QualifiedName::toString));
      Set<String> safeguards = new TreeSet<>();
      for (FieldEntry f : personal.keySet()) {
        for (LineageEdge edge : ev.downstream(f.name())) {
          if (edge.transform().isDirect() && edge.target().dataset() != null) {
            QualifiedName target = edge.target().datasetName();
            if (!target.equals(d.name())) {
              recipients.add(target);
            }
          }
        }
        for (String role : roles) {
          Probe.Outcome o = ev.probe.read(f.name(), role);
          if (o.restricts()) {
            safeguards.addAll(o.decision().policies());
          }
        }
      }

      List<String> gaps = new ArrayList<>();
      if (owner == null) {
        gaps.add("no owner (set the dataset's owners)");
      }
      if (purposes.isEmpty()) {
        gaps.add("no purpose declared (annotation '" + PURPOSE + "')");
      }
      if (retention == null) {
        gaps.add("no retention period declared (annotation '" + RETENTION + "')");
      }
      if (safeguards.isEmpty()) {
        gaps.add("no safeguard: no policy masks, denies or filters its personal data for " + Text.roles(roles));
      }
      specialFields.forEach((f, types) -> {
        List<String> open = roles.stream().filter(r -> !ev.probe.read(f.name(), r).protects()).toList();
        if (!open.isEmpty()) {
          gaps.add("special category " + Text.types(types) + " in " + Text.fieldKind(d) + " " + Text.name(f.name())
              + " has no restricting policy for " + Text.roles(open));
        }
      });
      for (QualifiedName r : recipients) {
        if (Text.declared(ev.view.annotations(r), PURPOSE) == null) {
          gaps.add("recipient " + Text.name(r) + " has no purpose declared");
        }
      }
      out.add(new ProcessingRecord(d.name(), owner, purposes, new ArrayList<>(e.getValue()), new ArrayList<>(specials),
          retention, recipients.stream().map(QualifiedName::toString).toList(), new ArrayList<>(safeguards), gaps));
    }
    return out;
  }
}
