package io.pursight.governance.core;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.classification.ClassificationService;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.event.GovernanceEvent;
import io.pursight.governance.GovernanceException;
import io.pursight.governance.classification.FeedbackExport;
import io.pursight.governance.classification.FeedbackSample;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.SourceConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Ad hoc classification through the classifier chain, and people's verdicts. */
final class ClassificationServiceImpl implements ClassificationService {
  private final ClassifierChain chain;
  private final CatalogServiceImpl catalog;
  private final EventBus events;
  private final Clock clock;

  private final SourceRegistry sources;
  private final Plugins plugins;
  private final Secrets secrets;

  ClassificationServiceImpl(ClassifierChain chain, CatalogServiceImpl catalog, EventBus events, Clock clock,
      SourceRegistry sources, Plugins plugins, Secrets secrets) {
    this.chain = chain;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
    this.sources = sources;
    this.plugins = plugins;
    this.secrets = secrets;
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

  @Override
  public FeedbackExport exportFeedback(String source, SampleSpec spec) {
    SourceConfig config = sources.select(List.of(source)).get(0);
    Map<QualifiedName, Map<QualifiedName, List<ClassificationDecision>>> byDataset = new TreeMap<>(
        java.util.Comparator.comparing(QualifiedName::toString));
    for (ClassificationDecision d : decisions()) {
      if (d.field().source().equals(source)) {
        byDataset.computeIfAbsent(d.field().datasetName(), k -> new LinkedHashMap<>())
            .computeIfAbsent(d.field(), k -> new ArrayList<>()).add(d);
      }
    }
    List<FeedbackSample> samples = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    if (byDataset.isEmpty()) {
      return new FeedbackExport(samples, errors);
    }
    try (Connector connector = plugins.connectorFor(config).connect(config, secrets)) {
      for (Map.Entry<QualifiedName, Map<QualifiedName, List<ClassificationDecision>>> e : byDataset.entrySet()) {
        Sample sample;
        try {
          sample = connector.sample(connector.describe(e.getKey()), spec, CancellationToken.NONE);
        } catch (GovernanceException ex) {
          errors.add(new ScanError(source, e.getKey(), ScanError.Stage.SAMPLE, ex.getMessage()));
          continue;
        }
        for (Map.Entry<QualifiedName, List<ClassificationDecision>> f : e.getValue().entrySet()) {
          Sample.ColumnValues cv = sample.column(f.getKey().simpleName()).orElse(null);
          if (cv == null) {
            errors.add(new ScanError(source, f.getKey(), ScanError.Stage.SAMPLE,
                "The field was not sampled (it no longer exists or its type is not read)"));
            continue;
          }
          long nulls = cv.values().stream().filter(java.util.Objects::isNull).count();
          samples.add(new FeedbackSample(f.getKey(), Scanner.texts(cv), nulls,
              types(f.getValue(), Classification.Status.CONFIRMED), types(f.getValue(), Classification.Status.REJECTED)));
        }
      }
    }
    return new FeedbackExport(samples, errors);
  }

  private static List<String> types(List<ClassificationDecision> decisions, Classification.Status verdict) {
    return decisions.stream().filter(d -> d.verdict() == verdict).map(ClassificationDecision::infoType).sorted().toList();
  }
}
