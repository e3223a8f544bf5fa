package io.pursight.governance.policy.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into {@link Node}s with positions, with Jackson's streaming parsers.
 * Refuses what a plain tree would hide: duplicate keys, YAML aliases, several documents.
 */
final class TreeReader {
  private static final int MAX_DEPTH = 32;
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  private final Problems problems;

  private TreeReader(Problems problems) {
    this.problems = problems;
  }

  /** Parses {@code text}; returns null after recording a problem when it cannot be parsed. */
  static Node read(String text, boolean json, Problems problems) {
    TreeReader r = new TreeReader(problems);
    try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(1, 1, "the file is empty; expected a mapping with a 'policies' list "
            + "(write 'policies: []' for no policies)");
        return null;
      }
      Node root = r.value(p, 0);
      if (root != null && p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        problems.add(l.getLineNr(), l.getColumnNr(), "only one document is allowed (found a second '---' document)");
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      r.syntax(e);
      return null;
    } catch (IOException e) {
      problems.add(1, 1, "cannot be read: " + e.getClass().getSimpleName());
      return null;
    } catch (RuntimeException e) {
      // SnakeYAML reports some errors unchecked
      r.syntax(e);
      return null;
    }
  }

  private Node value(JsonParser p, int depth) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      problems.add(line, col, "YAML aliases (*name) are not supported; repeat the value instead");
      return null;
    }
    if (depth > MAX_DEPTH) {
      problems.add(line, col, "nested deeper than " + MAX_DEPTH + " levels");
      return null;
    }
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        boolean ok = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation kl = p.currentTokenLocation();
          String key = p.currentName();
          p.nextToken();
          Node v = value(p, depth + 1);
          if (v == null) {
            ok = false;
            continue;
          }
          Node.Entry previous = entries.get(key);
          if (previous != null) {
            problems.add(kl.getLineNr(), kl.getColumnNr(), "duplicate key '" + key + "' (first at line "
                + previous.line() + ")");
            continue;
          }
          entries.put(key, new Node.Entry(key, kl.getLineNr(), kl.getColumnNr(), v));
        }
        return ok ? new Node.MapNode(entries, line, col) : null;
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        boolean ok = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          Node v = value(p, depth + 1);
          if (v == null) {
            ok = false;
          } else {
            items.add(v);
          }
        }
        return ok ? new Node.ListNode(items, line, col) : null;
      }
      case VALUE_NULL:
        return new Node.ScalarNode(null, line, col);
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node.ScalarNode(p.getText(), line, col);
      default:
        problems.add(line, col, "unexpected " + t);
        return null;
    }
  }

  /** Records a syntax error at the parser's position, without echoing the source line. */
  private void syntax(Exception e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
        String what = m.getProblem() == null ? "invalid YAML" : m.getProblem();
        String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
        problems.add(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1,
            "YAML syntax error: " + what + context);
        return;
      }
    }
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      String msg = j.getOriginalMessage();
      msg = msg == null ? "invalid syntax" : msg.lines().findFirst().orElse("invalid syntax");
      problems.add(j.getLocation().getLineNr(), j.getLocation().getColumnNr(), "syntax error: " + msg);
      return;
    }
    problems.add(1, 1, "syntax error: " + e.getClass().getSimpleName());
  }
}
