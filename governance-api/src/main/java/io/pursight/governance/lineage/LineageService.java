package io.pursight.governance.lineage;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Collection;
import java.util.Set;

/** Column-level lineage: records edges and answers upstream/downstream questions. Thread-safe. */
public interface LineageService {

  /** Adds edges to the lineage graph; adding an edge twice keeps one. */
  void record(Collection<LineageEdge> edges);

  /** The edges reaching {@code asset} from upstream, at most {@code depth} hops away. */
  Set<LineageEdge> upstream(QualifiedName asset, int depth);

  /** The edges leaving {@code asset} downstream, at most {@code depth} hops away. */
  Set<LineageEdge> downstream(QualifiedName asset, int depth);
}
