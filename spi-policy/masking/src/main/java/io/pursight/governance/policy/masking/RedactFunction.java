package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;

/**
 * {@code redact}: a constant that depends only on the value's type. Strings become {@code token}
 * (default {@code ****}), a Character the token's first character ({@code *} for an empty token),
 * numbers zero of their type (BigDecimal with its scale), Boolean false, dates and times the epoch
 * (1970-01-01, midnight, UTC for offset and zoned values), UUID the nil UUID, byte[] an empty
 * array; any other type becomes the token (a String).
 */
final class RedactFunction extends AbstractFunction<String> {
  static final String NAME = "redact";
  static final String DEFAULT_TOKEN = "****";

  RedactFunction() {
    super(NAME, "token");
  }

  @Override
  String parse(Params p) {
    return p.string("token", DEFAULT_TOKEN);
  }

  @Override
  Object apply(Object value, String token, SecretResolver secrets) {
    return redact(value, token);
  }

  static Object redact(Object value, String token) {
    if (value instanceof CharSequence) {
      return token;
    }
    if (value instanceof Character) {
      return token.isEmpty() ? '*' : token.charAt(0);
    }
    Object neutral = Values.neutral(value);
    return neutral != null ? neutral : token;
  }
}
