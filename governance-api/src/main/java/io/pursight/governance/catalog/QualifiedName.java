package io.pursight.governance.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The identity of an asset: a source, a namespace inside it (database and/or schema), a dataset
 * (table, view, collection) and optionally a field path (a column, or nested document fields).
 *
 * <p>Names keep the case the source reports ({@code PUBLIC.CUSTOMERS} on H2, {@code
 * public.customers} on PostgreSQL). Absent levels are {@code null}: MariaDB has a database but no
 * schema, so its tables are {@code (source, "shop", null, "orders")}.
 *
 * <p>The canonical text form, {@link #toString()}, is {@code source/database/schema/dataset/field}
 * with empty segments for absent levels and nested field paths joined by {@code .}; {@code /},
 * {@code .} and {@code %} inside a segment are percent-encoded. {@link #parse(String)} reads it
 * back. Examples: {@code shop/test/public/customer/email}, {@code maria/test//orders}, {@code
 * mongo/shop//users/address.city}.
 *
 * @param source the registered source name, never blank
 * @param database the database or catalog, or null
 * @param schema the schema, or null
 * @param dataset the table, view or collection, or null for a namespace-level name
 * @param field the field path, empty for a dataset or namespace
 */
public record QualifiedName(
    String source, String database, String schema, String dataset, List<String> field) {

  /** The depth a name reaches. */
  public enum Level {
    /** Only a source. */
    SOURCE,
    /** A database and/or schema inside a source. */
    NAMESPACE,
    /** A table, view or collection. */
    DATASET,
    /** A column or a nested document field. */
    FIELD
  }

  /** Validates the parts; blank optional parts become {@code null}. */
  public QualifiedName {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("A qualified name needs a non-blank source name");
    }
    database = blankToNull(database);
    schema = blankToNull(schema);
    dataset = blankToNull(dataset);
    field = field == null ? List.of() : List.copyOf(field);
    if (!field.isEmpty() && dataset == null) {
      throw new IllegalArgumentException("A field name needs a dataset: " + field);
    }
    for (String f : field) {
      if (f == null || f.isEmpty()) {
        throw new IllegalArgumentException("Field path segments must not be empty: " + field);
      }
    }
  }

  /** The name of a whole source. */
  public static QualifiedName source(String source) {
    return new QualifiedName(source, null, null, null, List.of());
  }

  /** The name of a dataset. */
  public static QualifiedName dataset(String source, String database, String schema, String dataset) {
    Objects.requireNonNull(dataset, "dataset");
    return new QualifiedName(source, database, schema, dataset, List.of());
  }

  /** This dataset's field {@code name} (one level; use {@link #child} again for nested paths). */
  public QualifiedName child(String name) {
    if (dataset == null) {
      throw new IllegalStateException("Only a dataset or field has children: " + this);
    }
    List<String> path = new ArrayList<>(field);
    path.add(name);
    return new QualifiedName(source, database, schema, dataset, path);
  }

  /** The dataset this name belongs to (itself when it is a dataset). */
  public QualifiedName datasetName() {
    if (dataset == null) {
      throw new IllegalStateException("Not a dataset or field name: " + this);
    }
    return field.isEmpty() ? this : new QualifiedName(source, database, schema, dataset, List.of());
  }

  /** How deep this name reaches. */
  public Level level() {
    if (!field.isEmpty()) {
      return Level.FIELD;
    }
    if (dataset != null) {
      return Level.DATASET;
    }
    return database == null && schema == null ? Level.SOURCE : Level.NAMESPACE;
  }

  /** The last segment: the field, dataset, schema, database or source name. */
  public String simpleName() {
    if (!field.isEmpty()) {
      return field.get(field.size() - 1);
    }
    if (dataset != null) {
      return dataset;
    }
    if (schema != null) {
      return schema;
    }
    return database != null ? database : source;
  }

  /** The field path joined with {@code .}, or the empty string for a dataset. */
  public String fieldPath() {
    return String.join(".", field);
  }

  /**
   * A short human-readable form without the source: the present levels joined with dots, e.g.
   * {@code public.customer.email}. Not unique across sources; use {@link #toString()} as an id.
   */
  public String displayName() {
    StringJoiner j = new StringJoiner(".");
    if (database != null) {
      j.add(database);
    }
    if (schema != null) {
      j.add(schema);
    }
    if (dataset != null) {
      j.add(dataset);
    }
    field.forEach(j::add);
    return j.length() == 0 ? source : j.toString();
  }

  /** True when {@code other} is this name or lies below it. */
  public boolean contains(QualifiedName other) {
    if (!source.equals(other.source)) {
      return false;
    }
    if (level() == Level.SOURCE) {
      return true;
    }
    if (!Objects.equals(database, other.database) || !Objects.equals(schema, other.schema)) {
      return false;
    }
    if (dataset == null) {
      return true;
    }
    if (!dataset.equals(other.dataset) || other.field.size() < field.size()) {
      return false;
    }
    return other.field.subList(0, field.size()).equals(field);
  }

  /** The canonical text form; see the class documentation. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(encode(source, false));
    if (level() == Level.SOURCE) {
      return b.toString();
    }
    b.append('/').append(encode(database, false)).append('/').append(encode(schema, false));
    if (dataset == null) {
      return b.toString();
    }
    b.append('/').append(encode(dataset, false));
    if (!field.isEmpty()) {
      b.append('/');
      for (int i = 0; i < field.size(); i++) {
        if (i > 0) {
          b.append('.');
        }
        b.append(encode(field.get(i), true));
      }
    }
    return b.toString();
  }

  /**
   * Reads the canonical text form written by {@link #toString()}.
   *
   * @throws IllegalArgumentException when {@code text} is not a qualified name, with the reason
   */
  public static QualifiedName parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.split("/", -1);
    try {
      switch (parts.length) {
        case 1:
          return source(decode(parts[0]));
        case 3:
          QualifiedName ns = new QualifiedName(decode(parts[0]), decode(parts[1]), decode(parts[2]), null, List.of());
          if (ns.database == null && ns.schema == null) {
            throw new IllegalArgumentException("namespace has neither database nor schema");
          }
          return ns;
        case 4:
          return dataset(decode(parts[0]), decode(parts[1]), decode(parts[2]), requireSegment(decode(parts[3])));
        case 5:
          List<String> path = new ArrayList<>();
          for (String f : parts[4].split("\\.", -1)) {
            path.add(requireSegment(decode(f)));
          }
          return new QualifiedName(decode(parts[0]), decode(parts[1]), decode(parts[2]),
              requireSegment(decode(parts[3])), path);
        default:
          throw new IllegalArgumentException("expected source[/database/schema[/dataset[/field]]], got "
              + parts.length + " segments");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a qualified name: '" + text + "' (" + e.getMessage()
          + "). Example: mysource/mydb/public/customers/email (empty segments for absent levels).", e);
    }
  }

  private static String requireSegment(String s) {
    if (s == null) {
      throw new IllegalArgumentException("empty dataset or field segment");
    }
    return s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String encode(String s, boolean inFieldPath) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '%' || (inFieldPath && c == '.')) {
        b.append('%').append(String.format("%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String decode(String s) {
    if (s.isEmpty()) {
      return null;
    }
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("truncated %-escape");
        }
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
