package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;

/** {@code null}: every value becomes null. No parameters. */
final class NullFunction extends AbstractFunction<Boolean> {
  static final String NAME = "null";

  NullFunction() {
    super(NAME);
  }

  @Override
  Boolean parse(Params p) {
    return Boolean.TRUE;
  }

  @Override
  Object apply(Object value, Boolean config, SecretResolver secrets) {
    return null;
  }
}
