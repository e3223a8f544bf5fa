package io.pursight.governance.catalog;

import java.util.Objects;

/**
 * A catalog search. {@code text} is free text matched against names, qualified names,
 * descriptions, comments, tags, glossary terms, owners and info types, with optional
 * case-insensitive field prefixes: {@code name:}, {@code qualified:}, {@code description:}, {@code
 * comment:}, {@code tag:}, {@code term:}, {@code infoType:}, {@code owner:}, {@code kind:}, {@code
 * source:}. Example: {@code "customer tag:pii infoType:EMAIL_ADDRESS"}. Terms are OR-ed and ranked
 * (BM25, an asset matching every word ranks first); prefix a term with {@code +} to require it and
 * {@code -} to exclude it ({@code -tag:pii} alone means everything except). Quotes make phrases;
 * {@code *} and {@code ?} are wildcards (leading ones allowed), {@code word~} allows one typo;
 * {@code /} is literal, so a pasted canonical name finds its asset. Blank text returns no hits.
 * See docs/search.md.
 *
 * @param text the query text
 * @param limit the maximum number of hits (1..1000)
 * @param level only hits of this level (dataset or field), or null for both
 */
public record SearchQuery(String text, int limit, QualifiedName.Level level) {

  /** Validates the parts. */
  public SearchQuery {
    Objects.requireNonNull(text, "text");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("Search limit must be within 1..1000, got " + limit);
    }
    if (level != null && level != QualifiedName.Level.DATASET && level != QualifiedName.Level.FIELD) {
      throw new IllegalArgumentException("Search level must be DATASET or FIELD, got " + level);
    }
  }

  /** A query for {@code text} with at most 20 hits of any level. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, 20, null);
  }
}
