package io.pursight.governance.policy.compliance;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.compliance.DefinitionParser.Section;
import io.pursight.governance.policy.compliance.DefinitionParser.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compliance pack as data: the {@code [pack]} settings, the {@code [scope]}s, the {@code
 * [control]}s and (HIPAA) the {@code [identifier]}s of a {@code *.controls} resource, validated
 * against the built-in info types when loaded. The format is described in {@code
 * docs/compliance.md}.
 */
final class PackDefinition {
  /** The role token that stands for a principal without roles. */
  static final String NO_ROLE_TOKEN = "none";
  /** The keys of {@code [pack]} a caller may override (plugin settings). */
  static final Set<String> OVERRIDABLE = Set.of("roles", "protectedTags", "copyTransforms");

  private static final Set<String> PACK_KEYS = Set.of("id", "title", "policies", "roles", "protectedTags",
      "copyTransforms", "records", "recordsScope", "recordsSpecialScope");
  private static final Set<String> SCOPE_KEYS = Set.of("infoTypes", "categories", "regulations", "minSensitivity",
      "identifiers", "union", "exclude", "colocatedWith", "colocatedOr");
  private static final Set<String> CONTROL_KEYS = Set.of("title", "check", "scope", "severity", "evidence",
      "remediation");
  private static final Set<String> IDENTIFIER_KEYS = Set.of("name", "infoTypes", "note");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  final String file;
  final String id;
  final String title;
  final String policiesResource;
  /** Probed roles; the empty string is a principal without roles. */
  final List<String> roles;
  final Set<String> protectedTags;
  final Set<TransformKind> copyTransforms;
  final boolean processingRecords;
  final String recordsScope;
  final String recordsSpecialScope;
  final Map<String, Scope> scopes;
  final List<ControlDef> controls;
  final List<Identifier> identifiers;

  private PackDefinition(String file, Map<String, Value> pack, Map<String, Scope> scopes, List<ControlDef> controls,
      List<Identifier> identifiers) {
    this.file = file;
    this.id = require(file, pack, "id", "pack");
    this.title = require(file, pack, "title", "pack");
    this.policiesResource = require(file, pack, "policies", "pack");
    this.roles = roles(text(pack, "roles"));
    this.protectedTags = lowerSet(text(pack, "protectedTags"));
    List<TransformKind> transforms = new ArrayList<>();
    String tf = text(pack, "copyTransforms");
    for (String t : splitList(tf == null ? "IDENTITY, TRANSFORMATION" : tf)) {
      try {
        transforms.add(TransformKind.valueOf(t.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw DefinitionParser.error(file, pack.get("copyTransforms").line(), "unknown transform '" + t
            + "'; use " + Arrays.toString(TransformKind.values()));
      }
    }
    this.copyTransforms = Set.copyOf(transforms);
    String records = text(pack, "records");
    if (records != null && !records.equals("article-30") && !records.equals("none")) {
      throw DefinitionParser.error(file, pack.get("records").line(), "records must be 'article-30' or 'none'");
    }
    this.processingRecords = "article-30".equals(records);
    this.recordsScope = text(pack, "recordsScope");
    this.recordsSpecialScope = text(pack, "recordsSpecialScope");
    if (processingRecords && recordsScope == null) {
      throw DefinitionParser.error(file, pack.get("records").line(), "records = article-30 needs recordsScope");
    }
    for (String s : new String[] {recordsScope, recordsSpecialScope}) {
      if (s != null && !scopes.containsKey(s)) {
        throw DefinitionParser.error(file, 1, "[pack] names scope '" + s + "', which is not defined");
      }
    }
    this.scopes = Map.copyOf(scopes);
    this.controls = List.copyOf(controls);
    this.identifiers = List.copyOf(identifiers);
  }

  /** Loads a controls resource next to this class. */
  static PackDefinition load(String resource, Map<String, String> overrides) {
    try (InputStream in = PackDefinition.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from policy-compliance's jar");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a resource next to this class. */
  static String resourceText(String resource) {
    try (InputStream in = PackDefinition.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from policy-compliance's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses and validates a controls file.
   *
   * @param overrides replacements for the {@link #OVERRIDABLE} keys of {@code [pack]}
   * @throws ConfigurationException naming the file, the line and the reason
   */
  static PackDefinition parse(String file, String text, Map<String, String> overrides) {
    InfoTypes known = InfoTypes.builtIn();
    Set<String> categories = new HashSet<>();
    Set<String> regulations = new HashSet<>();
    for (InfoType t : known.all()) {
      categories.add(t.category());
      t.regulations().forEach(r -> regulations.add(Scope.normalizeRegulation(r)));
    }
    Map<String, Value> pack = null;
    Map<String, Scope> scopes = new LinkedHashMap<>();
    Map<String, Integer> scopeLines = new LinkedHashMap<>();
    List<Section> controlSections = new ArrayList<>();
    Map<Integer, Identifier> identifiers = new TreeMap<>();
    for (Section s : DefinitionParser.parse(file, text)) {
      switch (s.type()) {
        case "pack" -> {
          if (pack != null) {
            throw DefinitionParser.error(file, s.line(), "a second [pack] section");
          }
          checkKeys(file, s, PACK_KEYS);
          pack = new LinkedHashMap<>(s.values());
        }
        case "scope" -> {
          checkKeys(file, s, SCOPE_KEYS);
          if (s.name().isEmpty() || scopes.containsKey(s.name())) {
            throw DefinitionParser.error(file, s.line(), s.name().isEmpty() ? "a scope needs a name"
                : "scope '" + s.name() + "' is defined twice");
          }
          scopes.put(s.name(), scope(file, s, known, categories, regulations));
          scopeLines.put(s.name(), s.line());
        }
        case "control" -> controlSections.add(s);
        case "identifier" -> {
          checkKeys(file, s, IDENTIFIER_KEYS);
          int n;
          try {
            n = Integer.parseInt(s.name());
          } catch (NumberFormatException e) {
            throw DefinitionParser.error(file, s.line(), "an identifier section is [identifier <number>]");
          }
          if (n < 1 || n > 18 || identifiers.containsKey(n)) {
            throw DefinitionParser.error(file, s.line(), "identifier numbers are 1..18, each once; got " + n);
          }
          List<String> types = splitList(text(s.values(), "infoTypes"));
          checkTypes(file, s.values().get("infoTypes"), types, known);
          identifiers.put(n, new Identifier(n, require(file, s.values(), "name", "identifier " + n), types,
              text(s.values(), "note")));
        }
        default -> throw DefinitionParser.error(file, s.line(), "unknown section [" + s.type()
            + "]; use [pack], [scope name], [control id] or [identifier n]");
      }
    }
    if (pack == null) {
      throw DefinitionParser.error(file, 1, "no [pack] section");
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (!OVERRIDABLE.contains(o.getKey())) {
        throw new ConfigurationException("Compliance setting '" + o.getKey() + "' cannot be overridden; use one of "
            + new java.util.TreeSet<>(OVERRIDABLE));
      }
      pack.put(o.getKey(), new Value(o.getValue(), 0));
    }
    for (Map.Entry<String, Scope> e : scopes.entrySet()) {
      for (String ref : e.getValue().references()) {
        if (!scopes.containsKey(ref)) {
          throw DefinitionParser.error(file, scopeLines.get(e.getKey()), "scope '" + e.getKey()
              + "' refers to scope '" + ref + "', which is not defined");
        }
      }
      if (e.getValue().identifiers() && identifiers.isEmpty()) {
        throw DefinitionParser.error(file, scopeLines.get(e.getKey()), "identifiers = all, but the file has no "
            + "[identifier n] sections");
      }
      checkAcyclic(file, e.getKey(), scopes, new ArrayList<>(), scopeLines);
    }
    List<ControlDef> controls = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Section s : controlSections) {
      ControlDef c = control(file, s, scopes);
      if (!ids.add(c.id())) {
        throw DefinitionParser.error(file, s.line(), "control '" + c.id() + "' is defined twice");
      }
      controls.add(c);
    }
    if (controls.isEmpty()) {
      throw DefinitionParser.error(file, 1, "no [control] sections");
    }
    return new PackDefinition(file, pack, scopes, controls, new ArrayList<>(identifiers.values()));
  }

  private static Scope scope(String file, Section s, InfoTypes known, Set<String> categories,
      Set<String> regulations) {
    Map<String, Value> v = s.values();
    List<String> types = splitList(text(v, "infoTypes"));
    checkTypes(file, v.get("infoTypes"), types, known);
    List<String> cats = splitList(text(v, "categories"));
    for (String c : cats) {
      if (!categories.contains(c)) {
        throw DefinitionParser.error(file, v.get("categories").line(), "unknown category '" + c + "'; known: "
            + new java.util.TreeSet<>(categories));
      }
    }
    List<String> regs = new ArrayList<>();
    for (String r : splitList(text(v, "regulations"))) {
      String n = Scope.normalizeRegulation(r);
      if (!regulations.contains(n)) {
        throw DefinitionParser.error(file, v.get("regulations").line(), "no info type names regulation '" + r
            + "'; known: " + new java.util.TreeSet<>(regulations));
      }
      regs.add(n);
    }
    Sensitivity min = null;
    String ms = text(v, "minSensitivity");
    if (ms != null) {
      try {
        min = Sensitivity.valueOf(ms.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DefinitionParser.error(file, v.get("minSensitivity").line(), "unknown sensitivity '" + ms + "'; use "
            + Arrays.toString(Sensitivity.values()));
      }
    }
    String ids = text(v, "identifiers");
    if (ids != null && !ids.equals("all")) {
      throw DefinitionParser.error(file, v.get("identifiers").line(), "identifiers can only be 'all'");
    }
    Scope scope = new Scope(s.name(), new LinkedHashSet<>(types), new LinkedHashSet<>(cats), new LinkedHashSet<>(regs),
        min, ids != null, splitList(text(v, "union")), splitList(text(v, "exclude")), text(v, "colocatedWith"),
        splitList(text(v, "colocatedOr")));
    checkMarks(file, v.get("colocatedOr"), scope.colocatedOr(), false);
    if (!scope.colocatedOr().isEmpty() && scope.colocatedWith() == null) {
      throw DefinitionParser.error(file, v.get("colocatedOr").line(), "colocatedOr needs colocatedWith");
    }
    if (types.isEmpty() && cats.isEmpty() && regs.isEmpty() && min == null && ids == null && scope.union().isEmpty()) {
      throw DefinitionParser.error(file, s.line(), "scope '" + s.name()
          + "' selects nothing: set infoTypes, categories, regulations, minSensitivity, identifiers or union");
    }
    return scope;
  }

  private static ControlDef control(String file, Section s, Map<String, Scope> scopes) {
    Map<String, Value> v = s.values();
    String where = "control " + s.name();
    if (s.name().isEmpty()) {
      throw DefinitionParser.error(file, s.line(), "a control needs an id: [control PCI-DSS 3.4.1]");
    }
    String checkId = require(file, v, "check", where);
    CheckKind kind = CheckKind.byId(checkId);
    if (kind == null) {
      throw DefinitionParser.error(file, v.get("check").line(), "unknown check '" + checkId + "'; use "
          + CheckKind.ids());
    }
    Set<String> allowed = new HashSet<>(CONTROL_KEYS);
    allowed.addAll(kind.keys);
    checkKeys(file, s, allowed);
    String scope = require(file, v, "scope", where);
    if (!scopes.containsKey(scope)) {
      throw DefinitionParser.error(file, v.get("scope").line(), "scope '" + scope + "' is not defined");
    }
    Severity severity;
    try {
      severity = Severity.valueOf(require(file, v, "severity", where).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DefinitionParser.error(file, v.get("severity").line(), "unknown severity; use "
          + Arrays.toString(Severity.values()));
    }
    String evidence = require(file, v, "evidence", where);
    Matcher m = PLACEHOLDER.matcher(evidence);
    while (m.find()) {
      if (!kind.placeholders.contains(m.group(1))) {
        throw DefinitionParser.error(file, v.get("evidence").line(), "check " + kind.id + " has no placeholder {"
            + m.group(1) + "}; it fills " + new java.util.TreeSet<>(kind.placeholders));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String k : kind.keys) {
      if (v.containsKey(k)) {
        params.put(k, v.get(k).text());
      }
    }
    if (kind == CheckKind.PROPERTY && !params.containsKey("property")) {
      throw DefinitionParser.error(file, s.line(), "check property needs 'property = <annotation property>'");
    }
    if (kind == CheckKind.STORED && params.containsKey("within") && !scopes.containsKey(params.get("within"))) {
      throw DefinitionParser.error(file, v.get("within").line(), "scope '" + params.get("within")
          + "' is not defined");
    }
    checkMarks(file, v.get("accept"), splitList(params.get("accept")), true);
    return new ControlDef(s.name(), require(file, v, "title", where), kind, scope, severity, evidence,
        require(file, v, "remediation", where), params, s.line());
  }

  /** Checks {@code datasetTag:<tag>}, {@code property:<name>} (and, where allowed, {@code protected}) marks. */
  private static void checkMarks(String file, Value at, List<String> marks, boolean protectedAllowed) {
    for (String a : marks) {
      if (!(protectedAllowed && a.equals("protected")) && !a.matches("(datasetTag|property):[\\p{L}\\p{N}_.:-]+")) {
        throw DefinitionParser.error(file, at.line(), "unknown mark '" + a + "'; use "
            + (protectedAllowed ? "protected, " : "") + "datasetTag:<tag> or property:<name>");
      }
    }
  }

  private static void checkAcyclic(String file, String scope, Map<String, Scope> scopes, List<String> path,
      Map<String, Integer> lines) {
    if (path.contains(scope)) {
      throw DefinitionParser.error(file, lines.get(scope), "scopes refer to each other in a cycle: "
          + String.join(" -> ", path) + " -> " + scope);
    }
    path.add(scope);
    for (String ref : scopes.get(scope).references()) {
      checkAcyclic(file, ref, scopes, path, lines);
    }
    path.remove(path.size() - 1);
  }

  private static void checkTypes(String file, Value at, List<String> types, InfoTypes known) {
    for (String t : types) {
      if (known.find(t).isEmpty()) {
        throw DefinitionParser.error(file, at.line(), "unknown info type '" + t + "'");
      }
    }
  }

  private static void checkKeys(String file, Section s, Set<String> allowed) {
    for (Map.Entry<String, Value> e : s.values().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw DefinitionParser.error(file, e.getValue().line(), "unknown key '" + e.getKey() + "' in ["
            + DefinitionParser.header(s.type(), s.name()) + "]; allowed: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static String require(String file, Map<String, Value> values, String key, String where) {
    String v = text(values, key);
    if (v == null) {
      throw new ConfigurationException(file + ": [" + where + "] needs '" + key + "'");
    }
    return v;
  }

  private static String text(Map<String, Value> values, String key) {
    Value v = values.get(key);
    return v == null || v.text().isBlank() ? null : v.text();
  }

  /** Probed roles from a comma-separated list; {@value #NO_ROLE_TOKEN} is a principal without roles. */
  static List<String> roles(String text) {
    List<String> out = new ArrayList<>();
    for (String r : splitList(text == null ? NO_ROLE_TOKEN : text)) {
      String role = r.equals(NO_ROLE_TOKEN) ? "" : r;
      if (!out.contains(role)) {
        out.add(role);
      }
    }
    return List.copyOf(out);
  }

  static List<String> splitList(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return List.copyOf(out);
  }

  static Set<String> lowerSet(String text) {
    Set<String> out = new LinkedHashSet<>();
    splitList(text).forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
    return Set.copyOf(out);
  }
}
