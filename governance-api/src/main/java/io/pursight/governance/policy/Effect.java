package io.pursight.governance.policy;

/** The effect of a policy on a request or a field; precedence is deny, then mask, then filter, then allow. */
public enum Effect {
  /** The request may proceed unchanged. */
  ALLOW,
  /** Rows are filtered by a predicate. */
  FILTER,
  /** Values of some fields are masked. */
  MASK,
  /** The request is refused. */
  DENY
}
