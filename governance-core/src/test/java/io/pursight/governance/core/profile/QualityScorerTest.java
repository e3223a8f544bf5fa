package io.pursight.governance.core.profile;

import static io.pursight.governance.core.profile.TestData.column;
import static io.pursight.governance.core.profile.TestData.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.core.profile.QualityScorer.ValueClass;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import io.pursight.governance.spi.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScorerTest {

  private static QualityScore score(Field field, Sample.ColumnValues values) {
    return QualityScorer.field(field, Profiler.profile(field, values, false), values);
  }

  private static List<Object> repeat(int times, Object value) {
    return new ArrayList<>(Collections.nCopies(times, value));
  }

  @Test
  void integersWithNotApplicableMarkers() {
    List<Object> values = new ArrayList<>();
    for (int i = 1; i <= 97; i++) {
      values.add(Integer.toString(i));
    }
    values.addAll(repeat(3, "N/A"));
    Field f = field(TypeFamily.STRING);
    assertThat(QualityScorer.nonConforming(f, column(values))).isEqualTo(3);
    // completeness 1, validity 97/100, no uniqueness: (0.4 * 1 + 0.4 * 0.97) / 0.8
    assertThat(score(f, column(values))).isEqualTo(new QualityScore(0.985, 1.0, 0.97, null));
  }

  @Test
  void primaryKeyWithDuplicates() {
    Sample.ColumnValues values = column(1L, 2L, 2L, 3L, 3L, 3L, null, 4L, 5L, 6L);
    // rows 10, non-null 9, distinct 6: completeness 0.9, validity 1, uniqueness 6/9
    // score = 0.4 * 0.9 + 0.4 * 1 + 0.2 * 0.6667 = 0.89333
    assertThat(score(field(TypeFamily.INTEGER, true), values)).isEqualTo(new QualityScore(0.8933, 0.9, 1.0, 0.6667));
    assertThat(score(field(TypeFamily.INTEGER, false), values).uniqueness()).as("not a key").isNull();
  }

  @Test
  void allNullColumn() {
    Sample.ColumnValues values = column(null, null, null, null);
    assertThat(score(field(TypeFamily.STRING), values)).isEqualTo(new QualityScore(0.0, 0.0, null, null));
    assertThat(score(field(TypeFamily.STRING, true), values)).isEqualTo(new QualityScore(0.0, 0.0, null, null));
  }

  @Test
  void emptySample() {
    Sample.ColumnValues values = column(List.of());
    assertThat(score(field(TypeFamily.STRING), values)).isEqualTo(new QualityScore(1.0, 1.0, null, null));
    assertThat(score(field(TypeFamily.INTEGER, true), values)).isEqualTo(new QualityScore(1.0, 1.0, null, null));
  }

  @Test
  void decodeErrorsAreInvalidCellsCountedOnce() {
    List<Object> ten = new ArrayList<>();
    for (long i = 0; i < 10; i++) {
      ten.add(i);
    }
    // 10 good values, 10 undecodable cells: validity 10 / 20
    assertThat(score(field(TypeFamily.INTEGER), TestData.column(10, ten)))
        .isEqualTo(new QualityScore(0.75, 1.0, 0.5, null));
    // nothing decoded: no rows (completeness 1 by definition), validity 0
    assertThat(score(field(TypeFamily.INTEGER), TestData.column(5, List.of())))
        .isEqualTo(new QualityScore(0.5, 1.0, 0.0, null));
  }

  @Test
  void blanksAreInvalid() {
    // non-null 4, blanks 2: validity 0.5, completeness 0.8, score (0.32 + 0.2) / 0.8
    assertThat(score(field(TypeFamily.STRING), column("a", "b", "", " ", null)))
        .isEqualTo(new QualityScore(0.65, 0.8, 0.5, null));
  }

  @Test
  void blanksAreNotAlsoNonConforming() {
    List<Object> values = repeat(85, "12");
    values.addAll(repeat(15, " "));
    assertThat(QualityScorer.nonConforming(field(TypeFamily.STRING), column(values))).isZero();
    assertThat(score(field(TypeFamily.STRING), column(values)).validity()).isEqualTo(0.85);
  }

  @Test
  void valueClasses() {
    assertThat(ValueClass.of("42")).isEqualTo(ValueClass.INTEGER);
    assertThat(ValueClass.of(" -7 ")).isEqualTo(ValueClass.INTEGER);
    assertThat(ValueClass.of("0")).isEqualTo(ValueClass.INTEGER);
    assertThat(ValueClass.of("1")).isEqualTo(ValueClass.INTEGER);
    assertThat(ValueClass.of("3.14")).isEqualTo(ValueClass.DECIMAL);
    assertThat(ValueClass.of("-.5")).isEqualTo(ValueClass.DECIMAL);
    assertThat(ValueClass.of("6.02e23")).isEqualTo(ValueClass.DECIMAL);
    assertThat(ValueClass.of("2024-01-31")).isEqualTo(ValueClass.DATE_TIME);
    assertThat(ValueClass.of("2024-01-31T10:00:00Z")).isEqualTo(ValueClass.DATE_TIME);
    assertThat(ValueClass.of("2024-01-31 10:00:00.123+02:00")).isEqualTo(ValueClass.DATE_TIME);
    assertThat(ValueClass.of("23:59")).isEqualTo(ValueClass.DATE_TIME);
    assertThat(ValueClass.of("2024-02-30")).as("no such day").isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("2024-01-31T24:00")).isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("31/01/2024")).isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("true")).isEqualTo(ValueClass.BOOLEAN);
    assertThat(ValueClass.of("No")).isEqualTo(ValueClass.BOOLEAN);
    assertThat(ValueClass.of("YES")).isEqualTo(ValueClass.BOOLEAN);
    assertThat(ValueClass.of("y")).isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("N/A")).isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("1,234")).isEqualTo(ValueClass.TEXT);
    assertThat(ValueClass.of("NaN")).isEqualTo(ValueClass.TEXT);
  }

  @Test
  void dominantClassNeedsNinetyPercentOfNonBlankValues() {
    Field f = field(TypeFamily.STRING);
    List<Object> dates = new ArrayList<>(List.of("2024-01-01", "2024-01-02T10:00", "2024-01-03 11:00:00",
        "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08", "2024-01-09"));
    dates.add("2024-02-30");
    assertThat(QualityScorer.nonConforming(f, column(dates))).as("9 of 10 dates").isEqualTo(1);
    dates.add("soon");
    assertThat(QualityScorer.nonConforming(f, column(dates))).as("9 of 11: no dominant class").isZero();

    List<Object> booleans = repeat(46, "true");
    booleans.addAll(repeat(46, "No"));
    booleans.addAll(repeat(8, "maybe"));
    assertThat(QualityScorer.nonConforming(f, column(booleans))).isEqualTo(8);

    List<Object> zeroOne = repeat(50, "0");
    zeroOne.addAll(repeat(45, "1"));
    zeroOne.addAll(repeat(5, "yes"));
    assertThat(QualityScorer.nonConforming(f, column(zeroOne))).as("0/1 are integers").isEqualTo(5);

    List<Object> mixedFlags = repeat(50, "1");
    mixedFlags.addAll(repeat(50, "yes"));
    assertThat(QualityScorer.nonConforming(f, column(mixedFlags))).isZero();
  }

  @Test
  void decimalsCoverIntegers() {
    Field f = field(TypeFamily.STRING);
    List<Object> amounts = repeat(80, "12");
    amounts.addAll(repeat(20, "9.99"));
    amounts.add("unknown");
    assertThat(QualityScorer.nonConforming(f, column(amounts))).isEqualTo(1);

    List<Object> mostlyWhole = repeat(95, "12");
    mostlyWhole.addAll(repeat(5, "9.99"));
    assertThat(QualityScorer.nonConforming(f, column(mostlyWhole))).as("an integer column").isEqualTo(5);
  }

  @Test
  void textNeverMakesOthersNonConforming() {
    Field f = field(TypeFamily.STRING);
    List<Object> words = repeat(95, "hello");
    words.addAll(repeat(5, "42"));
    assertThat(QualityScorer.nonConforming(f, column(words))).isZero();
  }

  @Test
  void onlyTextTypedFieldsAreCheckedForConformance() {
    List<Object> values = repeat(97, "1");
    values.addAll(repeat(3, "N/A"));
    assertThat(QualityScorer.nonConforming(field(TypeFamily.OTHER), column(values))).isZero();
    assertThat(QualityScorer.nonConforming(field(TypeFamily.JSON), column(values))).isZero();
    assertThat(score(field(TypeFamily.OTHER), column(values)).validity()).isEqualTo(1.0);
  }

  @Test
  void keyUniquenessIsExactWhenTheValuesAreGiven() {
    List<Object> ids = new ArrayList<>();
    for (long i = 0; i < 50_000; i++) {
      ids.add(i * 31);
    }
    Field key = field(TypeFamily.INTEGER, true);
    Profile p = Profiler.profile(key, column(ids), false);
    assertThat(QualityScorer.field(key, p, column(ids)).uniqueness()).isEqualTo(1.0);
    // without the values, the HLL estimate stands in (1.6% standard error at lgK 12)
    assertThat(QualityScorer.field(key, p, null).uniqueness()).isCloseTo(1.0, within(0.05));
  }

  @Test
  void mergedProfilesScoreWithoutValues() {
    Field f = field(TypeFamily.STRING, true);
    Profile merged = Profiler.merge(Profiler.profile(f, column("a", "b", " "), false),
        Profiler.profile(f, column("a", null), false));
    // rows 5, non-null 4, blanks 1, distinct 3 (a, b, " "): 0.4 * 0.8 + 0.4 * 0.75 + 0.2 * 0.75
    assertThat(QualityScorer.field(f, merged, null)).isEqualTo(new QualityScore(0.77, 0.8, 0.75, 0.75));
  }

  @Test
  void valuesMustBeTheProfilesSample() {
    Field f = field(TypeFamily.STRING);
    Profile p = Profiler.profile(f, column("a", "b"), false);
    assertThatThrownBy(() -> QualityScorer.field(f, p, column("a"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoresAreRoundedToFourDecimals() {
    QualityScore s = score(field(TypeFamily.STRING), column("a", "b", null));
    assertThat(s.completeness()).isEqualTo(0.6667);
    assertThat(s.score()).isEqualTo(0.8333); // (0.4 * 2/3 + 0.4) / 0.8
  }

  @Test
  void datasetScoreIsTheMeanOverFields() {
    QualityScore dataset = QualityScorer.dataset(List.of(
        new QualityScore(0.985, 1.0, 0.97, null),
        new QualityScore(0.8933, 0.9, 1.0, 0.6667),
        new QualityScore(0.0, 0.0, null, null)));
    assertThat(dataset).isEqualTo(new QualityScore(0.6261, 0.6333, 0.985, 0.6667));
  }

  @Test
  void datasetWithoutFieldScoresHasNoScore() {
    assertThat(QualityScorer.dataset(List.of())).isNull();
    assertThat(QualityScorer.dataset(List.of(new QualityScore(1.0, 1.0, null, null))))
        .isEqualTo(new QualityScore(1.0, 1.0, null, null));
    assertThatThrownBy(() -> QualityScorer.dataset(Arrays.asList(new QualityScore(1, 1, null, null), null)))
        .isInstanceOf(NullPointerException.class);
  }
}
