package io.pursight.governance.policy.compliance;

import java.util.Arrays;
import java.util.Set;

/**
 * The checks a control can run (its {@code check} key). The logic lives in {@link Checks}; the
 * controls files choose the scope, severity, wording and parameters.
 */
enum CheckKind {
  /**
   * Every field in scope must be masked or denied for each probed role: the policy service is asked
   * to decide a READ of the field alone by a synthetic principal holding that one role. Unit: fields.
   */
  UNMASKED("unmasked", Set.of("roles"), Set.of("kind", "asset", "types", "roles", "decision")),
  /**
   * No field in scope may hold values classified from sampled values (the values are readable), unless
   * the column carries a protection tag or annotation. Unit: fields.
   */
  PLAIN_AT_REST("plain-at-rest", Set.of(), Set.of("kind", "asset", "types", "basis")),
  /** No field in scope may exist at all. Unit: the datasets of the {@code within} scope (or all). */
  STORED("stored", Set.of("within"), Set.of("kind", "asset", "types")),
  /**
   * Values of fields in scope must not flow along lineage (identity or transformation edges) into
   * columns that are not accepted ({@code accept}: {@code protected}, {@code datasetTag:<tag>},
   * {@code property:<name>}). Unit: the origin fields.
   */
  COPIES("copies", Set.of("accept"),
      Set.of("what", "origin", "target", "types", "transform", "dataset", "datasetKind")),
  /** Every dataset with a field in scope must have an owner. Unit: datasets. */
  OWNER("owner", Set.of(), Set.of("kind", "asset", "types")),
  /** Every dataset with a field in scope must carry the annotation {@code property}. Unit: datasets. */
  PROPERTY("property", Set.of("property"), Set.of("kind", "asset", "types", "property")),
  /**
   * At least one loaded policy must apply to some field in scope (for some probed role); otherwise one
   * catalog-wide finding. Unit: the catalog.
   */
  POLICIES_LOADED("policies-loaded", Set.of("roles"), Set.of("fields", "roles", "reason"));

  final String id;
  final Set<String> keys;
  final Set<String> placeholders;

  CheckKind(String id, Set<String> keys, Set<String> placeholders) {
    this.id = id;
    this.keys = keys;
    this.placeholders = placeholders;
  }

  static CheckKind byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
  }

  static String ids() {
    return String.join(", ", Arrays.stream(values()).map(k -> k.id).toList());
  }
}
