package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import io.pursight.governance.spi.Connector;
import io.pursight.governance.spi.Sample;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushed-down sampling, time and row budgets, cancellation and vanishing datasets on PostgreSQL. */
class PostgresSamplingTest {
  private static final String DB = "pursight_it_sampling";
  private static String url;
  private static Connector connector;

  @BeforeAll
  static void setUp() throws SQLException {
    if (!TestDatabases.hasPostgres()) {
      return; // every test skips itself in requireServer()
    }
    url = TestDatabases.recreatePostgres(DB);
    TestDatabases.exec(url,
        "CREATE TABLE big (id int PRIMARY KEY, h text, bucket int)",
        "INSERT INTO big SELECT g, md5(g::text), g % 100 FROM generate_series(1, 200000) g",
        // never analyzed: the estimate must come from the table's size
        "CREATE TABLE fresh WITH (autovacuum_enabled = false) AS SELECT g AS id, md5(g::text) AS h"
            + " FROM generate_series(1, 200000) g",
        // statistics say 200,000 rows but only 300 are left: sampling must fall back
        "CREATE TABLE shrunk WITH (autovacuum_enabled = false) AS SELECT g AS id FROM generate_series(1, 200000) g",
        "CREATE TABLE small (id int PRIMARY KEY, name text)",
        "INSERT INTO small SELECT g, 'n' || g FROM generate_series(1, 100) g",
        """
        CREATE FUNCTION slow_id(i int) RETURNS int LANGUAGE plpgsql VOLATILE AS $$
        BEGIN PERFORM pg_sleep(0.005); RETURN i; END $$""",
        "CREATE VIEW slow AS SELECT slow_id(g) AS id FROM generate_series(1, 100000) g",
        "ANALYZE big",
        "ANALYZE small",
        "ANALYZE shrunk",
        "DELETE FROM shrunk WHERE id > 300");
    connector = TestDatabases.connect("sampling", url);
  }

  @BeforeEach
  void requireServer() {
    TestDatabases.postgresUrl();
  }

  @AfterAll
  static void tearDown() {
    if (connector != null) {
      connector.close();
    }
  }

  private static QualifiedName name(String table) {
    return QualifiedName.dataset("sampling", DB, "public", table);
  }

  @Test
  void aLargeTableIsSampledWithTablesampleAcrossTheWholeTable() {
    Dataset big = connector.describe(name("big"));
    assertThat(big.estimatedRows()).isBetween(190_000L, 210_000L);
    long start = System.nanoTime();
    Sample s = connector.sample(big, new SampleSpec(1000, Duration.ofSeconds(10)), CancellationToken.NONE);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // 2 x 1,000 rows of an estimated 200,000: about 1 percent
    assertThat(s.info().method())
        .matches("TABLESAMPLE SYSTEM \\((0\\.99\\d*|1|1\\.0\\d*)\\) ORDER BY random\\(\\) LIMIT 1000");
    assertThat(s.info().rows()).isBetween(500L, 1000L);
    assertThat(s.info().truncated()).isFalse();
    assertThat(millis).isLessThan(5000);
    List<Object> ids = s.column("id").orElseThrow().values();
    assertThat(ids).doesNotHaveDuplicates();
    // a plain LIMIT would return the first 1,000 rows; a sample spreads over the whole table
    assertThat(ids.stream().mapToLong(o -> (Long) o).max().orElseThrow()).isGreaterThan(150_000L);
    assertThat(ids.stream().mapToLong(o -> (Long) o).min().orElseThrow()).isLessThan(50_000L);
  }

  @Test
  void aNeverAnalyzedTableGetsAnEstimateFromItsSize() {
    Dataset fresh = connector.describe(name("fresh"));
    assertThat(fresh.estimatedRows()).isBetween(100_000L, 400_000L);
    Sample s = connector.sample(fresh, new SampleSpec(500, Duration.ofSeconds(10)), CancellationToken.NONE);
    assertThat(s.info().method()).startsWith("TABLESAMPLE SYSTEM (");
    assertThat(s.info().rows()).isBetween(250L, 500L);
  }

  @Test
  void aSmallTableIsReadWithLimit() {
    Sample s = connector.sample(connector.describe(name("small")), new SampleSpec(1000, Duration.ofSeconds(10)),
        CancellationToken.NONE);
    assertThat(s.info().method()).isEqualTo("LIMIT 1000");
    assertThat(s.info().rows()).isEqualTo(100);
    Sample few = connector.sample(connector.describe(name("small")), new SampleSpec(10, Duration.ofSeconds(10)),
        CancellationToken.NONE);
    // ten times the budget but one page: block sampling would be pointless, a random order is cheap
    assertThat(few.info().method()).isEqualTo("ORDER BY random() LIMIT 10");
    assertThat(few.info().rows()).isEqualTo(10);
  }

  @Test
  void staleStatisticsFallBackUntilEnoughRowsComeBack() {
    Dataset shrunk = connector.describe(name("shrunk"));
    assertThat(shrunk.estimatedRows()).isGreaterThan(5_000L);
    Sample s = connector.sample(shrunk, new SampleSpec(1000, Duration.ofSeconds(20)), CancellationToken.NONE);
    assertThat(s.info().method()).startsWith("ORDER BY random() LIMIT 1000 (after TABLESAMPLE SYSTEM (")
        .contains("; TABLESAMPLE BERNOULLI (");
    assertThat(s.info().rows()).isEqualTo(300);
  }

  @Test
  void theTimeBudgetTruncatesASlowViewAndKeepsWhatWasRead() {
    Dataset slow = connector.describe(name("slow"));
    assertThat(slow.estimatedRows()).isNull();
    long start = System.nanoTime();
    Sample s = connector.sample(slow, new SampleSpec(1000, Duration.ofSeconds(2)), CancellationToken.NONE);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(s.info().truncated()).isTrue();
    assertThat(s.info().method()).isEqualTo("LIMIT 1000");
    assertThat(s.info().rows()).isBetween(1L, 999L);
    assertThat(s.column("id").orElseThrow().values()).hasSize((int) s.info().rows());
    assertThat(millis).isBetween(1500L, 4000L);
    // the connection went back to the pool in a usable state
    assertThat(connector.sample(connector.describe(name("small")), SampleSpec.DEFAULT, CancellationToken.NONE)
        .info().rows()).isEqualTo(100);
  }

  @Test
  void cancellationAbortsARunningSample() throws Exception {
    Dataset slow = connector.describe(name("slow"));
    TestDatabases.ManualToken token = new TestDatabases.ManualToken();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Sample> f = pool.submit(() -> connector.sample(slow, new SampleSpec(100_000, Duration.ofSeconds(60)),
          token));
      Thread.sleep(500);
      long start = System.nanoTime();
      token.cancel();
      ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
      assertThat(e.getCause()).isInstanceOfSatisfying(SourceException.class, se -> {
        assertThat(se.reason()).isEqualTo(Reason.OTHER);
        assertThat(se.getMessage()).contains("cancelled");
      });
    } finally {
      pool.shutdownNow();
    }
    assertThat(connector.sample(connector.describe(name("small")), SampleSpec.DEFAULT, CancellationToken.NONE)
        .info().rows()).isEqualTo(100);
  }

  @Test
  void aTableOrColumnThatVanishesBeforeSamplingIsNotFound() throws SQLException {
    TestDatabases.exec(url, "CREATE TABLE doomed (id int, secret text)", "INSERT INTO doomed VALUES (1, 'x')",
        "CREATE TABLE altered (id int, gone text)");
    Dataset doomed = connector.describe(name("doomed"));
    Dataset altered = connector.describe(name("altered"));
    TestDatabases.exec(url, "DROP TABLE doomed", "ALTER TABLE altered DROP COLUMN gone");
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> connector.sample(doomed, SampleSpec.DEFAULT, CancellationToken.NONE));
    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).startsWith("Table " + DB + ".public.doomed no longer exists (dropped during the scan?)");
    SourceException c = catchThrowableOfType(SourceException.class,
        () -> connector.sample(altered, SampleSpec.DEFAULT, CancellationToken.NONE));
    assertThat(c.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(c.getMessage()).contains("column").contains("altered");
    SourceException d = catchThrowableOfType(SourceException.class, () -> connector.describe(name("doomed")));
    assertThat(d.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(connector.sample(connector.describe(name("small")), SampleSpec.DEFAULT, CancellationToken.NONE)
        .info().rows()).isEqualTo(100);
  }

  @Test
  void aHundredTablesWithTwoThousandColumnsAreDescribedAndSampledQuickly() throws Exception {
    String wide = TestDatabases.recreatePostgres("pursight_it_wide");
    StringBuilder cols = new StringBuilder("id int PRIMARY KEY");
    StringBuilder vals = new StringBuilder("g");
    for (int i = 1; i < 20; i++) {
      cols.append(", c").append(i).append(i % 2 == 0 ? " text" : " numeric(12,2)");
      vals.append(i % 2 == 0 ? ", md5(g::text)" : ", g * 1.5");
    }
    List<String> ddl = new ArrayList<>();
    for (int t = 0; t < 100; t++) {
      ddl.add("CREATE TABLE t" + t + " (" + cols + ")");
      ddl.add("INSERT INTO t" + t + " SELECT " + vals + " FROM generate_series(1, 200) g");
    }
    for (int t = 0; t < 100; t += 10) {
      ddl.add("ALTER TABLE t" + t + " ADD CONSTRAINT t" + t + "_fk FOREIGN KEY (id) REFERENCES t" + (t + 1) + " (id)");
    }
    ddl.add("ANALYZE");
    TestDatabases.exec(wide, ddl.toArray(new String[0]));
    try (Connector c = TestDatabases.connect("wide", wide)) {
      long start = System.nanoTime();
      List<QualifiedName> names = c.list(null);
      assertThat(names).hasSize(100);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Integer>> work = new ArrayList<>();
        for (QualifiedName n : names) {
          work.add(pool.submit(() -> {
            Dataset d = c.describe(n);
            Sample s = c.sample(d, SampleSpec.DEFAULT, CancellationToken.NONE);
            assertThat(s.info().rows()).isEqualTo(200);
            return d.fields().size();
          }));
        }
        int columns = 0;
        for (Future<Integer> f : work) {
          columns += f.get(60, TimeUnit.SECONDS);
        }
        assertThat(columns).isEqualTo(2000);
      } finally {
        pool.shutdownNow();
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.println("Described and sampled 100 tables / 2000 columns in " + millis + " ms");
      assertThat(millis).isLessThan(30_000);
    }
  }
}
