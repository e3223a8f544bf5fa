package io.pursight.governance.core;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.GovernanceException;
import io.pursight.governance.SourceException;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SampleInfo;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.core.profile.Profiler;
import io.pursight.governance.core.profile.QualityScorer;
import io.pursight.governance.event.GovernanceEvent;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.DatasetOutcome.Status;
import io.pursight.governance.scan.Scan;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanError.Stage;
import io.pursight.governance.scan.ScanMode;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import io.pursight.governance.scan.ScanService;
import io.pursight.governance.spi.CatalogStore;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.SourceConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan orchestration: per source connect → list; per dataset (in parallel) describe → compare →
 * sample → classify → profile → store. Every failure is isolated to the source, dataset or column
 * it concerns and reported in the result; nothing half-written reaches the store (a dataset's
 * snapshot is written in one atomic step, after everything about it was computed).
 */
final class Scanner implements ScanService {
  private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);
  private static final double SIZE_CHANGE_RESAMPLE = 0.10;

  private final SourceRegistry sources;
  private final Plugins plugins;
  private final Secrets secrets;
  private final CatalogServiceImpl catalog;
  private final ClassifierChain chain;
  private final LineageServiceImpl lineage;
  private final EventBus events;
  private final ScanMetrics metrics;
  private final int parallelism;
  private final Clock clock;

  Scanner(SourceRegistry sources, Plugins plugins, Secrets secrets, CatalogServiceImpl catalog, ClassifierChain chain,
      LineageServiceImpl lineage, EventBus events, ScanMetrics metrics, int parallelism, Clock clock) {
    this.lineage = lineage;
    this.sources = sources;
    this.plugins = plugins;
    this.secrets = secrets;
    this.catalog = catalog;
    this.chain = chain;
    this.events = events;
    this.metrics = metrics;
    this.parallelism = parallelism;
    this.clock = clock;
  }

  @Override
  public ScanResult scan(ScanRequest request) {
    return start(request).result().join();
  }

  @Override
  public Scan start(ScanRequest request) {
    List<SourceConfig> selected = sources.select(request.sources());
    if (selected.isEmpty()) {
      throw new ConfigurationException("Nothing to scan: no sources are registered. Add one with "
          + "Governance.builder().source(...) or registerSource(...).");
    }
    Run run = new Run(request, selected);
    Thread t = new Thread(run::execute, "pursight-scan-" + run.id);
    t.setDaemon(true);
    t.start();
    return run;
  }

  /** One scan. */
  private final class Run implements Scan {
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final ScanRequest request;
    final List<SourceConfig> configs;
    final SerializedListener listener;
    final CancellationFlag flag = new CancellationFlag();
    final CompletableFuture<ScanResult> future = new CompletableFuture<>();
    final List<DatasetOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<ScanError> errors = Collections.synchronizedList(new ArrayList<>());
    final List<SchemaChange> changes = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger total = new AtomicInteger();
    volatile String dialect = "ansi";
    final AtomicInteger done = new AtomicInteger();

    Run(ScanRequest request, List<SourceConfig> configs) {
      this.request = request;
      this.configs = configs;
      this.listener = new SerializedListener(request.listener());
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public void cancel() {
      flag.cancel();
    }

    @Override
    public CompletableFuture<ScanResult> result() {
      return future;
    }

    void execute() {
      Instant started = clock.instant();
      ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads(id));
      try {
        for (SourceConfig config : configs) {
          if (flag.isCancelled()) {
            break;
          }
          scanSource(config, pool);
        }
      } catch (RuntimeException e) {
        LOG.error("Scan {} failed unexpectedly", id, e);
        error(new ScanError("*", null, Stage.DISCOVER, "Unexpected failure: " + e));
      } finally {
        pool.shutdownNow();
      }
      ScanResult result = new ScanResult(id, started, clock.instant(), List.copyOf(outcomes), List.copyOf(errors),
          List.copyOf(changes), flag.isCancelled());
      events.publish(new GovernanceEvent.ScanFinished(id, result.datasets().size(),
          (int) result.count(Status.FAILED), result.errors().size(), result.cancelled(), result.finished()));
      listener.scanFinished(result);
      future.complete(result);
    }

    void error(ScanError e) {
      errors.add(e);
      metrics.error(e);
      listener.error(e);
      LOG.warn("Scan {}: {}", id, e);
    }

    void scanSource(SourceConfig config, ExecutorService pool) {
      long t0 = System.nanoTime();
      String name = config.name();
      QualifiedName scope = QualifiedName.source(name);
      Connector connector;
      try {
        connector = plugins.connectorFor(config).connect(config, secrets);
      } catch (GovernanceException e) {
        error(new ScanError(name, null, Stage.CONNECT, e.getMessage()));
        metrics.sourceScanned(name, Duration.ofNanos(System.nanoTime() - t0), "failed");
        return;
      } catch (RuntimeException e) {
        error(new ScanError(name, null, Stage.CONNECT, "Connector failed unexpectedly: " + e));
        metrics.sourceScanned(name, Duration.ofNanos(System.nanoTime() - t0), "failed");
        return;
      }
      try (connector) {
        CatalogStore store = catalog.store();
        boolean firstScan = store.datasetNames(scope).isEmpty();
        DataSource described = connector.source();
        store.putSource(described);
        dialect = lineageDialect(described);
        List<QualifiedName> names;
        try {
          names = connector.list(request::accepts);
        } catch (RuntimeException e) {
          error(new ScanError(name, null, Stage.DISCOVER, message(e)));
          metrics.sourceScanned(name, Duration.ofNanos(System.nanoTime() - t0), "failed");
          return;
        }
        total.addAndGet(names.size());
        listener.sourceStarted(id, name, names.size());
        List<Future<?>> tasks = new ArrayList<>();
        for (QualifiedName n : names) {
          tasks.add(pool.submit(() -> finish(name, processDataset(connector, n, firstScan))));
        }
        for (Future<?> f : tasks) {
          try {
            f.get();
          } catch (ExecutionException e) {
            LOG.error("Scan {}: dataset task failed unexpectedly", id, e.getCause());
          }
        }
        if (!flag.isCancelled()) {
          detectRemovals(store, scope, new HashSet<>(names));
        }
        metrics.sourceScanned(name, Duration.ofNanos(System.nanoTime() - t0), flag.isCancelled() ? "cancelled" : "ok");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        flag.cancel();
      } catch (RuntimeException e) {
        error(new ScanError(name, null, Stage.STORE, message(e)));
      }
    }

    private void finish(String source, DatasetOutcome o) {
      outcomes.add(o);
      metrics.dataset(source, o);
      synchronized (done) {
        listener.datasetFinished(o, done.incrementAndGet(), total.get());
      }
    }

    private void detectRemovals(CatalogStore store, QualifiedName scope, Set<QualifiedName> present) {
      for (QualifiedName stored : store.datasetNames(scope)) {
        String ns = stored.schema() != null ? stored.schema() : stored.database();
        if (!present.contains(stored) && request.accepts(ns, stored.dataset())) {
          store.removeSnapshot(stored);
          SchemaChange ch = new SchemaChange(SchemaChange.Kind.DATASET_REMOVED, stored, null, null, clock.instant(), id);
          store.appendChanges(List.of(ch));
          changes.add(ch);
          catalog.datasetChanged(stored);
          events.publish(new GovernanceEvent.SchemaChanged(ch));
        }
      }
    }

    DatasetOutcome processDataset(Connector connector, QualifiedName name, boolean firstScan) {
      if (flag.isCancelled()) {
        return new DatasetOutcome(name, Status.CANCELLED, 0, 0, null, 0, "scan cancelled");
      }
      listener.datasetStarted(name);
      long t0 = System.nanoTime();
      String source = name.source();
      Dataset ds;
      try {
        ds = connector.describe(name);
      } catch (RuntimeException e) {
        String msg = message(e);
        error(new ScanError(source, name, Stage.DESCRIBE, msg));
        return failed(name, t0, msg);
      }
      CatalogStore store = catalog.store();
      DatasetSnapshot prev;
      try {
        prev = store.snapshot(name).orElse(null);
      } catch (RuntimeException e) {
        String msg = message(e);
        error(new ScanError(source, name, Stage.STORE, msg));
        return failed(name, t0, msg);
      }
      Instant now = clock.instant();
      List<SchemaChange> drift = prev == null
          ? (firstScan ? List.of() : List.of(new SchemaChange(SchemaChange.Kind.DATASET_ADDED, name, null, null, now, id)))
          : Drift.diff(prev.dataset(), ds, now, id);

      DatasetSnapshot snapshot;
      Status status;
      String failure = null;
      if (canKeep(prev, ds, drift, now)) {
        snapshot = new DatasetSnapshot(ds, prev.classifications(), prev.profiles(), prev.fieldQuality(), prev.quality(),
            prev.sample(), now, prev.sampledAt(), id);
        status = Status.UNCHANGED;
      } else {
        Sample sample = null;
        if (request.classify() || request.profile()) {
          try {
            sample = connector.sample(ds, request.sample(), flag);
          } catch (RuntimeException e) {
            if (flag.isCancelled()) {
              return new DatasetOutcome(name, Status.CANCELLED, ds.fields().size(), 0, null, millis(t0), "scan cancelled");
            }
            failure = message(e);
            error(new ScanError(source, name, Stage.SAMPLE, failure));
            if (e instanceof SourceException se && se.reason() == SourceException.Reason.NOT_FOUND) {
              return failed(name, t0, failure);
            }
          }
        }
        snapshot = analyse(ds, sample, prev, now);
        status = failure == null ? Status.SCANNED : Status.FAILED;
      }
      try {
        store.putSnapshot(snapshot);
        store.appendChanges(drift);
      } catch (RuntimeException e) {
        String msg = message(e);
        error(new ScanError(source, name, Stage.STORE, msg));
        return failed(name, t0, msg);
      }
      changes.addAll(drift);
      catalog.datasetChanged(name);
      recordViewLineage(ds, status);
      for (SchemaChange ch : drift) {
        events.publish(new GovernanceEvent.SchemaChanged(ch));
      }
      int sensitive = publishClassificationChanges(prev, snapshot, source);
      return new DatasetOutcome(name, status, ds.fields().size(), sensitive, snapshot.sample(), millis(t0), failure);
    }

    /** Derives lineage from a view's SQL (new or changed views only); failures are reported, not fatal. */
    private void recordViewLineage(Dataset ds, Status status) {
      boolean view = ds.kind() == io.pursight.governance.catalog.DatasetKind.VIEW
          || ds.kind() == io.pursight.governance.catalog.DatasetKind.MATERIALIZED_VIEW;
      if (!view || ds.definition() == null || !lineage.hasParser() || status == Status.UNCHANGED) {
        return;
      }
      try {
        String problem = lineage.recordView(ds, dialect);
        if (problem != null) {
          error(new ScanError(ds.name().source(), ds.name(), Stage.LINEAGE, problem));
        }
      } catch (RuntimeException e) {
        error(new ScanError(ds.name().source(), ds.name(), Stage.LINEAGE, message(e)));
      }
    }

    private boolean canKeep(DatasetSnapshot prev, Dataset ds, List<SchemaChange> drift, Instant now) {
      if (prev == null || request.mode() != ScanMode.INCREMENTAL || !drift.isEmpty() || prev.sampledAt() == null
          || prev.sample() == null) {
        return false;
      }
      if (Duration.between(prev.sampledAt(), now).compareTo(request.resampleAfter()) > 0) {
        return false;
      }
      Long before = prev.dataset().estimatedRows();
      Long after = ds.estimatedRows();
      if (before == null || after == null) {
        return before == null && after == null;
      }
      long base = Math.max(1, before);
      return Math.abs(after - before) <= SIZE_CHANGE_RESAMPLE * base;
    }

    private DatasetSnapshot analyse(Dataset ds, Sample sample, DatasetSnapshot prev, Instant now) {
      String source = ds.name().source();
      Map<QualifiedName, List<ClassificationDecision>> decided = Entries.byField(catalog.store().decisions());
      Map<String, List<Classification>> classes = new LinkedHashMap<>();
      Map<String, Profile> profiles = new LinkedHashMap<>();
      Map<String, QualityScore> quality = new LinkedHashMap<>();
      for (Field f : ds.fields()) {
        QualifiedName fn = ds.name().child(f.name());
        Sample.ColumnValues cv = sample == null ? null : sample.column(f.name()).orElse(null);
        if (cv != null && cv.decodeErrors() > 0) {
          error(new ScanError(source, fn, Stage.SAMPLE, cv.decodeErrors() + " of " + (cv.values().size()
              + cv.decodeErrors()) + " sampled values could not be decoded and were left out"
              + (cv.decodeError() != null ? ": " + cv.decodeError() : "")));
        }
        List<Classification> found = List.of();
        if (request.classify() && (sample != null || prev == null)) {
          try {
            found = chain.classify(new ColumnSample(fn, f.type(), f.comment(), cv == null ? List.of() : texts(cv),
                cv == null ? 0 : nulls(cv)));
          } catch (ClassifierChain.ClassifierFailure e) {
            error(new ScanError(source, fn, Stage.CLASSIFY, e.getMessage()));
          }
        } else if (prev != null) {
          found = prev.classifications().getOrDefault(f.name(), List.of());
        }
        if (!found.isEmpty()) {
          classes.put(f.name(), found);
        }
        if (sample == null && prev != null && prev.dataset().field(f.name()).equals(java.util.Optional.of(f))) {
          // sampling failed this time: keep what the last successful sample found
          if (prev.profiles().containsKey(f.name())) {
            profiles.put(f.name(), prev.profiles().get(f.name()));
          }
          if (prev.fieldQuality().containsKey(f.name())) {
            quality.put(f.name(), prev.fieldQuality().get(f.name()));
          }
        } else if (request.profile() && cv != null && cv.skipped() == null) {
          boolean sensitive = isSensitive(Entries.applyDecisions(Entries.withInherited(found, catalog.inherited(fn)),
              decided.getOrDefault(fn, List.of())));
          try {
            Profile p = Profiler.profile(f, cv, sensitive);
            profiles.put(f.name(), p);
            boolean unique = f.primaryKey() && ds.primaryKey().size() == 1;
            quality.put(f.name(), QualityScorer.field(f, p, cv, unique));
          } catch (RuntimeException e) {
            error(new ScanError(source, fn, Stage.PROFILE, "Profiling failed: " + e.getClass().getSimpleName()));
          }
        }
      }
      QualityScore dq = quality.isEmpty() ? null : QualityScorer.dataset(quality.values());
      if (sample == null && prev != null) {
        return new DatasetSnapshot(ds, classes, profiles, quality, dq, prev.sample(), now, prev.sampledAt(), id);
      }
      SampleInfo info = sample == null ? null : sample.info();
      return new DatasetSnapshot(ds, classes, profiles, quality, dq, info, now, sample == null ? null : now, id);
    }

    private boolean isSensitive(List<Classification> classifications) {
      for (Classification c : classifications) {
        if (!c.isActive()) {
          continue;
        }
        Sensitivity s = chain.infoTypes().find(c.infoType()).map(InfoType::sensitivity).orElse(Sensitivity.CONFIDENTIAL);
        if (s.atLeast(Sensitivity.CONFIDENTIAL)) {
          return true;
        }
      }
      return false;
    }

    private int publishClassificationChanges(DatasetSnapshot prev, DatasetSnapshot now, String source) {
      Map<QualifiedName, List<ClassificationDecision>> decided = Entries.byField(catalog.store().decisions());
      int sensitive = 0;
      for (Field f : now.dataset().fields()) {
        QualifiedName fn = now.name().child(f.name());
        List<String> after = active(now.classifications().getOrDefault(f.name(), List.of()), decided.get(fn));
        List<String> before = prev == null ? List.of()
            : active(prev.classifications().getOrDefault(f.name(), List.of()), decided.get(fn));
        if (!after.isEmpty()) {
          sensitive++;
        }
        if (!after.equals(before)) {
          List<String> added = after.stream().filter(t -> !before.contains(t)).toList();
          added.forEach(t -> metrics.classification(source, t));
          events.publish(new GovernanceEvent.ClassificationsChanged(fn, added,
              before.stream().filter(t -> !after.contains(t)).toList(), now.scannedAt()));
        }
      }
      return sensitive;
    }

    private List<String> active(List<Classification> suggested, List<ClassificationDecision> decided) {
      return Entries.applyDecisions(suggested, decided == null ? List.of() : decided).stream()
          .filter(Classification::isActive).map(Classification::infoType).sorted().toList();
    }

    private DatasetOutcome failed(QualifiedName name, long t0, String msg) {
      return new DatasetOutcome(name, Status.FAILED, 0, 0, null, millis(t0), msg);
    }
  }

  /** The lineage dialect for a source's SQL, from the dialect its connector reports. */
  static String lineageDialect(DataSource source) {
    String d = source.properties().getOrDefault("dialect", "");
    return switch (d) {
      case "postgresql" -> "postgresql";
      case "mariadb", "mysql" -> "mysql";
      default -> "ansi";
    };
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static String message(RuntimeException e) {
    if (e instanceof GovernanceException) {
      return e.getMessage();
    }
    return "Unexpected " + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }

  private static long nulls(Sample.ColumnValues cv) {
    long n = 0;
    for (Object v : cv.values()) {
      if (v == null) {
        n++;
      }
    }
    return n;
  }

  /** Non-null values as text for classifiers; binary values are left out. */
  static List<String> texts(Sample.ColumnValues cv) {
    List<String> out = new ArrayList<>(cv.values().size());
    for (Object v : cv.values()) {
      if (v == null || v instanceof byte[]) {
        continue;
      }
      out.add(v instanceof BigDecimal b ? b.toPlainString() : v.toString());
    }
    return out;
  }

  private static ThreadFactory threads(String scanId) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "pursight-scan-" + scanId + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
