package io.pursight.governance.spi;

/** Turns a {@link Secret} into its value, asking the registered {@link SecretProvider}s for references. */
@FunctionalInterface
public interface SecretResolver {

  /**
   * The secret's value.
   *
   * @throws io.pursight.governance.ConfigurationException when a reference cannot be resolved
   */
  String resolve(Secret secret);
}
