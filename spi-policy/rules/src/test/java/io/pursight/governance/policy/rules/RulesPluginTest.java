package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.MASKING;
import static io.pursight.governance.policy.rules.Fixtures.field;
import static io.pursight.governance.policy.rules.Fixtures.read;
import static io.pursight.governance.policy.rules.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.policy.ColumnMask;
import io.pursight.governance.policy.Decision;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.PolicyEngine;
import io.pursight.governance.spi.PolicyProvider;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesPluginTest {
  @TempDir Path dir;

  private static PolicyProvider provider() {
    for (GovernancePlugin p : ServiceLoader.load(GovernancePlugin.class)) {
      if (p instanceof RulesPlugin) {
        return p.policyProviders().get(0);
      }
    }
    throw new AssertionError("RulesPlugin is not registered in META-INF/services");
  }

  @Test
  void theProviderIsFoundThroughServiceLoader() {
    PolicyProvider rules = provider();
    assertThat(rules.name()).isEqualTo("rules");
    try (PolicyEngine e = rules.create(new PluginConfig(Map.of("rules.text", "policies: []")), MASKING)) {
      assertThat(e).isInstanceOf(RulesEngine.class);
      assertThat(e.version()).startsWith("1-");
    }
  }

  @Test
  void aJsonFileWorksLikeYaml() throws Exception {
    Path json = dir.resolve("policies.json");
    Files.writeString(json, """
        {"policies": [
          {"id": "mask-card", "match": {"infoTypes": ["CREDIT_CARD_NUMBER"]},
           "unless": {"roles": ["pci_auditor"]},
           "effect": "mask", "masking": {"function": "partial", "last": 4}}
        ]}
        """);
    FieldFacts pan = field("shop.public.payments.pan").types("CREDIT_CARD_NUMBER").build();
    try (PolicyEngine e = provider().create(new PluginConfig(Map.of("rules.file", json.toString())), MASKING)) {
      Decision d = e.decide(read(user("analyst"), List.of(pan)), List.of(pan));
      assertThat(d.effect()).isEqualTo(Effect.MASK);
      assertThat(d.masks()).containsExactly(new ColumnMask(pan.field(), "partial", Map.of("last", "4")));
      assertThat(e.decide(read(user("pci_auditor"), List.of(pan)), List.of(pan)).effect()).isEqualTo(Effect.ALLOW);
    }
  }

  @Test
  void theVersionDependsOnTheContent() {
    String a = RulesEngine.fromYaml("policies: []", MASKING).version();
    String b = RulesEngine.fromYaml("policies: []\n", MASKING).version();
    assertThat(a).isNotEqualTo(b);
    assertThat(RulesEngine.fromYaml("policies: []", MASKING).version()).isEqualTo(a);
  }

  @Test
  void onlyThePluginAndTheEngineArePublic() throws Exception {
    String pkg = RulesPlugin.class.getPackageName();
    Path classes = Path.of(RulesPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var files = Files.walk(classes.resolve(pkg.replace('.', '/')))) {
      List<String> publicTypes = files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".class") && !f.contains("$"))
          .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length()))
          .filter(n -> {
            try {
              return Modifier.isPublic(Class.forName(n, false, RulesPlugin.class.getClassLoader()).getModifiers());
            } catch (ClassNotFoundException e) {
              throw new AssertionError(e);
            }
          }).sorted().toList();
      assertThat(publicTypes).containsExactly(pkg + ".RulesEngine", pkg + ".RulesPlugin");
    }
  }
}
