package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code noise}: adds a random offset to a number, keeping its type. The offset's bound is {@code
 * scale} (absolute) or {@code percent} of the value's magnitude (exactly one of them), but at
 * least one unit of the value's resolution (1 for integral types, the last decimal for BigDecimal,
 * one ulp for Float and Double), so that <b>the result never equals the value</b>. Within the
 * bound every other representable value is equally likely (integral types and BigDecimal), or the
 * offset is uniform (Float, Double); integral results stay within the type's range (the offset is
 * mirrored at the range's ends, never wrapped).
 *
 * <p>Determinism: with {@code key} (a secret reference) the offset is an HMAC of the value, the same
 * for every call and instance and unpredictable without the key; with {@code seed} (an integer) it
 * is just as stable but anyone who knows the seed can recompute it (and so test guesses of the
 * value); with neither the offset is drawn afresh on each call, and repeated reads of one value
 * can be averaged to estimate it. NaN and infinities are returned as they are; numeric strings are
 * handled as BigDecimal and return a string; other strings become {@code ****}; other types are
 * refused.
 */
final class NoiseFunction extends AbstractFunction<NoiseFunction.Config> {
  static final String NAME = "noise";
  static final String PURPOSE = "pursight/mask/noise/v1";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int ATTEMPTS = 64;

  record Config(BigDecimal scale, BigDecimal percent, HmacKey seedKey, String key, Keys.Encoding keyEncoding) {}

  private final Keys keys;

  NoiseFunction(Keys keys) {
    super(NAME, "scale", "percent", "seed", Keys.KEY, Keys.KEY_ENCODING);
    this.keys = keys;
  }

  @Override
  Config parse(Params p) {
    p.exclusive("scale", "percent");
    p.exclusive("seed", Keys.KEY);
    BigDecimal scale = p.has("scale") ? p.positive("scale", null) : null;
    BigDecimal percent = p.has("percent") ? p.positive("percent", HUNDRED) : null;
    if (scale == null && percent == null) {
      throw p.error("scale", "or 'percent' is required: scale: 5 (offsets up to 5) or percent: 10 (up to 10% of the"
          + " value)");
    }
    HmacKey seedKey = p.has("seed") ? new HmacKey(HmacKey.utf8("pursight/mask/noise/seed/" + p.longValue("seed")))
        : null;
    String key = p.secretReference(Keys.KEY, false);
    return new Config(scale, percent, seedKey, key, Keys.Encoding.of(p));
  }

  @Override
  Object apply(Object v, Config c, SecretResolver secrets) {
    switch (Values.kind(v)) {
      case TEXT: {
        BigDecimal d = parseNumber(v.toString());
        return d == null ? RedactFunction.DEFAULT_TOKEN : decimal(stream(c, d, secrets), d, c).toPlainString();
      }
      case INTEGRAL: {
        Number n = (Number) v;
        return Values.integral(integral(stream(c, v, secrets), Values.integer(n), Values.min(n), Values.max(n), c), n);
      }
      case DECIMAL:
        return decimal(stream(c, v, secrets), (BigDecimal) v, c);
      case FLOATING:
        return floating(stream(c, v, secrets), (Number) v, c);
      default:
        throw Values.unsupported(NAME, v, "numbers (Byte, Short, Integer, Long, BigInteger, BigDecimal, Float, Double)"
            + " and numeric strings");
    }
  }

  /** A decimal number in plain or scientific notation (surrounding whitespace ignored), or null. */
  static BigDecimal parseNumber(String s) {
    String t = s.strip();
    if (t.isEmpty() || t.length() > 1000) {
      return null;
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private KeyStream stream(Config c, Object v, SecretResolver secrets) {
    if (c.key != null) {
      return KeyStream.of(keys.get(NAME, c.key, c.keyEncoding, secrets).derived(PURPOSE), "noise", Values.canonical(v));
    }
    if (c.seedKey != null) {
      return KeyStream.of(c.seedKey, "noise", Values.canonical(v));
    }
    return KeyStream.random();
  }

  /** The bound of the offset for a value of magnitude {@code magnitude}. */
  private static BigDecimal bound(BigDecimal magnitude, Config c) {
    return c.scale != null ? c.scale : magnitude.multiply(c.percent).divide(HUNDRED);
  }

  static BigInteger integral(KeyStream ks, BigInteger v, BigInteger min, BigInteger max, Config c) {
    BigInteger b = bound(new BigDecimal(v.abs()), c).setScale(0, RoundingMode.FLOOR).toBigInteger().max(BigInteger.ONE);
    BigInteger lo = v.subtract(b);
    BigInteger hi = v.add(b);
    if (min != null) {
      // Mirror at the type's ends: keep the window's width where there is room on the other side.
      if (lo.compareTo(min) < 0) {
        hi = hi.add(min.subtract(lo)).min(max);
        lo = min;
      }
      if (hi.compareTo(max) > 0) {
        lo = lo.subtract(hi.subtract(max)).max(min);
        hi = max;
      }
    }
    BigInteger r = lo.add(ks.nextBigInteger(hi.subtract(lo)));
    return r.compareTo(v) >= 0 ? r.add(BigInteger.ONE) : r;
  }

  static BigDecimal decimal(KeyStream ks, BigDecimal v, Config c) {
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-v.scale());
    BigInteger units = bound(v.abs(), c).divide(unit, 0, RoundingMode.FLOOR).toBigInteger().max(BigInteger.ONE);
    BigInteger r = integral(ks, v.unscaledValue(), null, null, new Config(new BigDecimal(units), null, null, null,
        null));
    return new BigDecimal(r, v.scale());
  }

  static Number floating(KeyStream ks, Number n, Config c) {
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      return n;
    }
    boolean isFloat = n instanceof Float;
    double ulp = isFloat ? Math.ulp(n.floatValue()) : Math.ulp(v);
    double b = Math.max(bound(BigDecimal.valueOf(Math.abs(v)), c).doubleValue(), ulp);
    for (int i = 0; i < ATTEMPTS; i++) {
      double r = v + (2 * ks.nextDouble() - 1) * b;
      if (isFloat) {
        float f = (float) r;
        if (Float.isFinite(f) && f != n.floatValue()) {
          return f;
        }
      } else if (Double.isFinite(r) && r != v) {
        return r;
      }
    }
    // The bound is within rounding of the value: step to a neighbour that is finite.
    if (isFloat) {
      float f = n.floatValue();
      float up = Math.nextUp(f);
      return Float.isFinite(up) ? up : Math.nextDown(f);
    }
    double up = Math.nextUp(v);
    return Double.isFinite(up) ? up : Math.nextDown(v);
  }
}
