package io.pursight.governance.core;

import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ComplianceService;
import io.pursight.governance.spi.CompliancePack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates the installed compliance packs. */
final class ComplianceServiceImpl implements ComplianceService {
  private final Map<String, CompliancePack> packs = new LinkedHashMap<>();
  private final CompliancePack.Context context;

  ComplianceServiceImpl(List<CompliancePack> packs, CompliancePack.Context context) {
    packs.forEach(p -> this.packs.put(p.id(), p));
    this.context = context;
  }

  @Override
  public List<String> packs() {
    return List.copyOf(packs.keySet());
  }

  @Override
  public ComplianceReport evaluate(String pack) {
    CompliancePack p = packs.get(pack);
    if (p == null) {
      throw new IllegalArgumentException("No compliance pack '" + pack + "'. Installed: "
          + (packs.isEmpty() ? "none (add io.pursight:policy-compliance)" : String.join(", ", packs.keySet())));
    }
    return p.evaluate(context);
  }
}
