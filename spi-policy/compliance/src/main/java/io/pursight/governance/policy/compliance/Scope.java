package io.pursight.governance.policy.compliance;

import io.pursight.governance.classification.Sensitivity;
import java.util.List;
import java.util.Set;

/**
 * Which classified fields a control looks at, declared in a {@code [scope name]} section. A field
 * is in scope through the info types it holds: a type matches when it is listed in {@code
 * infoTypes}, its category is in {@code categories}, one of its regulations is in {@code
 * regulations} (a parenthesised qualifier such as {@code GDPR(Art.9)} is ignored), its sensitivity
 * is at least {@code minSensitivity}, or (with {@code identifiers = all}) it is mapped to one of the
 * pack's {@code [identifier n]} sections. Then the types other scopes listed in {@code union} match
 * are added, the types the scopes in {@code exclude} match are removed, and with {@code
 * colocatedWith} the field counts only when its dataset has a field in that scope, or (with {@code
 * colocatedOr}) carries one of the listed marks ({@code datasetTag:<tag>}, {@code property:<name>}).
 */
record Scope(String name, Set<String> infoTypes, Set<String> categories, Set<String> regulations,
    Sensitivity minSensitivity, boolean identifiers, List<String> union, List<String> exclude, String colocatedWith,
    List<String> colocatedOr) {

  Scope {
    colocatedOr = List.copyOf(colocatedOr);
    infoTypes = Set.copyOf(infoTypes);
    categories = Set.copyOf(categories);
    regulations = Set.copyOf(regulations);
    union = List.copyOf(union);
    exclude = List.copyOf(exclude);
  }

  /** The scopes this one refers to. */
  List<String> references() {
    List<String> out = new java.util.ArrayList<>(union);
    out.addAll(exclude);
    if (colocatedWith != null) {
      out.add(colocatedWith);
    }
    return out;
  }

  /** A regulation as scopes compare it: upper case, without a parenthesised qualifier. */
  static String normalizeRegulation(String regulation) {
    int p = regulation.indexOf('(');
    String base = p < 0 ? regulation : regulation.substring(0, p);
    return base.strip().toUpperCase(java.util.Locale.ROOT);
  }
}
