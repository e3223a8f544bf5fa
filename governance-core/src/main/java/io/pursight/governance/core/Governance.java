package io.pursight.governance.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.classification.ClassificationService;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.audit.AuditService;
import io.pursight.governance.compliance.ComplianceService;
import io.pursight.governance.core.audit.AuditLog;
import io.pursight.governance.core.store.InMemoryCatalogStore;
import io.pursight.governance.policy.PolicyService;
import io.pursight.governance.core.store.JdbcCatalogStore;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.scan.Scan;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import io.pursight.governance.scan.ScanService;
import io.pursight.governance.spi.CatalogStore;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.EventSink;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.SecretProvider;
import io.pursight.governance.spi.SourceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PurSight runtime: a catalog of registered sources, classification, and scans. Build one with
 * {@link #builder()}, share it (it is thread-safe), and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * try (Governance gov = Governance.builder()
 *     .source("shop", "jdbc:postgresql://db/shop", "reader", System.getenv("SHOP_PW"))
 *     .build()) {
 *   ScanResult r = gov.scan(ScanRequest.builder().build());
 *   gov.catalog().search(SearchQuery.of("email")).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class Governance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Governance.class);

  private final Plugins plugins;
  private final SourceRegistry sources;
  private final CatalogStore store;
  private final boolean ownsStore;
  private final CatalogServiceImpl catalog;
  private final ClassificationServiceImpl classification;
  private final LineageServiceImpl lineage;
  private final ClassifierChain chain;
  private AuditLog audit;
  private final PolicyServiceImpl policies;
  private final ComplianceServiceImpl compliance;
  private final Scanner scanner;
  private final EventBus events;
  private final MeterRegistry meters;
  private final Secrets secrets;
  private volatile boolean closed;

  private Governance(Builder b, Plugins plugins, CatalogStore store, boolean ownsStore) {
    this.plugins = plugins;
    this.store = store;
    this.ownsStore = ownsStore;
    this.meters = b.meterRegistry != null ? b.meterRegistry : new SimpleMeterRegistry();
    this.sources = new SourceRegistry(plugins);
    try {
      InfoTypes types = InfoTypes.builtIn();
      for (InfoType t : b.infoTypes) {
        types = types.with(t);
      }
      List<Classifier> classifiers = new ArrayList<>();
      for (ClassifierProvider p : plugins.classifiers) {
        try {
          classifiers.add(Objects.requireNonNull(p.create(b.config(p.name())), "create() returned null"));
        } catch (ConfigurationException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new ConfigurationException("Classifier plugin '" + p.name() + "' failed to start: " + e, e);
        }
      }
      for (Classifier c : classifiers) {
        for (InfoType t : c.infoTypes()) {
          java.util.Optional<InfoType> known = types.find(t.id());
          if (known.isPresent() && !known.get().equals(t)) {
            throw new ConfigurationException("Classifier '" + c.id() + "' defines info type " + t.id()
                + ", which is already defined differently (built in, on the builder or by another classifier). "
                + "Give the custom type another id.");
          }
          types = types.with(t);
        }
      }
      List<EventSink> sinks = new ArrayList<>(b.eventSinks);
      this.events = new EventBus(sinks);
      this.catalog = new CatalogServiceImpl(store, b.cacheMaximumSize, b.cacheExpireAfterWrite);
      this.lineage = new LineageServiceImpl(plugins.lineageParsers, store, sources, edges -> catalog.lineageChanged());
      catalog.inheritance(new Inheritance(lineage, store, b.deidentifying, catalog::decisionsByField));
      this.chain = new ClassifierChain(classifiers, types);
      List<SecretProvider> secretProviders = new ArrayList<>(plugins.secretProviders);
      secretProviders.addAll(b.secretProviders);
      this.secrets = new Secrets(secretProviders, b.env);
      this.classification = new ClassificationServiceImpl(chain, catalog, events, b.clock, sources, plugins, secrets);
      this.scanner = new Scanner(sources, plugins, secrets, catalog, chain, lineage, events, new ScanMetrics(meters),
          b.scanParallelism, b.clock);
      this.audit = new AuditLog(b.auditSinks(ownsStore && b.storeFactory == null && b.store == null));
      Map<String, io.pursight.governance.spi.MaskingFunction> masking = new LinkedHashMap<>();
      plugins.maskingFunctions.forEach(f -> masking.put(f.name(), f));
      this.policies = new PolicyServiceImpl(b.policyEngine(plugins, masking, types), catalog, types, audit, b.clock,
          b.cacheMaximumSize);
      this.compliance = new ComplianceServiceImpl(plugins.compliancePacks,
          new io.pursight.governance.spi.CompliancePack.Context(catalog, lineage, policies, types, b.clock,
              b.config("compliance")));
      for (SourceConfig s : b.sources) {
        sources.register(s);
      }
    } catch (RuntimeException e) {
      if (audit != null) {
        audit.close();
      }
      if (ownsStore) {
        store.close();
      }
      throw e;
    }
  }

  /** A new builder with the defaults (plugins from the classpath, an H2 store in {@code ./.pursight}). */
  public static Builder builder() {
    return new Builder();
  }

  /** The catalog: datasets, fields, annotations, search, schema changes. */
  public CatalogService catalog() {
    checkOpen();
    return catalog;
  }

  /** Classification: ad hoc classification, confirmations and rejections. */
  public ClassificationService classification() {
    checkOpen();
    return classification;
  }

  /** Column lineage: derive it from SQL, walk the graph, analyse impact. */
  public LineageService lineage() {
    checkOpen();
    return lineage;
  }

  /** Access policies: decisions (allow, deny, mask, filter) over the catalog's facts, cached and audited. */
  public PolicyService policies() {
    checkOpen();
    return policies;
  }

  /** Compliance packs (GDPR, HIPAA, PCI-DSS, SOC2) evaluated over the catalog. */
  public ComplianceService compliance() {
    checkOpen();
    return compliance;
  }

  /** The hash-chained audit log. */
  public AuditService audit() {
    checkOpen();
    return audit;
  }

  /** The masking function called {@code name}, to apply a decision's {@code ColumnMask}s. */
  public java.util.Optional<io.pursight.governance.spi.MaskingFunction> maskingFunction(String name) {
    return plugins.maskingFunctions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The secret resolver (env:, file:, and plugin schemes), for masking keys. */
  public io.pursight.governance.spi.SecretResolver secrets() {
    return secrets;
  }

  /** The scan service (also reachable through {@link #scan} and {@link #startScan}). */
  public ScanService scans() {
    checkOpen();
    return scanner;
  }

  /** Scans and waits; see {@link ScanService#scan}. */
  public ScanResult scan(ScanRequest request) {
    return scans().scan(request);
  }

  /** Starts a scan in the background; see {@link ScanService#start}. */
  public Scan startScan(ScanRequest request) {
    return scans().start(request);
  }

  /**
   * Registers another source at run time.
   *
   * @throws ConfigurationException when the name is taken or no connector understands the location
   */
  public void registerSource(SourceConfig source) {
    checkOpen();
    sources.register(source);
  }

  /** Names of the registered sources. */
  public List<String> sourceNames() {
    return sources.names();
  }

  /** Names of the loaded plugins. */
  public List<String> pluginNames() {
    return plugins.all.stream().map(GovernancePlugin::name).toList();
  }

  /** The Micrometer registry scans report to. */
  public MeterRegistry meterRegistry() {
    return meters;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("This Governance instance is closed");
    }
  }

  /** Closes the search index, event sinks and (unless it was handed in) the catalog store. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    policies.close();
    audit.close();
    chain.close();
    catalog.close();
    events.close();
    if (ownsStore) {
      try {
        store.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the catalog store failed: {}", e.toString());
      }
    }
  }

  /**
   * Configures a {@link Governance}. Every setter validates its argument at once and names it in the
   * exception; {@link #build()} checks the combination.
   */
  public static final class Builder {
    private final List<SourceConfig> sources = new ArrayList<>();
    private final List<GovernancePlugin> plugins = new ArrayList<>();
    private final Map<String, Map<String, String>> pluginConfig = new HashMap<>();
    private final List<EventSink> eventSinks = new ArrayList<>();
    private final List<SecretProvider> secretProviders = new ArrayList<>();
    private final List<InfoType> infoTypes = new ArrayList<>();
    private java.util.Set<TransformKind> deidentifying = java.util.Set.of();
    private final List<io.pursight.governance.spi.AuditSink> auditSinks = new ArrayList<>();
    private Path auditLog;
    private boolean audit = true;
    private String policyProvider;
    private Map<String, String> policyConfig = Map.of();
    private boolean discoverPlugins = true;
    private ClassLoader classLoader;
    private Supplier<CatalogStore> storeFactory;
    private CatalogStore store;
    private Path storeDirectory = Path.of(".pursight");
    private long cacheMaximumSize = 10_000;
    private Duration cacheExpireAfterWrite = Duration.ofMinutes(5);
    private int scanParallelism = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() * 2));
    private MeterRegistry meterRegistry;
    private Clock clock = Clock.systemUTC();
    private Function<String, String> env = System::getenv;

    private Builder() {}

    /** Registers a source. */
    public Builder source(SourceConfig source) {
      Objects.requireNonNull(source, "source");
      if (sources.stream().anyMatch(s -> s.name().equals(source.name()))) {
        throw new ConfigurationException("Source '" + source.name() + "' is registered twice; names must be unique");
      }
      sources.add(source);
      return this;
    }

    /** Registers a source without credentials (or with credentials in its location's driver properties). */
    public Builder source(String name, String location) {
      return source(new SourceConfig(name, location, null, null, Map.of()));
    }

    /** Registers a source with a user and a password. */
    public Builder source(String name, String location, String user, String password) {
      return source(SourceConfig.of(name, location, user, password));
    }

    /** Adds a plugin programmatically (in addition to those found on the classpath). */
    public Builder plugin(GovernancePlugin plugin) {
      plugins.add(Objects.requireNonNull(plugin, "plugin"));
      return this;
    }

    /** Whether to find plugins with ServiceLoader (default true). */
    public Builder discoverPlugins(boolean on) {
      this.discoverPlugins = on;
      return this;
    }

    /** The class loader to discover plugins in (default: the thread's context class loader). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "classLoader");
      return this;
    }

    /** Settings handed to the plugin factory called {@code name} (e.g. a classifier's name). */
    public Builder pluginConfig(String name, Map<String, String> settings) {
      pluginConfig.put(Objects.requireNonNull(name, "name"), Map.copyOf(settings));
      return this;
    }

    /** Registers a custom info type classifiers may report. */
    public Builder infoType(InfoType type) {
      infoTypes.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /** Uses {@code store}; the caller keeps ownership and closes it. */
    public Builder store(CatalogStore catalogStore) {
      this.store = Objects.requireNonNull(catalogStore, "store");
      this.storeFactory = null;
      return this;
    }

    /** Keeps the catalog in memory only. */
    public Builder inMemoryStore() {
      this.store = null;
      this.storeFactory = InMemoryCatalogStore::new;
      return this;
    }

    /** Keeps the catalog in a database (H2 or PostgreSQL), created or migrated on build. */
    public Builder jdbcStore(String url, String user, String password) {
      Objects.requireNonNull(url, "url");
      this.store = null;
      this.storeFactory = () -> JdbcCatalogStore.open(url, user, password);
      return this;
    }

    /**
     * The directory of the default embedded H2 store (default {@code ./.pursight}, the catalog file
     * being {@code catalog.mv.db} in it).
     */
    public Builder storeDirectory(Path directory) {
      this.storeDirectory = Objects.requireNonNull(directory, "storeDirectory");
      return this;
    }

    /** The most dataset entries cached in memory (default 10,000). */
    public Builder cacheMaximumSize(long size) {
      if (size < 0) {
        throw new ConfigurationException("cacheMaximumSize must be zero or positive, got " + size);
      }
      this.cacheMaximumSize = size;
      return this;
    }

    /**
     * How long cached metadata may be served before it is re-read from the store (default 5
     * minutes). Changes made through this instance invalidate the cache at once; the expiry only
     * matters when other processes write to the same store.
     */
    public Builder cacheExpireAfterWrite(Duration ttl) {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new ConfigurationException("cacheExpireAfterWrite must be positive, got " + ttl);
      }
      this.cacheExpireAfterWrite = ttl;
      return this;
    }

    /** How many datasets are scanned at once (default min(4, 2 × cores), at least 2). */
    public Builder scanParallelism(int threads) {
      if (threads < 1 || threads > 64) {
        throw new ConfigurationException("scanParallelism must be within 1..64, got " + threads);
      }
      this.scanParallelism = threads;
      return this;
    }

    /** The Micrometer registry to report to (default: a private SimpleMeterRegistry). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
      return this;
    }

    /** Adds an event sink. */
    public Builder eventSink(EventSink sink) {
      eventSinks.add(Objects.requireNonNull(sink, "eventSink"));
      return this;
    }

    /** Adds a secret provider. */
    public Builder secretProvider(SecretProvider provider) {
      secretProviders.add(Objects.requireNonNull(provider, "secretProvider"));
      return this;
    }

    /**
     * Transforms across which classifications do not follow lineage (default: none, so a column
     * derived in any way from an e-mail column is treated as holding e-mail addresses). For example
     * {@code AGGREGATION} when aggregates in your SQL are counts and sums, never copies.
     */
    public Builder deidentifyingTransforms(TransformKind... kinds) {
      for (TransformKind k : kinds) {
        if (!k.isDirect()) {
          throw new ConfigurationException("deidentifyingTransforms takes direct transforms (IDENTITY, "
              + "TRANSFORMATION, AGGREGATION); " + k + " never carries values");
        }
      }
      this.deidentifying = java.util.Set.of(kinds);
      return this;
    }

    /**
     * Loads policies from a YAML or JSON file with the {@code rules} engine (policy-rules), reloaded
     * when the file changes. See docs/policies.md.
     */
    public Builder policyFile(Path file) {
      Objects.requireNonNull(file, "policyFile");
      return policyProvider("rules", Map.of("rules.file", file.toAbsolutePath().toString()));
    }

    /** Uses the policy provider called {@code name} with these settings. */
    public Builder policyProvider(String name, Map<String, String> settings) {
      this.policyProvider = Objects.requireNonNull(name, "name");
      this.policyConfig = Map.copyOf(settings);
      return this;
    }

    /**
     * Appends audit events to a hash-chained JSON-lines file (default: {@code audit.jsonl} in the
     * store directory when the catalog uses the default H2 store; none otherwise).
     */
    public Builder auditLog(Path file) {
      this.auditLog = Objects.requireNonNull(file, "auditLog");
      return this;
    }

    /** Adds an audit sink (e.g. a {@code JdbcAuditSink}); it is closed with the runtime. */
    public Builder auditSink(io.pursight.governance.spi.AuditSink sink) {
      auditSinks.add(Objects.requireNonNull(sink, "auditSink"));
      return this;
    }

    /** Turns auditing off altogether (default on where a log is configured). */
    public Builder noAudit() {
      this.audit = false;
      return this;
    }

    List<io.pursight.governance.spi.AuditSink> auditSinks(boolean defaultStore) {
      if (!audit) {
        return List.of();
      }
      List<io.pursight.governance.spi.AuditSink> all = new ArrayList<>(auditSinks);
      Path file = auditLog != null ? auditLog : defaultStore ? storeDirectory.resolve("audit.jsonl") : null;
      if (file != null) {
        all.add(new io.pursight.governance.core.audit.JsonlAuditSink(file));
      }
      return all;
    }

    io.pursight.governance.spi.PolicyEngine policyEngine(Plugins loaded,
        Map<String, io.pursight.governance.spi.MaskingFunction> masking, InfoTypes types) {
      if (policyProvider == null) {
        return new PolicyServiceImpl.AllowAll();
      }
      Map<String, String> config = new LinkedHashMap<>(policyConfig);
      if (policyProvider.equals("rules")) {
        // the rules engine checks policies against known info types: tell it about custom ones too
        java.util.Set<String> builtIn = new java.util.HashSet<>();
        InfoTypes.builtIn().all().forEach(t -> builtIn.add(t.id()));
        java.util.Set<String> extraTypes = new java.util.TreeSet<>();
        java.util.Set<String> extraCategories = new java.util.TreeSet<>();
        for (InfoType t : types.all()) {
          if (!builtIn.contains(t.id())) {
            extraTypes.add(t.id());
            extraCategories.add(t.category().toLowerCase(java.util.Locale.ROOT));
          }
        }
        merge(config, "rules.extraInfoTypes", extraTypes);
        merge(config, "rules.extraCategories", extraCategories);
      }
      for (io.pursight.governance.spi.PolicyProvider p : loaded.policyProviders) {
        if (p.name().equals(policyProvider)) {
          return Objects.requireNonNull(p.create(new PluginConfig(config), masking), "create() returned null");
        }
      }
      throw new ConfigurationException("No policy provider '" + policyProvider + "' is loaded; available: "
          + (loaded.policyProviders.isEmpty() ? "none (add io.pursight:policy-rules)"
              : loaded.policyProviders.stream().map(io.pursight.governance.spi.PolicyProvider::name).toList()));
    }

    private static void merge(Map<String, String> config, String key, java.util.Set<String> values) {
      if (values.isEmpty()) {
        return;
      }
      String given = config.get(key);
      config.put(key, given == null || given.isBlank() ? String.join(",", values) : given + "," + String.join(",", values));
    }

    /** The clock (tests). */
    Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    /** The environment for {@code env:} secrets (tests). */
    Builder environment(Function<String, String> e) {
      this.env = Objects.requireNonNull(e);
      return this;
    }

    PluginConfig config(String name) {
      return new PluginConfig(pluginConfig.getOrDefault(name, Map.of()));
    }

    /**
     * Builds the runtime: loads plugins, opens (and migrates) the store, registers the sources.
     *
     * @throws ConfigurationException when a setting or plugin is invalid
     * @throws io.pursight.governance.StoreException when the store cannot be opened
     */
    public Governance build() {
      ClassLoader cl = classLoader != null ? classLoader
          : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
          : Governance.class.getClassLoader();
      Plugins loaded = Plugins.load(plugins, discoverPlugins, cl);
      for (SourceConfig s : sources) {
        loaded.connectorFor(s);
      }
      Map<String, Boolean> known = new LinkedHashMap<>();
      loaded.classifiers.forEach(c -> known.put(c.name(), true));
      loaded.connectors.forEach(c -> known.put(c.type(), true));
      if (!loaded.compliancePacks.isEmpty()) {
        known.put("compliance", true);
      }
      for (String name : pluginConfig.keySet()) {
        if (!known.containsKey(name)) {
          throw new ConfigurationException("pluginConfig names '" + name + "', but no loaded plugin factory has that "
              + "name. Loaded: " + known.keySet());
        }
      }
      CatalogStore s;
      boolean owns;
      if (store != null) {
        s = store;
        owns = false;
      } else if (storeFactory != null) {
        s = storeFactory.get();
        owns = true;
      } else {
        s = JdbcCatalogStore.h2File(storeDirectory.resolve("catalog"));
        owns = true;
      }
      return new Governance(this, loaded, s, owns);
    }
  }
}
