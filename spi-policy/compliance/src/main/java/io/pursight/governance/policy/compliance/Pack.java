package io.pursight.governance.policy.compliance;

import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Finding;
import io.pursight.governance.compliance.ProcessingRecord;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.spi.CompliancePack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compliance pack read from its {@code <id>.controls} resource, with its policy template from the
 * resource the {@code [pack]} section names. Evaluation runs every control's check in file order,
 * sorts the findings most severe first (then by control, asset and evidence), scores the results
 * with {@link Score}, and, when the pack says {@code records = article-30}, drafts the record of
 * processing activities. Immutable and thread-safe; each evaluation works on its own snapshot.
 */
public final class Pack implements CompliancePack {
  /** Most severe first, then control, catalog-wide before assets, then asset and evidence. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity, Comparator.reverseOrder())
      .thenComparing(Finding::control)
      .thenComparing(f -> f.asset() == null ? "" : f.asset().toString())
      .thenComparing(Finding::evidence);

  private final PackDefinition def;
  private final String template;

  Pack(PackDefinition def) {
    this.def = def;
    this.template = PackDefinition.resourceText(def.policiesResource);
  }

  /**
   * Loads a built-in pack.
   *
   * @param id {@code gdpr}, {@code hipaa}, {@code pci-dss} or {@code soc2}
   * @param overrides replacements for its {@code roles}, {@code protectedTags} or {@code copyTransforms}
   */
  static Pack load(String id, Map<String, String> overrides) {
    PackDefinition def = PackDefinition.load(id + ".controls", overrides);
    if (!def.id.equals(id)) {
      throw new IllegalStateException(id + ".controls declares id " + def.id);
    }
    return new Pack(def);
  }

  @Override
  public String id() {
    return def.id;
  }

  @Override
  public String title() {
    return def.title;
  }

  @Override
  public String policyTemplate() {
    return template;
  }

  /** The roles the pack probes (the empty string stands for a principal without roles). */
  public List<String> probedRoles() {
    return def.roles;
  }

  /** The controls, in evaluation order, as (id, title, severity). */
  public List<ControlInfo> controls() {
    return def.controls.stream().map(c -> new ControlInfo(c.id(), c.title(), c.severity(), c.check().id)).toList();
  }

  /** The HIPAA Safe Harbor identifiers and their info types (empty for other packs). */
  public List<Identifier> identifiers() {
    return def.identifiers;
  }

  /**
   * A control as a pack declares it.
   *
   * @param id the control id
   * @param title what it requires
   * @param severity its findings' severity
   * @param check the check it runs
   */
  public record ControlInfo(String id, String title, Severity severity, String check) {}

  @Override
  public ComplianceReport evaluate(Context context) {
    Objects.requireNonNull(context, "context");
    Clock clock = context.clock() == null ? Clock.systemUTC() : context.clock();
    Evaluation ev = new Evaluation(def, context);
    List<ControlResult> results = new ArrayList<>();
    List<Severity> severities = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (ControlDef c : def.controls) {
      Checks.Outcome o = Checks.run(c, ev);
      results.add(new ControlResult(c.id(), c.title(), o.checked(), o.failed()));
      severities.add(c.severity());
      findings.addAll(o.findings());
    }
    findings.sort(ORDER);
    List<ProcessingRecord> records = def.processingRecords ? ProcessingRecords.draft(ev) : List.of();
    return new ComplianceReport(def.id, def.title, Score.of(results, severities), results, findings, records,
        clock.instant());
  }

  @Override
  public String toString() {
    return "CompliancePack[" + def.id + "]";
  }
}
