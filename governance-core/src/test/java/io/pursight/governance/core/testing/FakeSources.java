package io.pursight.governance.core.testing;

import io.pursight.governance.SourceException;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SampleInfo;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.ConnectorProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.Sample;
import io.pursight.governance.spi.SecretResolver;
import io.pursight.governance.spi.SourceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test plugin: a connector serving in-memory datasets from {@code fake:<id>} locations, with
 * injectable failures, and a simple classifier. Exercises the scan orchestration through the real
 * SPI (the JDBC connector has its own tests against real databases).
 */
public final class FakeSources implements GovernancePlugin {
  private static final Map<String, FakeSource> SOURCES = new ConcurrentHashMap<>();

  /** Canned lineage answers of the fake parser, by SQL text. */
  public static final Map<String, io.pursight.governance.lineage.ScriptLineage> LINEAGE = new ConcurrentHashMap<>();

  /** The schema questions the fake parser was asked, with their answers. */
  public static final Map<String, java.util.Optional<List<String>>> LOOKUPS = new ConcurrentHashMap<>();

  /** One fake source's contents and failure switches. */
  public static final class FakeSource {
    private final String id;
    public final Map<QualifiedName, Dataset> datasets = new ConcurrentHashMap<>();
    public final Map<QualifiedName, Map<String, Sample.ColumnValues>> values = new ConcurrentHashMap<>();
    public final Set<QualifiedName> failDescribe = ConcurrentHashMap.newKeySet();
    public final Set<QualifiedName> goneOnSample = ConcurrentHashMap.newKeySet();
    public final Map<QualifiedName, CountDownLatch> blockSample = new ConcurrentHashMap<>();
    public final AtomicInteger sampleCalls = new AtomicInteger();
    public volatile SourceException connectFailure;
    public volatile String requiredPassword;

    FakeSource(String id) {
      this.id = id;
    }

    /** The location to register this source at. */
    public String location() {
      return "fake:" + id;
    }

    public void put(Dataset d, Map<String, List<Object>> columns) {
      datasets.put(d.name(), d);
      Map<String, Sample.ColumnValues> cv = new LinkedHashMap<>();
      columns.forEach((k, v) -> cv.put(k, new Sample.ColumnValues(v, 0, null, null)));
      values.put(d.name(), cv);
    }

    public void putColumn(QualifiedName dataset, String field, Sample.ColumnValues v) {
      values.get(dataset).put(field, v);
    }
  }

  /** Creates (or replaces) the fake source {@code id}; register it at location {@code fake:<id>}. */
  public static FakeSource create(String id) {
    FakeSource s = new FakeSource(id);
    SOURCES.put(id, s);
    return s;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public List<ConnectorProvider> connectors() {
    return List.of(new ConnectorProvider() {
      @Override
      public String type() {
        return "fake";
      }

      @Override
      public boolean supports(SourceConfig config) {
        return config.location().startsWith("fake:");
      }

      @Override
      public Connector connect(SourceConfig config, SecretResolver secrets) {
        FakeSource s = SOURCES.get(config.location().substring(5));
        if (s == null) {
          throw new SourceException(config.name(), SourceException.Reason.UNREACHABLE,
              "No fake source at " + config.location(), null);
        }
        if (s.connectFailure != null) {
          throw s.connectFailure;
        }
        if (s.requiredPassword != null && !s.requiredPassword.equals(secrets.resolve(config.password()))) {
          throw new SourceException(config.name(), SourceException.Reason.AUTHENTICATION, "wrong password", null);
        }
        return new FakeConnector(config.name(), s);
      }
    });
  }

  @Override
  public List<io.pursight.governance.spi.LineageParser> lineageParsers() {
    return List.of(new io.pursight.governance.spi.LineageParser() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Set<String> dialects() {
        return Set.of("ansi", "postgresql", "mysql");
      }

      @Override
      public io.pursight.governance.lineage.ScriptLineage analyze(String sql, String dialect,
          io.pursight.governance.lineage.SchemaLookup schema) {
        for (String t : List.of("customers", "public.customers", "orders", "nosuch")) {
          LOOKUPS.put(t, schema.columns(t));
        }
        io.pursight.governance.lineage.ScriptLineage r = LINEAGE.get(sql);
        return r != null ? r : new io.pursight.governance.lineage.ScriptLineage(List.of(),
            List.of(new io.pursight.governance.lineage.LineageError(0, "fake parser knows no such SQL", 1, 1)));
      }
    });
  }

  @Override
  public List<ClassifierProvider> classifiers() {
    return List.of(new ClassifierProvider() {
      @Override
      public String name() {
        return "fake-email";
      }

      @Override
      public Classifier create(PluginConfig config) {
        double confidence = Double.parseDouble(config.get("confidence", "0.9"));
        return new Classifier() {
          @Override
          public String id() {
            return "fake-email";
          }

          @Override
          public List<Classification> classify(ColumnSample sample, Context context) {
            if (sample.fieldName().equals("boom")) {
              throw new IllegalStateException("classifier bug");
            }
            long hits = sample.values().stream().filter(v -> v.contains("@")).count();
            if (hits > 0 && hits * 2 >= sample.values().size()) {
              return List.of(Classification.suggested("EMAIL_ADDRESS", confidence, "fake-email",
                  List.of(hits + "/" + sample.values().size() + " values contain @")));
            }
            if (sample.fieldName().contains("city")) {
              return List.of(Classification.suggested("LOCATION_CITY", 0.7, "fake-email", List.of("name")));
            }
            return List.of();
          }
        };
      }
    });
  }

  /** Test datasets are defined under source "shop"; the connector serves them under its own name. */
  static QualifiedName rename(QualifiedName n, String source) {
    return new QualifiedName(source, n.database(), n.schema(), n.dataset(), n.field());
  }

  private static final class FakeConnector implements Connector {
    private final String name;
    private final FakeSource s;

    FakeConnector(String name, FakeSource s) {
      this.name = name;
      this.s = s;
    }

    @Override
    public DataSource source() {
      return new DataSource(name, "fake", "fake:" + name, "Fake", "1.0", Map.of("database", "db", "schema", "public"));
    }

    @Override
    public List<QualifiedName> list(java.util.function.BiPredicate<String, String> filter) {
      List<QualifiedName> out = new ArrayList<>();
      for (QualifiedName n : s.datasets.keySet()) {
        if (filter.test(n.schema() != null ? n.schema() : n.database(), n.dataset())) {
          out.add(rename(n, name));
        }
      }
      out.sort(java.util.Comparator.comparing(QualifiedName::toString));
      return out;
    }

    @Override
    public Dataset describe(QualifiedName asked) {
      QualifiedName dataset = rename(asked, "shop");
      if (s.failDescribe.contains(dataset)) {
        throw new SourceException(name, SourceException.Reason.PERMISSION, "permission denied for " + dataset.dataset(), null);
      }
      Dataset d = s.datasets.get(dataset);
      if (d == null) {
        throw new SourceException(name, SourceException.Reason.NOT_FOUND, dataset.dataset() + " no longer exists", null);
      }
      return new Dataset(asked, d.kind(), d.fields(), d.primaryKey(), d.foreignKeys(), d.comment(), d.definition(),
          d.estimatedRows(), d.properties());
    }

    @Override
    public Sample sample(Dataset asked, SampleSpec spec, CancellationToken cancellation) {
      Dataset dataset = s.datasets.getOrDefault(rename(asked.name(), "shop"), asked);
      s.sampleCalls.incrementAndGet();
      CountDownLatch latch = s.blockSample.get(dataset.name());
      if (latch != null) {
        try (AutoCloseable h = cancellation.onCancel(latch::countDown)) {
          latch.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        if (cancellation.isCancelled()) {
          throw new SourceException(name, SourceException.Reason.OTHER, "sampling cancelled", null);
        }
      }
      if (s.goneOnSample.contains(dataset.name())) {
        throw new SourceException(name, SourceException.Reason.NOT_FOUND,
            dataset.name().dataset() + " no longer exists (dropped during the scan?)", null);
      }
      Map<String, Sample.ColumnValues> v = s.values.getOrDefault(dataset.name(), Map.of());
      int rows = v.values().stream().mapToInt(c -> c.values().size()).max().orElse(0);
      return new Sample(new SampleInfo("fake", rows, 1, false), v);
    }

    @Override
    public void close() {}
  }
}
