package io.pursight.governance.policy.rules;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.spi.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The engine's settings, read from a {@link PluginConfig} and checked key by key. */
final class Settings {
  static final String FILE = "rules.file";
  static final String TEXT = "rules.text";
  static final String DEFAULT = "rules.default";
  static final String RELOAD = "rules.reload";
  static final String RELOAD_INTERVAL = "rules.reloadInterval";
  static final String EXTRA_INFO_TYPES = "rules.extraInfoTypes";
  static final String EXTRA_CATEGORIES = "rules.extraCategories";
  static final Set<String> KEYS = Set.of(FILE, TEXT, DEFAULT, RELOAD, RELOAD_INTERVAL, EXTRA_INFO_TYPES, EXTRA_CATEGORIES);

  private static final Pattern INFO_TYPE_ID = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");
  private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  final Path file;
  final String text;
  final Effect defaultEffect;
  final boolean reload;
  final Duration reloadInterval;
  final Set<String> infoTypes;
  final Set<String> categories;

  private Settings(Path file, String text, Effect defaultEffect, boolean reload, Duration reloadInterval,
      Set<String> infoTypes, Set<String> categories) {
    this.file = file;
    this.text = text;
    this.defaultEffect = defaultEffect;
    this.reload = reload;
    this.reloadInterval = reloadInterval;
    this.infoTypes = Set.copyOf(infoTypes);
    this.categories = Set.copyOf(categories);
  }

  static Settings of(PluginConfig config) {
    for (String key : config.values().keySet()) {
      if (key.startsWith("rules.") && !KEYS.contains(key)) {
        throw new ConfigurationException("Unknown setting '" + key + "' of the rules policy engine" + PolicyReader.suggest(key, KEYS)
            + "; known settings: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
      }
    }
    String file = config.get(FILE).filter(s -> !s.isBlank()).orElse(null);
    String text = config.get(TEXT).orElse(null);
    if (file != null && text != null) {
      throw new ConfigurationException("Set either '" + FILE + "' or '" + TEXT + "' for the rules policy engine, not both");
    }
    if (file == null && text == null) {
      throw new ConfigurationException("The rules policy engine needs '" + FILE
          + "' (a YAML or JSON policy file) or '" + TEXT + "' (inline YAML)");
    }
    Path path = null;
    if (file != null) {
      try {
        path = Path.of(file.strip()).toAbsolutePath().normalize();
      } catch (RuntimeException e) {
        throw new ConfigurationException("Setting '" + FILE + "' is not a valid path", e);
      }
    }
    Effect defaultEffect;
    String d = config.get(DEFAULT, "allow").strip().toLowerCase(Locale.ROOT);
    if (d.equals("allow")) {
      defaultEffect = Effect.ALLOW;
    } else if (d.equals("deny")) {
      defaultEffect = Effect.DENY;
    } else {
      throw new ConfigurationException("Setting '" + DEFAULT + "' must be allow or deny, got '" + config.get(DEFAULT, "") + "'");
    }
    boolean reload = config.getBoolean(RELOAD, true);
    Duration interval = config.getDuration(RELOAD_INTERVAL, Duration.ofSeconds(2));
    if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofHours(24)) > 0) {
      throw new ConfigurationException("Setting '" + RELOAD_INTERVAL + "' must be between 10 ms and 24 hours");
    }
    Set<String> types = new HashSet<>();
    for (InfoType t : InfoTypes.builtIn().all()) {
      types.add(t.id());
    }
    Set<String> categories = new HashSet<>();
    for (InfoType t : InfoTypes.builtIn().all()) {
      categories.add(t.category());
    }
    for (String id : list(config, EXTRA_INFO_TYPES)) {
      if (!INFO_TYPE_ID.matcher(id).matches()) {
        throw new ConfigurationException("Setting '" + EXTRA_INFO_TYPES + "' holds '" + id
            + "', which is not an info type id (upper-case letters, digits and '_', e.g. EMPLOYEE_BADGE_ID)");
      }
      types.add(id);
    }
    for (String c : list(config, EXTRA_CATEGORIES)) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (!CATEGORY.matcher(lc).matches()) {
        throw new ConfigurationException("Setting '" + EXTRA_CATEGORIES + "' holds '" + c
            + "', which is not a category name (lower-case letters, digits, '_' and '-')");
      }
      categories.add(lc);
    }
    return new Settings(path, text, defaultEffect, reload && path != null, interval, types, categories);
  }

  private static Set<String> list(PluginConfig config, String key) {
    Set<String> out = new HashSet<>();
    for (String s : config.get(key, "").split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** Where the policies come from, for messages. */
  String source() {
    return file != null ? file.toString() : TEXT;
  }

  /** True when the policy file is JSON (by its extension); inline text is always YAML. */
  boolean json() {
    return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
