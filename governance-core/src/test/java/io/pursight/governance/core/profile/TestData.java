package io.pursight.governance.core.profile;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ValueCount;
import io.pursight.governance.spi.Sample;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fields, columns and profile summaries for the profiling tests. */
final class TestData {

  private TestData() {}

  static Field field(TypeFamily family) {
    return field(family, false);
  }

  static Field field(TypeFamily family, boolean primaryKey) {
    return new Field("f_" + family.name().toLowerCase(), 1,
        new DataType(family.name().toLowerCase(), Types.OTHER, null, null, family), true, primaryKey, null, null);
  }

  static Sample.ColumnValues column(Object... values) {
    return new Sample.ColumnValues(Arrays.asList(values), 0, null, null);
  }

  static Sample.ColumnValues column(List<?> values) {
    return new Sample.ColumnValues(new ArrayList<>(values), 0, null, null);
  }

  static Sample.ColumnValues column(int decodeErrors, List<?> values) {
    return new Sample.ColumnValues(new ArrayList<>(values), decodeErrors,
        decodeErrors == 0 ? null : "could not decode", null);
  }

  static List<Object> concat(List<?> a, List<?> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static ValueCount vc(String value, long count) {
    return new ValueCount(value, count);
  }

  /** Everything in a profile but the sketch bytes. */
  record Summary(
      long rows, long nulls, long distinct, long blanks, long decodeErrors, String min, String max,
      Integer minLength, Integer maxLength, Double meanLength, List<ValueCount> topValues,
      List<ValueCount> patterns, boolean redacted, boolean hasNumbers, boolean hasValues, Profile.Order order) {

    static Summary of(Profile p) {
      return new Summary(p.rows(), p.nulls(), p.distinct(), p.blanks(), p.decodeErrors(), p.min(), p.max(),
          p.minLength(), p.maxLength(), p.meanLength(), p.topValues(), p.patterns(), p.redacted(),
          p.sketches().numbers() != null, p.sketches().values() != null, p.order());
    }
  }
}
