package io.pursight.governance.policy.compliance;

import io.pursight.governance.compliance.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code [control id]} section of a controls file.
 *
 * @param id the control id reported in results and findings, e.g. {@code PCI-DSS 3.4.1}
 * @param title what the control requires
 * @param check the check it runs
 * @param scope the scope the check looks at
 * @param severity the severity of its findings (a copy through a transformation is one level lower)
 * @param evidence the finding text, with {@code {placeholder}}s filled by the check
 * @param remediation what to do about a finding
 * @param params the check's further keys (roles, within, property, accept...)
 * @param line the section's line in its file
 */
record ControlDef(String id, String title, CheckKind check, String scope, Severity severity, String evidence,
    String remediation, Map<String, String> params, int line) {

  ControlDef {
    params = Map.copyOf(params);
  }

  /** A comma-separated parameter as a list (empty when absent). */
  List<String> list(String key) {
    return PackDefinition.splitList(params.get(key));
  }

  /** A comma-separated parameter as a lower-case set (empty when absent). */
  Set<String> lowerSet(String key) {
    return PackDefinition.lowerSet(params.get(key));
  }
}
