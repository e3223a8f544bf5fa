package io.pursight.governance.policy.masking;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.Secret;
import io.pursight.governance.spi.SecretResolver;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;

/**
 * Key material for the keyed functions, resolved through the {@link SecretResolver} once per
 * (resolver, reference, encoding) and cached with everything derived from it, so that masking a
 * value never resolves a secret or derives a key. {@link #invalidate()} drops the cache (key
 * rotation). Thread-safe.
 */
final class Keys {
  static final String KEY = "key";
  static final String KEY_ENCODING = "keyEncoding";
  /** Keys shorter than this are refused: 128 bits is the least any of the functions should run on. */
  static final int MIN_BYTES = 16;
  private static final int MAX_ENTRIES = 256;

  /** How the resolved secret's text becomes key bytes. */
  enum Encoding {
    UTF8, HEX, BASE64;

    static final String[] NAMES = {"utf8", "hex", "base64"};

    static Encoding of(Params p) {
      return valueOf(p.choice(KEY_ENCODING, "utf8", NAMES).toUpperCase(java.util.Locale.ROOT));
    }
  }

  private record Id(SecretResolver resolver, String reference, Encoding encoding) {}

  private final ConcurrentHashMap<Id, Material> cache = new ConcurrentHashMap<>();

  /** The material behind {@code reference}, resolving it on first use. */
  Material get(String function, String reference, Encoding encoding, SecretResolver secrets) {
    if (secrets == null) {
      throw new ConfigurationException("masking function " + function + ": parameter 'key' (" + reference
          + ") needs a SecretResolver, and none was given");
    }
    Id id = new Id(secrets, reference, encoding);
    Material m = cache.get(id);
    if (m == null) {
      m = new Material(decode(function, reference, encoding, resolve(function, reference, secrets)), encoding);
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      Material raced = cache.putIfAbsent(id, m);
      if (raced != null) {
        m = raced;
      }
    }
    return m;
  }

  /** Forgets every resolved key: the next use resolves the secrets again. */
  void invalidate() {
    cache.clear();
  }

  private static String resolve(String function, String reference, SecretResolver secrets) {
    String value;
    try {
      value = secrets.resolve(Secret.reference(reference));
    } catch (RuntimeException e) {
      // Resolver messages name the reference, never the secret.
      throw new ConfigurationException("masking function " + function + ": cannot resolve the key " + reference
          + ": " + e.getMessage(), e);
    }
    if (value == null || value.isEmpty()) {
      throw new ConfigurationException("masking function " + function + ": the key " + reference
          + " resolved to an empty value");
    }
    return value;
  }

  private static byte[] decode(String function, String reference, Encoding encoding, String value) {
    byte[] bytes;
    try {
      bytes = switch (encoding) {
        case UTF8 -> HmacKey.utf8(value);
        case HEX -> Hex.decode(value.strip());
        case BASE64 -> decodeBase64(value.strip());
      };
    } catch (DecoderException | IllegalArgumentException e) {
      // No cause attached: a decoder's message may quote the offending characters.
      throw new ConfigurationException("masking function " + function + ": the key " + reference + " is not valid "
          + encoding.name().toLowerCase(java.util.Locale.ROOT) + " (keyEncoding); value not shown");
    }
    if (bytes.length < MIN_BYTES) {
      throw new ConfigurationException("masking function " + function + ": the key " + reference + " is shorter than "
          + MIN_BYTES + " bytes (128 bits); use a random key of 32 bytes, e.g. openssl rand -hex 32 with keyEncoding:"
          + " hex");
    }
    return bytes;
  }

  private static byte[] decodeBase64(String s) {
    if (s.indexOf('-') >= 0 || s.indexOf('_') >= 0) {
      return Base64.getUrlDecoder().decode(s);
    }
    return Base64.getDecoder().decode(s);
  }

  /** Resolved key bytes and the keys derived from them, each computed once. */
  static final class Material {
    private final byte[] bytes;
    private final Encoding encoding;
    private final HmacKey raw;
    private final ConcurrentHashMap<String, HmacKey> derived = new ConcurrentHashMap<>();
    private volatile KeyParameter aes;

    Material(byte[] bytes, Encoding encoding) {
      this.bytes = bytes;
      this.encoding = encoding;
      this.raw = new HmacKey(bytes);
    }

    /** HMAC-SHA256 keyed with the key bytes themselves (interoperable with any HMAC tool). */
    HmacKey hmac() {
      return raw;
    }

    /** HMAC-SHA256 keyed with a subkey derived for one purpose (HKDF-SHA256, info = purpose). */
    HmacKey derived(String purpose) {
      return derived.computeIfAbsent(purpose, p -> new HmacKey(hkdf(p, 32)));
    }

    /**
     * The AES key for FF1: a 16-, 24- or 32-byte key given in hex or base64 is used as it is
     * (interoperable with other FF1 implementations); any other key is the input of HKDF-SHA256,
     * which derives a 32-byte key.
     */
    KeyParameter aes() {
      KeyParameter k = aes;
      if (k == null) {
        boolean direct = encoding != Encoding.UTF8 && (bytes.length == 16 || bytes.length == 24 || bytes.length == 32);
        k = new KeyParameter(direct ? bytes : hkdf(FpeFunction.HKDF_INFO, 32));
        aes = k;
      }
      return k;
    }

    private byte[] hkdf(String info, int length) {
      HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
      g.init(new HKDFParameters(bytes, null, HmacKey.utf8(info)));
      byte[] out = new byte[length];
      g.generateBytes(out, 0, length);
      return out;
    }

    @Override
    public String toString() {
      return "Key[" + bytes.length + " bytes]";
    }
  }
}
