package io.pursight.governance.classifier.training;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.core.Governance;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * One configuration of the real runtime: a {@link Governance} (governance-core, in-memory store,
 * no plugin discovery) holding the classifier providers of the given plugins whose classifiers are
 * of tier {@code maxTier} or lower and not excluded by id, with the given settings. Columns are
 * classified through {@code classification().classify(sample)}, i.e. core's classifier chain and
 * merge rules, so the bench and the trainer measure and learn exactly what users get.
 *
 * <p>Settings are routed by the key's prefix up to the first dot: {@code onnx.minConfidence=0.7}
 * goes to the provider named {@code onnx} (as {@code Governance.Builder.pluginConfig("onnx",
 * {"onnx.minConfidence": "0.7"})}); settings of providers that are not part of this configuration are
 * left out.
 */
public final class BenchRuntime implements AutoCloseable {
  /** What a provider's classifier is, learnt once by creating it with the settings. */
  public record ProviderInfo(String provider, String classifierId, int tier, String className) {}

  private final Governance governance;
  private final List<Classifier> created;
  private final List<ProviderInfo> included;

  private BenchRuntime(Governance governance, List<Classifier> created, List<ProviderInfo> included) {
    this.governance = governance;
    this.created = created;
    this.included = included;
  }

  /** The plugins on the class path ({@link ServiceLoader}), in discovery order. */
  public static List<GovernancePlugin> discoverPlugins() {
    List<GovernancePlugin> out = new ArrayList<>();
    ServiceLoader.load(GovernancePlugin.class).forEach(out::add);
    return out;
  }

  /**
   * Creates each classifier provider of {@code plugins} once with its settings to learn its
   * classifier's id and tier, then closes it.
   */
  public static List<ProviderInfo> describe(List<GovernancePlugin> plugins, Map<String, String> settings) {
    List<ProviderInfo> out = new ArrayList<>();
    for (GovernancePlugin p : plugins) {
      for (ClassifierProvider cp : p.classifiers()) {
        Classifier c = cp.create(new PluginConfig(settingsFor(cp.name(), settings)));
        out.add(new ProviderInfo(cp.name(), c.id(), c.tier(), c.getClass().getName()));
        closeQuietly(c);
      }
    }
    return out;
  }

  /**
   * Builds a runtime of the providers in {@code infos} of tier at most {@code maxTier} whose
   * classifier id is not in {@code exclude}.
   */
  public static BenchRuntime open(List<GovernancePlugin> plugins, List<ProviderInfo> infos, Map<String, String> settings,
      int maxTier, Set<String> exclude) {
    Map<String, ProviderInfo> byName = new HashMap<>();
    infos.forEach(i -> byName.put(i.provider(), i));
    List<ProviderInfo> included = new ArrayList<>();
    List<Classifier> created = Collections.synchronizedList(new ArrayList<>());
    Governance.Builder b = Governance.builder().inMemoryStore().discoverPlugins(false);
    // one wrapper for all providers: the runtime keeps one plugin per class
    List<ClassifierProvider> keep = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (GovernancePlugin p : plugins) {
      for (ClassifierProvider cp : p.classifiers()) {
        ProviderInfo info = byName.get(cp.name());
        if (info != null && info.tier() <= maxTier && !exclude.contains(info.classifierId())) {
          keep.add(new Recording(cp, created));
          included.add(info);
          names.add(p.name());
          Map<String, String> own = settingsFor(cp.name(), settings);
          if (!own.isEmpty()) {
            b.pluginConfig(cp.name(), own);
          }
        }
      }
    }
    if (!keep.isEmpty()) {
      b.plugin(new ClassifiersOnly(String.join("+", names), keep));
    }
    return new BenchRuntime(b.build(), created, List.copyOf(included));
  }

  /** Shorthand: discover the plugins, describe them with {@code settings} and open. */
  public static BenchRuntime open(Map<String, String> settings, int maxTier, Set<String> exclude) {
    List<GovernancePlugin> plugins = discoverPlugins();
    return open(plugins, describe(plugins, settings), settings, maxTier, exclude);
  }

  /** The settings whose key starts with {@code provider + "."}. */
  static Map<String, String> settingsFor(String provider, Map<String, String> settings) {
    Map<String, String> own = new TreeMap<>();
    settings.forEach((k, v) -> {
      if (k.startsWith(provider + ".")) {
        own.put(k, v);
      }
    });
    return own;
  }

  /** Classifies one column with the runtime, best first. */
  public List<Classification> classify(ColumnSample sample) {
    return governance.classification().classify(sample);
  }

  /** Classifies a labelled column. */
  public List<Classification> classify(LabeledColumn column) {
    return classify(column.sample());
  }

  /** The providers in this runtime. */
  public List<ProviderInfo> providers() {
    return included;
  }

  /** The classifiers the runtime created (e.g. to reach the ONNX model). */
  public List<Classifier> classifiers() {
    return List.copyOf(created);
  }

  /** Whether a classifier of tier 3 or higher is part of this runtime. */
  public boolean hasModelTier() {
    return included.stream().anyMatch(i -> i.tier() >= 3);
  }

  /** Closes the runtime and the classifiers it created (the runtime does not close classifiers). */
  @Override
  public void close() {
    governance.close();
    synchronized (created) {
      created.forEach(BenchRuntime::closeQuietly);
      created.clear();
    }
  }

  private static void closeQuietly(Classifier c) {
    if (c instanceof AutoCloseable ac) {
      try {
        ac.close();
      } catch (Exception e) {
        // nothing to do in a tool
      }
    }
  }

  /** A plugin that contributes only the given classifier providers. */
  private record ClassifiersOnly(String pluginName, List<ClassifierProvider> providers) implements GovernancePlugin {
    @Override
    public String name() {
      return pluginName;
    }

    @Override
    public List<ClassifierProvider> classifiers() {
      return providers;
    }
  }

  /** Delegates and remembers what it created, so that the bench can close it. */
  private record Recording(ClassifierProvider delegate, Collection<Classifier> created) implements ClassifierProvider {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Classifier create(PluginConfig config) {
      Classifier c = delegate.create(config);
      created.add(c);
      return c;
    }
  }

  /** For reports: provider -> classifier id and tier. */
  public static Map<String, String> summary(List<ProviderInfo> infos) {
    Map<String, String> m = new LinkedHashMap<>();
    infos.forEach(i -> m.put(i.provider(), i.classifierId() + " (tier " + i.tier() + ")"));
    return m;
  }
}
