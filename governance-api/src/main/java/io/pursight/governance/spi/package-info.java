/**
 * The service provider interfaces. A plugin jar implements {@link
 * io.pursight.governance.spi.GovernancePlugin} and lists it in {@code
 * META-INF/services/io.pursight.governance.spi.GovernancePlugin}; the plugin returns factories
 * (connectors, classifiers, stores, sinks...) that take a {@link
 * io.pursight.governance.spi.PluginConfig} and return configured instances.
 */
package io.pursight.governance.spi;
