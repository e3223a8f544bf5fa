package io.pursight.governance.policy.rules;

import static io.pursight.governance.policy.rules.Fixtures.MASKING;
import static io.pursight.governance.policy.rules.Fixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.PluginConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid policy files fail at load, naming the file, line, column and reason. */
class PolicyFileErrorsTest {
  @TempDir Path dir;

  private static AbstractThrowableAssert<?, ? extends Throwable> loading(String yaml) {
    return assertThatThrownBy(() -> engine(yaml)).isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid policy file rules.text");
  }

  @Test
  void unknownKeyWithSuggestion() {
    loading("""
        policies:
          - id: mask-pii
            match: { infoTypes: [EMAIL_ADDRESS] }
            efect: mask
            masking: redact
        """)
        .hasMessageContaining("line 4, column 5: unknown key 'efect' in policy 'mask-pii' (did you mean 'effect'?)")
        .hasMessageContaining("allowed keys: id, description, actions, match, when, unless, effect, masking, filter");
  }

  @Test
  void unknownKeysAtEveryLevel() {
    loading("""
        polices: []
        """).hasMessageContaining("line 1, column 1: unknown key 'polices' in the top level (did you mean 'policies'?)");
    loading("""
        policies:
          - id: a
            match: { infoType: [EMAIL_ADDRESS] }
            effect: deny
        """).hasMessageContaining("line 3, column 14: unknown key 'infoType' in the match of policy 'a' (did you mean 'infoTypes'?)");
    loading("""
        policies:
          - id: a
            unless: { role: [x] }
            effect: deny
        """).hasMessageContaining("line 3, column 15: unknown key 'role'");
    loading("""
        policies:
          - id: a
            when: { attributes: { region: { equal: EU } } }
            effect: deny
        """).hasMessageContaining("line 3, column 37: unknown key 'equal'");
    loading("""
        policies:
          - id: a
            match: { sensitivity: { atleast: restricted } }
            effect: deny
        """).hasMessageContaining("line 3, column 29: unknown key 'atleast' in 'sensitivity' (did you mean 'atLeast'?)");
  }

  @Test
  void unknownEffectAndAction() {
    loading("""
        policies:
          - id: a
            effect: masq
        """).hasMessageContaining("line 3, column 13: unknown effect 'masq' in policy 'a'; use allow, deny, mask or filter");
    loading("""
        policies:
          - id: a
            actions: [read, update]
            effect: deny
        """).hasMessageContaining("line 3, column 21: unknown action 'update'; use read, write, delete, ddl or all");
    loading("""
        policies:
          - id: a
            actions: []
            effect: deny
        """).hasMessageContaining("line 3, column 14: 'actions' is an empty list, so the policy would never apply");
    loading("""
        policies:
          - id: a
        """).hasMessageContaining("line 2, column 5: policy 'a' has no 'effect'");
  }

  @Test
  void unknownInfoTypesAndCategories() {
    loading("""
        policies:
          - id: a
            match:
              infoTypes:
                - EMAIL_ADDRESS
                - US_SSN
            effect: deny
        """).hasMessageContaining("line 6, column 11: unknown info type 'US_SSN'")
        .hasMessageContaining("rules.extraInfoTypes");
    loading("""
        policies:
          - id: a
            match: { infoTypes: [email_address] }
            effect: deny
        """).hasMessageContaining("'email_address' is not an info type id");
    loading("""
        policies:
          - id: a
            match: { categories: [finance] }
            effect: deny
        """).hasMessageContaining("line 3, column 27: unknown category 'finance'")
        .hasMessageContaining("financial");
  }

  @Test
  void customInfoTypesAndCategoriesComeFromSettings() {
    String yaml = """
        policies:
          - id: badge
            match: { infoTypes: [EMPLOYEE_BADGE_ID], categories: [hr] }
            effect: deny
        """;
    assertThatThrownBy(() -> engine(yaml)).hasMessageContaining("unknown info type 'EMPLOYEE_BADGE_ID'");
    assertThatCode(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", yaml,
        "rules.extraInfoTypes", "EMPLOYEE_BADGE_ID, OTHER_ID", "rules.extraCategories", "hr")), MASKING))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", yaml,
        "rules.extraInfoTypes", "badge")), MASKING)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'rules.extraInfoTypes' holds 'badge'");
  }

  @Test
  void maskingFunctionsAreCheckedAgainstTheInstalledOnes() {
    loading("""
        policies:
          - id: a
            effect: mask
            masking: redcat
        """).hasMessageContaining("line 4, column 14: unknown masking function 'redcat' (did you mean 'redact'?)")
        .hasMessageContaining("available: [hash, null, partial, redact]");
    loading("""
        policies:
          - id: a
            effect: mask
            masking: { function: partial, last: four }
        """).hasMessageContaining("line 4, column 14: masking function 'partial' rejects the parameters of policy 'a': "
            + "'last' must be a number from 0 to 99");
    loading("""
        policies:
          - id: a
            effect: mask
            masking: { last: 4 }
        """).hasMessageContaining("needs 'function'");
    loading("""
        policies:
          - id: a
            effect: mask
        """).hasMessageContaining("masks but names no masking function");
    loading("""
        policies:
          - id: a
            effect: deny
            masking: redact
        """).hasMessageContaining("line 4, column 14: 'masking' only belongs to policies with effect mask");
    loading("""
        policies:
          - id: a
            effect: mask
            masking: { function: partial, last: [1, 2] }
        """).hasMessageContaining("masking parameter 'last' must be a single value");
    assertThatThrownBy(() -> RulesEngine.fromYaml("""
        policies:
          - id: a
            effect: mask
            masking: redact
        """, Map.of())).hasMessageContaining("no masking functions are installed");
  }

  @Test
  void badGlobs() {
    loading("""
        policies:
          - id: a
            match: { columns: ["shop.[ab].x", "shop..x", "ok.*", "a\\\\b", ""] }
            effect: deny
        """).hasMessageContaining("(4 problems)")
        .hasMessageContaining("line 3, column 24: bad pattern 'shop.[ab].x' in columns: '[' at character 6")
        .hasMessageContaining("line 3, column 39: bad pattern 'shop..x' in columns: empty name segment")
        .hasMessageContaining("escapes are not supported")
        .hasMessageContaining("'columns' must hold values");
    loading("""
        policies:
          - id: a
            match: { datasets: [] }
            effect: deny
        """).hasMessageContaining("'datasets' is an empty list, which matches nothing");
  }

  @Test
  void duplicateIdsAndKeys() {
    loading("""
        policies:
          - id: a
            effect: deny
          - id: b
            effect: allow
          - id: a
            effect: allow
        """).hasMessageContaining("line 6, column 9: duplicate policy id 'a' (first at line 2)");
    loading("""
        policies:
          - id: a
            effect: deny
            effect: allow
        """).hasMessageContaining("line 4, column 5: duplicate key 'effect' (first at line 3)");
    loading("""
        policies:
          - id: "a b"
            effect: deny
        """).hasMessageContaining("invalid policy id 'a b'");
  }

  @Test
  void sensitivityRangeChecks() {
    loading("""
        policies:
          - id: a
            match: { sensitivity: { atLeast: restricted, atMost: internal } }
            effect: deny
        """).hasMessageContaining("line 3, column 27: atLeast RESTRICTED is above atMost INTERNAL");
    loading("""
        policies:
          - id: a
            match: { sensitivity: { atLeast: secret } }
            effect: deny
        """).hasMessageContaining("unknown sensitivity 'secret'");
    loading("""
        policies:
          - id: a
            match: { sensitivity: restricted }
            effect: deny
        """).hasMessageContaining("'sensitivity' must be a mapping");
  }

  @Test
  void conditionShapes() {
    loading("""
        policies:
          - id: a
            when: {}
            effect: deny
        """).hasMessageContaining("'when' of policy 'a' is empty");
    loading("""
        policies:
          - id: a
            when: { attributes: { region: { in: [a], exists: true } } }
            effect: deny
        """).hasMessageContaining("needs exactly one of equals, in, exists");
    loading("""
        policies:
          - id: a
            when: { attributes: { region: { exists: maybe } } }
            effect: deny
        """).hasMessageContaining("exists must be true or false");
    loading("""
        policies:
          - id: a
            unless: roles
            effect: deny
        """).hasMessageContaining("'unless' of policy 'a' must be a mapping");
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    loading("""
        policies:
          - id: a
            match: { infoTypes: [EMAIL_ADDRESS }
            effect: deny
        """).hasMessageContaining("line 3, column").hasMessageContaining("YAML syntax error");
    loading("""
        policies:
          - id: a
           effect: deny
        """).hasMessageContaining("YAML syntax error").hasMessageMatching("(?s).*line [23], column.*");
  }

  @Test
  void aliasesSeveralDocumentsAndEmptyFilesAreRefused() {
    loading("""
        policies:
          - id: &x a
            effect: deny
          - id: *x
            effect: allow
        """).hasMessageContaining("line 4, column 9: YAML aliases (*name) are not supported");
    loading("""
        policies: []
        ---
        policies: []
        """).hasMessageContaining("line 3").hasMessageContaining("only one document");
    loading("").hasMessageContaining("the file is empty");
    loading("# nothing but a comment\n").hasMessageContaining("the file is empty");
    loading("version: 1\n").hasMessageContaining("missing 'policies'");
    loading("version: 2\npolicies: []\n").hasMessageContaining("unsupported version");
    loading("- id: a\n").hasMessageContaining("expected a mapping with a 'policies' list, found a list");
  }

  @Test
  void filterAndEffectMustAgree() {
    loading("""
        policies:
          - id: a
            effect: filter
        """).hasMessageContaining("filters but has no 'filter' predicate");
    loading("""
        policies:
          - id: a
            effect: deny
            filter: "a = 1"
        """).hasMessageContaining("'filter' only belongs to policies with effect filter");
    loading("""
        policies:
          - id: a
            effect: filter
            filter: { predicate: "a = 1", onMissingAttribute: ignore }
        """).hasMessageContaining("onMissingAttribute must be deny or empty");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    loading("""
        policies:
          - id: a
            effect: masq
          - id: b
            match: { infoTypes: [NOPE] }
            effect: deny
          - effect: allow
        """).hasMessageContaining("(3 problems)")
        .hasMessageContaining("line 3, column 13").hasMessageContaining("line 5, column 26")
        .hasMessageContaining("line 7, column 5: policy without 'id'");
  }

  @Test
  void fileErrorsNameTheFile() throws IOException {
    Path yaml = dir.resolve("policies.yaml");
    Files.writeString(yaml, "policies:\n  - id: a\n    effect: nope\n");
    assertThatThrownBy(() -> RulesEngine.create(config(yaml), MASKING)).isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid policy file " + yaml.toAbsolutePath() + ", line 3, column 13: unknown effect 'nope' "
            + "in policy 'a'; use allow, deny, mask or filter");
    Path json = dir.resolve("policies.json");
    Files.writeString(json, "{\n  \"policies\": [\n    {\"id\": \"a\", \"effect\": \"deny\",}\n  ]\n}\n");
    assertThatThrownBy(() -> RulesEngine.create(config(json), MASKING)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(json.toAbsolutePath() + ", line 3, column").hasMessageContaining("syntax error");
    Files.writeString(json, "{\"policies\": [{\"id\": \"a\", \"effect\": \"deny\", \"efect\": 1}]}");
    assertThatThrownBy(() -> RulesEngine.create(config(json), MASKING))
        .hasMessageContaining("line 1, column 45: unknown key 'efect'");
    Files.write(yaml, new byte[] {'p', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> RulesEngine.create(config(yaml), MASKING)).hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> RulesEngine.create(config(dir.resolve("missing.yaml")), MASKING))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("Cannot read policy file")
        .hasMessageContaining("missing.yaml").hasMessageContaining("rules.file");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of()), MASKING))
        .hasMessageContaining("needs 'rules.file'");
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", "policies: []",
        "rules.file", "x.yaml")), MASKING)).hasMessageContaining("not both");
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", "policies: []",
        "rules.default", "mask")), MASKING)).hasMessageContaining("'rules.default' must be allow or deny");
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", "policies: []",
        "rules.fiel", "x")), MASKING)).hasMessageContaining("Unknown setting 'rules.fiel'")
        .hasMessageContaining("did you mean 'rules.file'");
    assertThatThrownBy(() -> RulesEngine.create(new PluginConfig(Map.of("rules.text", "policies: []",
        "rules.reloadInterval", "PT0.001S")), MASKING)).hasMessageContaining("between 10 ms and 24 hours");
    assertThat(RulesEngine.fromYaml("policies: []", MASKING).version()).matches("1-[0-9a-f]{12}");
  }

  private static PluginConfig config(Path file) {
    return new PluginConfig(Map.of("rules.file", file.toString(), "rules.reload", "false"));
  }
}
