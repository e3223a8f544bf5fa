package io.pursight.governance.classifier.patterns;

import static io.pursight.governance.classifier.patterns.Columns.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.PluginConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Custom info types from YAML or JSON, without code. */
class CustomTypesTest {
  private static final String YAML = """
      # badges and loyalty cards
      types:
        - id: EMPLOYEE_BADGE_ID
          category: hr
          sensitivity: CONFIDENTIAL
          regulations: [GDPR]
          description: Badge numbers like EMP-123456
          regex: "EMP-\\\\d{6}"
          keywords: [badge, badge id, mitarbeiterausweis]
          vetoKeywords: [badge type]
        - id: LOYALTY_CARD_NUMBER
          category: marketing
          sensitivity: INTERNAL
          regex: "\\\\d{12}"
          validator: luhn
          keywords: [loyalty card, loyalty number]
          requiresName: true
          minHitRatio: 0.8
      """;

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static String luhnNumber(int i) {
    String body = String.format("40000%06d", i);
    return body + Textbook.luhn(body);
  }

  @Test
  void loadsTheInfoTypesForTheHostToRegister() throws IOException {
    List<InfoType> types = PatternsPlugin.loadCustomTypes(write("custom.yaml", YAML));
    assertThat(types).extracting(InfoType::id).containsExactly("EMPLOYEE_BADGE_ID", "LOYALTY_CARD_NUMBER");
    InfoType badge = types.get(0);
    assertThat(badge.category()).isEqualTo("hr");
    assertThat(badge.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
    assertThat(badge.regulations()).containsExactly("GDPR");
    assertThat(PatternsPlugin.customInfoTypes(new PluginConfig(Map.of(PatternsPlugin.CUSTOM_TYPES, dir.resolve(
        "custom.yaml").toString())))).hasSize(2);
    assertThat(PatternsPlugin.customInfoTypes(PluginConfig.EMPTY)).isEmpty();
  }

  @Test
  void theClassifierDetectsRegisteredCustomTypes() throws IOException {
    Path file = write("custom.yaml", YAML);
    Classifier c = new PatternsPlugin().classifiers().get(0).create(new PluginConfig(Map.of(PatternsPlugin.CUSTOM_TYPES,
        file.toString())));
    InfoTypes known = InfoTypes.builtIn();
    for (InfoType t : PatternsPlugin.loadCustomTypes(file)) {
      known = known.with(t);
    }
    Classifier.Context context = new Classifier.Context(known, List.of());
    List<String> badges = List.of("EMP-000001", "EMP-123456", "EMP-654321", "EMP-111111", "EMP-222222");
    Classification byValues = c.classify(ColumnSample.of("t", "col_b", badges), context).get(0);
    assertThat(byValues.infoType()).isEqualTo("EMPLOYEE_BADGE_ID");
    assertThat(byValues.confidence()).isEqualTo(0.65);
    assertThat(byValues.evidence()).containsExactly("5/5 values pass the pattern of EMPLOYEE_BADGE_ID");
    assertThat(c.classify(ColumnSample.of("t", "badgeId", badges), context).get(0).confidence()).isEqualTo(0.8);
    assertThat(c.classify(ColumnSample.of("t", "badge_type", badges), context)).as("veto keyword").isEmpty();
    // the validator and the name requirement
    List<String> cards = List.of(luhnNumber(1), luhnNumber(2), luhnNumber(3), luhnNumber(4), luhnNumber(5));
    assertThat(types(c.classify(ColumnSample.of("t", "col_l", cards), context))).doesNotContain("LOYALTY_CARD_NUMBER");
    Classification loyalty = c.classify(ColumnSample.of("t", "loyalty_number", cards), context).get(0);
    assertThat(loyalty.infoType()).isEqualTo("LOYALTY_CARD_NUMBER");
    assertThat(loyalty.evidence().get(0)).isEqualTo("5/5 values pass the luhn validator (Luhn (mod 10))");
    List<String> notLuhn = cards.stream().map(s -> s.substring(0, 11) + (s.charAt(11) == '9' ? '0' : (char) (s.charAt(11) + 1)))
        .toList();
    assertThat(types(c.classify(ColumnSample.of("t", "loyalty_number", notLuhn), context)))
        .doesNotContain("LOYALTY_CARD_NUMBER");
  }

  @Test
  void unregisteredCustomTypesAreNotSuggested() throws IOException {
    Classifier c = new PatternsPlugin().classifiers().get(0).create(new PluginConfig(Map.of(PatternsPlugin.CUSTOM_TYPES,
        write("custom.yaml", YAML).toString())));
    List<String> badges = List.of("EMP-000001", "EMP-123456", "EMP-654321");
    assertThat(c.classify(ColumnSample.of("t", "badge", badges), new Classifier.Context(InfoTypes.builtIn(), List.of())))
        .isEmpty();
  }

  @Test
  void jsonWorksToo() throws IOException {
    Path json = write("custom.json", """
        {"types": [{"id": "TICKET_REF", "category": "support", "sensitivity": "INTERNAL", "regex": "TCK-[0-9]{5}",
                    "keywords": ["ticket"]}]}
        """);
    assertThat(PatternsPlugin.loadCustomTypes(json)).extracting(InfoType::id).containsExactly("TICKET_REF");
    Path list = write("list.json", """
        [{"id": "TICKET_REF", "category": "support", "sensitivity": "INTERNAL", "regex": "TCK-[0-9]{5}"}]
        """);
    assertThat(PatternsPlugin.loadCustomTypes(list)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown validator|validator: lunh|:6: type #1 (MY_TYPE): unknown validator 'lunh'; known validators: aadhaar, aba,",
      "bad regex|regex: \"[0-9\"|:5: type #1 (MY_TYPE): invalid regex: Unclosed character class near index 3",
      "bad sensitivity|sensitivity: SECRET|:4: type #1 (MY_TYPE): sensitivity 'SECRET' is not one of [PUBLIC, INTERNAL",
      "unknown key|colour: blue|:6: type #1: unknown key 'colour'; allowed keys: category,",
      "ratio out of range|minHitRatio: 1.5|:6: type #1 (MY_TYPE): minHitRatio must be in (0, 1], got 1.5",
      "name required without keywords|requiresName: true|:6: type #1 (MY_TYPE): requiresName is true but no keywords"})
  void invalidFilesFailWithFileLineAndReason(String what, String extraLine, String expected) throws IOException {
    String base = "types:\n  - id: MY_TYPE\n    category: test\n    sensitivity: INTERNAL\n    regex: \"X\\\\d+\"\n";
    String content = extraLine.startsWith("regex:") ? base.replace("    regex: \"X\\\\d+\"\n", "    " + extraLine + "\n")
        : extraLine.startsWith("sensitivity:") ? base.replace("    sensitivity: INTERNAL\n", "    " + extraLine + "\n")
        : base + "    " + extraLine + "\n";
    Path file = write("bad.yaml", content);
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(file)).isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid custom info types file " + file)
        .hasMessageContaining(expected);
  }

  @Test
  void structuralErrorsNameTheLine() throws IOException {
    Path missing = write("missing.yaml", "types:\n  - id: A_TYPE\n    category: x\n    sensitivity: INTERNAL\n"
        + "  - id: B_TYPE\n    category: x\n    sensitivity: INTERNAL\n    regex: b\n");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(missing))
        .hasMessageContaining("missing.yaml:2: type #1 (A_TYPE): missing 'regex'");
    Path dup = write("dup.yaml", "types:\n  - {id: A_TYPE, category: x, sensitivity: INTERNAL, regex: a}\n"
        + "  - {id: A_TYPE, category: x, sensitivity: INTERNAL, regex: b}\n");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(dup))
        .hasMessageContaining("dup.yaml:3: type #2: id A_TYPE is defined twice");
    Path builtIn = write("builtin.yaml", "types:\n  - {id: EMAIL_ADDRESS, category: x, sensitivity: INTERNAL, regex: a}\n");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(builtIn)).hasMessageContaining("is a built-in info type");
    Path badId = write("badid.yaml", "types:\n  - {id: my-type, category: x, sensitivity: INTERNAL, regex: a}\n");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(badId)).hasMessageContaining(":2: type #1 (my-type): Invalid info type id");
    Path syntax = write("syntax.yaml", "types:\n  - id: A\n    category: [unclosed\n");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(syntax)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("syntax.yaml:").hasMessageContaining("not valid YAML");
    Path json = write("syntax.json", "{\"types\": [ {\"id\": \"A\", } ]}");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(json)).hasMessageContaining("syntax.json:1: not valid JSON");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(dir.resolve("nope.yaml")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
    Path empty = write("empty.yaml", "");
    assertThatThrownBy(() -> PatternsPlugin.loadCustomTypes(empty)).hasMessageContaining("the file is empty");
  }

  @Test
  void anInvalidFileStopsTheClassifierFromStarting() throws IOException {
    Path bad = write("bad.yaml", "types:\n  - {id: A_TYPE, category: x, sensitivity: INTERNAL, regex: '['}\n");
    assertThatThrownBy(() -> new PatternsPlugin().classifiers().get(0).create(new PluginConfig(Map.of(
        PatternsPlugin.CUSTOM_TYPES, bad.toString())))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("invalid regex");
  }
}
