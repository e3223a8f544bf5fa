package io.pursight.governance.catalog;

import java.util.Objects;

/**
 * A field's type as the source declares it, plus its family.
 *
 * @param nativeName the type name as the source reports it, e.g. {@code varchar}, {@code int4}
 * @param jdbcType the {@link java.sql.Types} code, or {@link java.sql.Types#OTHER}
 * @param size the length or precision, or null when not applicable
 * @param scale the decimal scale, or null when not applicable
 * @param family the source-independent family
 */
public record DataType(String nativeName, int jdbcType, Integer size, Integer scale, TypeFamily family) {

  /** Validates the parts. */
  public DataType {
    Objects.requireNonNull(nativeName, "nativeName");
    Objects.requireNonNull(family, "family");
  }

  /** The type as a reader would write it: {@code varchar(40)}, {@code numeric(10,2)}, {@code int4}. */
  public String display() {
    if (size == null || size <= 0 || size == Integer.MAX_VALUE) {
      return nativeName;
    }
    boolean sized = family == TypeFamily.STRING || family == TypeFamily.DECIMAL || family == TypeFamily.BINARY;
    if (!sized) {
      return nativeName;
    }
    return scale != null && scale > 0 ? nativeName + "(" + size + "," + scale + ")" : nativeName + "(" + size + ")";
  }
}
