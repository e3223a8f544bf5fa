package io.pursight.governance.spi;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach a data source: a name to register it under, a location a connector understands
 * (a JDBC URL, a MongoDB connection string), credentials and connector properties.
 *
 * @param name the name, unique per runtime: letters, digits, {@code _ - .}
 * @param location the URL or connection string; must not embed a password (use {@code password})
 * @param user the user, or null
 * @param password the password
 * @param properties connector-specific settings (e.g. driver properties)
 */
public record SourceConfig(String name, String location, String user, Secret password, Map<String, String> properties) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Validates the parts. */
  public SourceConfig {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid source name '" + name
          + "': use 1-64 letters, digits, '_', '-' or '.'");
    }
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("Source '" + name + "' needs a location (e.g. a JDBC URL)");
    }
    password = password == null ? Secret.none() : password;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** A source with a user and a literal password. */
  public static SourceConfig of(String name, String location, String user, String password) {
    return new SourceConfig(name, location, user, Secret.of(password), Map.of());
  }

  /** A copy with {@code key=value} added to the properties. */
  public SourceConfig withProperty(String key, String value) {
    java.util.HashMap<String, String> p = new java.util.HashMap<>(properties);
    p.put(key, value);
    return new SourceConfig(name, location, user, password, p);
  }
}
