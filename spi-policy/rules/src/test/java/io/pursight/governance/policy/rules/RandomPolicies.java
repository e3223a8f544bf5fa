package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Random policy files and requests over a small shared vocabulary, so that policies often match. */
final class RandomPolicies {
  static final String[] INFO_TYPES = {"EMAIL_ADDRESS", "US_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER",
      "PHONE_NUMBER", "PERSON_NAME", "IBAN_CODE"};
  static final String[] CATEGORIES = {"contact", "financial", "government-id", "identity"};
  static final String[] TAGS = {"pii", "pci", "vip", "internal"};
  static final String[] DATASET_TAGS = {"crm", "payments", "hr"};
  static final String[] DATASETS = {"shop.public.customers", "shop.public.orders", "hr.core.staff", "shop.*",
      "*.staff", "shop.public.cust*", "*"};
  static final String[] COLUMNS = {"shop.public.customers.email", "*.ssn", "*.email", "shop.public.*", "*name*",
      "hr.core.staff.salary", "*.?d"};
  static final String[] SOURCES = {"pg", "mongo", "p*"};
  static final String[] ROLES = {"analyst", "admin", "pii_reader"};
  static final String[] GROUPS = {"eu", "us"};
  static final String[] PURPOSES = {"billing", "marketing"};
  static final String[] TABLES = {"shop.public.customers", "shop.public.orders", "hr.core.staff", "shop.public.customers_old"};
  static final String[] COLUMN_NAMES = {"email", "ssn", "id", "name", "salary", "region", "card"};
  static final String[] FILTERS = {"\"region = ${principal.region}\"", "\"active = TRUE\"",
      "{ predicate: \"tier IN (${principal.tier}, 'gold')\", onMissingAttribute: empty }",
      "\"owner = ${principal.id} OR shared = TRUE\""};
  static final String[] MASKS = {"redact", "'null'", "{ function: partial, last: 4 }", "{ function: hash, key: env:K }"};

  private RandomPolicies() {}

  static <T> T pick(Random r, T[] from) {
    return from[r.nextInt(from.length)];
  }

  static String list(Random r, String[] from, boolean quote) {
    int n = 1 + r.nextInt(2);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      String v = pick(r, from);
      out.add(quote ? "'" + v + "'" : v);
    }
    return "[" + String.join(", ", out) + "]";
  }

  /** A policy file with {@code n} policies (ids p0..). */
  static String policies(Random r, int n) {
    StringBuilder b = new StringBuilder("policies:\n");
    for (int i = 0; i < n; i++) {
      b.append(policy(r, "p" + i));
    }
    return b.toString();
  }

  static String policy(Random r, String id) {
    StringBuilder b = new StringBuilder("  - id: ").append(id).append('\n');
    List<String> criteria = new ArrayList<>();
    int k = r.nextInt(3);
    for (int i = 0; i < k; i++) {
      switch (r.nextInt(8)) {
        case 0 -> criteria.add("infoTypes: " + list(r, INFO_TYPES, false));
        case 1 -> criteria.add("categories: " + list(r, CATEGORIES, false));
        case 2 -> criteria.add("tags: " + list(r, TAGS, false));
        case 3 -> criteria.add("datasetTags: " + list(r, DATASET_TAGS, false));
        case 4 -> criteria.add("datasets: " + list(r, DATASETS, true));
        case 5 -> criteria.add("columns: " + list(r, COLUMNS, true));
        case 6 -> criteria.add("sources: " + list(r, SOURCES, true));
        default -> {
          Sensitivity lo = pick(r, Sensitivity.values());
          Sensitivity hi = Sensitivity.values()[lo.ordinal() + r.nextInt(4 - lo.ordinal())];
          criteria.add(r.nextBoolean() ? "sensitivity: { atLeast: " + lo + " }"
              : "sensitivity: { atLeast: " + lo + ", atMost: " + hi + " }");
        }
      }
    }
    // one key once: keep the first of each kind
    Map<String, String> byKey = new java.util.LinkedHashMap<>();
    for (String c : criteria) {
      byKey.putIfAbsent(c.substring(0, c.indexOf(':')), c);
    }
    if (!byKey.isEmpty()) {
      b.append("    match: { ").append(String.join(", ", byKey.values())).append(" }\n");
    }
    if (r.nextInt(4) == 0) {
      b.append("    actions: ").append(list(r, new String[] {"read", "write", "delete", "ddl"}, false)).append('\n');
    }
    if (r.nextInt(3) == 0) {
      b.append("    when: ").append(condition(r)).append('\n');
    }
    if (r.nextInt(3) == 0) {
      b.append("    unless: ").append(condition(r)).append('\n');
    }
    switch (r.nextInt(4)) {
      case 0 -> b.append("    effect: allow\n");
      case 1 -> b.append(r.nextInt(3) == 0 ? "    effect: deny\n" : "    effect: allow\n");
      case 2 -> b.append("    effect: mask\n    masking: ").append(pick(r, MASKS)).append('\n');
      default -> b.append("    effect: filter\n    filter: ").append(pick(r, FILTERS)).append('\n');
    }
    return b.toString();
  }

  static String condition(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "{ roles: " + list(r, ROLES, false) + " }";
      case 1 -> "{ groups: " + list(r, GROUPS, false) + " }";
      case 2 -> "{ purpose: " + list(r, PURPOSES, false) + " }";
      case 3 -> "{ attributes: { region: { in: [EU, US] } } }";
      default -> "[ { roles: [admin] }, { attributes: { tier: { exists: " + r.nextBoolean() + " } } } ]";
    };
  }

  static Principal principal(Random r) {
    Set<String> roles = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (String role : ROLES) {
      if (r.nextInt(3) == 0) {
        roles.add(role);
      }
    }
    for (String g : GROUPS) {
      if (r.nextBoolean()) {
        groups.add(g);
      }
    }
    Map<String, String> attrs = new HashMap<>();
    if (r.nextBoolean()) {
      attrs.put("region", r.nextBoolean() ? "EU" : "x' OR 1=1 --");
    }
    if (r.nextBoolean()) {
      attrs.put("tier", "silver");
    }
    return new Principal("u" + r.nextInt(3), roles, groups, attrs);
  }

  static FieldFacts facts(Random r) {
    String[] t = pick(r, TABLES).split("\\.");
    String source = r.nextInt(4) == 0 ? "mongo" : "pg";
    QualifiedName name = new QualifiedName(source, t[0], t[1], t[2], List.of(pick(r, COLUMN_NAMES)));
    if (r.nextInt(5) == 0) {
      return FieldFacts.unknown(name);
    }
    Set<String> types = new LinkedHashSet<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      types.add(pick(r, INFO_TYPES));
    }
    Set<String> cats = new LinkedHashSet<>();
    for (int i = r.nextInt(2); i > 0; i--) {
      cats.add(pick(r, CATEGORIES));
    }
    Set<String> tags = new LinkedHashSet<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      tags.add(pick(r, TAGS));
    }
    Set<String> dtags = new LinkedHashSet<>();
    for (int i = r.nextInt(2); i > 0; i--) {
      dtags.add(pick(r, DATASET_TAGS));
    }
    return new FieldFacts(name, types, cats, pick(r, Sensitivity.values()), tags, dtags, Map.of());
  }

  static List<FieldFacts> fields(Random r, int max) {
    List<FieldFacts> out = new ArrayList<>();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      out.add(facts(r));
    }
    return out;
  }

  static AccessRequest request(Random r, List<FieldFacts> facts) {
    List<QualifiedName> names = new ArrayList<>();
    for (FieldFacts f : facts) {
      names.add(f.field());
    }
    return new AccessRequest(principal(r), pick(r, Action.values()), names,
        r.nextInt(3) == 0 ? null : pick(r, PURPOSES), Map.of());
  }
}
