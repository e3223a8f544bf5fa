package io.pursight.governance.policy.masking;

import io.pursight.governance.spi.SecretResolver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code bucket}: replaces a number by the lower bound of its bucket, as a number of the same type.
 * Either {@code size} (buckets [k*size, (k+1)*size), e.g. size 10: 37 becomes 30 and -3 becomes
 * -10) or {@code bounds} (a comma-separated ascending list; a value becomes the greatest bound at
 * or below it, a value below the first bound the first bound). Integral results round down and
 * stay within the type's range; BigDecimal keeps its scale when the bound fits it. A size at or
 * below the resolution of the value (1 for integral types, one unit of the last decimal for
 * BigDecimal) would return every value unchanged and is refused. NaN and infinities are returned
 * as they are. Numeric strings are bucketed as BigDecimal and return a string; other strings
 * become {@code ****}; other types are refused.
 */
final class BucketFunction extends AbstractFunction<BucketFunction.Config> {
  static final String NAME = "bucket";

  record Config(BigDecimal size, List<BigDecimal> bounds) {}

  BucketFunction() {
    super(NAME, "size", "bounds");
  }

  @Override
  Config parse(Params p) {
    p.exclusive("size", "bounds");
    if (p.has("size")) {
      return new Config(p.positive("size", null), null);
    }
    if (p.has("bounds")) {
      return new Config(null, p.ascending("bounds"));
    }
    throw p.error("size", "or 'bounds' is required: size: 10 (buckets 0-9, 10-19...) or bounds: 0,18,30,65");
  }

  @Override
  Object apply(Object v, Config c, SecretResolver secrets) {
    switch (Values.kind(v)) {
      case TEXT: {
        BigDecimal d = NoiseFunction.parseNumber(v.toString());
        return d == null ? RedactFunction.DEFAULT_TOKEN : ((BigDecimal) bucket(d, c)).toPlainString();
      }
      case INTEGRAL:
      case DECIMAL:
      case FLOATING:
        return bucket((Number) v, c);
      default:
        throw Values.unsupported(NAME, v, "numbers (Byte, Short, Integer, Long, BigInteger, BigDecimal, Float, Double)"
            + " and numeric strings");
    }
  }

  static Number bucket(Number v, Config c) {
    if ((v instanceof Double || v instanceof Float) && !Double.isFinite(v.doubleValue())) {
      return v;
    }
    BigDecimal x = Values.decimal(v);
    BigDecimal lower;
    if (c.size != null) {
      BigDecimal resolution = Values.kind(v) == Values.Kind.INTEGRAL ? BigDecimal.ONE
          : v instanceof BigDecimal d ? BigDecimal.ONE.scaleByPowerOfTen(-d.scale()) : null;
      if (resolution != null && c.size.compareTo(resolution) <= 0) {
        throw new IllegalArgumentException("masking function bucket: parameter 'size' (" + c.size.toPlainString()
            + ") is not larger than the resolution of " + v.getClass().getSimpleName() + " values ("
            + resolution.toPlainString() + "); every value would be its own bucket. Use a larger size");
      }
      lower = x.divide(c.size, 0, RoundingMode.FLOOR).multiply(c.size);
    } else {
      lower = c.bounds.get(0);
      for (BigDecimal b : c.bounds) {
        if (b.compareTo(x) <= 0) {
          lower = b;
        } else {
          break;
        }
      }
    }
    return Values.convert(lower, v);
  }
}
