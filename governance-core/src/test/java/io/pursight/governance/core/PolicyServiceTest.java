package io.pursight.governance.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.core.audit.JsonlAuditSink;
import io.pursight.governance.core.testing.FakeSources;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.PolicyEngine;
import io.pursight.governance.spi.PolicyProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceTest {
  @TempDir Path dir;

  /** Masks every field holding an info type of sensitivity CONFIDENTIAL or above; counts its calls. */
  static final class CountingEngine implements PolicyEngine {
    final AtomicInteger calls = new AtomicInteger();
    final List<List<FieldFacts>> seen = new ArrayList<>();
    volatile String version = "v1";
    Runnable listener = () -> { };

    @Override
    public Decision decide(AccessRequest request, List<FieldFacts> facts) {
      calls.incrementAndGet();
      seen.add(facts);
      List<ColumnMask> masks = new ArrayList<>();
      for (FieldFacts f : facts) {
        if (f.sensitivity().atLeast(Sensitivity.CONFIDENTIAL) && !request.principal().roles().contains("pii_reader")) {
          masks.add(new ColumnMask(f.field(), "redact", Map.of()));
        }
      }
      return new Decision(masks.isEmpty() ? Effect.ALLOW : Effect.MASK, masks, List.of(),
          masks.isEmpty() ? List.of() : List.of("mask-pii"), "test");
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public void onChange(Runnable l) {
      listener = l;
    }
  }

  static final CountingEngine ENGINE = new CountingEngine();

  static final class EnginePlugin implements GovernancePlugin {
    @Override
    public List<PolicyProvider> policyProviders() {
      return List.of(new PolicyProvider() {
        @Override
        public String name() {
          return "counting";
        }

        @Override
        public PolicyEngine create(PluginConfig config, Map<String, MaskingFunction> masking) {
          return ENGINE;
        }
      });
    }
  }

  @Test
  void decisionsUseCatalogFactsAreCachedInvalidatedAndAudited() throws Exception {
    FakeSources.FakeSource src = new LineageServiceTest().source();
    Path audit = dir.resolve("audit.jsonl");
    try (Governance gov = Governance.builder().inMemoryStore().source("shop", src.location())
        .plugin(new EnginePlugin()).policyProvider("counting", Map.of()).auditLog(audit).build()) {
      gov.scan(ScanRequest.builder().build());
      var email = GovernanceScanTest.ds("customers").child("email");
      var id = GovernanceScanTest.ds("customers").child("id");
      AccessRequest analyst = new AccessRequest(Principal.of("bob", "analyst"), Action.READ, List.of(email, id), null, null);

      int before = ENGINE.calls.get();
      Decision d = gov.policies().decide(analyst);
      assertThat(d.effect()).isEqualTo(Effect.MASK);
      assertThat(d.masks()).extracting(ColumnMask::field).containsExactly(email);
      FieldFacts facts = ENGINE.seen.get(ENGINE.seen.size() - 1).get(0);
      assertThat(facts.infoTypes()).containsExactly("EMAIL_ADDRESS");
      assertThat(facts.categories()).containsExactly("contact");
      assertThat(facts.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);

      gov.policies().decide(analyst);
      assertThat(ENGINE.calls.get() - before).as("the second identical request is cached").isEqualTo(1);

      gov.catalog().tag(id, Tag.of("pii"));
      gov.policies().decide(analyst);
      assertThat(ENGINE.calls.get() - before).as("a catalog change invalidates").isEqualTo(2);
      assertThat(ENGINE.seen.get(ENGINE.seen.size() - 1).get(1).tags()).containsExactly("pii");

      ENGINE.version = "v2";
      gov.policies().decide(analyst);
      assertThat(ENGINE.calls.get() - before).as("a policy reload invalidates").isEqualTo(3);

      Decision reader = gov.policies().decide(new AccessRequest(Principal.of("ann", "pii_reader"), Action.READ,
          List.of(email), "support", null));
      assertThat(reader.effect()).isEqualTo(Effect.ALLOW);

      gov.audit().flush();
      var v = JsonlAuditSink.verify(audit);
      assertThat(v.intact()).isTrue();
      assertThat(v.records()).isEqualTo(5);
      assertThat(java.nio.file.Files.readString(audit)).contains("\"action\":\"DECIDE_READ\"").contains("\"MASK\"")
          .contains("\"purpose\":\"support\"").doesNotContain("a@b.io");
    }
  }

  @Test
  void withoutPoliciesEverythingIsAllowedAndUnknownProvidersAreRefused() {
    try (Governance gov = Governance.builder().inMemoryStore().build()) {
      Decision d = gov.policies().decide(new AccessRequest(Principal.of("x"), Action.READ,
          List.of(GovernanceScanTest.ds("t").child("c")), null, null));
      assertThat(d.effect()).isEqualTo(Effect.ALLOW);
      assertThat(d.reason()).contains("no policies");
    }
    assertThatThrownBy(() -> Governance.builder().inMemoryStore().policyProvider("nope", Map.of()).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("No policy provider 'nope'");
  }
}
