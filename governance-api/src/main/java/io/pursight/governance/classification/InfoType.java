package io.pursight.governance.classification;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kind of sensitive data a classifier can detect, e.g. {@code EMAIL_ADDRESS} or {@code
 * CREDIT_CARD_NUMBER}. The built-in ids are listed by {@link InfoTypes#builtIn()}; users may
 * register their own.
 *
 * @param id upper-case id: letters, digits and underscores
 * @param category the category, e.g. {@code contact}, {@code financial}, {@code credentials}
 * @param regulations the regulations that name this kind of data, e.g. {@code GDPR}, {@code PCI-DSS}
 * @param sensitivity the default sensitivity of a column holding it
 * @param description what a value looks like and what a detector must verify
 */
public record InfoType(
    String id, String category, Set<String> regulations, Sensitivity sensitivity, String description) {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,99}");

  /** Validates the parts. */
  public InfoType {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Invalid info type id '" + id
          + "': use upper-case letters, digits and underscores, starting with a letter (e.g. EMPLOYEE_BADGE_ID)");
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(sensitivity, "sensitivity");
    regulations = regulations == null ? Set.of() : Set.copyOf(regulations);
    description = description == null ? "" : description;
  }
}
