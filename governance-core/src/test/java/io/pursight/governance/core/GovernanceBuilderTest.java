package io.pursight.governance.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.ClassificationService;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.core.testing.FakeSources;
import io.pursight.governance.event.GovernanceEvent;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanService;
import io.pursight.governance.spi.EventSink;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SourceConfig;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceBuilderTest {
  @TempDir Path dir;

  @Test
  void defaultStoreIsAnH2FileThatPersists() {
    FakeSources.FakeSource src = FakeSources.create("persist");
    src.put(GovernanceScanTest.table("t", GovernanceScanTest.f("id", 1, GovernanceScanTest.INT)),
        Map.of("id", List.of(1L)));
    try (Governance g = Governance.builder().storeDirectory(dir).source("s", src.location()).build()) {
      g.scan(ScanRequest.builder().build());
    }
    assertThat(dir.resolve("catalog.mv.db")).exists();
    try (Governance g = Governance.builder().storeDirectory(dir).build()) {
      assertThat(g.catalog().datasets(QualifiedName.source("s"))).hasSize(1);
    }
  }

  @Test
  void pluginsAreDiscoveredOrRegisteredProgrammatically() {
    try (Governance g = Governance.builder().inMemoryStore().build()) {
      assertThat(g.pluginNames()).contains("fake");
    }
    try (Governance g = Governance.builder().inMemoryStore().discoverPlugins(false).build()) {
      assertThat(g.pluginNames()).isEmpty();
      assertThat(g.classification().classify(ColumnSample.of("t", "email", List.of("a@b.co")))).isEmpty();
    }
    try (Governance g = Governance.builder().inMemoryStore().discoverPlugins(false).plugin(new FakeSources()).build()) {
      assertThat(g.classification().classify(ColumnSample.of("t", "email", List.of("a@b.co"))))
          .extracting(c -> c.infoType()).containsExactly("EMAIL_ADDRESS");
    }
  }

  @Test
  void pluginConfigReachesTheFactoryAndUnknownNamesAreRefused() {
    try (Governance g = Governance.builder().inMemoryStore().pluginConfig("fake-email", Map.of("confidence", "0.5"))
        .build()) {
      assertThat(g.classification().classify(ColumnSample.of("t", "email", List.of("a@b.co"))).get(0).confidence())
          .isEqualTo(0.5);
    }
    assertThatThrownBy(() -> Governance.builder().inMemoryStore().pluginConfig("nosuch", Map.of()).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'nosuch'").hasMessageContaining("fake-email");
  }

  @Test
  void invalidSettingsFailWithTheSettingsName() {
    assertThatThrownBy(() -> Governance.builder().scanParallelism(0)).hasMessageContaining("scanParallelism");
    assertThatThrownBy(() -> Governance.builder().cacheMaximumSize(-1)).hasMessageContaining("cacheMaximumSize");
    assertThatThrownBy(() -> Governance.builder().cacheExpireAfterWrite(java.time.Duration.ZERO))
        .hasMessageContaining("cacheExpireAfterWrite");
    assertThatThrownBy(() -> Governance.builder().source("a", "fake:x").source("a", "fake:y"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("registered twice");
    assertThatThrownBy(() -> Governance.builder().inMemoryStore().source("m", "mongodb://u:hunter2@h/db").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No connector understands")
        .hasMessageContaining("connector-jdbc")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> new SourceConfig("bad name!", "fake:x", null, null, null))
        .hasMessageContaining("Invalid source name");
  }

  @Test
  void scanningNothingOrUnknownSourcesIsRefusedUpFront() {
    try (Governance g = Governance.builder().inMemoryStore().build()) {
      assertThatThrownBy(() -> g.scan(ScanRequest.builder().build())).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("no sources are registered");
      g.registerSource(SourceConfig.of("a", "fake:a", null, null));
      assertThatThrownBy(() -> g.scan(ScanRequest.builder().sources("b").build()))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown source 'b'")
          .hasMessageContaining("a");
    }
  }

  @Test
  void customInfoTypesAreAccepted() {
    InfoType badge = new InfoType("EMPLOYEE_BADGE_ID", "identity", Set.of("internal"), Sensitivity.CONFIDENTIAL, "");
    try (Governance g = Governance.builder().inMemoryStore().infoType(badge).build()) {
      assertThat(g.classification().infoTypes().get("EMPLOYEE_BADGE_ID")).isEqualTo(badge);
      assertThat(g.classification().infoTypes().size()).isEqualTo(63);
    }
  }

  /** A plugin whose classifier brings its own info type. */
  static final class BadgePlugin implements GovernancePlugin {
    final InfoType type;

    BadgePlugin(InfoType type) {
      this.type = type;
    }

    @Override
    public List<io.pursight.governance.spi.ClassifierProvider> classifiers() {
      return List.of(new io.pursight.governance.spi.ClassifierProvider() {
        @Override
        public String name() {
          return "badges";
        }

        @Override
        public io.pursight.governance.spi.Classifier create(io.pursight.governance.spi.PluginConfig config) {
          return new io.pursight.governance.spi.Classifier() {
            @Override
            public String id() {
              return "badges";
            }

            @Override
            public java.util.Collection<InfoType> infoTypes() {
              return List.of(type);
            }

            @Override
            public List<io.pursight.governance.classification.Classification> classify(ColumnSample sample, Context c) {
              return sample.values().stream().allMatch(v -> v.startsWith("EMP-")) && !sample.values().isEmpty()
                  ? List.of(io.pursight.governance.classification.Classification.suggested(type.id(), 0.9, "badges",
                      List.of("all values start with EMP-")))
                  : List.of();
            }
          };
        }
      });
    }
  }

  @Test
  void classifiersMayBringTheirOwnInfoTypesButNotRedefineKnownOnes() {
    InfoType badge = new InfoType("EMPLOYEE_BADGE_ID", "identity", Set.of(), Sensitivity.CONFIDENTIAL, "EMP-nnnn");
    try (Governance g = Governance.builder().inMemoryStore().discoverPlugins(false).plugin(new BadgePlugin(badge))
        .build()) {
      assertThat(g.classification().infoTypes().get("EMPLOYEE_BADGE_ID")).isEqualTo(badge);
      assertThat(g.classification().classify(ColumnSample.of("staff", "b", List.of("EMP-1", "EMP-2"))))
          .extracting(c -> c.infoType()).containsExactly("EMPLOYEE_BADGE_ID");
    }
    InfoType clash = new InfoType("EMAIL_ADDRESS", "contact", Set.of(), Sensitivity.PUBLIC, "");
    assertThatThrownBy(() -> Governance.builder().inMemoryStore().discoverPlugins(false).plugin(new BadgePlugin(clash))
        .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("EMAIL_ADDRESS")
        .hasMessageContaining("badges");
  }

  @Test
  void secretsResolveFromLiteralsEnvironmentFilesAndProviders() throws Exception {
    Files.writeString(dir.resolve("pw"), "from-file\n");
    Secrets s = new Secrets(List.of(new io.pursight.governance.spi.SecretProvider() {
      @Override
      public String scheme() {
        return "vault";
      }

      @Override
      public java.util.Optional<String> resolve(String name) {
        return name.equals("db") ? java.util.Optional.of("from-vault") : java.util.Optional.empty();
      }
    }), Map.of("DB_PW", "from-env")::get);
    assertThat(s.resolve(Secret.of("literal"))).isEqualTo("literal");
    assertThat(s.resolve(Secret.none())).isNull();
    assertThat(s.resolve(Secret.reference("env:DB_PW"))).isEqualTo("from-env");
    assertThat(s.resolve(Secret.reference("file:" + dir.resolve("pw")))).isEqualTo("from-file");
    assertThat(s.resolve(Secret.reference("vault:db"))).isEqualTo("from-vault");
    assertThatThrownBy(() -> s.resolve(Secret.reference("env:NOPE"))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("NOPE is not set");
    assertThatThrownBy(() -> s.resolve(Secret.reference("aws:x"))).hasMessageContaining("no secret provider for scheme 'aws'");
    assertThatThrownBy(() -> s.resolve(Secret.reference("vault:other"))).hasMessageContaining("no secret called 'other'");
    assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void sourcePasswordsComeThroughSecretReferences() {
    FakeSources.FakeSource src = FakeSources.create("locked");
    src.requiredPassword = "s3cret";
    src.put(GovernanceScanTest.table("t", GovernanceScanTest.f("id", 1, GovernanceScanTest.INT)),
        Map.of("id", List.of(1L)));
    try (Governance g = Governance.builder().inMemoryStore().environment(Map.of("PW", "s3cret")::get)
        .source(new SourceConfig("ok", src.location(), "u", Secret.reference("env:PW"), null))
        .source(new SourceConfig("bad", src.location(), "u", Secret.of("wrong"), null)).build()) {
      var r = g.scan(ScanRequest.builder().build());
      assertThat(r.errors()).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("bad");
        assertThat(e.message()).contains("wrong password");
      });
      assertThat(g.catalog().datasets(QualifiedName.source("ok"))).hasSize(1);
    }
  }

  /** A plugin that Guice constructs, with an injected dependency. */
  static final class InjectedPlugin implements GovernancePlugin {
    final String greeting;

    @Inject
    InjectedPlugin(String greeting) {
      this.greeting = greeting;
    }

    @Override
    public String name() {
      return "injected-" + greeting;
    }
  }

  @Test
  void guiceModuleIsEquivalentToTheBuilder() {
    List<GovernanceEvent> events = new ArrayList<>();
    FakeSources.FakeSource src = FakeSources.create("guice");
    src.put(GovernanceScanTest.table("t", GovernanceScanTest.f("email", 1, GovernanceScanTest.TEXT)),
        Map.of("email", List.of("a@b.co")));
    Injector injector = Guice.createInjector(new GovernanceModule(b -> b.inMemoryStore().source("g", src.location())),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(String.class).toInstance("hello");
            Multibinder.newSetBinder(binder(), GovernancePlugin.class).addBinding().to(InjectedPlugin.class);
            Multibinder.newSetBinder(binder(), EventSink.class).addBinding().toInstance(events::add);
          }
        });
    Governance g = injector.getInstance(Governance.class);
    try (g) {
      assertThat(injector.getInstance(Governance.class)).isSameAs(g);
      assertThat(g.pluginNames()).contains("fake", "injected-hello");
      injector.getInstance(ScanService.class).scan(ScanRequest.builder().build());
      CatalogService catalog = injector.getInstance(CatalogService.class);
      assertThat(catalog.field(QualifiedName.dataset("g", "db", "public", "t").child("email")).orElseThrow()
          .activeClassifications()).hasSize(1);
      assertThat(catalog.datasets(QualifiedName.source("g"))).hasSize(1);
      assertThat(injector.getInstance(ClassificationService.class).infoTypes().size()).isEqualTo(62);
      assertThat(events).anyMatch(e -> e instanceof GovernanceEvent.ScanFinished);
    }
  }

  @Test
  void closedInstancesRefuseWork() {
    Governance g = Governance.builder().inMemoryStore().build();
    g.close();
    g.close();
    assertThatThrownBy(g::catalog).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
