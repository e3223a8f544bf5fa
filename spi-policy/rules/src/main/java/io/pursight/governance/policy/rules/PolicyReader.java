package io.pursight.governance.policy.rules;

import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.spi.MaskingFunction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a parsed policy document into policies, recording every problem with its position. The
 * vocabulary is closed: unknown keys, effects, actions, info types, categories, masking functions
 * and bad patterns are errors, never ignored.
 */
final class PolicyReader {
  static final Set<String> TOP_KEYS = ordered("version", "policies");
  static final Set<String> POLICY_KEYS =
      ordered("id", "description", "actions", "match", "when", "unless", "effect", "masking", "filter");
  static final Set<String> MATCH_KEYS =
      ordered("infoTypes", "categories", "tags", "datasetTags", "sensitivity", "datasets", "columns", "sources");
  static final Set<String> SENSITIVITY_KEYS = ordered("atLeast", "atMost");
  static final Set<String> CONDITION_KEYS = ordered("roles", "groups", "purpose", "attributes");
  static final Set<String> ATTRIBUTE_TEST_KEYS = ordered("equals", "in", "exists");
  static final Set<String> FILTER_KEYS = ordered("predicate", "onMissingAttribute");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
  private static final Pattern INFO_TYPE_ID = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");

  private final Problems problems;
  private final Set<String> infoTypes;
  private final Set<String> categories;
  private final Map<String, MaskingFunction> masking;

  PolicyReader(Problems problems, Set<String> infoTypes, Set<String> categories, Map<String, MaskingFunction> masking) {
    this.problems = problems;
    this.infoTypes = infoTypes;
    this.categories = categories;
    this.masking = masking;
  }

  /** Reads the policies of {@code root}; check {@link Problems} afterwards. */
  List<Policy> read(Node root) {
    List<Policy> out = new ArrayList<>();
    if (!(root instanceof Node.MapNode top)) {
      problems.add(root, "expected a mapping with a 'policies' list, found " + root.kind());
      return out;
    }
    checkKeys(top, TOP_KEYS, "the top level");
    Node version = top.get("version");
    if (version != null && !(version instanceof Node.ScalarNode s && "1".equals(s.text()))) {
      problems.add(version, "unsupported version; the only version is 1");
    }
    Node list = top.get("policies");
    if (list == null) {
      problems.add(top, "missing 'policies' (write 'policies: []' for no policies)");
      return out;
    }
    if (!(list instanceof Node.ListNode policies)) {
      problems.add(list, "'policies' must be a list, found " + list.kind());
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Node n : policies.items()) {
      Policy p = policy(n, out.size(), seen);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private Policy policy(Node n, int index, Map<String, Integer> seen) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(n, "a policy must be a mapping (id, match, effect, ...), found " + n.kind());
      return null;
    }
    int before = problems.count();
    String id = null;
    Node idNode = m.get("id");
    if (idNode == null) {
      problems.add(m, "policy without 'id'");
    } else {
      id = scalar(idNode, "id");
      if (id != null && !ID.matcher(id).matches()) {
        problems.add(idNode, "invalid policy id '" + id + "': use letters, digits, '_', '.', ':' and '-' "
            + "(at most 128, starting with a letter or digit)");
        id = null;
      } else if (id != null) {
        Integer first = seen.putIfAbsent(id, idNode.line());
        if (first != null) {
          problems.add(idNode, "duplicate policy id '" + id + "' (first at line " + first + ")");
        }
      }
    }
    String where = id == null ? "policy at line " + m.line() : "policy '" + id + "'";
    checkKeys(m, POLICY_KEYS, where);
    Node description = m.get("description");
    if (description != null) {
      scalar(description, "description");
    }

    Effect effect = null;
    Node effectNode = m.get("effect");
    if (effectNode == null) {
      problems.add(m, where + " has no 'effect' (allow, deny, mask or filter)");
    } else {
      String e = scalar(effectNode, "effect");
      if (e != null) {
        switch (e.toLowerCase(Locale.ROOT)) {
          case "allow": effect = Effect.ALLOW; break;
          case "deny": effect = Effect.DENY; break;
          case "mask": effect = Effect.MASK; break;
          case "filter": effect = Effect.FILTER; break;
          default:
            problems.add(effectNode, "unknown effect '" + e + "' in " + where + "; use allow, deny, mask or filter");
        }
      }
    }

    Set<Action> actions = EnumSet.allOf(Action.class);
    Node actionsNode = m.get("actions");
    if (actionsNode != null) {
      actions = EnumSet.noneOf(Action.class);
      if (actionsNode instanceof Node.ListNode l && l.items().isEmpty()) {
        problems.add(actionsNode, "'actions' is an empty list, so the policy would never apply; remove it (all actions)"
            + " or list read, write, delete, ddl");
      }
      for (Node.ScalarNode s : scalars(actionsNode, "actions")) {
        String a = s.text().toLowerCase(Locale.ROOT);
        switch (a) {
          case "read": actions.add(Action.READ); break;
          case "write": actions.add(Action.WRITE); break;
          case "delete": actions.add(Action.DELETE); break;
          case "ddl": actions.add(Action.DDL); break;
          case "all": actions.addAll(EnumSet.allOf(Action.class)); break;
          default:
            problems.add(s, "unknown action '" + s.text() + "'; use read, write, delete, ddl or all");
        }
      }
    }

    FieldMatch match = match(m.get("match"), where);
    List<Condition> when = conditions(m.get("when"), "when", where);
    List<Condition> unless = conditions(m.get("unless"), "unless", where);

    String function = null;
    Map<String, String> parameters = Map.of();
    Node maskingNode = m.get("masking");
    if (effect == Effect.MASK && maskingNode == null) {
      problems.add(effectNode, where + " masks but names no masking function: add 'masking: redact' or "
          + "'masking: { function: partial, last: 4 }'");
    } else if (maskingNode != null && effect != null && effect != Effect.MASK) {
      problems.add(maskingNode, "'masking' only belongs to policies with effect mask");
    } else if (maskingNode != null) {
      Map.Entry<String, Map<String, String>> fn = masking(maskingNode, where);
      if (fn != null) {
        function = fn.getKey();
        parameters = fn.getValue();
      }
    }

    FilterTemplate filter = null;
    boolean emptyWhenMissing = false;
    Node filterNode = m.get("filter");
    if (effect == Effect.FILTER && filterNode == null) {
      problems.add(effectNode, where + " filters but has no 'filter' predicate, e.g. "
          + "filter: \"region = ${principal.region}\"");
    } else if (filterNode != null && effect != null && effect != Effect.FILTER) {
      problems.add(filterNode, "'filter' only belongs to policies with effect filter");
    } else if (filterNode != null) {
      Node predicate = filterNode;
      if (filterNode instanceof Node.MapNode fm) {
        checkKeys(fm, FILTER_KEYS, "the filter of " + where);
        predicate = fm.get("predicate");
        Node missing = fm.get("onMissingAttribute");
        if (missing != null) {
          String v = scalar(missing, "onMissingAttribute");
          if ("empty".equalsIgnoreCase(v)) {
            emptyWhenMissing = true;
          } else if (v != null && !"deny".equalsIgnoreCase(v)) {
            problems.add(missing, "onMissingAttribute must be deny or empty, found '" + v + "'");
          }
        }
        if (predicate == null) {
          problems.add(fm, "the filter of " + where + " has no 'predicate'");
        }
      }
      if (predicate != null) {
        String text = scalar(predicate, "filter");
        if (text != null) {
          try {
            filter = FilterTemplate.parse(text);
          } catch (IllegalArgumentException e) {
            problems.add(predicate, "invalid filter in " + where + ": " + e.getMessage());
          }
        }
      }
    }

    if (problems.count() > before || id == null || effect == null || match == null) {
      return null;
    }
    Condition.Guard guard = when.isEmpty() && unless.isEmpty() ? null : new Condition.Guard(when, unless);
    return new Policy(index, id, m.line(), effect, actions, match, guard, function, parameters, filter,
        emptyWhenMissing);
  }

  private FieldMatch match(Node n, String where) {
    if (n == null) {
      return new FieldMatch(null, null, null, null, null, null, null, null, null);
    }
    if (!(n instanceof Node.MapNode m)) {
      problems.add(n, "'match' of " + where + " must be a mapping, found " + n.kind());
      return null;
    }
    checkKeys(m, MATCH_KEYS, "the match of " + where);
    String[] types = null;
    Node t = m.get("infoTypes");
    if (t != null) {
      List<String> ids = new ArrayList<>();
      for (Node.ScalarNode s : nonEmpty(t, "infoTypes")) {
        if (!INFO_TYPE_ID.matcher(s.text()).matches()) {
          problems.add(s, "'" + s.text() + "' is not an info type id (upper-case letters, digits and '_', "
              + "e.g. EMAIL_ADDRESS)");
        } else if (!infoTypes.contains(s.text())) {
          problems.add(s, "unknown info type '" + s.text() + "'" + suggest(s.text(), infoTypes)
              + "; custom types must be listed in rules.extraInfoTypes");
        } else {
          ids.add(s.text());
        }
      }
      types = ids.toArray(new String[0]);
    }
    String[] cats = null;
    Node c = m.get("categories");
    if (c != null) {
      List<String> list = new ArrayList<>();
      for (Node.ScalarNode s : nonEmpty(c, "categories")) {
        String v = s.text().toLowerCase(Locale.ROOT);
        if (!categories.contains(v)) {
          problems.add(s, "unknown category '" + s.text() + "'" + suggest(v, categories) + " (known: "
              + new TreeSet<>(categories) + "; add others with rules.extraCategories)");
        } else {
          list.add(v);
        }
      }
      cats = list.toArray(new String[0]);
    }
    String[] tags = lowerList(m.get("tags"), "tags");
    String[] datasetTags = lowerList(m.get("datasetTags"), "datasetTags");
    Sensitivity atLeast = null;
    Sensitivity atMost = null;
    Node sn = m.get("sensitivity");
    if (sn != null) {
      if (!(sn instanceof Node.MapNode sm)) {
        problems.add(sn, "'sensitivity' must be a mapping such as { atLeast: confidential } or "
            + "{ atLeast: internal, atMost: confidential }");
      } else {
        checkKeys(sm, SENSITIVITY_KEYS, "'sensitivity'");
        atLeast = sensitivity(sm.get("atLeast"));
        atMost = sensitivity(sm.get("atMost"));
        if (sm.entries().isEmpty()) {
          problems.add(sm, "'sensitivity' needs atLeast and/or atMost");
        }
        if (atLeast != null && atMost != null && atLeast.compareTo(atMost) > 0) {
          problems.add(sm, "atLeast " + atLeast + " is above atMost " + atMost + ": the range is empty");
        }
      }
    }
    return new FieldMatch(types, cats, tags, datasetTags, atLeast, atMost, globs(m.get("columns"), "columns"),
        globs(m.get("datasets"), "datasets"), globs(m.get("sources"), "sources"));
  }

  private Sensitivity sensitivity(Node n) {
    if (n == null) {
      return null;
    }
    String v = scalar(n, "sensitivity");
    if (v == null) {
      return null;
    }
    try {
      return Sensitivity.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(n, "unknown sensitivity '" + v + "'; use public, internal, confidential or restricted");
      return null;
    }
  }

  private String[] lowerList(Node n, String key) {
    if (n == null) {
      return null;
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Node.ScalarNode s : nonEmpty(n, key)) {
      out.add(s.text().toLowerCase(Locale.ROOT));
    }
    return out.toArray(new String[0]);
  }

  private Glob[] globs(Node n, String key) {
    if (n == null) {
      return null;
    }
    List<Glob> out = new ArrayList<>();
    for (Node.ScalarNode s : nonEmpty(n, key)) {
      try {
        out.add(Glob.compile(s.text()));
      } catch (IllegalArgumentException e) {
        problems.add(s, "bad pattern '" + s.text() + "' in " + key + ": " + e.getMessage());
      }
    }
    return out.toArray(new Glob[0]);
  }

  private List<Condition> conditions(Node n, String key, String where) {
    List<Condition> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    List<Node> blocks = n instanceof Node.ListNode l ? l.items() : List.of(n);
    if (blocks.isEmpty()) {
      problems.add(n, "'" + key + "' of " + where + " is an empty list; remove it or add a condition");
    }
    for (Node b : blocks) {
      Condition c = condition(b, key, where);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private Condition condition(Node n, String key, String where) {
    if (!(n instanceof Node.MapNode m)) {
      problems.add(n, "'" + key + "' of " + where + " must be a mapping (roles, groups, purpose, attributes) "
          + "or a list of them, found " + n.kind());
      return null;
    }
    checkKeys(m, CONDITION_KEYS, "'" + key + "' of " + where);
    if (m.entries().isEmpty()) {
      problems.add(m, "'" + key + "' of " + where + " is empty; remove it or add roles, groups, purpose or attributes");
      return null;
    }
    Set<String> roles = texts(m.get("roles"), "roles");
    Set<String> groups = texts(m.get("groups"), "groups");
    Set<String> purposes = texts(m.get("purpose"), "purpose");
    List<Condition.AttributeTest> tests = new ArrayList<>();
    Node attrs = m.get("attributes");
    if (attrs != null) {
      if (!(attrs instanceof Node.MapNode am) || am.entries().isEmpty()) {
        problems.add(attrs, "'attributes' must be a non-empty mapping of attribute name to a value, "
            + "{ in: [...] } or { exists: true|false }");
      } else {
        for (Node.Entry e : am.entries().values()) {
          Condition.AttributeTest t = attributeTest(e);
          if (t != null) {
            tests.add(t);
          }
        }
      }
    }
    return new Condition(roles, groups, purposes, tests);
  }

  private Condition.AttributeTest attributeTest(Node.Entry e) {
    String name = e.key();
    if (name.isBlank()) {
      problems.add(e.line(), e.column(), "empty attribute name");
      return null;
    }
    Node v = e.value();
    if (v instanceof Node.ScalarNode s) {
      if (s.isNull()) {
        problems.add(s, "attribute '" + name + "' has no value; use { exists: true } to test presence");
        return null;
      }
      return new Condition.AttributeTest(name, Condition.Op.IN, Set.of(s.text()));
    }
    if (v instanceof Node.MapNode m) {
      checkKeys(m, ATTRIBUTE_TEST_KEYS, "the test of attribute '" + name + "'");
      if (m.entries().size() != 1) {
        problems.add(m, "the test of attribute '" + name + "' needs exactly one of equals, in, exists");
        return null;
      }
      Node.Entry only = m.entries().values().iterator().next();
      switch (only.key()) {
        case "equals": {
          String x = scalar(only.value(), "equals");
          return x == null ? null : new Condition.AttributeTest(name, Condition.Op.IN, Set.of(x));
        }
        case "in": {
          Set<String> xs = texts(only.value(), "in");
          return xs.isEmpty() ? null : new Condition.AttributeTest(name, Condition.Op.IN, xs);
        }
        case "exists": {
          String x = scalar(only.value(), "exists");
          if ("true".equalsIgnoreCase(x)) {
            return new Condition.AttributeTest(name, Condition.Op.EXISTS, Set.of());
          }
          if ("false".equalsIgnoreCase(x)) {
            return new Condition.AttributeTest(name, Condition.Op.ABSENT, Set.of());
          }
          if (x != null) {
            problems.add(only.value(), "exists must be true or false");
          }
          return null;
        }
        default:
          return null; // reported by checkKeys
      }
    }
    problems.add(v, "attribute '" + name + "' must be a value, { equals: x }, { in: [x, y] } or { exists: true|false }");
    return null;
  }

  private Map.Entry<String, Map<String, String>> masking(Node n, String where) {
    String function;
    Map<String, String> params = new LinkedHashMap<>();
    Node functionNode;
    if (n instanceof Node.ScalarNode s) {
      function = scalar(s, "masking");
      functionNode = s;
    } else if (n instanceof Node.MapNode m) {
      functionNode = m.get("function");
      if (functionNode == null) {
        problems.add(m, "'masking' of " + where + " needs 'function' (e.g. { function: partial, last: 4 })");
        return null;
      }
      function = scalar(functionNode, "function");
      for (Node.Entry e : m.entries().values()) {
        if (e.key().equals("function")) {
          continue;
        }
        if (!(e.value() instanceof Node.ScalarNode pv) || pv.isNull()) {
          problems.add(e.line(), e.column(), "masking parameter '" + e.key() + "' must be a single value");
          continue;
        }
        params.put(e.key(), pv.text());
      }
    } else {
      problems.add(n, "'masking' must be a function name or { function: name, parameter: value, ... }");
      return null;
    }
    if (function == null) {
      return null;
    }
    MaskingFunction fn = masking.get(function);
    if (fn == null) {
      problems.add(functionNode, "unknown masking function '" + function + "'" + suggest(function, masking.keySet())
          + (masking.isEmpty() ? " (no masking functions are installed)"
              : " (available: " + new TreeSet<>(masking.keySet()) + ")"));
      return null;
    }
    try {
      fn.validate(Map.copyOf(params));
    } catch (RuntimeException e) {
      problems.add(n, "masking function '" + function + "' rejects the parameters of " + where + ": "
          + e.getMessage());
      return null;
    }
    return Map.entry(function, params);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void checkKeys(Node.MapNode m, Set<String> allowed, String where) {
    for (Node.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.add(e.line(), e.column(), "unknown key '" + e.key() + "' in " + where + suggest(e.key(), allowed)
            + "; allowed keys: " + String.join(", ", allowed));
      }
    }
  }

  private String scalar(Node n, String key) {
    if (n instanceof Node.ScalarNode s && !s.isNull()) {
      if (s.text().isBlank()) {
        problems.add(n, "'" + key + "' is blank");
        return null;
      }
      return s.text().strip();
    }
    problems.add(n, "'" + key + "' must be a single value, found " + n.kind());
    return null;
  }

  /** A single value or a list of values. */
  private List<Node.ScalarNode> scalars(Node n, String key) {
    List<Node.ScalarNode> out = new ArrayList<>();
    List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of(n);
    for (Node item : items) {
      if (item instanceof Node.ScalarNode s && !s.isNull() && !s.text().isBlank()) {
        out.add(new Node.ScalarNode(s.text().strip(), s.line(), s.column()));
      } else {
        problems.add(item, "'" + key + "' must hold values, found " + item.kind());
      }
    }
    return out;
  }

  private List<Node.ScalarNode> nonEmpty(Node n, String key) {
    List<Node.ScalarNode> out = scalars(n, key);
    if (n instanceof Node.ListNode l && l.items().isEmpty()) {
      problems.add(n, "'" + key + "' is an empty list, which matches nothing; remove it or list values");
    }
    return out;
  }

  private Set<String> texts(Node n, String key) {
    if (n == null) {
      return Set.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Node.ScalarNode s : nonEmpty(n, key)) {
      out.add(s.text());
    }
    return out;
  }

  private static Set<String> ordered(String... keys) {
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
  }

  /** " (did you mean 'x'?)" for a close known word, else "". */
  static String suggest(String word, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
