package io.pursight.governance.core;

import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.spi.CatalogStore;
import io.pursight.governance.spi.LineageParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The lineage graph over the catalog store: derives edges from SQL through the installed lineage
 * parsers, maps SQL names ({@code schema.table.column}) to catalog assets, and walks the graph.
 */
final class LineageServiceImpl implements LineageService {
  private final List<LineageParser> parsers;
  private final CatalogStore store;
  private final SourceRegistry sources;
  private final Consumer<Collection<LineageEdge>> onChange;
  private final Object lock = new Object();
  private Map<QualifiedName, Set<LineageEdge>> bySource;
  private Map<QualifiedName, Set<LineageEdge>> byTarget;

  LineageServiceImpl(List<LineageParser> parsers, CatalogStore store, SourceRegistry sources,
      Consumer<Collection<LineageEdge>> onChange) {
    this.parsers = List.copyOf(parsers);
    this.store = store;
    this.sources = sources;
    this.onChange = onChange;
  }

  @Override
  public Set<String> dialects() {
    Set<String> all = new TreeSet<>();
    parsers.forEach(p -> all.addAll(p.dialects()));
    return all;
  }

  boolean hasParser() {
    return !parsers.isEmpty();
  }

  LineageParser parser(String dialect) {
    String d = dialect == null ? "" : dialect.toLowerCase(Locale.ROOT);
    for (LineageParser p : parsers) {
      if (p.dialects().contains(d)) {
        return p;
      }
    }
    throw new IllegalArgumentException(parsers.isEmpty()
        ? "No lineage parser is installed; add io.pursight:lineage-calcite to the classpath"
        : "No lineage parser supports dialect '" + dialect + "'. Supported: " + dialects());
  }

  @Override
  public ScriptLineage analyze(String dialect, String sql) {
    return parser(dialect).analyze(sql, dialect.toLowerCase(Locale.ROOT), SchemaLookup.NONE);
  }

  @Override
  public ScriptLineage record(String source, String dialect, String sql) {
    sources.select(List.of(source));
    Names names = new Names(source);
    ScriptLineage result = parser(dialect).analyze(sql, dialect.toLowerCase(Locale.ROOT), names);
    String script = fingerprint(sql);
    List<LineageEdge> edges = new ArrayList<>();
    for (StatementLineage st : result.statements()) {
      String fp = script + "#" + st.index();
      for (ColumnLineage c : st.columns()) {
        edges.addAll(edges(names, names.field(c.target(), st.targets()), c, fp, st.sources()));
      }
    }
    record(edges);
    return result;
  }

  /**
   * Records the lineage of a view from its definition: the definition's output columns map to the
   * view's fields by position.
   *
   * @return an error message when the definition could not be analysed, else null
   */
  String recordView(Dataset view, String dialect) {
    String source = view.name().source();
    Names names = new Names(source);
    ScriptLineage result = parser(dialect).analyze(view.definition(), dialect, names);
    if (!result.errors().isEmpty()) {
      var e = result.errors().get(0);
      return "View SQL could not be analysed for lineage (line " + e.line() + ", column " + e.column() + "): "
          + e.message();
    }
    if (result.statements().isEmpty()) {
      return null;
    }
    List<ColumnLineage> columns = result.statements().get(0).columns();
    List<Field> fields = view.fields();
    String fp = fingerprint(view.definition()) + "#view";
    List<LineageEdge> edges = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnLineage c = columns.get(i);
      String targetName = c.target();
      Field f = columns.size() == fields.size() ? fields.get(i) : fields.stream()
          .filter(x -> x.name().equalsIgnoreCase(targetName) || targetName.toLowerCase(Locale.ROOT)
              .endsWith("." + x.name().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
      if (f != null) {
        edges.addAll(edges(names, view.name().child(f.name()), c, fp, result.statements().get(0).sources()));
      }
    }
    record(edges);
    return null;
  }

  private static List<LineageEdge> edges(Names names, QualifiedName target, ColumnLineage c, String fp,
      List<String> tables) {
    List<LineageEdge> out = new ArrayList<>();
    for (String s : c.sources()) {
      QualifiedName src = names.field(s, tables);
      if (src != null && target != null) {
        out.add(new LineageEdge(src, target, c.transform(), fp));
      }
    }
    for (String s : c.filters()) {
      QualifiedName src = names.field(s, tables);
      if (src != null && target != null) {
        out.add(new LineageEdge(src, target, TransformKind.FILTER, fp));
      }
    }
    return out;
  }

  @Override
  public void record(Collection<LineageEdge> edges) {
    if (edges.isEmpty()) {
      return;
    }
    store.putLineage(edges);
    synchronized (lock) {
      if (bySource != null) {
        edges.forEach(this::index);
      }
    }
    onChange.accept(edges);
  }

  private void ensureGraph() {
    if (bySource == null) {
      bySource = new HashMap<>();
      byTarget = new HashMap<>();
      store.lineage().forEach(this::index);
    }
  }

  private void index(LineageEdge e) {
    bySource.computeIfAbsent(e.source(), k -> new LinkedHashSet<>()).add(e);
    byTarget.computeIfAbsent(e.target(), k -> new LinkedHashSet<>()).add(e);
  }

  /** Forgets the in-memory graph (e.g. when other processes may have written). */
  void reload() {
    synchronized (lock) {
      bySource = null;
      byTarget = null;
    }
  }

  @Override
  public Set<LineageEdge> upstream(QualifiedName asset, int depth) {
    return walk(asset, depth, false, false);
  }

  @Override
  public Set<LineageEdge> downstream(QualifiedName asset, int depth) {
    return walk(asset, depth, true, false);
  }

  /** Upstream edges along which values flow (direct transforms only). */
  Set<LineageEdge> directUpstream(QualifiedName field) {
    return walk(field, Integer.MAX_VALUE, false, true);
  }

  private Set<LineageEdge> walk(QualifiedName asset, int depth, boolean down, boolean directOnly) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
    synchronized (lock) {
      ensureGraph();
      Map<QualifiedName, Set<LineageEdge>> index = down ? bySource : byTarget;
      Set<LineageEdge> out = new LinkedHashSet<>();
      Set<QualifiedName> seen = new java.util.HashSet<>();
      ArrayDeque<QualifiedName> frontier = new ArrayDeque<>();
      for (QualifiedName n : index.keySet()) {
        if (n.equals(asset) || (asset.level() != QualifiedName.Level.FIELD && asset.contains(n))) {
          frontier.add(n);
          seen.add(n);
        }
      }
      for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
        ArrayDeque<QualifiedName> next = new ArrayDeque<>();
        for (QualifiedName n : frontier) {
          for (LineageEdge e : index.getOrDefault(n, Set.of())) {
            if (directOnly && !e.transform().isDirect()) {
              continue;
            }
            out.add(e);
            QualifiedName other = down ? e.target() : e.source();
            if (seen.add(other)) {
              next.add(other);
            }
          }
        }
        frontier = next;
      }
      return out;
    }
  }

  private static String fingerprint(String sql) {
    try {
      String normal = sql.strip().replaceAll("\\s+", " ");
      byte[] h = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Maps SQL names of one source to catalog assets, case-insensitively, and answers the parser's
   * schema questions from the catalog.
   */
  private final class Names implements SchemaLookup {
    private final String source;
    private final String defaultDatabase;
    private final String defaultSchema;
    private final boolean schemaless;
    private final List<QualifiedName> datasets;
    private final Map<QualifiedName, Optional<Dataset>> described = new HashMap<>();

    Names(String source) {
      this.source = source;
      DataSource ds = store.sources().stream().filter(s -> s.name().equals(source)).findFirst().orElse(null);
      this.defaultDatabase = ds == null ? null : ds.properties().get("database");
      this.defaultSchema = ds == null ? null : ds.properties().get("schema");
      this.schemaless = ds != null && "mariadb".equals(ds.properties().get("dialect"));
      this.datasets = store.datasetNames(QualifiedName.source(source));
    }

    /** The catalog dataset a SQL table name means, if the catalog knows it. */
    Optional<QualifiedName> dataset(List<String> parts) {
      String table = parts.get(parts.size() - 1);
      String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
      String db = parts.size() >= 3 ? parts.get(parts.size() - 3) : null;
      List<QualifiedName> matches = new ArrayList<>();
      for (QualifiedName n : datasets) {
        if (!n.dataset().equalsIgnoreCase(table)) {
          continue;
        }
        String ns = n.schema() != null ? n.schema() : n.database();
        if (schema != null && (ns == null || !ns.equalsIgnoreCase(schema))) {
          continue;
        }
        if (db != null && (n.database() == null || !n.database().equalsIgnoreCase(db))) {
          continue;
        }
        matches.add(n);
      }
      if (matches.size() > 1 && schema == null) {
        String preferred = defaultSchema != null ? defaultSchema : defaultDatabase;
        matches.removeIf(n -> preferred == null
            || !preferred.equalsIgnoreCase(n.schema() != null ? n.schema() : n.database()));
      }
      return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private Optional<Dataset> describe(QualifiedName n) {
      return described.computeIfAbsent(n, k -> store.snapshot(k).map(DatasetSnapshot::dataset));
    }

    @Override
    public Optional<List<String>> columns(String table) {
      return dataset(List.of(table.split("\\.", -1))).flatMap(this::describe)
          .map(d -> d.fields().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The field a SQL column name ({@code [db.][schema.]table.column}) means; null for unresolved
     * names. The table part is the longest of {@code tables} that prefixes the name (column names
     * of unaliased expressions may contain dots); without one, the name splits at its last dot.
     */
    QualifiedName field(String name, List<String> tables) {
      String tablePart = null;
      for (String t : tables) {
        if (name.startsWith(t + ".") && (tablePart == null || t.length() > tablePart.length())) {
          tablePart = t;
        }
      }
      if (tablePart == null) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
          return null;
        }
        tablePart = name.substring(0, dot);
      }
      String column = name.substring(tablePart.length() + 1);
      if (column.equals("*") || column.isEmpty()) {
        return null;
      }
      List<String> table = List.of(tablePart.split("\\.", -1));
      Optional<QualifiedName> known = dataset(table);
      if (known.isPresent()) {
        String exact = describe(known.get()).flatMap(d -> d.fields().stream()
            .filter(f -> f.name().equalsIgnoreCase(column)).map(Field::name).findFirst()).orElse(column);
        return known.get().child(exact);
      }
      String t = table.get(table.size() - 1);
      String schema;
      String db;
      if (schemaless) {
        schema = null;
        db = table.size() >= 2 ? table.get(table.size() - 2) : defaultDatabase;
      } else {
        schema = table.size() >= 2 ? table.get(table.size() - 2) : defaultSchema;
        db = table.size() >= 3 ? table.get(table.size() - 3) : defaultDatabase;
      }
      if (t.isEmpty()) {
        return null;
      }
      return QualifiedName.dataset(source, db, schema, t).child(column);
    }
  }
}
