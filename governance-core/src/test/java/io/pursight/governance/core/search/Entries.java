package io.pursight.governance.core.search;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.GlossaryTerm;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Hand-built catalog entries for the search tests. */
final class Entries {
  static final String SOURCE = "shop";
  private static final DataType VARCHAR = new DataType("varchar", Types.VARCHAR, 100, null, TypeFamily.STRING);

  private Entries() {}

  static QualifiedName datasetName(String table) {
    return QualifiedName.dataset(SOURCE, "test", "public", table);
  }

  static QualifiedName fieldName(String table, String field) {
    return datasetName(table).child(field);
  }

  static TableBuilder table(String name) {
    return new TableBuilder(datasetName(name));
  }

  static ColumnBuilder column(String name) {
    return new ColumnBuilder(name);
  }

  /** Shared annotation setters. */
  abstract static class Annotated<T extends Annotated<T>> {
    String description;
    String comment;
    final List<String> tags = new ArrayList<>();
    final List<String> terms = new ArrayList<>();
    final List<String> owners = new ArrayList<>();

    abstract T self();

    T description(String d) {
      description = d;
      return self();
    }

    T comment(String c) {
      comment = c;
      return self();
    }

    T tags(String... t) {
      tags.addAll(Arrays.asList(t));
      return self();
    }

    T terms(String... t) {
      terms.addAll(Arrays.asList(t));
      return self();
    }

    T owners(String... o) {
      owners.addAll(Arrays.asList(o));
      return self();
    }

    Annotations annotations() {
      return new Annotations(description, new TreeSet<>(owners),
          new TreeSet<>(tags.stream().map(Tag::of).toList()),
          new TreeSet<>(terms.stream().map(GlossaryTerm::of).toList()), null);
    }
  }

  static final class TableBuilder extends Annotated<TableBuilder> {
    private final QualifiedName name;
    private DatasetKind kind = DatasetKind.TABLE;
    private final List<ColumnBuilder> columns = new ArrayList<>();

    TableBuilder(QualifiedName name) {
      this.name = name;
    }

    @Override
    TableBuilder self() {
      return this;
    }

    TableBuilder kind(DatasetKind k) {
      kind = k;
      return this;
    }

    TableBuilder columns(ColumnBuilder... c) {
      columns.addAll(Arrays.asList(c));
      return this;
    }

    TableBuilder columns(String... names) {
      for (String n : names) {
        columns.add(column(n));
      }
      return this;
    }

    DatasetEntry build() {
      List<Field> fields = new ArrayList<>();
      List<FieldEntry> entries = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        ColumnBuilder c = columns.get(i);
        Field f = new Field(c.name, i + 1, VARCHAR, true, false, c.comment, null);
        fields.add(f);
        entries.add(new FieldEntry(name.child(c.name), f, c.annotations(), c.classifications, null, null));
      }
      Dataset dataset = new Dataset(name, kind, fields, List.of(), List.of(), comment, null, null, null);
      return new DatasetEntry(dataset, annotations(), entries, null, null, null);
    }
  }

  static final class ColumnBuilder extends Annotated<ColumnBuilder> {
    private final String name;
    private final List<Classification> classifications = new ArrayList<>();

    ColumnBuilder(String name) {
      this.name = name;
    }

    @Override
    ColumnBuilder self() {
      return this;
    }

    ColumnBuilder infoType(String infoType) {
      return infoType(infoType, Classification.Status.SUGGESTED);
    }

    ColumnBuilder infoType(String infoType, Classification.Status status) {
      classifications.add(new Classification(infoType, 0.9, List.of("test"), "test", status));
      return this;
    }
  }
}
