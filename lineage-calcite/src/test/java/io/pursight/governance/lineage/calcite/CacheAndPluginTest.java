package io.pursight.governance.lineage.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.LineageParser;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CacheAndPluginTest {

  private static final String SQL = "INSERT INTO t SELECT * FROM s";

  @Test
  void repeatsComeFromTheCache() {
    CalciteLineageParser p = CalciteLineageParser.create();
    ScriptLineage first = p.analyze(SQL, "ansi", SchemaLookup.NONE);
    assertThat(p.analyze(SQL, "ansi", SchemaLookup.NONE)).isSameAs(first);
    assertThat(p.analyze(SQL + "  \n", "ansi", SchemaLookup.NONE)).isSameAs(first);
    assertThat(p.analyze(SQL, "postgresql", SchemaLookup.NONE)).isNotSameAs(first);
  }

  @Test
  void aChangedSchemaIsNeverServedStaleLineage() {
    CalciteLineageParser p = CalciteLineageParser.create();
    Map<String, List<String>> catalog = new HashMap<>();
    AtomicInteger calls = new AtomicInteger();
    SchemaLookup lookup = t -> {
      calls.incrementAndGet();
      return Optional.ofNullable(catalog.get(t));
    };
    ScriptLineage unknown = p.analyze(SQL, "ansi", lookup);
    assertThat(unknown.statements().get(0).columns()).singleElement()
        .satisfies(c -> assertThat(c.target()).isEqualTo("t.*"));
    catalog.put("s", List.of("a", "b"));
    ScriptLineage known = p.analyze(SQL, "ansi", lookup);
    assertThat(known).isNotSameAs(unknown);
    assertThat(known.statements().get(0).columns()).extracting(c -> c.target()).containsExactly("t.a", "t.b");
    int before = calls.get();
    assertThat(p.analyze(SQL, "ansi", lookup)).isSameAs(known);
    assertThat(calls.get() - before).as("a hit re-asks only the tables the result used").isEqualTo(2);
  }

  @Test
  void cacheCanBeTurnedOff() {
    CalciteLineageParser p = CalciteLineageParser.builder().cacheSize(0).build();
    assertThat(p.analyze(SQL, "ansi", null)).isNotSameAs(p.analyze(SQL, "ansi", null)).isEqualTo(p.analyze(SQL, "ansi", null));
  }

  @Test
  void theSchemaLookupMayFail() {
    SchemaLookup broken = t -> {
      throw new IllegalStateException("catalog down");
    };
    ScriptLineage r = CalciteLineageParser.create().analyze(SQL, "ansi", broken);
    assertThat(r.errors()).isEmpty();
    assertThat(r.statements().get(0).columns()).singleElement().satisfies(c -> assertThat(c.target()).isEqualTo("t.*"));
  }

  @Test
  void concurrentCallsGiveTheSameResults() throws Exception {
    List<String> scripts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      scripts.add("WITH c AS (SELECT a" + i + ", b FROM s" + (i % 7) + ") INSERT INTO t" + i
          + " SELECT c.a" + i + ", sum(c.b) OVER (PARTITION BY c.a" + i + ") FROM c; UPDATE t" + i + " SET x = x + 1");
    }
    CalciteLineageParser single = CalciteLineageParser.builder().cacheSize(0).build();
    List<ScriptLineage> expected = scripts.stream().map(sql -> single.analyze(sql, "ansi", null)).toList();
    CalciteLineageParser shared = CalciteLineageParser.builder().cacheSize(16).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
      for (int k = 0; k < 800; k++) {
        int i = k % scripts.size();
        results.add(pool.submit(() -> shared.analyze(scripts.get(i), "ansi", null).equals(expected.get(i))));
      }
      for (java.util.concurrent.Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pluginIsFoundByServiceLoader() {
    List<GovernancePlugin> plugins = new ArrayList<>();
    ServiceLoader.load(GovernancePlugin.class).forEach(plugins::add);
    assertThat(plugins).singleElement().isInstanceOf(CalciteLineagePlugin.class);
    LineageParser parser = plugins.get(0).lineageParsers().get(0);
    assertThat(parser.name()).isEqualTo("calcite");
    assertThat(parser.dialects()).contains("ansi", "postgresql", "mysql", "snowflake", "bigquery", "hive", "spark",
        "databricks", "tsql", "oracle", "teradata");
    assertThat(parser.analyze("SELECT a FROM t", "ansi", SchemaLookup.NONE).statements()).hasSize(1);
  }

  @Test
  void onlyThePluginAndTheParserArePublic() throws IOException {
    Path dir = Path.of("target/classes/io/pursight/governance/lineage/calcite");
    List<String> publicClasses = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = f.getFileName().toString().replace(".class", "");
        if (name.contains("$") || name.equals("package-info")) {
          continue;
        }
        try {
          Class<?> c = Class.forName("io.pursight.governance.lineage.calcite." + name);
          if (Modifier.isPublic(c.getModifiers())) {
            publicClasses.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(publicClasses).containsExactlyInAnyOrder("CalciteLineagePlugin", "CalciteLineageParser");
  }
}
