package io.pursight.governance.core;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.AuditSink;
import io.pursight.governance.spi.CatalogStoreProvider;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.ConnectorProvider;
import io.pursight.governance.spi.EventSink;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.LineageParser;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.PolicyProvider;
import io.pursight.governance.spi.PrincipalResolver;
import io.pursight.governance.spi.SecretProvider;
import io.pursight.governance.spi.SourceConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugins of one runtime: those registered explicitly plus those found with ServiceLoader. */
final class Plugins {
  private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

  final List<GovernancePlugin> all;
  final List<ConnectorProvider> connectors;
  final List<ClassifierProvider> classifiers;
  final List<LineageParser> lineageParsers;
  final List<PolicyProvider> policyProviders;
  final List<MaskingFunction> maskingFunctions;
  final List<CatalogStoreProvider> catalogStores;
  final List<AuditSink.Provider> auditSinks;
  final List<EventSink.Provider> eventSinks;
  final List<SecretProvider> secretProviders;
  final List<PrincipalResolver> principalResolvers;
  final List<io.pursight.governance.spi.CompliancePack> compliancePacks;

  private Plugins(List<GovernancePlugin> plugins) {
    this.all = List.copyOf(plugins);
    this.connectors = collect(GovernancePlugin::connectors);
    this.classifiers = collect(GovernancePlugin::classifiers);
    this.lineageParsers = collect(GovernancePlugin::lineageParsers);
    this.policyProviders = collect(GovernancePlugin::policyProviders);
    this.maskingFunctions = collect(GovernancePlugin::maskingFunctions);
    this.catalogStores = collect(GovernancePlugin::catalogStores);
    this.auditSinks = collect(GovernancePlugin::auditSinks);
    this.eventSinks = collect(GovernancePlugin::eventSinks);
    this.secretProviders = collect(GovernancePlugin::secretProviders);
    this.principalResolvers = collect(GovernancePlugin::principalResolvers);
    this.compliancePacks = collect(GovernancePlugin::compliancePacks);
    requireUnique("compliance pack", compliancePacks, io.pursight.governance.spi.CompliancePack::id);
    requireUnique("policy provider", policyProviders, PolicyProvider::name);
    requireUnique("classifier", classifiers, ClassifierProvider::name);
    requireUnique("masking function", maskingFunctions, MaskingFunction::name);
    requireUnique("secret provider", secretProviders, SecretProvider::scheme);
  }

  /**
   * Plugins from {@code explicit} plus, when {@code discover}, every {@link GovernancePlugin} found
   * by ServiceLoader in {@code loader} whose class is not already among the explicit ones.
   */
  static Plugins load(List<GovernancePlugin> explicit, boolean discover, ClassLoader loader) {
    Map<String, GovernancePlugin> byClass = new LinkedHashMap<>();
    for (GovernancePlugin p : explicit) {
      byClass.putIfAbsent(p.getClass().getName(), p);
    }
    if (discover) {
      try {
        for (GovernancePlugin p : ServiceLoader.load(GovernancePlugin.class, loader)) {
          byClass.putIfAbsent(p.getClass().getName(), p);
        }
      } catch (ServiceConfigurationError e) {
        throw new ConfigurationException("A PurSight plugin on the classpath cannot be loaded: " + e.getMessage()
            + ". Check its META-INF/services/io.pursight.governance.spi.GovernancePlugin entry and its dependencies.", e);
      }
    }
    Plugins plugins = new Plugins(new ArrayList<>(byClass.values()));
    LOG.debug("Plugins: {}", plugins.all.stream().map(GovernancePlugin::name).toList());
    return plugins;
  }

  /** The connector provider that understands {@code config}. */
  ConnectorProvider connectorFor(SourceConfig config) {
    for (ConnectorProvider p : connectors) {
      if (p.supports(config)) {
        return p;
      }
    }
    String known = connectors.isEmpty() ? "none" : connectors.stream().map(ConnectorProvider::type)
        .collect(Collectors.joining(", "));
    throw new ConfigurationException("No connector understands the location of source '" + config.name()
        + "' (" + Redaction.location(config.location()) + "). Connectors on the classpath: " + known
        + ". Add the connector plugin (e.g. io.pursight:connector-jdbc) to the classpath.");
  }

  private <T> List<T> collect(Function<GovernancePlugin, Collection<T>> f) {
    List<T> out = new ArrayList<>();
    for (GovernancePlugin p : all) {
      Collection<T> items;
      try {
        items = f.apply(p);
      } catch (RuntimeException e) {
        throw new ConfigurationException("Plugin " + p.name() + " failed to list its contributions: " + e.getMessage(), e);
      }
      if (items != null) {
        out.addAll(items);
      }
    }
    return List.copyOf(out);
  }

  private static <T> void requireUnique(String what, List<T> items, Function<T, String> name) {
    Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(name, Collectors.counting()));
    counts.forEach((n, c) -> {
      if (c > 1) {
        throw new ConfigurationException(c + " plugins contribute a " + what + " named '" + n
            + "'. Remove one of them from the classpath or the builder.");
      }
    });
  }
}
