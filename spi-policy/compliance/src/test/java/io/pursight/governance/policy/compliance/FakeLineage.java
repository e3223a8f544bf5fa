package io.pursight.governance.policy.compliance;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.LineageService;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.TransformKind;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/** A lineage graph of hand-written edges. */
final class FakeLineage implements LineageService {
  private final Set<LineageEdge> edges = new LinkedHashSet<>();
  int downstreamCalls;

  FakeLineage edge(String from, String to, TransformKind kind) {
    edges.add(new LineageEdge(FakeCatalog.fq(from), FakeCatalog.fq(to), kind, "fp-" + edges.size()));
    return this;
  }

  @Override
  public Set<String> dialects() {
    return Set.of();
  }

  @Override
  public ScriptLineage analyze(String dialect, String sql) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScriptLineage record(String source, String dialect, String sql) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void record(Collection<LineageEdge> more) {
    edges.addAll(more);
  }

  @Override
  public Set<LineageEdge> upstream(QualifiedName asset, int depth) {
    return walk(asset, depth, LineageEdge::target, LineageEdge::source);
  }

  @Override
  public Set<LineageEdge> downstream(QualifiedName asset, int depth) {
    downstreamCalls++;
    return walk(asset, depth, LineageEdge::source, LineageEdge::target);
  }

  private Set<LineageEdge> walk(QualifiedName asset, int depth, Function<LineageEdge, QualifiedName> from,
      Function<LineageEdge, QualifiedName> to) {
    Set<LineageEdge> out = new LinkedHashSet<>();
    Set<QualifiedName> seen = new HashSet<>();
    Deque<QualifiedName> frontier = new ArrayDeque<>();
    for (LineageEdge e : edges) {
      if (asset.contains(from.apply(e)) && seen.add(from.apply(e))) {
        frontier.add(from.apply(e));
      }
    }
    for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
      Deque<QualifiedName> next = new ArrayDeque<>();
      for (QualifiedName n : frontier) {
        for (LineageEdge e : edges) {
          if (from.apply(e).equals(n)) {
            out.add(e);
            if (seen.add(to.apply(e))) {
              next.add(to.apply(e));
            }
          }
        }
      }
      frontier = next;
    }
    return out;
  }
}
