package io.pursight.governance.core;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SecretProvider;
import io.pursight.governance.spi.SecretResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves secrets: literals, {@code env:NAME}, {@code file:/path}, and plugin schemes. */
final class Secrets implements SecretResolver {
  private final Map<String, SecretProvider> providers;
  private final Function<String, String> env;

  Secrets(List<SecretProvider> providers, Function<String, String> env) {
    this.providers = providers.stream().collect(Collectors.toMap(SecretProvider::scheme, p -> p));
    this.env = env;
  }

  @Override
  public String resolve(Secret secret) {
    if (secret == null || secret.isEmpty()) {
      return null;
    }
    String ref = secret.reference();
    if (ref == null) {
      return secret.reveal();
    }
    int colon = ref.indexOf(':');
    String scheme = ref.substring(0, colon);
    String name = ref.substring(colon + 1);
    switch (scheme) {
      case "env": {
        String v = env.apply(name);
        if (v == null) {
          throw new ConfigurationException("Secret " + ref + ": environment variable " + name + " is not set");
        }
        return v;
      }
      case "file":
        try {
          return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new ConfigurationException("Secret " + ref + ": cannot read the file (" + e.getClass().getSimpleName()
              + "). Check the path and its permissions.", e);
        }
      default: {
        SecretProvider p = providers.get(scheme);
        if (p == null) {
          throw new ConfigurationException("Secret " + ref + ": no secret provider for scheme '" + scheme
              + "'. Built in: env, file" + (providers.isEmpty() ? "" : ", " + String.join(", ", providers.keySet())));
        }
        return p.resolve(name).orElseThrow(() -> new ConfigurationException(
            "Secret " + ref + ": provider '" + scheme + "' has no secret called '" + name + "'"));
      }
    }
  }
}
