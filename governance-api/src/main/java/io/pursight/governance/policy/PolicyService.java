package io.pursight.governance.policy;

import java.util.List;

/**
 * Decides access requests against the loaded policies. Thread-safe; decisions are cached by
 * principal, action, purpose and field set, and the cache is dropped when policies or
 * classifications change.
 */
public interface PolicyService {

  /** Decides {@code request}, looking up the fields' facts in the catalog; never returns null. */
  Decision decide(AccessRequest request);

  /** Decides {@code request} over facts the caller supplies (e.g. for fields not in the catalog). */
  Decision decide(AccessRequest request, List<FieldFacts> facts);

  /** The ids of the loaded policies (empty when none are loaded). */
  List<String> policyIds();

  /** The facts the catalog has for {@code request}'s fields, as policies see them. */
  List<FieldFacts> facts(AccessRequest request);
}
