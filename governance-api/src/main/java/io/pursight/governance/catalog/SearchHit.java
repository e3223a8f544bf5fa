package io.pursight.governance.catalog;

import java.util.List;

/**
 * One search result.
 *
 * @param asset the dataset or field found
 * @param score the relevance score (higher is better; only comparable within one search)
 * @param matched the indexed attributes that matched (e.g. {@code name}, {@code tag})
 * @param infoTypes the asset's active info types
 * @param tags the asset's tags
 */
public record SearchHit(QualifiedName asset, double score, List<String> matched, List<String> infoTypes, List<String> tags) {

  /** Copies the lists. */
  public SearchHit {
    matched = List.copyOf(matched);
    infoTypes = List.copyOf(infoTypes);
    tags = List.copyOf(tags);
  }
}
