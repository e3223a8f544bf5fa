package io.pursight.governance.policy.rules;

import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.spi.PolicyEngine;
import io.pursight.governance.core.Governance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Decision latency, 1,000 generated policies, 50 fields. Uncached: {@code decide} is the engine
 * itself; {@code empty} the rules engine with no policies (the per-field fixed cost). Cached, through
 * the runtime ({@code Governance.policies().decide(request, facts)}, Caffeine keyed by engine
 * version, principal, action, purpose, context and the fields' facts): {@code cached} without audit,
 * {@code cachedAudited} with every decision appended to a JSONL audit log (asynchronously, as in
 * production). {@code baseline} is a no-op engine returning a constant decision (the harness and
 * timer cost). Run: {@code mvn -pl spi-policy/rules test-compile exec:exec} (add {@code
 * -Dbench.quick=true} for a shorter run). Prints p50/p99/p99.9 per benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RulesBench {
  static final int POLICIES = 1000;

  private PolicyEngine engine;
  private PolicyEngine empty;
  private PolicyEngine noop;
  private AccessRequest request;
  private List<FieldFacts> facts;
  private Governance cached;
  private Governance cachedAudited;
  private Path auditDir;

  @Setup
  public void setUp() {
    engine = RulesEngine.fromYaml(BenchFixture.policies(POLICIES), Fixtures.MASKING);
    empty = RulesEngine.fromYaml("policies: []", Fixtures.MASKING);
    Decision constant = new Decision(Effect.ALLOW, List.of(), List.of(), List.of(), "constant");
    noop = new PolicyEngine() {
      @Override
      public Decision decide(AccessRequest request, List<FieldFacts> facts) {
        return constant;
      }

      @Override
      public String version() {
        return "0";
      }
    };
    facts = BenchFixture.fields();
    request = BenchFixture.request(facts);
    Map<String, String> rules = Map.of("rules.text", BenchFixture.policies(POLICIES), "rules.reload", "false");
    cached = Governance.builder().inMemoryStore().noAudit().policyProvider("rules", rules).build();
    try {
      auditDir = Files.createTempDirectory("pursight-bench-audit");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cachedAudited = Governance.builder().inMemoryStore().auditLog(auditDir.resolve("audit.jsonl"))
        .policyProvider("rules", rules).build();
    Decision direct = engine.decide(request, facts);
    if (!cached.policies().decide(request, facts).equals(direct)
        || !cachedAudited.policies().decide(request, facts).equals(direct)) {
      throw new IllegalStateException("the runtime decides differently from the engine");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    cached.close();
    cachedAudited.close();
    try (var files = Files.walk(auditDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Benchmark
  public Decision cached() {
    return cached.policies().decide(request, facts);
  }

  @Benchmark
  public Decision cachedAudited() {
    return cachedAudited.policies().decide(request, facts);
  }

  @Benchmark
  public Decision decide() {
    return engine.decide(request, facts);
  }

  @Benchmark
  public Decision empty() {
    return empty.decide(request, facts);
  }

  @Benchmark
  public Decision baseline() {
    return noop.decide(request, facts);
  }

  public static void main(String[] args) throws Exception {
    boolean quick = Boolean.getBoolean("bench.quick");
    RulesBench b = new RulesBench();
    b.setUp();
    Decision d = b.decide();
    System.out.printf("Workload: %d policies, %d fields; decision %s with %d masks, %d row filters, %d policies "
        + "(%s)%n", POLICIES, b.facts.size(), d.effect(), d.masks().size(), d.rowFilters().size(), d.policies().size(),
        d.reason().length() > 120 ? d.reason().substring(0, 120) + "..." : d.reason());
    Options opts = new OptionsBuilder().include(RulesBench.class.getName() + "\\.")
        .forks(1).jvmArgsAppend("-Xms1g", "-Xmx1g")
        .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 2 : 5))
        .build();
    Collection<RunResult> results = new Runner(opts).run();
    System.out.println();
    System.out.println("benchmark         samples        p50 ns        p99 ns      p99.9 ns   p99/baseline");
    double base = results.stream().filter(r -> r.getParams().getBenchmark().endsWith(".baseline"))
        .mapToDouble(r -> r.getPrimaryResult().getStatistics().getPercentile(99)).findFirst().orElse(Double.NaN);
    for (RunResult r : results) {
      Statistics s = r.getPrimaryResult().getStatistics();
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      System.out.printf("%-14s %10d %13.0f %13.0f %13.0f %14.1f%n", name, s.getN(), s.getPercentile(50),
          s.getPercentile(99), s.getPercentile(99.9), s.getPercentile(99) / base);
    }
    System.out.println("Acceptance (1,000 policies x 50 fields): uncached (decide) p99 <= 100 us;"
        + " cached (cached, cachedAudited) p99 <= 5 us");
  }
}
