package io.pursight.governance.policy.masking;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pseudo-random bytes for one value: HMAC-SHA256 in counter mode over a seed (itself an HMAC of
 * the value), or, for the non-deterministic mode of {@code noise}, a thread-local random source.
 * Not thread-safe; one per masked value.
 */
final class KeyStream {
  private final HmacKey key;
  private final byte[] seed;
  private int counter;
  private byte[] block = new byte[0];
  private int at;

  private KeyStream(HmacKey key, byte[] seed) {
    this.key = key;
    this.seed = seed;
  }

  /** A stream determined by the key, a domain tag and the value's bytes. */
  static KeyStream of(HmacKey key, String tag, byte[] value) {
    return new KeyStream(key, key.mac(HmacKey.utf8(tag), new byte[] {0}, value));
  }

  /** A stream of non-deterministic bytes. */
  static KeyStream random() {
    return new KeyStream(null, null);
  }

  private int nextByte() {
    if (at == block.length) {
      if (key == null) {
        block = new byte[64];
        ThreadLocalRandom.current().nextBytes(block);
      } else {
        block = key.mac(seed, new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
            (byte) counter});
        counter++;
      }
      at = 0;
    }
    return block[at++] & 0xff;
  }

  void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) nextByte();
    }
  }

  int nextInt() {
    return nextByte() << 24 | nextByte() << 16 | nextByte() << 8 | nextByte();
  }

  long nextLong() {
    return (long) nextInt() << 32 | (nextInt() & 0xffffffffL);
  }

  /** Uniform in {@code [0, bound)}, without modulo bias. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    int limit = Integer.MAX_VALUE - (int) ((Integer.MAX_VALUE + 1L) % bound);
    while (true) {
      int r = nextInt() >>> 1;
      if (r <= limit) {
        return r % bound;
      }
    }
  }

  /** Uniform in {@code [0, bound)}, without modulo bias. */
  BigInteger nextBigInteger(BigInteger bound) {
    if (bound.signum() <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    int bits = bound.bitLength();
    byte[] b = new byte[(bits + 7) / 8];
    while (true) {
      nextBytes(b);
      int excess = b.length * 8 - bits;
      b[0] &= (byte) (0xff >>> excess);
      BigInteger r = new BigInteger(1, b);
      if (r.compareTo(bound) < 0) {
        return r;
      }
    }
  }

  /** Uniform in {@code [0, 1)}. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
