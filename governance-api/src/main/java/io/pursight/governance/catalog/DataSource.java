package io.pursight.governance.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A data source registered with the catalog, as it describes itself. Holds no credentials.
 *
 * @param name the unique name it is registered under
 * @param connector the connector type that reads it ({@code jdbc}, {@code mongodb}, ...)
 * @param location where it lives, with any password removed (e.g. a JDBC URL)
 * @param product the product name the source reports (e.g. {@code PostgreSQL}), or null
 * @param productVersion the product version, or null
 * @param properties further facts the connector reports, never values or secrets; JDBC sources
 *     report {@code dialect}, {@code driver}, {@code driverVersion} and the connection's default
 *     {@code database} and {@code schema}
 */
public record DataSource(
    String name, String connector, String location, String product, String productVersion,
    Map<String, String> properties) {

  /** Validates the parts. */
  public DataSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connector, "connector");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
