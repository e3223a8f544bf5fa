package io.pursight.governance.core;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.SourceConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The sources registered with one runtime, by name. */
final class SourceRegistry {
  private final Map<String, SourceConfig> byName = new ConcurrentSkipListMap<>();
  private final Plugins plugins;

  SourceRegistry(Plugins plugins) {
    this.plugins = plugins;
  }

  void register(SourceConfig config) {
    plugins.connectorFor(config);
    if (byName.putIfAbsent(config.name(), config) != null) {
      throw new ConfigurationException("A source named '" + config.name() + "' is already registered; names must be unique");
    }
  }

  boolean unregister(String name) {
    return byName.remove(name) != null;
  }

  List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The configs named by {@code names}, or all when empty. */
  List<SourceConfig> select(Collection<String> names) {
    if (names.isEmpty()) {
      return List.copyOf(byName.values());
    }
    List<SourceConfig> out = new ArrayList<>();
    for (String n : names) {
      SourceConfig c = byName.get(n);
      if (c == null) {
        throw new ConfigurationException("Unknown source '" + n + "'. Registered sources: "
            + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
      }
      out.add(c);
    }
    return out;
  }
}
