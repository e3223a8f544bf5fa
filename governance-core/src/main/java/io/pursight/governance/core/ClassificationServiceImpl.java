package io.pursight.governance.core;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.classification.ClassificationService;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.event.GovernanceEvent;
import java.time.Clock;
import java.util.List;

/** Ad hoc classification through the classifier chain, and people's verdicts. */
final class ClassificationServiceImpl implements ClassificationService {
  private final ClassifierChain chain;
  private final CatalogServiceImpl catalog;
  private final EventBus events;
  private final Clock clock;

  ClassificationServiceImpl(ClassifierChain chain, CatalogServiceImpl catalog, EventBus events, Clock clock) {
    this.chain = chain;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public InfoTypes infoTypes() {
    return chain.infoTypes();
  }

  @Override
  public List<Classification> classify(ColumnSample sample) {
    return chain.classify(sample);
  }

  @Override
  public void confirm(QualifiedName field, String infoType, String decidedBy, String note) {
    decide(field, infoType, Classification.Status.CONFIRMED, decidedBy, note);
  }

  @Override
  public void reject(QualifiedName field, String infoType, String decidedBy, String note) {
    decide(field, infoType, Classification.Status.REJECTED, decidedBy, note);
  }

  private void decide(QualifiedName field, String infoType, Classification.Status verdict, String by, String note) {
    chain.infoTypes().get(infoType);
    if (field.level() != QualifiedName.Level.FIELD) {
      throw new IllegalArgumentException("Classification decisions apply to fields, not to " + field);
    }
    List<String> before = activeTypes(field);
    catalog.requireExists(field);
    catalog.store().putDecision(new ClassificationDecision(field, infoType, verdict, by, clock.instant(), note));
    catalog.decisionsChanged(field);
    List<String> after = activeTypes(field);
    if (!before.equals(after)) {
      events.publish(new GovernanceEvent.ClassificationsChanged(field,
          after.stream().filter(t -> !before.contains(t)).toList(),
          before.stream().filter(t -> !after.contains(t)).toList(), clock.instant()));
    }
  }

  private List<String> activeTypes(QualifiedName field) {
    return catalog.field(field).map(f -> f.activeClassifications().stream().map(Classification::infoType).sorted()
        .toList()).orElse(List.of());
  }

  @Override
  public List<ClassificationDecision> decisions() {
    return catalog.store().decisions();
  }
}
