package io.pursight.governance.policy.compliance;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.CompliancePack;
import io.pursight.governance.spi.GovernancePlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The compliance packs {@code gdpr}, {@code hipaa}, {@code pci-dss} and {@code soc2}: policy
 * templates in the rules engine's YAML plus checks over the catalog, lineage and policies. Found
 * through {@code META-INF/services}; see {@code docs/compliance.md}.
 *
 * <p>Settings: {@code <pack>.roles} (the non-privileged roles probed, comma-separated; {@code none}
 * is a principal without roles), {@code <pack>.protectedTags} (tags or annotations that mark a
 * column unreadable at rest) and {@code <pack>.copyTransforms} (lineage transforms that count as
 * copies). The ServiceLoader constructor reads them from system properties prefixed {@value
 * #PROPERTY_PREFIX}, e.g. {@code -Dpursight.compliance.pci-dss.roles=analyst,support}; embedders can
 * pass them to {@link #CompliancePlugin(Map)} and register the plugin on the runtime's builder.
 */
public final class CompliancePlugin implements GovernancePlugin {
  /** The ids of the packs, in the order {@link #compliancePacks()} returns them. */
  public static final List<String> PACKS = List.of("gdpr", "hipaa", "pci-dss", "soc2");
  /** The system-property prefix of the settings. */
  public static final String PROPERTY_PREFIX = "pursight.compliance.";

  private final List<CompliancePack> packs;

  /** Creates the plugin with settings from system properties (found by the ServiceLoader). */
  public CompliancePlugin() {
    this(fromSystemProperties(System.getProperties()));
  }

  /**
   * Creates the plugin with settings keyed {@code <pack>.<setting>}, e.g. {@code pci-dss.roles}.
   *
   * @throws ConfigurationException naming an unknown pack or setting, or a file problem
   */
  public CompliancePlugin(Map<String, String> settings) {
    Map<String, Map<String, String>> byPack = new HashMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      int dot = e.getKey().indexOf('.');
      String pack = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
      if (dot < 0 || !PACKS.contains(pack)) {
        throw new ConfigurationException("Unknown compliance setting '" + e.getKey() + "': use <pack>.<setting> with "
            + "pack one of " + PACKS + " and setting one of " + new java.util.TreeSet<>(PackDefinition.OVERRIDABLE));
      }
      byPack.computeIfAbsent(pack, k -> new HashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
    }
    List<CompliancePack> list = new ArrayList<>();
    for (String id : PACKS) {
      list.add(Pack.load(id, byPack.getOrDefault(id, Map.of())));
    }
    this.packs = List.copyOf(list);
  }

  static Map<String, String> fromSystemProperties(Properties props) {
    Map<String, String> out = new HashMap<>();
    for (String name : props.stringPropertyNames()) {
      if (name.startsWith(PROPERTY_PREFIX)) {
        out.put(name.substring(PROPERTY_PREFIX.length()), props.getProperty(name));
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "compliance";
  }

  @Override
  public List<CompliancePack> compliancePacks() {
    return packs;
  }

  /** The pack with this id. @throws IllegalArgumentException listing the ids when there is none */
  public Pack pack(String id) {
    return packs.stream().filter(p -> p.id().equals(id)).map(Pack.class::cast).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No compliance pack '" + id + "'; packs: " + PACKS));
  }
}
