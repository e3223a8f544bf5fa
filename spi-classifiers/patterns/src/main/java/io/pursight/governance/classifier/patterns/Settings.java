package io.pursight.governance.classifier.patterns;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.PluginConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The classifier's settings, read from the {@code patterns} plugin configuration.
 *
 * @param maxValues values read per column (the first ones; the rest are ignored)
 * @param maxTextValues free-text values searched for spans per column
 * @param maxPhoneChecks phone candidates validated with libphonenumber per column (the rest extrapolated)
 * @param phoneRegions regions tried for numbers without a leading +
 * @param referenceDate the date ages and dates of birth are computed against
 * @param minConfidence suggestions below this are not returned
 * @param disabledTypes info types never reported
 * @param customTypes the custom info types file, or null
 */
record Settings(int maxValues, int maxTextValues, int maxPhoneChecks, List<String> phoneRegions,
    LocalDate referenceDate, double minConfidence, Set<String> disabledTypes, Path customTypes) {

  static final String MAX_VALUES = "patterns.maxValues";
  static final String MAX_TEXT_VALUES = "patterns.maxTextValues";
  static final String MAX_PHONE_CHECKS = "patterns.maxPhoneChecks";
  static final String PHONE_REGIONS = "patterns.phoneRegions";
  static final String REFERENCE_DATE = "patterns.referenceDate";
  static final String MIN_CONFIDENCE = "patterns.minConfidence";
  static final String DISABLED_TYPES = "patterns.disabledTypes";
  static final String CUSTOM_TYPES = "patterns.customTypes";
  static final List<String> KEYS = List.of(CUSTOM_TYPES, MAX_VALUES, MAX_TEXT_VALUES, MAX_PHONE_CHECKS,
      PHONE_REGIONS, REFERENCE_DATE, MIN_CONFIDENCE, DISABLED_TYPES);

  static Settings defaults() {
    return from(PluginConfig.EMPTY);
  }

  /** Reads and validates the settings. @throws ConfigurationException naming the bad key */
  static Settings from(PluginConfig config) {
    for (String key : config.values().keySet()) {
      if (!KEYS.contains(key)) {
        throw new ConfigurationException("Unknown setting '" + key + "' for classifier 'patterns'; known settings: "
            + String.join(", ", KEYS));
      }
    }
    int maxValues = positive(config, MAX_VALUES, 10_000);
    int maxText = positive(config, MAX_TEXT_VALUES, 200);
    int maxPhone = positive(config, MAX_PHONE_CHECKS, 32);
    List<String> regions = new ArrayList<>();
    String r = config.get(PHONE_REGIONS).orElse(null);
    if (r == null) {
      regions.addAll(PhoneCheck.DEFAULT_REGIONS);
    } else {
      for (String part : r.split(",")) {
        if (!part.isBlank()) {
          regions.add(part.strip().toUpperCase(Locale.ROOT));
        }
      }
      if (regions.isEmpty()) {
        throw new ConfigurationException("Setting '" + PHONE_REGIONS + "' lists no region; use e.g. US,GB,DE");
      }
    }
    LocalDate today;
    String ref = config.get(REFERENCE_DATE).orElse(null);
    try {
      today = ref == null ? LocalDate.now() : LocalDate.parse(ref.strip());
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("Setting '" + REFERENCE_DATE + "' must be an ISO date like 2025-01-31, got '"
          + ref + "'", e);
    }
    double minConfidence;
    String mc = config.get(MIN_CONFIDENCE).orElse("0");
    try {
      minConfidence = Double.parseDouble(mc.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("Setting '" + MIN_CONFIDENCE + "' must be a number in 0..1, got '" + mc + "'", e);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new ConfigurationException("Setting '" + MIN_CONFIDENCE + "' must be within 0..1, got " + mc);
    }
    Set<String> disabled = new LinkedHashSet<>();
    for (String part : config.get(DISABLED_TYPES, "").split(",")) {
      if (!part.isBlank()) {
        disabled.add(part.strip().toUpperCase(Locale.ROOT));
      }
    }
    Path custom = config.get(CUSTOM_TYPES).filter(s -> !s.isBlank()).map(s -> Path.of(s.strip())).orElse(null);
    return new Settings(maxValues, maxText, maxPhone, List.copyOf(regions), today, minConfidence, Set.copyOf(disabled),
        custom);
  }

  private static int positive(PluginConfig config, String key, int fallback) {
    int v = config.getInt(key, fallback);
    if (v < 1) {
      throw new ConfigurationException("Setting '" + key + "' must be at least 1, got " + v);
    }
    return v;
  }
}
