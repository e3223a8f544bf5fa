package io.pursight.governance.classifier.patterns;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sensitive-data classification, tiers 1 and 2: contributes the classifier provider {@value
 * #PROVIDER}, whose classifier (id {@code patterns}, tier 1) checks sampled values with real
 * validators (Luhn, mod-97, Verhoeff, libphonenumber...) and weighs column names in seven
 * languages, dictionaries and column statistics. Found through {@code META-INF/services}.
 *
 * <p>Settings (plugin configuration of {@value #PROVIDER}): {@code patterns.customTypes} (a YAML or
 * JSON file of custom info types), {@code patterns.maxValues} (values read per column, default
 * 10000), {@code patterns.maxTextValues} (free-text values searched per column, 200), {@code
 * patterns.maxPhoneChecks} (libphonenumber validations per column, 32), {@code
 * patterns.phoneRegions} (regions for numbers without +, default US,GB,DE,FR,NL,ES,IT,BR,IN,CA,AU),
 * {@code patterns.referenceDate} (ISO date for ages, default today), {@code patterns.minConfidence}
 * (default 0), {@code patterns.disabledTypes} (comma-separated ids).
 *
 * <p>The classifier declares its custom types through {@code Classifier.infoTypes()}, so the
 * runtime registers them by itself:
 *
 * <pre>{@code
 * Governance gov = Governance.builder()
 *     .pluginConfig("patterns", Map.of(PatternsPlugin.CUSTOM_TYPES, "custom-types.yaml"))
 *     .build();
 * }</pre>
 *
 * {@link #loadCustomTypes} reads the same file for callers that drive the classifier directly.
 */
public final class PatternsPlugin implements GovernancePlugin {
  /** The classifier provider's name, also the plugin-configuration name. */
  public static final String PROVIDER = "patterns";
  /** The setting naming the custom info types file. */
  public static final String CUSTOM_TYPES = Settings.CUSTOM_TYPES;

  /** Creates the plugin (found by the ServiceLoader). */
  public PatternsPlugin() {}

  @Override
  public String name() {
    return "patterns";
  }

  @Override
  public List<ClassifierProvider> classifiers() {
    return List.of(new ClassifierProvider() {
      @Override
      public String name() {
        return PROVIDER;
      }

      @Override
      public Classifier create(PluginConfig config) {
        return new PatternsClassifier(Settings.from(config == null ? PluginConfig.EMPTY : config));
      }
    });
  }

  /**
   * The info types defined in a custom types file, to register on the runtime's builder.
   *
   * @throws ConfigurationException naming the file, the line and the reason when it is invalid
   */
  public static List<InfoType> loadCustomTypes(Path file) {
    ValidatorRegistry registry = new ValidatorRegistry(new PhoneCheck(PhoneCheck.DEFAULT_REGIONS), LocalDate.now());
    List<InfoType> out = new ArrayList<>();
    for (CustomTypes.CustomType t : CustomTypes.load(file, registry)) {
      out.add(t.infoType());
    }
    return List.copyOf(out);
  }

  /**
   * The custom info types named by {@value #CUSTOM_TYPES} in {@code config}, or none.
   *
   * @throws ConfigurationException when the file is invalid
   */
  public static List<InfoType> customInfoTypes(PluginConfig config) {
    String path = config.get(CUSTOM_TYPES).orElse(null);
    return path == null || path.isBlank() ? List.of() : loadCustomTypes(Path.of(path.strip()));
  }

  /** The names of the built-in validators a custom type may use ({@code validator: luhn}). */
  public static List<String> validatorNames() {
    return List.copyOf(new ValidatorRegistry(new PhoneCheck(PhoneCheck.DEFAULT_REGIONS), LocalDate.now()).all()
        .keySet());
  }
}
