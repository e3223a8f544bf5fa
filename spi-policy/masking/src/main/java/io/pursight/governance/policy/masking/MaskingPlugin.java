package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.MaskingFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in masking functions: {@code redact}, {@code null}, {@code fixed}, {@code partial},
 * {@code pci}, {@code email}, {@code hash}, {@code tokenize}, {@code fpe}, {@code
 * generalize_date}, {@code bucket} and {@code noise}. Found through {@code META-INF/services}; the
 * reference is docs/masking.md.
 *
 * <p>Policies refer to a function by name and give its parameters as strings, e.g. {@code
 * {function: partial, first: 0, last: 4}}; {@link MaskingFunction#validate} checks them when the
 * policy loads. Keyed functions ({@code hash}, {@code tokenize}, {@code fpe}, and {@code noise}
 * with {@code key}) take the key as a secret reference ({@code key: env:MASK_KEY}), resolved
 * through the {@link io.pursight.governance.spi.SecretResolver} passed to {@code mask} once per
 * resolver and reference, and cached with the keys derived from it until {@link #invalidateKeys()}.
 *
 * <p>Every function is thread-safe; the functions of one plugin instance share one key cache.
 */
public final class MaskingPlugin implements GovernancePlugin {
  private final Keys keys = new Keys();
  private final Map<String, MaskingFunction> functions;

  /** Creates the plugin with its own key cache. */
  public MaskingPlugin() {
    Map<String, MaskingFunction> m = new LinkedHashMap<>();
    for (MaskingFunction f : List.of(new RedactFunction(), new NullFunction(), new FixedFunction(),
        new PartialFunction(), new PciFunction(), new EmailFunction(), new HashFunction(keys),
        new TokenizeFunction(keys), new FpeFunction(keys), new GeneralizeDateFunction(), new BucketFunction(),
        new NoiseFunction(keys))) {
      m.put(f.name(), f);
    }
    functions = java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String name() {
    return "masking";
  }

  @Override
  public List<MaskingFunction> maskingFunctions() {
    return List.copyOf(functions.values());
  }

  /**
   * The function called {@code name}.
   *
   * @throws IllegalArgumentException naming the functions there are
   */
  public MaskingFunction function(String name) {
    MaskingFunction f = functions.get(name);
    if (f == null) {
      throw new IllegalArgumentException("Unknown masking function '" + Params.echo(name) + "'; the functions are "
          + String.join(", ", functions.keySet()));
    }
    return f;
  }

  /**
   * Forgets every resolved key and the keys derived from it: the next masked value resolves its
   * secret again. Call it after rotating a key.
   */
  public void invalidateKeys() {
    keys.invalidate();
  }
}
