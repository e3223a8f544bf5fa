package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.util.Base64;
import org.bouncycastle.util.encoders.Hex;

/**
 * {@code hash}: HMAC-SHA256 of the value's canonical bytes ({@link Values#canonical}) keyed with
 * the secret {@code key}, as a String: lower-case {@code hex} (64 characters, the default), {@code
 * base64} (44) or {@code base64url} (43, no padding), optionally cut to {@code length} characters
 * (at least 8). Deterministic for a key; irreversible; the same value hashes the same whatever
 * its Java type, and equals {@code HMAC-SHA256(key, UTF-8(text))} computed by any other tool.
 * Every type is accepted; the result is always a String.
 */
final class HashFunction extends AbstractFunction<HashFunction.Config> {
  static final String NAME = "hash";
  static final int MIN_LENGTH = 8;

  enum Encoding {
    HEX(64), BASE64(44), BASE64URL(43);

    final int length;

    Encoding(int length) {
      this.length = length;
    }

    String encode(byte[] mac) {
      return switch (this) {
        case HEX -> Hex.toHexString(mac);
        case BASE64 -> Base64.getEncoder().encodeToString(mac);
        case BASE64URL -> Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
      };
    }
  }

  record Config(String key, Keys.Encoding keyEncoding, Encoding encoding, int length) {}

  private final Keys keys;

  HashFunction(Keys keys) {
    super(NAME, Keys.KEY, Keys.KEY_ENCODING, "encoding", "length");
    this.keys = keys;
  }

  @Override
  Config parse(Params p) {
    String key = p.secretReference(Keys.KEY, true);
    Keys.Encoding keyEncoding = Keys.Encoding.of(p);
    Encoding encoding = Encoding.valueOf(p.choice("encoding", "hex", "hex", "base64", "base64url")
        .toUpperCase(java.util.Locale.ROOT));
    int length = p.integer("length", encoding.length, MIN_LENGTH, encoding.length);
    return new Config(key, keyEncoding, encoding, length);
  }

  @Override
  Object apply(Object value, Config c, SecretResolver secrets) {
    byte[] mac = keys.get(NAME, c.key, c.keyEncoding, secrets).hmac().mac(Values.canonical(value));
    String s = c.encoding.encode(mac);
    return c.length < s.length() ? s.substring(0, c.length) : s;
  }
}
