package io.pursight.governance.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.classification.ClassificationService;
import io.pursight.governance.scan.ScanService;
import io.pursight.governance.spi.EventSink;
import io.pursight.governance.spi.GovernancePlugin;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Guice equivalent of {@link Governance#builder()}, for hosts that use Guice. Provides a
 * singleton {@link Governance} and its services ({@link CatalogService}, {@link
 * ClassificationService}, {@link ScanService}).
 *
 * <p>Plugins found by ServiceLoader are bound into a {@code Set<GovernancePlugin>} multibinding by
 * type, so Guice constructs them and their {@code @Inject} constructors work; hosts add their own
 * with {@code Multibinder.newSetBinder(binder(), GovernancePlugin.class).addBinding().to(...)}, and
 * event sinks the same way with {@code EventSink}. Everything else is configured on the builder:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new GovernanceModule(b -> b
 *     .source("shop", "jdbc:postgresql://db/shop", "reader", pw)
 *     .jdbcStore("jdbc:postgresql://db/governance", "gov", govPw)));
 * CatalogService catalog = injector.getInstance(CatalogService.class);
 * }</pre>
 *
 * <p>The host closes the {@link Governance} on shutdown.
 */
public final class GovernanceModule extends AbstractModule {
  private final Consumer<Governance.Builder> configuration;
  private final ClassLoader classLoader;

  /** A module with the builder's defaults. */
  public GovernanceModule() {
    this(b -> { });
  }

  /** A module whose {@link Governance} is configured by {@code configuration}. */
  public GovernanceModule(Consumer<Governance.Builder> configuration) {
    this(configuration, GovernanceModule.class.getClassLoader());
  }

  /** A module that discovers plugins in {@code classLoader}. */
  public GovernanceModule(Consumer<Governance.Builder> configuration, ClassLoader classLoader) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  @Override
  protected void configure() {
    Multibinder<GovernancePlugin> plugins = Multibinder.newSetBinder(binder(), GovernancePlugin.class);
    ServiceLoader.load(GovernancePlugin.class, classLoader).stream()
        .map(ServiceLoader.Provider::type)
        .forEach(type -> plugins.addBinding().to(type));
    Multibinder.newSetBinder(binder(), EventSink.class);
  }

  @Provides
  @Singleton
  Governance governance(Set<GovernancePlugin> plugins, Set<EventSink> sinks) {
    Governance.Builder b = Governance.builder().discoverPlugins(false).classLoader(classLoader);
    plugins.forEach(b::plugin);
    sinks.forEach(b::eventSink);
    configuration.accept(b);
    return b.build();
  }

  @Provides
  CatalogService catalog(Governance governance) {
    return governance.catalog();
  }

  @Provides
  ClassificationService classification(Governance governance) {
    return governance.classification();
  }

  @Provides
  ScanService scans(Governance governance) {
    return governance.scans();
  }
}
