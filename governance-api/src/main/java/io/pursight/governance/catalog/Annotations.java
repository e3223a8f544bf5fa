package io.pursight.governance.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What people say about an asset, set through the API and never overwritten by scans: a
 * description, owners, tags, glossary terms and free-form properties (purpose, retention, ...).
 *
 * @param description a human description, or null
 * @param owners owner identifiers (user names, e-mail addresses or team names)
 * @param tags tags
 * @param terms glossary terms
 * @param properties further key/value facts set by users or policies
 */
public record Annotations(
    String description, SortedSet<String> owners, SortedSet<Tag> tags, SortedSet<GlossaryTerm> terms,
    Map<String, String> properties) {

  /** No annotations at all. */
  public static final Annotations EMPTY = new Annotations(null, null, null, null, null);

  /** Copies the collections into immutable sorted sets. */
  public Annotations {
    description = description == null || description.isBlank() ? null : description.strip();
    owners = sorted(owners);
    tags = sorted(tags);
    terms = sorted(terms);
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** True when nothing is set. */
  public boolean isEmpty() {
    return description == null && owners.isEmpty() && tags.isEmpty() && terms.isEmpty() && properties.isEmpty();
  }

  /** A copy with another description (null clears it). */
  public Annotations withDescription(String newDescription) {
    return new Annotations(newDescription, owners, tags, terms, properties);
  }

  /** A copy with these owners. */
  public Annotations withOwners(Collection<String> newOwners) {
    for (String o : newOwners) {
      if (o == null || o.isBlank()) {
        throw new IllegalArgumentException("Owner names must not be blank");
      }
    }
    return new Annotations(description, new TreeSet<>(newOwners.stream().map(String::strip).toList()), tags,
        terms, properties);
  }

  /** A copy with these tags. */
  public Annotations withTags(Collection<Tag> newTags) {
    return new Annotations(description, owners, new TreeSet<>(newTags), terms, properties);
  }

  /** A copy with these glossary terms. */
  public Annotations withTerms(Collection<GlossaryTerm> newTerms) {
    return new Annotations(description, owners, tags, new TreeSet<>(newTerms), properties);
  }

  /** A copy with these properties. */
  public Annotations withProperties(Map<String, String> newProperties) {
    return new Annotations(description, owners, tags, terms, newProperties);
  }

  private static <T extends Comparable<T>> SortedSet<T> sorted(Set<T> in) {
    TreeSet<T> copy = new TreeSet<>();
    if (in != null) {
      copy.addAll(in);
    }
    return java.util.Collections.unmodifiableSortedSet(copy);
  }
}
