package io.pursight.governance.policy.compliance;

import io.pursight.governance.AssetNotFoundException;
import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.CatalogService;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.profile.Profile;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** A hand-built catalog: datasets with fields, classifications and annotations, in one source. */
final class FakeCatalog implements CatalogService {
  static final String SOURCE = "shop";
  private static final DataType TEXT = new DataType("varchar", Types.VARCHAR, 100, null, TypeFamily.STRING);

  private final Map<QualifiedName, DatasetEntry> datasets = new TreeMap<>(Comparator.comparing(QualifiedName::toString));
  private final Map<QualifiedName, Annotations> other = new HashMap<>();

  /** The name of dataset {@code ds} or field {@code ds.field} in the source. */
  static QualifiedName fq(String name) {
    int dot = name.indexOf('.');
    QualifiedName ds = QualifiedName.dataset(SOURCE, null, null, dot < 0 ? name : name.substring(0, dot));
    return dot < 0 ? ds : ds.child(name.substring(dot + 1));
  }

  /** A column and what the catalog knows about it. */
  record Col(String name, List<Classification> classifications, Annotations annotations, Profile profile) {
    Col tagged(String... tags) {
      return new Col(name, classifications, annotations.withTags(Arrays.stream(tags).map(Tag::of).toList()), profile);
    }

    Col property(String key, String value) {
      Map<String, String> p = new LinkedHashMap<>(annotations.properties());
      p.put(key, value);
      return new Col(name, classifications, annotations.withProperties(p), profile);
    }

    Col profile(Profile p) {
      return new Col(name, classifications, annotations, p);
    }
  }

  static Col col(String name, Classification... cs) {
    return new Col(name, List.of(cs), Annotations.EMPTY, null);
  }

  /** A dataset under construction. */
  final class Table {
    private final String name;
    private DatasetKind kind = DatasetKind.TABLE;
    private Annotations annotations = Annotations.EMPTY;
    private final List<Col> cols = new ArrayList<>();

    Table(String name) {
      this.name = name;
    }

    Table kind(DatasetKind k) {
      this.kind = k;
      return this;
    }

    Table owners(String... owners) {
      annotations = annotations.withOwners(List.of(owners));
      return this;
    }

    Table tags(String... tags) {
      annotations = annotations.withTags(Arrays.stream(tags).map(Tag::of).toList());
      return this;
    }

    Table property(String key, String value) {
      Map<String, String> p = new LinkedHashMap<>(annotations.properties());
      p.put(key, value);
      annotations = annotations.withProperties(p);
      return this;
    }

    Table cols(Col... c) {
      cols.addAll(List.of(c));
      return this;
    }

    FakeCatalog add() {
      QualifiedName dn = fq(name);
      List<Field> fields = new ArrayList<>();
      List<FieldEntry> entries = new ArrayList<>();
      int pos = 1;
      for (Col c : cols) {
        Field f = new Field(c.name(), pos++, TEXT, true, false, null, null);
        fields.add(f);
        entries.add(new FieldEntry(dn.child(c.name()), f, c.annotations(), c.classifications(), c.profile(), null));
      }
      Dataset d = new Dataset(dn, kind, fields, List.of(), List.of(), null, null, null, Map.of());
      datasets.put(dn, new DatasetEntry(d, annotations, entries, null, null, null));
      return FakeCatalog.this;
    }
  }

  Table table(String name) {
    return new Table(name);
  }

  /** Annotations of an asset the catalog has no entry for (e.g. a lineage target never scanned). */
  FakeCatalog annotate(String name, Annotations a) {
    other.put(fq(name), a);
    return this;
  }

  @Override
  public List<DataSource> sources() {
    return datasets.isEmpty() ? List.of() : List.of(new DataSource(SOURCE, "fake", "memory", null, null, Map.of()));
  }

  @Override
  public List<DatasetEntry> datasets(QualifiedName scope) {
    return datasets.values().stream().filter(d -> scope.contains(d.name())).toList();
  }

  @Override
  public Optional<DatasetEntry> dataset(QualifiedName name) {
    return Optional.ofNullable(datasets.get(name));
  }

  @Override
  public Optional<FieldEntry> field(QualifiedName name) {
    if (name.level() != QualifiedName.Level.FIELD) {
      return Optional.empty();
    }
    return dataset(name.datasetName()).flatMap(d -> d.fields().stream().filter(f -> f.name().equals(name)).findFirst());
  }

  @Override
  public Annotations annotations(QualifiedName asset) {
    if (asset.level() == QualifiedName.Level.DATASET && datasets.containsKey(asset)) {
      return datasets.get(asset).annotations();
    }
    return field(asset).map(FieldEntry::annotations).orElse(other.getOrDefault(asset, Annotations.EMPTY));
  }

  @Override
  public Annotations annotate(QualifiedName asset, UnaryOperator<Annotations> change) {
    throw new AssetNotFoundException(asset);
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    return List.of();
  }

  @Override
  public List<SchemaChange> changes(QualifiedName scope, int limit) {
    return List.of();
  }

  /** Every field name, sorted. */
  List<QualifiedName> allFields() {
    List<QualifiedName> out = new ArrayList<>();
    datasets.values().forEach(d -> d.fields().forEach(f -> out.add(f.name())));
    return out;
  }

  /** Tag names of an annotation set. */
  static TreeSet<String> tagNames(Annotations a) {
    TreeSet<String> out = new TreeSet<>();
    a.tags().forEach(t -> out.add(t.name()));
    return out;
  }
}
