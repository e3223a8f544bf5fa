package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;

/**
 * {@code email}: keeps the domain of an e-mail address and replaces the local part by {@code token}
 * (default {@code ****}): {@code jane.doe@example.com} becomes {@code ****@example.com}. The
 * length of the local part is not kept. A value that is not an address (no {@code @}, an empty
 * local part or domain, whitespace or control characters in the domain, a domain longer than 253
 * characters) becomes {@code token} alone, as does any non-string value.
 */
final class EmailFunction extends AbstractFunction<String> {
  static final String NAME = "email";
  static final int MAX_DOMAIN = 253;

  EmailFunction() {
    super(NAME, "token");
  }

  @Override
  String parse(Params p) {
    return p.string("token", RedactFunction.DEFAULT_TOKEN);
  }

  @Override
  Object apply(Object value, String token, SecretResolver secrets) {
    if (!(value instanceof CharSequence)) {
      return token;
    }
    String domain = domain(value.toString());
    return domain == null ? token : token + "@" + domain;
  }

  /** The domain of an address (after the last {@code @}, surrounding whitespace ignored), or null. */
  static String domain(String s) {
    String t = s.strip();
    int at = t.lastIndexOf('@');
    if (at <= 0 || at == t.length() - 1 || t.length() - at - 1 > MAX_DOMAIN) {
      return null;
    }
    String domain = t.substring(at + 1);
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
          || c == '<' || c == '>' || c == '"' || c == ',' || c == ';') {
        return null;
      }
    }
    return domain;
  }
}
