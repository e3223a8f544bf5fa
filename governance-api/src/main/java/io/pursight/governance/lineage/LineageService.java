package io.pursight.governance.lineage;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Collection;
import java.util.Set;

/**
 * Column-level lineage: derives it from SQL, keeps the lineage graph, and answers upstream,
 * downstream and impact questions. Thread-safe.
 */
public interface LineageService {

  /** The SQL dialects the installed lineage parsers understand. */
  Set<String> dialects();

  /**
   * Analyses SQL without a catalog and without recording anything.
   *
   * @throws IllegalArgumentException when no installed parser supports {@code dialect}
   */
  ScriptLineage analyze(String dialect, String sql);

  /**
   * Analyses SQL run against {@code source} (its tables resolved through the catalog for {@code *}
   * expansion and positional INSERT) and records the resulting edges in the lineage graph, with
   * names mapped to the source's assets.
   *
   * @return the per-statement lineage, including statements that could not be analysed
   * @throws io.pursight.governance.ConfigurationException when the source is unknown
   * @throws IllegalArgumentException when no installed parser supports {@code dialect}
   */
  ScriptLineage record(String source, String dialect, String sql);

  /** Adds edges to the lineage graph; adding an edge twice keeps one. */
  void record(Collection<LineageEdge> edges);

  /** The edges reaching {@code asset} (a field, or every field of a dataset) from upstream, at most {@code depth} hops away. */
  Set<LineageEdge> upstream(QualifiedName asset, int depth);

  /** The edges leaving {@code asset} (a field, or every field of a dataset) downstream, at most {@code depth} hops away. */
  Set<LineageEdge> downstream(QualifiedName asset, int depth);

  /**
   * What depends on {@code asset}: every edge downstream of it, direct (values flow) and indirect
   * (it filters or joins rows), at any depth — "what breaks if orders.amount changes type".
   */
  default Set<LineageEdge> impact(QualifiedName asset) {
    return downstream(asset, Integer.MAX_VALUE);
  }
}
