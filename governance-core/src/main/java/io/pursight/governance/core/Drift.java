package io.pursight.governance.core;

import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.catalog.SchemaChange.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Structural differences between two versions of a dataset (schema drift). */
final class Drift {
  private Drift() {}

  static List<SchemaChange> diff(Dataset before, Dataset after, Instant at, String scanId) {
    List<SchemaChange> out = new ArrayList<>();
    if (before.kind() != after.kind()) {
      out.add(new SchemaChange(Kind.DATASET_CHANGED, after.name(), before.kind().name(), after.kind().name(), at, scanId));
    } else if (!Objects.equals(normalise(before.definition()), normalise(after.definition()))) {
      out.add(new SchemaChange(Kind.DATASET_CHANGED, after.name(), "definition changed", null, at, scanId));
    }
    Map<String, Field> old = before.fields().stream().collect(Collectors.toMap(Field::name, Function.identity()));
    Map<String, Field> now = after.fields().stream().collect(Collectors.toMap(Field::name, Function.identity()));
    for (Field f : after.fields()) {
      Field o = old.get(f.name());
      if (o == null) {
        out.add(new SchemaChange(Kind.FIELD_ADDED, after.name().child(f.name()), null, f.type().display(), at, scanId));
        continue;
      }
      if (!o.type().display().equals(f.type().display()) || o.type().family() != f.type().family()) {
        out.add(new SchemaChange(Kind.FIELD_RETYPED, after.name().child(f.name()), o.type().display(),
            f.type().display(), at, scanId));
      }
      if (o.nullable() != f.nullable()) {
        out.add(new SchemaChange(Kind.FIELD_NULLABILITY_CHANGED, after.name().child(f.name()),
            o.nullable() ? "NULL" : "NOT NULL", f.nullable() ? "NULL" : "NOT NULL", at, scanId));
      }
    }
    for (Field o : before.fields()) {
      if (!now.containsKey(o.name())) {
        out.add(new SchemaChange(Kind.FIELD_REMOVED, after.name().child(o.name()), o.type().display(), null, at, scanId));
      }
    }
    String keysBefore = keys(before);
    String keysAfter = keys(after);
    if (!keysBefore.equals(keysAfter)) {
      out.add(new SchemaChange(Kind.KEYS_CHANGED, after.name(), keysBefore, keysAfter, at, scanId));
    }
    return out;
  }

  private static String keys(Dataset d) {
    StringBuilder b = new StringBuilder("PK(").append(String.join(",", d.primaryKey())).append(')');
    d.foreignKeys().stream().map(Drift::fk).sorted().forEach(s -> b.append(' ').append(s));
    return b.toString();
  }

  private static String fk(ForeignKey fk) {
    return "FK(" + String.join(",", fk.columns()) + ")->" + fk.referenced().displayName() + "("
        + String.join(",", fk.referencedColumns()) + ")";
  }

  private static String normalise(String sql) {
    return sql == null ? null : sql.strip().replaceAll("\\s+", " ").replaceAll(";$", "");
  }
}
