package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.SecretResolver;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of the functions: parameters are parsed and checked once into an immutable configuration,
 * cached by the parameter map, so {@link #validate} and {@link #mask} report the same errors and a
 * masked value costs a map lookup plus the masking itself. Thread-safe.
 *
 * @param <C> the parsed configuration
 */
abstract class AbstractFunction<C> implements MaskingFunction {
  private static final int MAX_CONFIGS = 1024;
  private final String name;
  private final Set<String> parameters;
  private final ConcurrentHashMap<Map<String, String>, C> configs = new ConcurrentHashMap<>();

  AbstractFunction(String name, String... parameters) {
    this.name = name;
    this.parameters = Params.names(parameters);
  }

  @Override
  public final String name() {
    return name;
  }

  /** The parameter names this function accepts. */
  final Set<String> parameterNames() {
    return parameters;
  }

  @Override
  public final void validate(Map<String, String> parameters) {
    config(parameters);
  }

  @Override
  public final Object mask(Object value, Map<String, String> parameters, SecretResolver secrets) {
    C config = config(parameters);
    return value == null ? null : apply(value, config, secrets);
  }

  /** The configuration for {@code parameters}, parsed on first use. */
  final C config(Map<String, String> parameters) {
    Map<String, String> p = parameters == null ? Map.of() : parameters;
    C c = configs.get(p);
    if (c == null) {
      c = parse(Params.of(name, p, this.parameters));
      if (configs.size() >= MAX_CONFIGS) {
        configs.clear();
      }
      // A copy as the key: the caller may change its map later. (HashMap: the ignored 'function'
      // entry may hold a null.)
      configs.putIfAbsent(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(p)), c);
    }
    return c;
  }

  /** Parses and checks the parameters. */
  abstract C parse(Params p);

  /** Masks a non-null value. */
  abstract Object apply(Object value, C config, SecretResolver secrets);

  @Override
  public String toString() {
    return "MaskingFunction[" + name + "]";
  }
}
