package io.pursight.governance.catalog;

/**
 * A business glossary term attached to an asset, e.g. {@code Customer Lifetime Value}. Terms
 * compare by name, case-sensitively, with surrounding white space removed.
 *
 * @param name the term, 1 to 200 characters
 */
public record GlossaryTerm(String name) implements Comparable<GlossaryTerm> {

  /** Validates and trims the name. */
  public GlossaryTerm {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new IllegalArgumentException("A glossary term needs 1-200 characters, got '" + name + "'");
    }
    name = name.strip();
  }

  /** Shorthand for {@code new GlossaryTerm(name)}. */
  public static GlossaryTerm of(String name) {
    return new GlossaryTerm(name);
  }

  @Override
  public int compareTo(GlossaryTerm o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
