package io.pursight.governance.policy.rules;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.policy.AccessRequest;
import io.pursight.governance.policy.Action;
import io.pursight.governance.policy.FieldFacts;
import io.pursight.governance.policy.Principal;
import io.pursight.governance.spi.MaskingFunction;
import io.pursight.governance.spi.PluginConfig;
import io.pursight.governance.spi.SecretResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Masking stand-ins, names, facts and requests for the tests. */
final class Fixtures {
  private Fixtures() {}

  /** Masking functions with the validation rules the tests rely on (the real ones live in policy-masking). */
  static final Map<String, MaskingFunction> MASKING = Map.of(
      "redact", fn("redact", p -> {
        if (!p.isEmpty()) {
          throw new IllegalArgumentException("redact takes no parameters");
        }
      }),
      "partial", fn("partial", p -> {
        for (Map.Entry<String, String> e : p.entrySet()) {
          if (!Set.of("first", "last").contains(e.getKey())) {
            throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "'; use first, last");
          }
          if (!e.getValue().matches("\\d{1,2}")) {
            throw new IllegalArgumentException("'" + e.getKey() + "' must be a number from 0 to 99");
          }
        }
      }),
      "null", fn("null", p -> {}),
      "hash", fn("hash", p -> {
        if (!p.containsKey("key")) {
          throw new IllegalArgumentException("hash needs 'key' (a secret reference such as env:MASK_KEY)");
        }
      }));

  static MaskingFunction fn(String name, Consumer<Map<String, String>> validate) {
    return new MaskingFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void validate(Map<String, String> parameters) {
        validate.accept(parameters);
      }

      @Override
      public Object mask(Object value, Map<String, String> parameters, SecretResolver secrets) {
        return null;
      }
    };
  }

  static RulesEngine engine(String yaml) {
    return RulesEngine.fromYaml(yaml, MASKING);
  }

  static RulesEngine engine(String yaml, String defaultEffect) {
    return RulesEngine.create(new PluginConfig(Map.of("rules.text", yaml, "rules.default", defaultEffect)), MASKING);
  }

  /** {@code db.schema.table.column[.nested]} in source {@code pg}. */
  static QualifiedName name(String dotted) {
    return name("pg", dotted);
  }

  static QualifiedName name(String source, String dotted) {
    String[] p = dotted.split("\\.");
    return new QualifiedName(source, p[0], p[1], p[2], Arrays.asList(p).subList(3, p.length));
  }

  static Facts field(String dotted) {
    return new Facts(name(dotted));
  }

  static Facts field(QualifiedName name) {
    return new Facts(name);
  }

  /** A facts builder: categories and sensitivity follow the built-in info types unless set. */
  static final class Facts {
    private final QualifiedName name;
    private final Set<String> types = new LinkedHashSet<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private final Set<String> datasetTags = new LinkedHashSet<>();
    private Set<String> categories;
    private Sensitivity sensitivity;

    Facts(QualifiedName name) {
      this.name = name;
    }

    Facts types(String... ids) {
      types.addAll(List.of(ids));
      return this;
    }

    Facts tags(String... t) {
      tags.addAll(List.of(t));
      return this;
    }

    Facts datasetTags(String... t) {
      datasetTags.addAll(List.of(t));
      return this;
    }

    Facts categories(String... c) {
      categories = new LinkedHashSet<>(List.of(c));
      return this;
    }

    Facts sensitivity(Sensitivity s) {
      sensitivity = s;
      return this;
    }

    FieldFacts build() {
      Set<String> cats = categories;
      Sensitivity s = sensitivity;
      if (cats == null) {
        cats = new LinkedHashSet<>();
        for (String t : types) {
          InfoTypes.builtIn().find(t).map(InfoType::category).ifPresent(cats::add);
        }
      }
      if (s == null) {
        s = Sensitivity.PUBLIC;
        for (String t : types) {
          Sensitivity ts = InfoTypes.builtIn().find(t).map(InfoType::sensitivity).orElse(Sensitivity.PUBLIC);
          s = ts.compareTo(s) > 0 ? ts : s;
        }
      }
      return new FieldFacts(name, types, cats, s, tags, datasetTags, Map.of());
    }
  }

  static Principal user(String... roles) {
    return Principal.of("alice", roles);
  }

  static Principal principal(Set<String> roles, Set<String> groups, Map<String, String> attributes) {
    return new Principal("alice", roles, groups, attributes);
  }

  static Principal withAttributes(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return new Principal("alice", Set.of(), Set.of(), m);
  }

  static AccessRequest request(Principal who, Action action, String purpose, List<FieldFacts> facts) {
    List<QualifiedName> names = new ArrayList<>();
    for (FieldFacts f : facts) {
      names.add(f.field());
    }
    return new AccessRequest(who, action, names, purpose, Map.of());
  }

  static AccessRequest read(Principal who, List<FieldFacts> facts) {
    return request(who, Action.READ, null, facts);
  }
}
