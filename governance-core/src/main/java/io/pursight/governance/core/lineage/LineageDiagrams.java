package io.pursight.governance.core.lineage;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders column lineage as Graphviz DOT or Mermaid flowcharts: one box (cluster/subgraph) per
 * table, one node per column, solid arrows for value flow, dashed arrows for columns that only
 * filter or join.
 */
public final class LineageDiagrams {
  private LineageDiagrams() {}

  /** One edge between two {@code table.column} names. */
  private record Edge(String source, String target, TransformKind transform) {}

  /** The edges of every statement of {@code lineage} (sources and filters). */
  public static String dot(ScriptLineage lineage) {
    return dot(edges(lineage));
  }

  /** The edges of a lineage graph, with canonical qualified names. */
  public static String dotOfGraph(Collection<LineageEdge> edges) {
    return dot(graphEdges(edges));
  }

  /** Mermaid flowchart of every statement of {@code lineage}. */
  public static String mermaid(ScriptLineage lineage) {
    return mermaid(edges(lineage));
  }

  /** Mermaid flowchart of a lineage graph. */
  public static String mermaidOfGraph(Collection<LineageEdge> edges) {
    return mermaid(graphEdges(edges));
  }

  private static List<Edge> edges(ScriptLineage lineage) {
    Set<Edge> out = new LinkedHashSet<>();
    for (StatementLineage st : lineage.statements()) {
      for (ColumnLineage c : st.columns()) {
        c.sources().forEach(s -> out.add(new Edge(s, c.target(), c.transform())));
        c.filters().forEach(s -> out.add(new Edge(s, c.target(), TransformKind.FILTER)));
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Edge> graphEdges(Collection<LineageEdge> edges) {
    List<Edge> out = new ArrayList<>();
    for (LineageEdge e : edges) {
      out.add(new Edge(e.source().datasetName().displayName() + "." + e.source().fieldPath(),
          e.target().datasetName().displayName() + "." + e.target().fieldPath(), e.transform()));
    }
    return out;
  }

  private static Map<String, Set<String>> tables(List<Edge> edges) {
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    for (Edge e : edges) {
      for (String n : List.of(e.source(), e.target())) {
        tables.computeIfAbsent(table(n), k -> new LinkedHashSet<>()).add(n);
      }
    }
    return tables;
  }

  private static String table(String column) {
    int dot = column.lastIndexOf('.');
    return dot < 0 ? "" : column.substring(0, dot);
  }

  private static String column(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String dot(List<Edge> edges) {
    Map<String, String> ids = new LinkedHashMap<>();
    StringBuilder b = new StringBuilder("digraph lineage {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    int cluster = 0;
    for (Map.Entry<String, Set<String>> t : tables(edges).entrySet()) {
      b.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(quote(t.getKey()))
          .append(";\n");
      for (String n : t.getValue()) {
        String id = "n" + ids.size();
        ids.put(n, id);
        b.append("    ").append(id).append(" [label=").append(quote(column(n))).append("];\n");
      }
      b.append("  }\n");
    }
    for (Edge e : edges) {
      b.append("  ").append(ids.get(e.source())).append(" -> ").append(ids.get(e.target())).append(" [label=")
          .append(quote(e.transform().name().toLowerCase(java.util.Locale.ROOT)))
          .append(e.transform().isDirect() ? "" : ", style=dashed").append("];\n");
    }
    return b.append("}\n").toString();
  }

  private static String mermaid(List<Edge> edges) {
    Map<String, String> ids = new LinkedHashMap<>();
    StringBuilder b = new StringBuilder("flowchart LR\n");
    int sub = 0;
    for (Map.Entry<String, Set<String>> t : tables(edges).entrySet()) {
      b.append("  subgraph t").append(sub++).append("[").append(mermaidText(t.getKey())).append("]\n");
      for (String n : t.getValue()) {
        String id = "n" + ids.size();
        ids.put(n, id);
        b.append("    ").append(id).append("[").append(mermaidText(column(n))).append("]\n");
      }
      b.append("  end\n");
    }
    for (Edge e : edges) {
      String label = e.transform().name().toLowerCase(java.util.Locale.ROOT);
      b.append("  ").append(ids.get(e.source())).append(e.transform().isDirect() ? " -->|" : " -.->|").append(label)
          .append("| ").append(ids.get(e.target())).append('\n');
    }
    return b.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String mermaidText(String s) {
    return '"' + s.replace("\"", "#quot;") + '"';
  }
}
