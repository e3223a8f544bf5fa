package io.pursight.governance.classifier.patterns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Custom info types defined in a YAML or JSON file (chosen by extension: {@code .json} is JSON,
 * anything else YAML), without code:
 *
 * <pre>
 * types:
 *   - id: EMPLOYEE_BADGE_ID          # upper case, letters, digits, underscores; not a built-in id
 *     category: hr
 *     sensitivity: CONFIDENTIAL      # PUBLIC, INTERNAL, CONFIDENTIAL or RESTRICTED
 *     regulations: [GDPR]            # optional
 *     description: Badge numbers     # optional
 *     regex: "EMP-\\d{6}"            # the whole (trimmed) value must match
 *     validator: luhn                # optional, a built-in validator name
 *     keywords: [badge, badge id]    # optional column-name keywords (whole tokens)
 *     vetoKeywords: [badge type]     # optional, names that rule the type out
 *     minHitRatio: 0.8               # optional, default 0.6
 *     requiresName: false            # optional: true = report only with a matching name
 *     minLength: 10                  # optional pre-filter, default 1
 *     maxLength: 10                  # optional pre-filter, default 1024
 * </pre>
 *
 * A top-level list (without {@code types:}) is accepted too. Errors name the file, the line of the
 * type's entry and the reason ({@link ConfigurationException}).
 */
final class CustomTypes {
  private static final Set<String> KEYS = Set.of("id", "category", "sensitivity", "regulations", "description",
      "regex", "validator", "keywords", "vetoKeywords", "minHitRatio", "requiresName", "minLength", "maxLength");

  /**
   * One parsed custom type.
   *
   * @param infoType the type to register with the runtime
   * @param detector its detector
   * @param rule its column rule
   * @param names its keyword and veto entries
   */
  record CustomType(InfoType infoType, Detector detector, TypeRule rule, List<NameRules.Entry> names) {}

  private CustomTypes() {}

  /** Parses {@code file}. @throws ConfigurationException naming the file, the line and the reason */
  static List<CustomType> load(Path file, ValidatorRegistry validators) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("Custom info types file " + file + " does not exist or is not a file (setting '"
          + Settings.CUSTOM_TYPES + "')");
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = new ObjectMapper(json ? new JsonFactory() : new YAMLFactory());
    List<CustomType> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
      JsonToken tok = p.nextToken();
      if (tok == null) {
        throw error(file, 1, "the file is empty; expected 'types:' with a list of types");
      }
      if (tok == JsonToken.START_OBJECT) {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int line = line(p.currentTokenLocation());
          p.nextToken();
          if (!key.equals("types")) {
            throw error(file, line, "unknown top-level key '" + key + "'; expected 'types'");
          }
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(file, line, "'types' must be a list");
          }
          found = true;
          readList(p, mapper, file, validators, ids, out);
        }
        if (!found) {
          throw error(file, 1, "no 'types' list");
        }
      } else if (tok == JsonToken.START_ARRAY) {
        readList(p, mapper, file, validators, ids, out);
      } else {
        throw error(file, line(p.currentTokenLocation()), "expected 'types:' with a list of types");
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw error(file, loc == null ? 0 : line(loc), "not valid " + (json ? "JSON" : "YAML") + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read custom info types file " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static void readList(JsonParser p, ObjectMapper mapper, Path file, ValidatorRegistry validators,
      Set<String> ids, List<CustomType> out) throws IOException {
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      index++;
      int line = line(p.currentTokenLocation());
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error(file, line, "type #" + index + " must be a mapping with id, category, sensitivity and regex");
      }
      // read the mapping key by key to know each key's line
      com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode();
      java.util.Map<String, Integer> lines = new java.util.HashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        lines.put(key, line(p.currentTokenLocation()));
        p.nextToken();
        node.set(key, mapper.readTree(p));
      }
      CustomType t = parse(node, new Lines(file, line, lines), index, validators);
      if (!ids.add(t.infoType().id())) {
        throw error(file, lines.getOrDefault("id", line), "type #" + index + ": id " + t.infoType().id()
            + " is defined twice");
      }
      out.add(t);
    }
  }

  /** Where an entry and each of its keys start, for error messages. */
  private record Lines(Path file, int entry, java.util.Map<String, Integer> keys) {
    int of(String key) {
      return keys.getOrDefault(key, entry);
    }
  }

  private static CustomType parse(JsonNode n, Lines at, int index, ValidatorRegistry validators) {
    Path file = at.file();
    int line = at.entry();
    String where = "type #" + index;
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw error(file, at.of(k), where + ": unknown key '" + k + "'; allowed keys: "
            + String.join(", ", sorted(KEYS)));
      }
    }
    String id = text(n, "id", file, at.of("id"), where, true);
    where = where + " (" + id + ")";
    if (InfoTypes.builtIn().find(id).isPresent()) {
      throw error(file, at.of("id"), where + ": the id is a built-in info type; choose a new id");
    }
    String category = text(n, "category", file, at.of("category"), where, true);
    String sens = text(n, "sensitivity", file, at.of("sensitivity"), where, true).toUpperCase(Locale.ROOT);
    Sensitivity sensitivity;
    try {
      sensitivity = Sensitivity.valueOf(sens);
    } catch (IllegalArgumentException e) {
      throw error(file, at.of("sensitivity"), where + ": sensitivity '" + sens + "' is not one of "
          + Arrays.toString(Sensitivity.values()));
    }
    Set<String> regulations = new LinkedHashSet<>(strings(n, "regulations", file, at.of("regulations"), where));
    String description = text(n, "description", file, at.of("description"), where, false);
    String regex = text(n, "regex", file, at.of("regex"), where, true);
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw error(file, at.of("regex"), where + ": invalid regex: " + e.getDescription() + " near index "
          + e.getIndex());
    }
    String validatorName = text(n, "validator", file, at.of("validator"), where, false);
    ValidatorRegistry.Validator validator = null;
    if (validatorName != null) {
      validator = validators.get(validatorName.strip().toLowerCase(Locale.ROOT));
      if (validator == null) {
        throw error(file, at.of("validator"), where + ": unknown validator '" + validatorName + "'; known validators: "
            + String.join(", ", validators.all().keySet()));
      }
    }
    double minRatio = number(n, "minHitRatio", 0.6, file, at.of("minHitRatio"), where);
    if (!(minRatio > 0 && minRatio <= 1)) {
      throw error(file, at.of("minHitRatio"), where + ": minHitRatio must be in (0, 1], got " + minRatio);
    }
    boolean requiresName = n.has("requiresName") && bool(n, "requiresName", file, at.of("requiresName"), where);
    int minLength = (int) number(n, "minLength", 1, file, at.of("minLength"), where);
    int maxLength = (int) number(n, "maxLength", 1024, file, at.of("maxLength"), where);
    if (minLength < 1 || maxLength < minLength) {
      throw error(file, at.of("minLength"), where + ": need 1 <= minLength <= maxLength, got " + minLength + ".."
          + maxLength);
    }
    List<String> keywords = strings(n, "keywords", file, at.of("keywords"), where);
    List<String> vetoes = strings(n, "vetoKeywords", file, at.of("vetoKeywords"), where);
    if (requiresName && keywords.isEmpty()) {
      throw error(file, at.of("requiresName"), where + ": requiresName is true but no keywords are given");
    }
    InfoType infoType;
    try {
      infoType = new InfoType(id, category, regulations, sensitivity,
          description == null ? "custom type from " + file.getFileName() : description);
    } catch (IllegalArgumentException e) {
      throw error(file, at.of("id"), where + ": " + e.getMessage());
    }
    Detector.Builder b = Detector.of(id, "custom").length(minLength, maxLength).pattern(pattern);
    if (validator != null) {
      b.check(validator.check(), "the " + validator.name() + " validator (" + validator.description() + ")",
          validator.strength());
    } else {
      b.check(ValueCheck.NONE, "the pattern of " + id, Strength.PATTERN);
    }
    if (requiresName) {
      b.needsContext();
    }
    List<NameRules.Entry> names = new ArrayList<>();
    for (String k : keywords) {
      String p = NameRules.normalise(k);
      if (p.isEmpty()) {
        throw error(file, at.of("keywords"), where + ": keyword '" + k + "' has no letters or digits");
      }
      names.add(new NameRules.Entry(id, NameRules.Kind.STRONG, "custom", p));
    }
    for (String k : vetoes) {
      String p = NameRules.normalise(k);
      if (!p.isEmpty()) {
        names.add(new NameRules.Entry(id, NameRules.Kind.VETO, "custom", p));
      }
    }
    TypeRule rule = requiresName ? new TypeRule(1.01, minRatio, 1, 0, 0)
        : TypeRule.of(minRatio, Math.min(minRatio, 0.3), 1);
    return new CustomType(infoType, b.build(), rule, List.copyOf(names));
  }

  private static String text(JsonNode n, String key, Path file, int line, String where, boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw error(file, line, where + ": missing '" + key + "'");
      }
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw error(file, line, where + ": '" + key + "' must be a non-empty text");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n, String key, Path file, int line, String where) {
    JsonNode v = n.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw error(file, line, where + ": '" + key + "' must be a list of texts");
    }
    for (JsonNode e : v) {
      if (!e.isValueNode()) {
        throw error(file, line, where + ": '" + key + "' must be a list of texts");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static double number(JsonNode n, String key, double fallback, Path file, int line, String where) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.parseDouble(v.asText().strip());
    } catch (NumberFormatException e) {
      throw error(file, line, where + ": '" + key + "' must be a number, got '" + v.asText() + "'");
    }
  }

  private static boolean bool(JsonNode n, String key, Path file, int line, String where) {
    JsonNode v = n.get(key);
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.asText().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw error(file, line, where + ": '" + key + "' must be true or false, got '" + s + "'");
  }

  private static int line(JsonLocation loc) {
    return loc == null ? 0 : loc.getLineNr();
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static ConfigurationException error(Path file, int line, String reason) {
    return new ConfigurationException("Invalid custom info types file " + file + (line > 0 ? ":" + line : "")
        + ": " + reason);
  }
}
