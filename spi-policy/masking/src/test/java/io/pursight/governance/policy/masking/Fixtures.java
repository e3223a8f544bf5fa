package io.pursight.governance.policy.masking;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SecretResolver;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.quicktheories.QuickTheory;

/** Shared test set-up: a plugin, secrets, parameter maps and the QuickTheories configuration. */
final class Fixtures {
  private Fixtures() {}

  /** Fixed so that builds are reproducible; the root pom passes it as QT_SEED (-Dqt.seed=... to explore). */
  static final long SEED = seed(System.getProperty("QT_SEED"));

  private static long seed(String property) {
    try {
      return Long.parseLong(property);
    } catch (NumberFormatException e) {
      return 20261126L; // the root pom's default, for runs outside Maven (or an unresolved ${qt.seed})
    }
  }

  static final String KEY_REF = "env:MASK_KEY";
  static final String KEY = "test-masking-key-0123456789-abcdef";
  static final String OTHER_KEY_REF = "env:OTHER_KEY";
  static final String OTHER_KEY = "another-masking-key-9876543210-zyx";
  /** The AES-128 key of NIST's FF1 samples 1 to 3. */
  static final String FF1_KEY_REF = "env:FF1_KEY";
  static final String FF1_KEY = "2B7E151628AED2A6ABF7158809CF4F3C";

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED);
  }

  static QuickTheory qt(int examples) {
    return qt().withExamples(examples);
  }

  static final MaskingPlugin PLUGIN = new MaskingPlugin();

  static MaskingFunction fn(String name) {
    return PLUGIN.function(name);
  }

  /** Parameters from alternating names and values. */
  static Map<String, String> params(String... nameValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put(nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  /** A resolver like the runtime's for {@code env:}: known names resolve, others fail naming the reference. */
  static final class Secrets implements SecretResolver {
    final Map<String, String> values = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    Secrets() {
      values.put(KEY_REF, KEY);
      values.put(OTHER_KEY_REF, OTHER_KEY);
      values.put(FF1_KEY_REF, FF1_KEY);
    }

    Secrets with(String reference, String value) {
      values.put(reference, value);
      return this;
    }

    @Override
    public String resolve(Secret secret) {
      calls.incrementAndGet();
      String ref = secret.reference();
      if (ref == null) {
        return secret.reveal();
      }
      String v = values.get(ref);
      if (v == null) {
        throw new ConfigurationException("Secret " + ref + ": environment variable "
            + ref.substring(ref.indexOf(':') + 1) + " is not set");
      }
      return v;
    }
  }

  static final Secrets SECRETS = new Secrets();

  static Object mask(String function, Object value, String... nameValues) {
    return fn(function).mask(value, params(nameValues), SECRETS);
  }
}
