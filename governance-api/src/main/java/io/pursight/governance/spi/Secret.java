package io.pursight.governance.spi;

import java.util.Arrays;

/**
 * A password or key that never shows in {@code toString()}, logs or exceptions. Either a literal
 * value or a reference ({@code env:NAME}, {@code file:/path}, or a scheme a {@link SecretProvider}
 * understands) resolved when the secret is used.
 */
public final class Secret {
  private static final Secret NONE = new Secret(new char[0], null);
  private final char[] value;
  private final String reference;

  private Secret(char[] value, String reference) {
    this.value = value;
    this.reference = reference;
  }

  /** A literal secret value. */
  public static Secret of(String value) {
    return value == null || value.isEmpty() ? NONE : new Secret(value.toCharArray(), null);
  }

  /** A reference resolved on use, e.g. {@code env:DB_PASSWORD}. */
  public static Secret reference(String reference) {
    if (reference == null || !reference.contains(":")) {
      throw new IllegalArgumentException("A secret reference looks like scheme:name (e.g. env:DB_PASSWORD)");
    }
    return new Secret(null, reference);
  }

  /** No secret. */
  public static Secret none() {
    return NONE;
  }

  /** True when there is no secret at all. */
  public boolean isEmpty() {
    return reference == null && value.length == 0;
  }

  /** The reference, or null for a literal secret. */
  public String reference() {
    return reference;
  }

  /**
   * The literal value. For references use a {@link SecretProvider}.
   *
   * @throws IllegalStateException when this secret is a reference
   */
  public String reveal() {
    if (reference != null) {
      throw new IllegalStateException("Secret is a reference (" + reference + "); resolve it with a SecretProvider");
    }
    return new String(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Arrays.equals(value, s.value) && java.util.Objects.equals(reference, s.reference);
  }

  @Override
  public int hashCode() {
    return reference == null ? Arrays.hashCode(value) : reference.hashCode();
  }

  /** Never shows the value. */
  @Override
  public String toString() {
    return reference != null ? "Secret[" + reference + "]" : isEmpty() ? "Secret[none]" : "Secret[****]";
  }
}
