package io.pursight.governance.policy.compliance;

import java.util.List;

/**
 * One of the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)(i)) with the info types that
 * detect it, from an {@code [identifier n]} section.
 *
 * @param number 1..18 as the rule lists them, e.g. {@code 1} for names
 * @param name the identifier as the rule names it
 * @param infoTypes the info types mapped to it (empty when no classifier detects it, e.g. photographs)
 * @param note how the mapping was chosen, or the empty string
 */
public record Identifier(int number, String name, List<String> infoTypes, String note) {

  /** Copies the list. */
  public Identifier {
    infoTypes = List.copyOf(infoTypes);
    note = note == null ? "" : note;
  }
}
