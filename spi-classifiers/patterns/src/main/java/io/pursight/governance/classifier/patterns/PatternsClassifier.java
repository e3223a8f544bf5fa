package io.pursight.governance.classifier.patterns;

import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The "patterns" classifier: tier-1 value detectors with real validators and tier-2 evidence
 * (column names in seven languages, dictionaries, column statistics), combined in one
 * deterministic {@link Decision}. One classifier rather than two because the runtime merges
 * classifiers by keeping the highest confidence: a separate tier-2 classifier could raise a
 * tier-1 result but never veto it (a {@code version} column of 1.2.3.4 values), and the decision
 * needs hit counts, statistics and names together. Thread-safe and side-effect free.
 */
final class PatternsClassifier implements Classifier {
  static final String ID = "patterns";
  private static final System.Logger LOG = System.getLogger(PatternsClassifier.class.getName());

  private final Settings settings;
  private final DetectorSet detectors;
  private final NameRules names;
  private final SpanFinder spans;
  private final List<InfoType> customTypes;
  private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();

  PatternsClassifier(Settings settings) {
    this.settings = settings;
    PhoneCheck phone = new PhoneCheck(settings.phoneRegions());
    List<Detector> all = new ArrayList<>(BuiltInDetectors.create(phone, settings.referenceDate()));
    Map<String, TypeRule> rules = new HashMap<>(BuiltInDetectors.rules());
    List<NameRules.Entry> extraNames = new ArrayList<>();
    List<InfoType> custom = new ArrayList<>();
    if (settings.customTypes() != null) {
      ValidatorRegistry registry = new ValidatorRegistry(phone, settings.referenceDate());
      for (CustomTypes.CustomType t : CustomTypes.load(settings.customTypes(), registry)) {
        all.add(t.detector());
        rules.put(t.infoType().id(), t.rule());
        extraNames.addAll(t.names());
        custom.add(t.infoType());
      }
    }
    this.detectors = new DetectorSet(all, rules);
    this.names = new NameRules(extraNames);
    this.spans = new SpanFinder(detectors);
    this.customTypes = List.copyOf(custom);
    Dictionaries.get(); // load eagerly: fail at start-up, not on the first column
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int tier() {
    return 1;
  }

  List<InfoType> customTypes() {
    return customTypes;
  }

  DetectorSet detectors() {
    return detectors;
  }

  SpanFinder spanFinder() {
    return spans;
  }

  NameRules nameRules() {
    return names;
  }

  @Override
  public List<Classification> classify(ColumnSample sample, Context context) {
    InfoTypes known = context == null ? InfoTypes.builtIn() : context.infoTypes();
    List<Classification> out = new ArrayList<>();
    for (Decision.Score s : analyse(sample, known).reported()) {
      if (s.confidence() >= settings.minConfidence()) {
        out.add(Classification.suggested(s.infoType(), s.confidence(), ID, s.evidence()));
      }
    }
    return out;
  }

  /** The full decision for a column, including the types considered and dropped (for tests and tuning). */
  Decision analyse(ColumnSample sample, InfoTypes known) {
    TypeFamily family = sample.type().family();
    if (family == TypeFamily.BOOLEAN) {
      return Decision.decide(new ColumnScan(detectors, null, 0, 1, null).finish(), NameRules.Signals.NONE,
          sample.fieldName(), t -> false);
    }
    Predicate<String> allowed = type -> allowedByFamily(family, type) && !settings.disabledTypes().contains(type)
        && known(known, type);
    List<String> values = family == TypeFamily.BINARY ? List.of() : sample.values();
    NameRules.Signals signals = names.analyse(sample.fieldName(), sample.comment(), sample.datasetName());
    // context-only variants (bare 9 digits for an SSN, any word for a password) matter only with name support
    boolean[] contextEnabled = new boolean[detectors.types.length];
    for (String type : signals.support().keySet()) {
      int t = detectors.type(type);
      if (t >= 0) {
        contextEnabled[t] = true;
      }
    }
    ColumnScan scan = ColumnScan.of(detectors, spans, values, settings.maxValues(), settings.maxTextValues(),
        settings.maxPhoneChecks(), contextEnabled);
    return Decision.decide(scan, signals, sample.fieldName(), allowed);
  }

  private boolean known(InfoTypes known, String type) {
    if (known.find(type).isPresent()) {
      return true;
    }
    for (InfoType c : customTypes) {
      if (c.id().equals(type) && warnedUnknown.add(type)) {
        LOG.log(System.Logger.Level.WARNING, "Custom info type {0} is not registered with the runtime; register "
            + "PatternsPlugin.loadCustomTypes(file) on the builder, or it is never reported", type);
      }
    }
    return false;
  }

  /** Declared types narrow what a column can hold: a DATE column can be a birth date, nothing else. */
  static boolean allowedByFamily(TypeFamily family, String type) {
    switch (family) {
      case DATE, TIMESTAMP:
        return type.equals("DATE_OF_BIRTH");
      case UUID:
        return type.equals("DEVICE_ID");
      case BOOLEAN:
        return false;
      default:
        return true;
    }
  }
}
