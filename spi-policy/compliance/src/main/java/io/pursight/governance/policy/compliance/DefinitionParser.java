package io.pursight.governance.policy.compliance;

import io.pursight.governance.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the line-based format of the {@code *.controls} files: {@code [type name]} section headers,
 * {@code key = value} lines, indented continuation lines (joined to the previous value with a
 * space) and {@code #} comments. Knows nothing about what the sections mean; {@link
 * PackDefinition} does.
 */
final class DefinitionParser {
  private DefinitionParser() {}

  /** A value and the line it started on. */
  record Value(String text, int line) {}

  /**
   * One {@code [type name]} section.
   *
   * @param type the first word of the header ({@code pack}, {@code scope}, {@code control}...)
   * @param name the rest of the header, or the empty string
   * @param line the header's line
   * @param values the keys in file order
   */
  record Section(String type, String name, int line, Map<String, Value> values) {}

  static List<Section> parse(String file, String text) {
    List<Section> sections = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String currentType = null;
    String currentName = null;
    int currentLine = 0;
    Map<String, Value> values = null;
    String lastKey = null;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      String stripped = raw.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      boolean continuation = Character.isWhitespace(raw.charAt(0));
      if (continuation) {
        if (values == null || lastKey == null) {
          throw error(file, lineNo, "an indented line continues a value, but no key precedes it");
        }
        Value v = values.get(lastKey);
        values.put(lastKey, new Value(v.text() + " " + stripped, v.line()));
        continue;
      }
      if (stripped.startsWith("[")) {
        if (!stripped.endsWith("]")) {
          throw error(file, lineNo, "a section header must end with ']'");
        }
        if (values != null) {
          sections.add(new Section(currentType, currentName, currentLine, values));
        }
        String header = stripped.substring(1, stripped.length() - 1).strip();
        if (header.isEmpty()) {
          throw error(file, lineNo, "empty section header");
        }
        int space = header.indexOf(' ');
        currentType = space < 0 ? header : header.substring(0, space);
        currentName = space < 0 ? "" : header.substring(space + 1).strip();
        currentLine = lineNo;
        values = new LinkedHashMap<>();
        lastKey = null;
        continue;
      }
      int eq = stripped.indexOf('=');
      if (eq <= 0) {
        throw error(file, lineNo, "expected 'key = value', a '[section]' header or a '#' comment");
      }
      if (values == null) {
        throw error(file, lineNo, "a value outside any section; start with a [pack] header");
      }
      String key = stripped.substring(0, eq).strip();
      if (values.containsKey(key)) {
        throw error(file, lineNo, "'" + key + "' is set twice in [" + header(currentType, currentName) + "]");
      }
      values.put(key, new Value(stripped.substring(eq + 1).strip(), lineNo));
      lastKey = key;
    }
    if (values != null) {
      sections.add(new Section(currentType, currentName, currentLine, values));
    }
    return sections;
  }

  static String header(String type, String name) {
    return name.isEmpty() ? type : type + " " + name;
  }

  static ConfigurationException error(String file, int line, String reason) {
    return new ConfigurationException(file + ":" + line + ": " + reason);
  }
}
