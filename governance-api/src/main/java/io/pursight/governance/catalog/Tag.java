package io.pursight.governance.catalog;

import java.util.regex.Pattern;

/**
 * A label on an asset, e.g. {@code pii}, {@code finance.restricted}, {@code tier:gold}. Tags are
 * matched case-insensitively and stored in lower case.
 *
 * @param name letters, digits and {@code _ . : -}, 1 to 100 characters
 */
public record Tag(String name) implements Comparable<Tag> {
  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,100}");

  /** Validates and normalises the name. */
  public Tag {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid tag '" + name
          + "': use 1-100 letters, digits, '_', '.', ':' or '-' (e.g. pii, finance.restricted)");
    }
    name = name.toLowerCase(java.util.Locale.ROOT);
  }

  /** Shorthand for {@code new Tag(name)}. */
  public static Tag of(String name) {
    return new Tag(name);
  }

  @Override
  public int compareTo(Tag o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
