package io.pursight.governance.policy.rules;

import io.pursight.governance.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Problems found while loading a policy file, each with its line and column (1-based). */
final class Problems {
  /** Reports stop listing after this many problems. */
  static final int MAX_REPORTED = 25;

  private final String source;
  private final List<String> items = new ArrayList<>();
  private int count;

  Problems(String source) {
    this.source = source;
  }

  /** Where the policies come from: a file path or {@code rules.text}. */
  String source() {
    return source;
  }

  void add(int line, int column, String reason) {
    count++;
    if (items.size() < MAX_REPORTED) {
      items.add("line " + line + ", column " + column + ": " + reason);
    }
  }

  void add(Node at, String reason) {
    add(at.line(), at.column(), reason);
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  /** Throws the collected problems as one exception, if there are any. */
  void throwIfAny() {
    if (count == 0) {
      return;
    }
    StringBuilder b = new StringBuilder("Invalid policy file ").append(source);
    if (count == 1) {
      b.append(", ").append(items.get(0));
    } else {
      b.append(" (").append(count).append(" problems):");
      for (String item : items) {
        b.append("\n  ").append(item);
      }
      if (count > items.size()) {
        b.append("\n  ... and ").append(count - items.size()).append(" more");
      }
    }
    throw new ConfigurationException(b.toString());
  }
}
