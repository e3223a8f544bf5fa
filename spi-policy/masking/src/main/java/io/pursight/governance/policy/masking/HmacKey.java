package io.pursight.governance.policy.masking;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * HMAC-SHA256 (RFC 2104) with the key's inner and outer pad states computed once: a MAC costs two
 * digest copies and the compressions of the message, with no key schedule. Immutable and
 * thread-safe (every call works on copies of the prepared states).
 */
final class HmacKey {
  static final int LENGTH = 32;
  private static final int BLOCK = 64;
  private final SHA256Digest inner;
  private final SHA256Digest outer;

  HmacKey(byte[] key) {
    byte[] k = key;
    if (k.length > BLOCK) {
      k = sha256(k);
    }
    byte[] ipad = new byte[BLOCK];
    byte[] opad = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      ipad[i] = (byte) (b ^ 0x36);
      opad[i] = (byte) (b ^ 0x5c);
    }
    inner = new SHA256Digest();
    inner.update(ipad, 0, BLOCK);
    outer = new SHA256Digest();
    outer.update(opad, 0, BLOCK);
  }

  /** HMAC of the concatenation of {@code parts}. */
  byte[] mac(byte[]... parts) {
    SHA256Digest d = new SHA256Digest(inner);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] h = new byte[LENGTH];
    d.doFinal(h, 0);
    SHA256Digest o = new SHA256Digest(outer);
    o.update(h, 0, LENGTH);
    o.doFinal(h, 0);
    return h;
  }

  static byte[] sha256(byte[] data) {
    SHA256Digest d = new SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[LENGTH];
    d.doFinal(out, 0);
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
