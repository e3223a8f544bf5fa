package io.pursight.governance.policy.compliance;

import static io.pursight.governance.policy.compliance.Classes.values;
import static io.pursight.governance.policy.compliance.FakeCatalog.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.spi.CompliancePack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The policy templates parse as YAML and use only the rules engine's vocabulary (mirrored here: keys,
 * effects, actions, info types, categories, sensitivities, masking functions and their parameters),
 * the remediations name policies that exist, and adopting a template clears its pack's policy findings.
 */
class PolicyTemplateTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> TOP_KEYS = Set.of("version", "policies");
  private static final Set<String> POLICY_KEYS =
      Set.of("id", "description", "actions", "match", "when", "unless", "effect", "masking", "filter");
  private static final Set<String> MATCH_KEYS =
      Set.of("infoTypes", "categories", "tags", "datasetTags", "sensitivity", "datasets", "columns", "sources");
  private static final Set<String> CONDITION_KEYS = Set.of("roles", "groups", "purpose", "attributes");
  private static final Set<String> ACTIONS = Set.of("read", "write", "delete", "ddl", "all");
  private static final Set<String> EFFECTS = Set.of("allow", "deny", "mask", "filter");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
  /** The masking functions of issue 5 and the parameters each accepts (policy-masking). */
  private static final Map<String, Set<String>> MASKING = Map.ofEntries(
      Map.entry("redact", Set.of("token")),
      Map.entry("null", Set.of()),
      Map.entry("fixed", Set.of("value")),
      Map.entry("partial", Set.of("first", "last", "char")),
      Map.entry("pci", Set.of("first", "last", "char", "luhn")),
      Map.entry("email", Set.of("token")),
      Map.entry("hash", Set.of("key", "keyEncoding", "encoding", "length")),
      Map.entry("tokenize", Set.of("key", "keyEncoding")),
      Map.entry("fpe", Set.of("key", "keyEncoding", "alphabet", "tweak", "tooShort")),
      Map.entry("generalize_date", Set.of("to")),
      Map.entry("bucket", Set.of("size", "bounds")),
      Map.entry("noise", Set.of("scale", "percent", "seed", "key", "keyEncoding")));
  private static final Set<String> KEYED = Set.of("hash", "tokenize", "fpe");
  private static final Pattern SECRET_REF = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

  static List<Pack> packs() {
    CompliancePlugin plugin = new CompliancePlugin(Map.of());
    return CompliancePlugin.PACKS.stream().map(plugin::pack).toList();
  }

  @TestFactory
  List<DynamicTest> everyTemplateUsesOnlyTheRulesVocabulary() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Pack p : packs()) {
      tests.add(DynamicTest.dynamicTest(p.id(), () -> {
        List<String> problems = problems(p.policyTemplate());
        assertThat(problems).as(p.id() + " template problems").isEmpty();
      }));
    }
    return tests;
  }

  @Test
  void theCheckerFindsMistakes() {
    String bad = """
        policies:
          - id: a
            match: { infoTypes: [CREDIT_CARD_NUMBR], categories: [finance], sensitivity: HIGH, colour: [red] }
            unless: { role: [x] }
            effect: mask
          - id: a
            match: { infoTypes: [EMAIL_ADDRESS] }
            effect: mask
            masking: { function: hash }
          - id: b
            actions: [select]
            effect: filter
          - id: c
            effect: mask
            masking: { function: partial, show: 4 }
        """;
    assertThat(problems(bad)).containsExactlyInAnyOrder(
        "a: unknown info type CREDIT_CARD_NUMBR",
        "a: unknown category finance",
        "a: sensitivity must be a mapping { atLeast | atMost }",
        "a: unknown match key colour",
        "a: unknown condition key role in unless",
        "a: effect mask needs masking",
        "duplicate id a",
        "a: masking hash needs key = a secret reference",
        "b: unknown action select",
        "b: effect filter needs filter",
        "c: masking partial has no parameter show");
    assertThat(problems("policies: [ { id: x, effect: allow, match: { infoTypes: [EMAIL_ADDRESS] } } ]")).isEmpty();
    assertThat(problems("nothing: here")).contains("unknown top-level key nothing", "no policies");
  }

  @Test
  void policyIdsAreUniqueAcrossPacksSoTemplatesCanBeCombined() {
    Set<String> seen = new HashSet<>();
    for (Pack p : packs()) {
      for (JsonNode policy : parse(p.policyTemplate()).get("policies")) {
        assertThat(seen.add(policy.get("id").asText())).as(policy.get("id").asText()).isTrue();
      }
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void remediationsNameOnlyPoliciesOfTheirTemplate() {
    Pattern policyId = Pattern.compile("\\b(?:pci|hipaa|gdpr|soc2)-[a-z0-9.-]*[a-z0-9]");
    for (Pack p : packs()) {
      Set<String> ids = new HashSet<>();
      parse(p.policyTemplate()).get("policies").forEach(n -> ids.add(n.get("id").asText()));
      PackDefinition def = PackDefinition.load(p.id() + ".controls", Map.of());
      int named = 0;
      for (ControlDef c : def.controls) {
        Matcher m = policyId.matcher(c.remediation());
        while (m.find()) {
          named++;
          assertThat(ids).as(p.id() + " " + c.id() + " names " + m.group()).contains(m.group());
        }
      }
      assertThat(named).as(p.id() + " remediations point at template policies").isPositive();
    }
  }

  @Test
  void adoptingThePciTemplateMasksPansForAnalysts() {
    FakeCatalog cat = new FakeCatalog()
        .table("payments").cols(col("pan", values("CREDIT_CARD_NUMBER")),
            col("cvv", values("CARD_VERIFICATION_VALUE"))).add();
    ComplianceReport r = adopt("pci-dss", cat);
    assertThat(Reports.controls(r)).contains("PCI-DSS 3.4.1 1/0");
  }

  @Test
  void adoptingTheHipaaTemplateMasksEveryIdentifierInDatasetsTaggedPhi() {
    List<FakeCatalog.Col> cols = new ArrayList<>();
    cols.add(col("diagnosis", values("ICD10_CODE")));
    Set<String> types = new java.util.TreeSet<>();
    Reports.pack("hipaa").identifiers().forEach(i -> types.addAll(i.infoTypes()));
    for (InfoType t : InfoTypes.builtIn().all()) {
      if (t.category().equals("health")) {
        types.add(t.id());
      }
    }
    types.forEach(t -> cols.add(col(t.toLowerCase(Locale.ROOT), values(t))));
    FakeCatalog cat = new FakeCatalog().table("patients").owners("his").tags("phi")
        .cols(cols.toArray(FakeCatalog.Col[]::new)).add();
    ComplianceReport r = adopt("hipaa", cat);
    assertThat(r.findings()).filteredOn(f -> f.control().equals("HIPAA 164.312(a)(1)")).isEmpty();
    assertThat(Reports.controls(r)).contains("HIPAA 164.312(a)(1) " + (types.size() + 1) + "/0"); // + diagnosis
  }

  @Test
  void adoptingTheGdprTemplateRestrictsSpecialCategories() {
    FakeCatalog cat = new FakeCatalog().table("customers").cols(col("ethnicity", values("ETHNIC_GROUP")),
        col("mrn", values("MEDICAL_RECORD_NUMBER"))).add();
    ComplianceReport r = adopt("gdpr", cat);
    assertThat(Reports.controls(r)).contains("GDPR Art. 9 2/0");
    assertThat(r.processingRecords()).singleElement().satisfies(p -> assertThat(p.safeguards())
        .containsExactly("gdpr-art9-deny-special-categories"));
  }

  @Test
  void adoptingTheSoc2TemplatePassesTheAccessControls() {
    FakeCatalog cat = new FakeCatalog().table("users").owners("iam").cols(col("email", values("EMAIL_ADDRESS")),
        col("ssn", values("US_SOCIAL_SECURITY_NUMBER")), col("pw", values("PASSWORD_HASH")),
        col("key", values("PRIVATE_KEY"))).add();
    ComplianceReport r = adopt("soc2", cat);
    assertThat(r.findings()).isEmpty();
    assertThat(r.score()).isEqualTo(100.0);
  }

  /** Evaluates a pack over {@code cat} with its own template loaded in a minimal interpreter. */
  private static ComplianceReport adopt(String pack, FakeCatalog cat) {
    Pack p = Reports.pack(pack);
    FakePolicies policies = new FakePolicies(cat);
    for (JsonNode n : parse(p.policyTemplate()).get("policies")) {
      policies.rule(interpret(n));
    }
    return p.evaluate(Reports.context(cat, null, policies));
  }

  /**
   * A READ-probe reading of one template policy: match keys are ANDed, values within a key ORed;
   * conditions on groups or purpose never hold for the probes (which have neither), so a 'when' with
   * them never applies and an 'unless' with them never exempts.
   */
  private static FakePolicies.Rule interpret(JsonNode n) {
    String id = n.get("id").asText();
    Effect effect = Effect.valueOf(n.get("effect").asText().toUpperCase(Locale.ROOT));
    JsonNode actions = n.get("actions");
    boolean reads = actions == null || texts(actions).contains("read") || texts(actions).contains("all");
    JsonNode m = n.get("match");
    Predicate<FieldFacts> match = f -> reads;
    if (m != null) {
      if (m.has("infoTypes")) {
        Set<String> s = texts(m.get("infoTypes"));
        match = match.and(f -> f.infoTypes().stream().anyMatch(s::contains));
      }
      if (m.has("categories")) {
        Set<String> s = texts(m.get("categories"));
        match = match.and(f -> f.categories().stream().anyMatch(s::contains));
      }
      if (m.has("tags")) {
        Set<String> s = texts(m.get("tags"));
        match = match.and(f -> f.tags().stream().anyMatch(s::contains));
      }
      if (m.has("datasetTags")) {
        Set<String> s = texts(m.get("datasetTags"));
        match = match.and(f -> f.datasetTags().stream().anyMatch(s::contains));
      }
      if (m.has("sensitivity") && m.get("sensitivity").has("atLeast")) {
        Sensitivity min = Sensitivity.valueOf(m.get("sensitivity").get("atLeast").asText().toUpperCase(Locale.ROOT));
        match = match.and(f -> !f.infoTypes().isEmpty() && f.sensitivity().atLeast(min));
      }
    }
    Set<String> when = Set.of();
    JsonNode w = n.get("when");
    if (w != null) {
      if (w.has("groups") || w.has("purpose") || w.has("attributes")) {
        match = f -> false;
      }
      when = w.has("roles") ? texts(w.get("roles")) : Set.of();
    }
    JsonNode u = n.get("unless");
    Set<String> unless = u != null && u.has("roles") ? texts(u.get("roles")) : Set.of();
    return new FakePolicies.Rule(id, effect, match, when, unless);
  }

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (Exception e) {
      throw new AssertionError("template is not YAML: " + e.getMessage(), e);
    }
  }

  private static Set<String> texts(JsonNode n) {
    Set<String> out = new HashSet<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  /** What is wrong with a template, one line per problem. */
  static List<String> problems(String yaml) {
    List<String> out = new ArrayList<>();
    JsonNode root = parse(yaml);
    Set<String> types = InfoTypes.builtIn().all().stream().map(InfoType::id).collect(Collectors.toSet());
    Set<String> categories = InfoTypes.builtIn().all().stream().map(InfoType::category).collect(Collectors.toSet());
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_KEYS.contains(k)) {
        out.add("unknown top-level key " + k);
      }
    });
    if (root.has("version") && !root.get("version").asText().equals("1")) {
      out.add("version must be 1");
    }
    JsonNode policies = root.get("policies");
    if (policies == null || !policies.isArray() || policies.isEmpty()) {
      out.add("no policies");
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode p : policies) {
      String id = p.path("id").asText("?");
      if (!ID.matcher(id).matches()) {
        out.add(id + ": invalid id");
      }
      if (!ids.add(id)) {
        out.add("duplicate id " + id);
      }
      for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!POLICY_KEYS.contains(k)) {
          out.add(id + ": unknown key " + k);
        }
      }
      String effect = p.path("effect").asText("");
      if (!EFFECTS.contains(effect)) {
        out.add(id + ": unknown effect '" + effect + "'");
      }
      if (p.has("actions")) {
        for (String a : texts(p.get("actions"))) {
          if (!ACTIONS.contains(a)) {
            out.add(id + ": unknown action " + a);
          }
        }
      }
      JsonNode m = p.get("match");
      if (m != null) {
        m.fieldNames().forEachRemaining(k -> {
          if (!MATCH_KEYS.contains(k)) {
            out.add(id + ": unknown match key " + k);
          }
        });
        if (m.has("infoTypes")) {
          texts(m.get("infoTypes")).stream().filter(t -> !types.contains(t)).sorted()
              .forEach(t -> out.add(id + ": unknown info type " + t));
        }
        if (m.has("categories")) {
          texts(m.get("categories")).stream().filter(c -> !categories.contains(c)).sorted()
              .forEach(c -> out.add(id + ": unknown category " + c));
        }
        if (m.has("sensitivity")) {
          JsonNode s = m.get("sensitivity");
          if (!s.isObject() || s.isEmpty()) {
            out.add(id + ": sensitivity must be a mapping { atLeast | atMost }");
          } else {
            s.properties().forEach(e -> {
              if (!Set.of("atLeast", "atMost").contains(e.getKey())) {
                out.add(id + ": unknown sensitivity key " + e.getKey());
              } else if (Set.of(Sensitivity.values()).stream()
                  .noneMatch(v -> v.name().equalsIgnoreCase(e.getValue().asText()))) {
                out.add(id + ": unknown sensitivity " + e.getValue().asText());
              }
            });
          }
        }
        for (String k : List.of("tags", "datasetTags")) {
          if (m.has(k)) {
            texts(m.get(k)).stream().filter(t -> !t.equals(t.toLowerCase(Locale.ROOT)))
                .forEach(t -> out.add(id + ": tag " + t + " is not lower case"));
          }
        }
      }
      for (String c : List.of("when", "unless")) {
        JsonNode cond = p.get(c);
        if (cond != null) {
          if (!cond.isObject() || cond.isEmpty()) {
            out.add(id + ": " + c + " must be a non-empty mapping");
            continue;
          }
          cond.fieldNames().forEachRemaining(k -> {
            if (!CONDITION_KEYS.contains(k)) {
              out.add(id + ": unknown condition key " + k + " in " + c);
            }
          });
        }
      }
      JsonNode masking = p.get("masking");
      if (effect.equals("mask") && masking == null) {
        out.add(id + ": effect mask needs masking");
      }
      if (!effect.equals("mask") && masking != null) {
        out.add(id + ": masking without effect mask");
      }
      if (masking != null) {
        String fn = masking.isObject() ? masking.path("function").asText("") : masking.asText();
        Map<String, String> params = new HashMap<>();
        if (masking.isObject()) {
          masking.properties().forEach(e -> {
            if (!e.getKey().equals("function")) {
              params.put(e.getKey(), e.getValue().asText());
            }
          });
        }
        if (!MASKING.containsKey(fn)) {
          out.add(id + ": unknown masking function '" + fn + "'");
        } else {
          params.keySet().stream().filter(k -> !MASKING.get(fn).contains(k)).sorted()
              .forEach(k -> out.add(id + ": masking " + fn + " has no parameter " + k));
          if (KEYED.contains(fn) && !SECRET_REF.matcher(params.getOrDefault("key", "")).matches()) {
            out.add(id + ": masking " + fn + " needs key = a secret reference");
          }
          if (fn.equals("bucket") && params.containsKey("size") == params.containsKey("bounds")) {
            out.add(id + ": masking bucket needs size or bounds");
          }
        }
      }
      boolean hasFilter = p.has("filter");
      if (effect.equals("filter") && !hasFilter) {
        out.add(id + ": effect filter needs filter");
      }
      if (!effect.equals("filter") && hasFilter) {
        out.add(id + ": filter without effect filter");
      }
      if (hasFilter) {
        Matcher ref = Pattern.compile("\\$\\{([^}]*)}").matcher(p.get("filter").asText());
        while (ref.find()) {
          if (!ref.group(1).matches("principal\\.[A-Za-z_][A-Za-z0-9_]*")) {
            out.add(id + ": filter references ${" + ref.group(1) + "}");
          }
        }
      }
    }
    if (out.isEmpty() && root.isMissingNode()) {
      fail("empty document");
    }
    return out;
  }
}
