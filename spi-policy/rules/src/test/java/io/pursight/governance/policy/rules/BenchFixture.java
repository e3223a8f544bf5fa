package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's workload, generated from a fixed seed: a policy file of realistic shape (info-type,
 * category and tag rules with role exemptions; column and dataset rules, exact and glob; row
 * filters with principal attributes; sensitivity and source rules; ABAC conditions drawn from a
 * pool, as real files repeat them) and a 50-field request over three tables.
 */
final class BenchFixture {
  static final long SEED = 20261126L;
  static final String[] ROLES = roles(30);
  static final String[] TABLES = tables();
  static final String[] COLUMNS = {"id", "email", "ssn", "phone", "name", "first_name", "last_name", "street", "city",
      "zip", "country", "dob", "card_number", "iban", "salary", "notes", "created_at", "updated_at", "region", "status",
      "ip", "device_id", "password_hash", "username", "tax_id", "passport", "balance", "amount", "currency", "sku"};

  private BenchFixture() {}

  private static String[] roles(int n) {
    String[] r = new String[n];
    for (int i = 0; i < n; i++) {
      r[i] = "role_" + i;
    }
    return r;
  }

  private static String[] tables() {
    List<String> t = new ArrayList<>();
    for (String db : new String[] {"shop", "crm", "hr", "billing", "analytics"}) {
      for (String schema : new String[] {"public", "staging"}) {
        for (int i = 0; i < 20; i++) {
          t.add(db + "." + schema + ".t" + i);
        }
      }
    }
    return t.toArray(new String[0]);
  }

  static List<InfoType> infoTypes() {
    List<InfoType> all = new ArrayList<>(InfoTypes.builtIn().all());
    all.sort((a, b) -> a.id().compareTo(b.id()));
    return all;
  }

  static List<String> categories() {
    Set<String> c = new java.util.TreeSet<>();
    for (InfoType t : infoTypes()) {
      c.add(t.category());
    }
    return new ArrayList<>(c);
  }

  /** A policy file with {@code n} policies. */
  static String policies(int n) {
    Random r = new Random(SEED);
    List<InfoType> types = infoTypes();
    List<String> cats = categories();
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      conditions.add(switch (i % 5) {
        case 0 -> "{ roles: [" + ROLES[r.nextInt(ROLES.length)] + ", " + ROLES[r.nextInt(ROLES.length)] + "] }";
        case 1 -> "{ groups: [group_" + r.nextInt(10) + "] }";
        case 2 -> "{ attributes: { clearance: { in: [c" + r.nextInt(5) + ", c" + r.nextInt(5) + "] } } }";
        case 3 -> "{ purpose: [purpose_" + r.nextInt(6) + "] }";
        default -> "[ { roles: [" + ROLES[r.nextInt(ROLES.length)] + "] }, { attributes: { contractor: { exists: true } } } ]";
      });
    }
    StringBuilder b = new StringBuilder("policies:\n");
    for (int i = 0; i < n; i++) {
      b.append("  - id: p").append(i).append('\n');
      int kind = r.nextInt(100);
      String match;
      if (kind < 35) {
        match = "{ infoTypes: [" + types.get(r.nextInt(types.size())).id() + ", "
            + types.get(r.nextInt(types.size())).id() + "] }";
      } else if (kind < 45) {
        match = "{ categories: [" + cats.get(r.nextInt(cats.size())) + "] }";
      } else if (kind < 55) {
        match = "{ tags: [tag_" + r.nextInt(40) + "] }";
      } else if (kind < 62) {
        match = "{ columns: ['" + TABLES[r.nextInt(TABLES.length)] + "." + COLUMNS[r.nextInt(COLUMNS.length)] + "'] }";
      } else if (kind < 67) {
        match = "{ columns: ['*." + COLUMNS[r.nextInt(COLUMNS.length)] + "'] }";
      } else if (kind < 70) {
        match = "{ columns: ['" + TABLES[r.nextInt(TABLES.length)] + ".*'] }";
      } else if (kind < 78) {
        match = "{ datasets: ['" + TABLES[r.nextInt(TABLES.length)] + "'] }";
      } else if (kind < 80) {
        match = "{ datasets: ['" + TABLES[r.nextInt(TABLES.length)].split("\\.")[0] + ".staging.*'] }";
      } else if (kind < 85) {
        match = "{ datasetTags: [dtag_" + r.nextInt(20) + "] }";
      } else if (kind < 90) {
        match = "{ infoTypes: [" + types.get(r.nextInt(types.size())).id() + "], datasets: ['"
            + TABLES[r.nextInt(TABLES.length)].split("\\.")[0] + ".*'] }";
      } else if (kind < 95) {
        Sensitivity s = Sensitivity.values()[1 + r.nextInt(3)];
        match = "{ sensitivity: { atLeast: " + s + " }, sources: [src_" + r.nextInt(3) + "] }";
      } else {
        match = "{ sensitivity: { atLeast: " + Sensitivity.values()[2 + r.nextInt(2)] + " }, tags: [tag_" + r.nextInt(40)
            + "] }";
      }
      b.append("    match: ").append(match).append('\n');
      if (r.nextInt(5) == 0) {
        b.append("    actions: [read]\n");
      }
      int effect = r.nextInt(100);
      int guard = r.nextInt(10);
      if (effect < 10) {
        // denies target outsiders (the benchmark's principal is not one, so all other effects get evaluated)
        b.append("    when: { groups: [external_").append(r.nextInt(5)).append("] }\n");
      } else if (guard < 4) {
        b.append("    unless: ").append(conditions.get(r.nextInt(conditions.size()))).append('\n');
      } else if (guard < 6) {
        b.append("    when: ").append(conditions.get(r.nextInt(conditions.size()))).append('\n');
      }
      if (effect < 10) {
        b.append("    effect: deny\n");
      } else if (effect < 55) {
        b.append("    effect: mask\n    masking: ").append(r.nextBoolean() ? "redact" : "{ function: partial, last: 4 }")
            .append('\n');
      } else if (effect < 70) {
        b.append("    effect: filter\n    filter: \"region = ${principal.region} AND tenant IN (${principal.tenant}, 'shared')\"\n");
      } else {
        b.append("    effect: allow\n");
      }
    }
    return b.toString();
  }

  /** Fifty fields of three tables, most with info types, some with tags, a few unknown. */
  static List<FieldFacts> fields() {
    Random r = new Random(SEED + 1);
    List<InfoType> types = infoTypes();
    List<FieldFacts> out = new ArrayList<>();
    String[] tables = {"shop.public.t3", "crm.public.t7", "billing.staging.t11"};
    for (int i = 0; i < 50; i++) {
      String[] t = tables[i % 3].split("\\.");
      String column = COLUMNS[i % COLUMNS.length] + (i >= COLUMNS.length ? "_" + i : "");
      QualifiedName name = new QualifiedName("src_" + (i % 3), t[0], t[1], t[2], List.of(column));
      if (i % 10 == 9) {
        out.add(FieldFacts.unknown(name));
        continue;
      }
      Set<String> ids = new LinkedHashSet<>();
      Set<String> cats = new LinkedHashSet<>();
      Sensitivity s = Sensitivity.PUBLIC;
      for (int k = r.nextInt(3); k > 0; k--) {
        InfoType it = types.get(r.nextInt(types.size()));
        ids.add(it.id());
        cats.add(it.category());
        s = it.sensitivity().compareTo(s) > 0 ? it.sensitivity() : s;
      }
      Set<String> tags = new LinkedHashSet<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        tags.add("tag_" + r.nextInt(40));
      }
      out.add(new FieldFacts(name, ids, cats, s, tags, Set.of("dtag_" + (i % 3)), Map.of()));
    }
    return out;
  }

  static AccessRequest request(List<FieldFacts> facts) {
    List<QualifiedName> names = new ArrayList<>();
    for (FieldFacts f : facts) {
      names.add(f.field());
    }
    Principal p = new Principal("bench-user", Set.of(ROLES[1], ROLES[5], ROLES[9]), Set.of("group_2", "group_7"),
        Map.of("region", "EU", "tenant", "acme", "clearance", "c2"));
    return new AccessRequest(p, Action.READ, names, "purpose_3", Map.of());
  }
}
