package io.pursight.governance.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import io.pursight.governance.catalog.TypeFamily;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties over generated names: any asset is found first by its exact name and comes back intact. */
class SearchIndexPropertiesTest {
  private static final DataType INT = new DataType("int", Types.INTEGER, null, null, TypeFamily.INTEGER);

  /** Names from awkward pieces: separators of the canonical form, query syntax, non-ASCII, a surrogate pair. */
  private static final Gen<String> NAMES = lists().of(arbitrary().pick(List.of(
          "a", "Zq", "_", ".", "/", "%", "\"", "\\", " ", "é", "中", "\uD83D\uDE00", "7", "-", ":", "*", "?", "(",
          "AND", "~", "İ")))
      .ofSizeBetween(1, 6).map(parts -> String.join("", parts));

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void anyNameIsFoundFirstByItsExactNameAndRoundTrips() {
    AtomicInteger n = new AtomicInteger();
    try (SearchIndex index = new SearchIndex()) {
      qt().withExamples(300).forAll(NAMES, NAMES).checkAssert((datasetName, fieldName) -> {
        QualifiedName dataset = QualifiedName.dataset("src" + n.incrementAndGet(), null, "s/" + datasetName, datasetName);
        QualifiedName field = dataset.child(fieldName);
        Field f = new Field(fieldName, 1, INT, true, false, null, null);
        index.update(new DatasetEntry(
            new Dataset(dataset, DatasetKind.TABLE, List.of(f), null, null, null, null, null, null), null,
            List.of(new FieldEntry(field, f, null, List.of(), null, null)), null, null, null));

        List<QualifiedName> byFieldName = index.search(new SearchQuery("name:" + quoted(fieldName), 1000,
            QualifiedName.Level.FIELD)).stream().map(SearchHit::asset).toList();
        // name: also matches names containing the words of fieldName, but exact names rank first
        assertThat(byFieldName).contains(field);
        assertThat(byFieldName.get(0).simpleName()).isEqualToIgnoringCase(fieldName);

        List<QualifiedName> byCanonical = index.search(new SearchQuery("qualified:" + quoted(field.toString()), 10,
            null)).stream().map(SearchHit::asset).toList();
        assertThat(byCanonical.get(0)).isEqualTo(field);
      });
    }
  }
}
