package io.pursight.governance.lineage.calcite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.spi.LineageParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Column-level lineage from SQL, parsed with Apache Calcite. Thread-safe.
 *
 * <p>Dialects: {@code ansi}, {@code postgresql} (aliases {@code postgres}, {@code redshift},
 * {@code greenplum}), {@code mysql} ({@code mariadb}), {@code snowflake}, {@code bigquery},
 * {@code hive}, {@code spark} ({@code sparksql}), {@code databricks}, {@code tsql}
 * ({@code mssql}, {@code sqlserver}), {@code oracle} and {@code teradata}. See
 * {@code docs/lineage.md} for what each supports and the lineage contract.
 *
 * <p>Results are cached (Caffeine) by dialect and SQL text (trailing whitespace removed). A cached
 * result records the schema answers it used; it is returned only while the given
 * {@link SchemaLookup} still gives the same answers, so a changed catalog is never served stale
 * lineage.
 */
public final class CalciteLineageParser implements LineageParser {

  private static final long DEFAULT_CACHE_SIZE = 10_000;

  private final Cache<Key, Entry> cache;

  private CalciteLineageParser(Builder b) {
    this.cache = b.cacheSize > 0 ? Caffeine.newBuilder().maximumSize(b.cacheSize).build() : null;
  }

  /** A parser with the default cache (10,000 scripts). */
  public static CalciteLineageParser create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "calcite";
  }

  @Override
  public Set<String> dialects() {
    return Set.copyOf(Dialect.names());
  }

  @Override
  public ScriptLineage analyze(String sql, String dialect, SchemaLookup schema) {
    Dialect d = Dialect.of(dialect);
    String text = sql == null ? "" : sql.stripTrailing();
    SchemaLookup s = schema == null ? SchemaLookup.NONE : schema;
    Key key = null;
    if (cache != null) {
      key = new Key(d, text);
      Entry e = cache.getIfPresent(key);
      if (e != null && e.holds(s)) {
        return e.result;
      }
    }
    Analyzer a = new Analyzer(d, text, s);
    ScriptLineage result = a.run();
    if (cache != null) {
      cache.put(key, new Entry(result, Map.copyOf(a.lookups)));
    }
    return result;
  }

  private record Key(Dialect dialect, String sql) {}

  private record Entry(ScriptLineage result, Map<String, Optional<List<String>>> lookups) {
    boolean holds(SchemaLookup s) {
      for (Map.Entry<String, Optional<List<String>>> e : lookups.entrySet()) {
        if (!Analyzer.ask(s, e.getKey()).equals(e.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Builds a {@link CalciteLineageParser}. */
  public static final class Builder {
    private long cacheSize = DEFAULT_CACHE_SIZE;

    private Builder() {}

    /** How many analysed scripts to keep; 0 turns the cache off. */
    public Builder cacheSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0, got " + size);
      }
      this.cacheSize = size;
      return this;
    }

    public CalciteLineageParser build() {
      return new CalciteLineageParser(this);
    }
  }
}
