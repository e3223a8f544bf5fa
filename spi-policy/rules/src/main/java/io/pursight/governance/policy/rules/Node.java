package io.pursight.governance.policy.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed YAML or JSON value that remembers where it was written (1-based line and column). */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

  int line();

  int column();

  /** A short name of the node's kind for error messages. */
  String kind();

  /** A mapping; keys keep their order. */
  record MapNode(Map<String, Entry> entries, int line, int column) implements Node {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Node get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping, with the key's own position. */
  record Entry(String key, int line, int column, Node value) {}

  /** A sequence. */
  record ListNode(List<Node> items, int line, int column) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written (numbers and booleans keep their source text).
   *
   * @param text the text, or null for a YAML/JSON null or an empty value
   */
  record ScalarNode(String text, int line, int column) implements Node {
    public boolean isNull() {
      return text == null;
    }

    @Override
    public String kind() {
      return text == null ? "an empty value" : "a single value";
    }
  }
}
