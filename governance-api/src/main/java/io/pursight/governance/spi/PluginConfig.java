package io.pursight.governance.spi;

import io.pursight.governance.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration handed to a plugin factory: string keys and values with typed accessors that fail
 * with a message naming the key.
 *
 * @param values the settings
 */
public record PluginConfig(Map<String, String> values) {

  /** No settings. */
  public static final PluginConfig EMPTY = new PluginConfig(Map.of());

  /** Copies the map. */
  public PluginConfig {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The value of {@code key}, or {@code fallback}. */
  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  /** The value of {@code key}. @throws ConfigurationException when it is not set */
  public String require(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw new ConfigurationException("Missing plugin setting '" + key + "'");
    }
    return v;
  }

  /** An integer setting. @throws ConfigurationException when it is not an integer */
  public int getInt(String key, int fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("Plugin setting '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  /** A boolean setting ({@code true}/{@code false}). @throws ConfigurationException otherwise */
  public boolean getBoolean(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new ConfigurationException("Plugin setting '" + key + "' must be true or false, got '" + v + "'");
  }

  /** A duration setting in ISO-8601 ({@code PT10S}) or as seconds ({@code 10}). */
  public Duration getDuration(String key, Duration fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return v.strip().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v.strip())) : Duration.parse(v.strip());
    } catch (RuntimeException e) {
      throw new ConfigurationException("Plugin setting '" + key + "' must be a duration like PT10S or 10, got '" + v + "'", e);
    }
  }
}
