package io.pursight.governance.policy.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.compliance.Severity;
import io.pursight.governance.spi.CompliancePack;
import io.pursight.governance.spi.GovernancePlugin;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CompliancePluginTest {

  @Test
  void theServiceLoaderFindsTheFourPacks() {
    List<GovernancePlugin> plugins = ServiceLoader.load(GovernancePlugin.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertThat(plugins).singleElement().isInstanceOf(CompliancePlugin.class);
    GovernancePlugin p = plugins.get(0);
    assertThat(p.name()).isEqualTo("compliance");
    assertThat(p.compliancePacks()).extracting(CompliancePack::id).containsExactly("gdpr", "hipaa", "pci-dss", "soc2");
    assertThat(p.compliancePacks()).extracting(CompliancePack::title).containsExactly(
        "GDPR (Regulation (EU) 2016/679)",
        "HIPAA (Security Rule, Privacy Rule minimum necessary, Safe Harbor identifiers)",
        "PCI DSS v4.0",
        "SOC 2 (Trust Services Criteria CC6: logical access)");
    assertThat(p.compliancePacks()).allSatisfy(pack -> assertThat(pack.policyTemplate()).startsWith("# ")
        .contains("policies:"));
    assertThat(p.connectors()).isEmpty();
    assertThat(p.policyProviders()).isEmpty();
  }

  @Test
  void packsDescribeTheirControls() {
    Pack pci = Reports.pack("pci-dss");
    assertThat(pci.controls()).extracting(Pack.ControlInfo::id)
        .containsExactly("PCI-DSS 3.3.1.1", "PCI-DSS 3.3.1.2", "PCI-DSS 3.4.1", "PCI-DSS 3.5.1", "PCI-DSS 3.2.1");
    assertThat(pci.controls().get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(pci.controls().get(2).check()).isEqualTo("unmasked");
    assertThat(pci.probedRoles()).containsExactly("analyst");
    assertThat(Reports.pack("soc2").probedRoles()).containsExactly("");
    assertThat(pci.identifiers()).isEmpty();
    assertThat(pci).hasToString("CompliancePack[pci-dss]");
  }

  @Test
  void settingsOverrideRolesPerPack() {
    CompliancePlugin p = new CompliancePlugin(Map.of("pci-dss.roles", "analyst, support", "gdpr.roles", "none"));
    assertThat(p.pack("pci-dss").probedRoles()).containsExactly("analyst", "support");
    assertThat(p.pack("gdpr").probedRoles()).containsExactly("");
    assertThat(p.pack("hipaa").probedRoles()).containsExactly("analyst");
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> new CompliancePlugin(Map.of("pci.roles", "x"))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Unknown compliance setting 'pci.roles'").hasMessageContaining("[gdpr, hipaa, pci-dss, soc2]");
    assertThatThrownBy(() -> new CompliancePlugin(Map.of("roles", "x"))).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> new CompliancePlugin(Map.of("hipaa.title", "x"))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'title' cannot be overridden");
    assertThatThrownBy(() -> new CompliancePlugin(Map.of("soc2.copyTransforms", "teleport")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown transform 'teleport'");
    assertThatThrownBy(() -> new CompliancePlugin(Map.of()).pack("iso27001"))
        .hasMessageContaining("No compliance pack 'iso27001'; packs: [gdpr, hipaa, pci-dss, soc2]");
  }

  @Test
  void systemPropertiesCarryTheSettings() {
    Properties props = new Properties();
    props.setProperty("pursight.compliance.pci-dss.roles", "support");
    props.setProperty("user.home", "/home/x");
    assertThat(CompliancePlugin.fromSystemProperties(props)).containsExactly(Map.entry("pci-dss.roles", "support"));
  }

  @Test
  void anEvaluationNeedsAContextButToleratesMissingServicesAndClock() {
    Pack pack = Reports.pack("gdpr");
    assertThatThrownBy(() -> pack.evaluate(null)).isInstanceOf(NullPointerException.class);
    FakeCatalog cat = new FakeCatalog().table("t").cols(FakeCatalog.col("email", Classes.values("EMAIL_ADDRESS"))).add();
    assertThat(pack.evaluate(new CompliancePack.Context(cat, null, null, null, null)).evaluatedAt()).isNotNull();
  }
}
