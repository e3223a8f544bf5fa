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
import java.util.function.IntPredicate;

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
  /** The last InfoTypes seen and which detector types it knows (the runtime passes the same instance). */
  private volatile KnownTypes lastKnown;

  private record KnownTypes(InfoTypes infoTypes, boolean[] known) {}

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

  /** The custom types of {@code patterns.customTypes}: the runtime registers them at start-up. */
  @Override
  public java.util.Collection<InfoType> infoTypes() {
    return customTypes;
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
    KnownTypes k = lastKnown;
    if (k == null || k.infoTypes() != known) {
      boolean[] flags = new boolean[detectors.types.length];
      for (int t = 0; t < flags.length; t++) {
        flags[t] = known(known, detectors.types[t]) && !settings.disabledTypes().contains(detectors.types[t]);
      }
      k = new KnownTypes(known, flags);
      lastKnown = k;
    }
    boolean[] knownFlags = k.known();
    IntPredicate allowed = t -> knownFlags[t] && allowedByFamily(family, detectors.types[t]);
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
    // a column whose values are partly in a type's distinctive format (123-45-6789, E11.9, "female") lends
    // itself the context for the type's other formats (123456789, I10, "F"): scan again with those enabled
    // (not for mere shapes: dictionary names do not make every capitalised word a name)
    boolean[] again = null;
    int n = scan.values();
    for (int t = 0; t < contextEnabled.length; t++) {
      if (!contextEnabled[t] && scan.standaloneHits[t] > 0 && scan.standaloneHits[t] * 10 >= n * 3
          && detectors.rules[t].minRatio() <= 1 && hasContextVariant(t)) {
        contextEnabled[t] = true;
        if (again == null) {
          again = new boolean[contextEnabled.length];
        }
        again[t] = true;
      }
    }
    if (again != null) {
      // rescan only the newly enabled types; their co-occurrence with the others comes from the first pass
      scan.rescan(values, settings.maxValues(), again);
    }
    return Decision.decide(scan, signals, sample.fieldName(), allowed);
  }

  /** Whether type {@code t} has a context-only variant that checks more than a value's shape. */
  private boolean hasContextVariant(int t) {
    for (int i = 0; i < detectors.detectors.length; i++) {
      Detector d = detectors.detectors[i];
      if (detectors.typeOf[i] == t && d.needsContext && d.strength != Strength.SHAPE) {
        return true;
      }
    }
    return false;
  }

  private boolean known(InfoTypes known, String type) {
    if (known.find(type).isPresent()) {
      return true;
    }
    for (InfoType c : customTypes) {
      if (c.id().equals(type) && warnedUnknown.add(type)) {
        LOG.log(System.Logger.Level.WARNING, "Custom info type {0} is not known to the caller's InfoTypes; the "
            + "runtime registers it from infoTypes(), other callers must register it themselves", type);
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
