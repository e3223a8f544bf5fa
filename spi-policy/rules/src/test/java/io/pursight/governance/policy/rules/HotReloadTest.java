package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.MASKING;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.read;
import static io.pursight.governance.policy.rules.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.spi.PluginConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watched policy file: valid edits replace the policies, broken ones are reported and ignored. */
class HotReloadTest {
  private static final FieldFacts SSN = field("shop.public.customers.ssn").types("US_SOCIAL_SECURITY_NUMBER").build();
  private static final String DENY = """
      policies:
        - id: deny-ssn
          match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
          effect: deny
      """;
  private static final String MASK = """
      policies:
        - id: mask-ssn
          match: { infoTypes: [US_SOCIAL_SECURITY_NUMBER] }
          effect: mask
          masking: { function: partial, last: 4 }
      """;

  @TempDir Path dir;
  private Path file;
  private RulesEngine engine;
  private final BlockingQueue<ConfigurationException> failures = new LinkedBlockingQueue<>();
  private final AtomicInteger changes = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    file = dir.resolve("policies.yaml");
    Files.writeString(file, DENY);
    engine = RulesEngine.create(new PluginConfig(Map.of("rules.file", file.toString(),
        "rules.reloadInterval", "PT0.05S")), MASKING);
    engine.onChange(changes::incrementAndGet);
    engine.onReloadFailure(failures::add);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private Effect effect() {
    return engine.decide(read(user(), List.of(SSN)), List.of(SSN)).effect();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }

  @Test
  void anEditReplacesThePoliciesAndTheVersion() throws Exception {
    String v1 = engine.version();
    assertThat(v1).startsWith("1-");
    assertThat(effect()).isEqualTo(Effect.DENY);
    assertThat(engine.policyIds()).containsExactly("deny-ssn");
    Files.writeString(file, MASK);
    await(() -> !engine.version().equals(v1));
    assertThat(engine.version()).startsWith("2-");
    assertThat(engine.policyIds()).containsExactly("mask-ssn");
    assertThat(effect()).isEqualTo(Effect.MASK);
    assertThat(engine.decide(read(user(), List.of(SSN)), List.of(SSN)).masks().get(0).parameters())
        .containsEntry("last", "4");
    await(() -> changes.get() == 1);
    assertThat(failures).isEmpty();
  }

  @Test
  void aBrokenEditKeepsThePreviousPoliciesAndIsReportedOnce() throws Exception {
    String v1 = engine.version();
    // the first policy is fine, the second is not: nothing of the new file may apply
    Files.writeString(file, MASK + """
          - id: broken
            effect: deny
            masking: redact
        """);
    ConfigurationException e = failures.poll(10, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(file.toString()).contains("line 8, column 14")
        .contains("'masking' only belongs to policies with effect mask")
        .contains("Keeping the policies of version " + v1);
    assertThat(engine.version()).isEqualTo(v1);
    assertThat(effect()).isEqualTo(Effect.DENY);
    Thread.sleep(300);
    assertThat(failures).as("the same broken content is reported once").isEmpty();
    assertThat(changes.get()).isZero();

    Files.writeString(file, MASK);
    await(() -> !engine.version().equals(v1));
    assertThat(effect()).isEqualTo(Effect.MASK);
  }

  @Test
  void aVanishedFileIsReportedAndThePoliciesStay() throws Exception {
    String v1 = engine.version();
    Files.delete(file);
    ConfigurationException e = failures.poll(10, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("Cannot read policy file").contains("NoSuchFileException");
    assertThat(engine.version()).isEqualTo(v1);
    assertThat(effect()).isEqualTo(Effect.DENY);
    Files.writeString(file, MASK);
    await(() -> effect() == Effect.MASK);
  }

  @Test
  void rewritingTheSameContentChangesNothing() throws Exception {
    String v1 = engine.version();
    Files.writeString(file, DENY);
    Thread.sleep(300);
    assertThat(engine.version()).isEqualTo(v1);
    assertThat(changes.get()).isZero();
  }

  @Test
  void explicitReloadThrowsOnABrokenFileAndKeepsThePolicies() throws Exception {
    engine.close(); // no watcher racing with the explicit reloads
    String v1 = engine.version();
    Files.writeString(file, "policies:\n  - id: x\n    effect: nope\n");
    assertThatThrownBy(engine::reload).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 3, column 13: unknown effect 'nope'");
    assertThat(engine.version()).isEqualTo(v1);
    assertThat(effect()).isEqualTo(Effect.DENY);
    Files.writeString(file, MASK);
    engine.reload();
    assertThat(engine.version()).startsWith("2-").isNotEqualTo(v1);
    assertThat(effect()).isEqualTo(Effect.MASK);
    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void watchingCanBeSwitchedOff() throws Exception {
    try (RulesEngine still = RulesEngine.create(new PluginConfig(Map.of("rules.file", file.toString(),
        "rules.reload", "false", "rules.reloadInterval", "PT0.05S")), MASKING)) {
      String v1 = still.version();
      Files.writeString(file, MASK);
      Thread.sleep(300);
      assertThat(still.version()).isEqualTo(v1);
      assertThat(still.decide(read(user(), List.of(SSN)), List.of(SSN)).effect()).isEqualTo(Effect.DENY);
    }
  }

  @Test
  void decisionsStayConsistentWhileReloading() throws Exception {
    // readers never see a mix: every decision is either the deny set's or the mask set's
    Thread reader = new Thread(() -> {
      for (int i = 0; i < 20_000; i++) {
        var d = engine.decide(read(user(), List.of(SSN)), List.of(SSN));
        boolean deny = d.effect() == Effect.DENY && d.policies().equals(List.of("deny-ssn"));
        boolean mask = d.effect() == Effect.MASK && d.policies().equals(List.of("mask-ssn"));
        if (!deny && !mask) {
          throw new AssertionError("mixed decision " + d);
        }
      }
    });
    AtomicInteger errors = new AtomicInteger();
    reader.setUncaughtExceptionHandler((t, e) -> errors.incrementAndGet());
    reader.start();
    for (int i = 0; i < 6; i++) {
      Files.writeString(file, i % 2 == 0 ? MASK : DENY);
      Thread.sleep(120);
    }
    reader.join();
    assertThat(errors.get()).isZero();
  }
}
