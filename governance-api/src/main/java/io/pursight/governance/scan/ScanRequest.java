package io.pursight.governance.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to scan and how. Build with {@link #builder()}; {@code ScanRequest.builder().build()} scans
 * every registered source with the defaults.
 *
 * @param sources the source names to scan; empty for all registered sources
 * @param schemas only these schemas (or databases, for sources without schemas); empty for all
 * @param include glob patterns a dataset must match (any); empty for all
 * @param exclude glob patterns that exclude a dataset
 * @param sample the sampling bounds per dataset
 * @param classify whether to run classifiers
 * @param profile whether to compute profiles and quality
 * @param mode incremental (default) or full
 * @param resampleAfter in incremental mode, re-sample datasets whose last sample is older
 * @param listener the progress listener
 */
public record ScanRequest(
    Set<String> sources, Set<String> schemas, List<String> include, List<String> exclude, SampleSpec sample,
    boolean classify, boolean profile, ScanMode mode, Duration resampleAfter, ScanListener listener) {

  /** Validates the parts. */
  public ScanRequest {
    sources = Set.copyOf(sources);
    schemas = Set.copyOf(schemas);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(resampleAfter, "resampleAfter");
    listener = listener == null ? new ScanListener() { } : listener;
  }

  /** A builder with the defaults: all sources, 1,000 rows / 10 s per dataset, incremental. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * True when {@code table} in {@code schema} (either may be null) passes the schema and glob
   * filters. A glob ({@code *} any characters, {@code ?} one) matches case-insensitively against
   * the table name and against {@code schema.table}.
   */
  public boolean accepts(String schema, String table) {
    if (!schemas.isEmpty() && (schema == null || schemas.stream().noneMatch(s -> s.equalsIgnoreCase(schema)))) {
      return false;
    }
    String qualified = schema == null ? table : schema + "." + table;
    if (!include.isEmpty() && include.stream().noneMatch(g -> glob(g, table) || glob(g, qualified))) {
      return false;
    }
    return exclude.stream().noneMatch(g -> glob(g, table) || glob(g, qualified));
  }

  private static boolean glob(String glob, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
        .matcher(text).matches();
  }

  /** Builds {@link ScanRequest}s. */
  public static final class Builder {
    private final List<String> sources = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private int sampleRows = SampleSpec.DEFAULT.maxRows();
    private Duration sampleTimeout = SampleSpec.DEFAULT.timeout();
    private boolean classify = true;
    private boolean profile = true;
    private ScanMode mode = ScanMode.INCREMENTAL;
    private Duration resampleAfter = Duration.ofDays(7);
    private ScanListener listener;

    private Builder() {}

    /** Scans only these sources (by registered name). */
    public Builder sources(String... names) {
      sources.addAll(List.of(names));
      return this;
    }

    /** Scans only these schemas (or databases for sources without schemas). */
    public Builder schemas(String... names) {
      schemas.addAll(List.of(names));
      return this;
    }

    /** Scans only datasets matching one of these globs (e.g. {@code public.cust*}). */
    public Builder include(String... globs) {
      include.addAll(List.of(globs));
      return this;
    }

    /** Skips datasets matching one of these globs. */
    public Builder exclude(String... globs) {
      exclude.addAll(List.of(globs));
      return this;
    }

    /** Reads at most {@code rows} rows per dataset (default 1,000). */
    public Builder sampleRows(int rows) {
      this.sampleRows = rows;
      return this;
    }

    /** Spends at most {@code timeout} reading one dataset's values (default 10 s). */
    public Builder sampleTimeout(Duration timeout) {
      this.sampleTimeout = timeout;
      return this;
    }

    /** Whether to classify (default true). */
    public Builder classify(boolean on) {
      this.classify = on;
      return this;
    }

    /** Whether to profile (default true). */
    public Builder profile(boolean on) {
      this.profile = on;
      return this;
    }

    /** Incremental (default) or full. */
    public Builder mode(ScanMode scanMode) {
      this.mode = scanMode;
      return this;
    }

    /** In incremental mode, re-sample datasets whose last sample is older than this (default 7 days). */
    public Builder resampleAfter(Duration age) {
      this.resampleAfter = age;
      return this;
    }

    /** Observes progress. */
    public Builder listener(ScanListener scanListener) {
      this.listener = scanListener;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public ScanRequest build() {
      for (String g : include) {
        requireGlob("include", g);
      }
      for (String g : exclude) {
        requireGlob("exclude", g);
      }
      if (resampleAfter == null || resampleAfter.isNegative()) {
        throw new IllegalArgumentException("resampleAfter must be zero or positive, got " + resampleAfter);
      }
      return new ScanRequest(Set.copyOf(sources), Set.copyOf(schemas), include, exclude,
          new SampleSpec(sampleRows, sampleTimeout), classify, profile, mode, resampleAfter, listener);
    }

    private static void requireGlob(String what, String g) {
      if (g == null || g.isBlank()) {
        throw new IllegalArgumentException(what + " patterns must not be blank");
      }
      if (!g.equals(g.strip())) {
        throw new IllegalArgumentException(what + " pattern '" + g + "' has surrounding white space");
      }
    }
  }
}
