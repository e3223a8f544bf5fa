package io.pursight.governance.policy.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.lineage.TransformKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackDefinitionTest {
  private static final String HEAD = """
      [pack]
      id = t
      title = Test
      policies = none.yaml
      """;
  private static final String CONTROL = """
      [scope pan]
      infoTypes = CREDIT_CARD_NUMBER
      [control T 1]
      title = t
      check = owner
      scope = pan
      severity = low
      evidence = {asset} has no owner
      remediation = r
      """;

  static PackDefinition parse(String text) {
    return PackDefinition.parse("t.controls", text, Map.of());
  }

  @Test
  void readsSectionsContinuationsAndDefaults() {
    PackDefinition d = parse(HEAD + """
        # a comment
        roles = analyst, none ,support
        [scope pan]
        infoTypes = CREDIT_CARD_NUMBER,
          CARD_VERIFICATION_VALUE
        [scope sens]
        minSensitivity = restricted
        regulations = GDPR(Art.9)
        [control T 1]
        title = a long
          title
        check = unmasked
        scope = pan
        severity = high
        evidence = {kind} {asset} {roles}{decision}
        remediation = r
        """);
    assertThat(d.id).isEqualTo("t");
    assertThat(d.roles).containsExactly("analyst", "", "support");
    assertThat(d.copyTransforms).containsExactlyInAnyOrder(TransformKind.IDENTITY, TransformKind.TRANSFORMATION);
    assertThat(d.scopes.get("pan").infoTypes()).containsExactlyInAnyOrder("CREDIT_CARD_NUMBER", "CARD_VERIFICATION_VALUE");
    assertThat(d.scopes.get("sens").minSensitivity()).isEqualTo(Sensitivity.RESTRICTED);
    assertThat(d.scopes.get("sens").regulations()).containsExactly("GDPR");
    assertThat(d.controls).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("T 1");
      assertThat(c.title()).isEqualTo("a long title");
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.check()).isEqualTo(CheckKind.UNMASKED);
      assertThat(c.line()).isEqualTo(13);
    });
    assertThat(d.processingRecords).isFalse();
  }

  @Test
  void rolesDefaultToAPrincipalWithoutRolesAndCanBeOverridden() {
    assertThat(parse(HEAD + CONTROL).roles).containsExactly("");
    PackDefinition d = PackDefinition.parse("t.controls", HEAD + CONTROL,
        Map.of("roles", "support", "protectedTags", "Vaulted", "copyTransforms", "identity"));
    assertThat(d.roles).containsExactly("support");
    assertThat(d.protectedTags).containsExactly("vaulted");
    assertThat(d.copyTransforms).containsExactly(TransformKind.IDENTITY);
    assertThatThrownBy(() -> PackDefinition.parse("t.controls", HEAD + CONTROL, Map.of("title", "x")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'title' cannot be overridden");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key in control     | colour = red                              | t.controls:14: unknown key 'colour' in [control T 1]
      unknown info type          | [scope x]\\ninfoTypes = CREDIT_CARD_NUMBR  | t.controls:15: unknown info type 'CREDIT_CARD_NUMBR'
      unknown category           | [scope x]\\ncategories = finance          | t.controls:15: unknown category 'finance'
      unknown regulation         | [scope x]\\nregulations = SOX             | t.controls:15: no info type names regulation 'SOX'
      unknown sensitivity        | [scope x]\\nminSensitivity = secret       | t.controls:15: unknown sensitivity 'secret'
      empty scope                | [scope x]\\nunion =                       | t.controls:14: scope 'x' selects nothing
      undefined reference        | [scope x]\\nunion = nope                  | t.controls:14: scope 'x' refers to scope 'nope', which is not defined
      cycle                      | [scope x]\\nunion = y\\n[scope y]\\nunion = x | scopes refer to each other in a cycle: x -> y -> x
      unknown section            | [rule x]\\na = b                          | t.controls:14: unknown section [rule]
      duplicate key              | [scope x]\\ninfoTypes = AGE\\ninfoTypes = AGE | t.controls:16: 'infoTypes' is set twice in [scope x]
      duplicate control          | [control T 1]\\ntitle = t\\ncheck = owner\\nscope = pan\\nseverity = low\\nevidence = e\\nremediation = r | t.controls:14: control 'T 1' is defined twice
      bad line                   | just words                                | t.controls:14: expected 'key = value'
      dangling continuation      | [scope x]\\n  AGE                         | t.controls:15: an indented line continues a value, but no key precedes it
      second pack section        | [scope x]\\ninfoTypes = AGE\\n[pack]       | t.controls:16: a second [pack] section
      bad identifier             | [identifier 19]\\nname = x                | t.controls:14: identifier numbers are 1..18
      colocatedOr without with   | [scope x]\\ninfoTypes = AGE\\ncolocatedOr = datasetTag:phi | t.controls:16: colocatedOr needs colocatedWith
      """)
  void errorsNameFileLineAndReason(String name, String extra, String message) {
    String text = HEAD + CONTROL + extra.replace("\\n", "\n") + "\n";
    assertThatThrownBy(() -> parse(text)).as(name).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void controlErrors() {
    String base = HEAD + "[scope pan]\ninfoTypes = CREDIT_CARD_NUMBER\n[control C]\ntitle = t\nscope = pan\nseverity = low\n"
        + "remediation = r\n";
    assertThatThrownBy(() -> parse(base + "check = magic\nevidence = e\n")).hasMessageContaining("t.controls:12: unknown "
        + "check 'magic'; use unmasked, plain-at-rest, stored, copies, owner, property, policies-loaded");
    assertThatThrownBy(() -> parse(base + "check = owner\nevidence = {asset} {roles}\n"))
        .hasMessageContaining("t.controls:13: check owner has no placeholder {roles}");
    assertThatThrownBy(() -> parse(base + "check = property\nevidence = e\n"))
        .hasMessageContaining("check property needs 'property = <annotation property>'");
    assertThatThrownBy(() -> parse(base + "check = copies\nevidence = e\naccept = encrypted\n"))
        .hasMessageContaining("t.controls:14: unknown mark 'encrypted'; use protected, datasetTag:<tag> or property:<name>");
    assertThatThrownBy(() -> parse(base + "check = stored\nevidence = e\nwithin = nope\n"))
        .hasMessageContaining("scope 'nope' is not defined");
    assertThatThrownBy(() -> parse(base + "check = owner\n")).hasMessageContaining("[control C] needs 'evidence'");
    assertThatThrownBy(() -> parse(base + "check = owner\nevidence = e\nseverity2 = x\n"))
        .hasMessageContaining("unknown key 'severity2'");
    assertThatThrownBy(() -> parse(HEAD)).hasMessageContaining("no [control] sections");
    assertThatThrownBy(() -> parse("[pack]\nid = t\n" + CONTROL)).hasMessageContaining("[pack] needs 'title'");
    assertThatThrownBy(() -> parse(HEAD + "records = article-30\n" + CONTROL))
        .hasMessageContaining("records = article-30 needs recordsScope");
  }

  @Test
  void theShippedPacksLoadAndUseEveryCheck() {
    Set<CheckKind> used = new java.util.HashSet<>();
    for (String id : CompliancePlugin.PACKS) {
      PackDefinition d = PackDefinition.load(id + ".controls", Map.of());
      assertThat(d.id).isEqualTo(id);
      assertThat(d.controls).isNotEmpty();
      d.controls.forEach(c -> used.add(c.check()));
      assertThat(d.controls).allSatisfy(c -> assertThat(c.id()).startsWith(switch (id) {
        case "pci-dss" -> "PCI-DSS ";
        case "hipaa" -> "HIPAA ";
        case "gdpr" -> "GDPR ";
        default -> "SOC2 ";
      }));
    }
    assertThat(used).containsExactlyInAnyOrder(CheckKind.values());
    assertThat(PackDefinition.load("gdpr.controls", Map.of()).processingRecords).isTrue();
    assertThat(List.of("hipaa", "pci-dss", "soc2"))
        .allSatisfy(id -> assertThat(PackDefinition.load(id + ".controls", Map.of()).processingRecords).isFalse());
  }
}
