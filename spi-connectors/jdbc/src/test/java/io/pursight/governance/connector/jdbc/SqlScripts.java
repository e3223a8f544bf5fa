package io.pursight.governance.connector.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs SQL dump files over JDBC, for tests. Splits on {@code ;} outside single quotes, double
 * quotes, backticks, {@code --} and {@code /* *\/} comments and PostgreSQL dollar quotes ({@code
 * $$}, {@code $_$}); honours backslash escapes in MySQL strings, in PostgreSQL {@code E''} strings
 * and after {@code SET standard_conforming_strings = off}. Skips psql meta-commands ({@code \c
 * db}) and the dump's own {@code DROP DATABASE}, {@code CREATE DATABASE} and {@code USE}
 * statements: the caller creates and selects the database. Feeds {@code COPY ... FROM stdin}
 * blocks (data lines up to {@code \.}) to PostgreSQL's {@code CopyManager}.
 *
 * <p>Public in this module's test jar so that other modules' tests can load the sample databases.
 */
public final class SqlScripts {
  private static final Pattern SKIPPED =
      Pattern.compile("(?is)^(?:(?:DROP|CREATE)\\s+DATABASE\\b.*|USE\\s+\\S+)$");
  private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^COPY\\s+.+\\s+FROM\\s+stdin\\b.*");
  private static final Pattern SCS_OFF =
      Pattern.compile("(?is)^SET\\s+standard_conforming_strings\\s*(?:=|TO)\\s*'?off'?\\s*$");
  private static final Pattern SCS_ON =
      Pattern.compile("(?is)^SET\\s+standard_conforming_strings\\s*(?:=|TO)\\s*'?on'?\\s*$");

  /** One thing to run: a statement, or a COPY statement with its data. */
  record Item(String sql, String copyData) {
    boolean isCopy() {
      return copyData != null;
    }
  }

  /** Which SQL lexical rules apply. */
  public enum Flavor {
    POSTGRESQL,
    MYSQL
  }

  private SqlScripts() {}

  /** {@code relative} (e.g. {@code chinook/chinook-postgresql.sql}) under the nearest {@code bench/datasets}. */
  public static Path dataset(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("bench").resolve("datasets");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("No bench/datasets above " + Path.of("").toAbsolutePath());
  }

  /** Runs every statement of {@code file} on {@code c}; returns how many ran. */
  public static int run(Connection c, Path file, Flavor flavor) throws IOException, SQLException {
    return run(c, Files.readString(file, StandardCharsets.UTF_8), flavor);
  }

  /** Runs every statement of {@code script} on {@code c}; returns how many ran. */
  public static int run(Connection c, String script, Flavor flavor) throws SQLException {
    int n = 0;
    try (Statement st = c.createStatement()) {
      for (Item item : split(script, flavor)) {
        try {
          if (item.isCopy()) {
            copyIn(c, item);
          } else {
            st.execute(item.sql());
          }
        } catch (SQLException e) {
          String head = item.sql().length() > 200 ? item.sql().substring(0, 200) + "..." : item.sql();
          throw new SQLException("Statement " + (n + 1) + " failed: " + head + " -- " + e.getMessage(),
              e.getSQLState(), e.getErrorCode(), e);
        }
        n++;
      }
    }
    return n;
  }

  private static void copyIn(Connection c, Item item) throws SQLException {
    try {
      org.postgresql.copy.CopyManager copy =
          new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
      copy.copyIn(item.sql(), new StringReader(item.copyData()));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
  }

  /** Splits {@code script} into statements and COPY blocks, dropping comments, meta-commands and skipped statements. */
  static List<Item> split(String script, Flavor flavor) {
    List<Item> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean backslashStrings = flavor == Flavor.MYSQL;
    int i = 0;
    int len = script.length();
    while (i < len) {
      char ch = script.charAt(i);
      // psql meta-command: a backslash at the start of a statement, up to the end of the line
      if (ch == '\\' && cur.toString().isBlank() && atLineStart(script, i)) {
        i = endOfLine(script, i);
        cur.setLength(0);
        continue;
      }
      if (ch == '-' && i + 1 < len && script.charAt(i + 1) == '-') {
        i = endOfLine(script, i); // keeps the newline
        continue;
      }
      if (ch == '#' && flavor == Flavor.MYSQL) {
        i = endOfLine(script, i);
        continue;
      }
      if (ch == '/' && i + 1 < len && script.charAt(i + 1) == '*') {
        i = endOfBlockComment(script, i, flavor == Flavor.POSTGRESQL);
        cur.append(' ');
        continue;
      }
      if (ch == '\'') {
        boolean escapes = backslashStrings || isEscapeStringPrefix(script, i, flavor);
        int end = endOfQuoted(script, i, '\'', escapes);
        cur.append(script, i, end);
        i = end;
        continue;
      }
      if (ch == '"' || (ch == '`' && flavor == Flavor.MYSQL)) {
        int end = endOfQuoted(script, i, ch, ch == '"' && flavor == Flavor.MYSQL);
        cur.append(script, i, end);
        i = end;
        continue;
      }
      if (ch == '$' && flavor == Flavor.POSTGRESQL && (i == 0 || !isIdentChar(script.charAt(i - 1)))) {
        String tag = dollarTag(script, i);
        if (tag != null) {
          int close = script.indexOf(tag, i + tag.length());
          int end = close < 0 ? len : close + tag.length();
          cur.append(script, i, end);
          i = end;
          continue;
        }
      }
      if (ch == ';') {
        String sql = cur.toString().strip();
        cur.setLength(0);
        i++;
        if (sql.isEmpty() || SKIPPED.matcher(sql).matches()) {
          continue;
        }
        if (SCS_OFF.matcher(sql).matches()) {
          backslashStrings = true;
        } else if (SCS_ON.matcher(sql).matches()) {
          backslashStrings = flavor == Flavor.MYSQL;
        }
        if (flavor == Flavor.POSTGRESQL && COPY_FROM_STDIN.matcher(sql).matches()) {
          int dataStart = endOfLine(script, i);
          dataStart = dataStart < len ? dataStart + 1 : len;
          int[] data = copyData(script, dataStart);
          out.add(new Item(sql, script.substring(dataStart, data[0])));
          i = data[1];
          continue;
        }
        out.add(new Item(sql, null));
        continue;
      }
      cur.append(ch);
      i++;
    }
    String tail = cur.toString().strip();
    if (!tail.isEmpty() && !SKIPPED.matcher(tail).matches()) {
      out.add(new Item(tail, null));
    }
    return out;
  }

  /** [end of data (exclusive), index after the terminator line]. */
  private static int[] copyData(String s, int from) {
    int pos = from;
    while (pos < s.length()) {
      int eol = s.indexOf('\n', pos);
      int lineEnd = eol < 0 ? s.length() : eol;
      String line = s.substring(pos, lineEnd);
      if (line.equals("\\.") || line.equals("\\.\r")) {
        return new int[] {pos, eol < 0 ? s.length() : eol + 1};
      }
      pos = eol < 0 ? s.length() : eol + 1;
    }
    return new int[] {s.length(), s.length()};
  }

  private static boolean atLineStart(String s, int i) {
    for (int k = i - 1; k >= 0; k--) {
      char c = s.charAt(k);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int endOfLine(String s, int i) {
    int eol = s.indexOf('\n', i);
    return eol < 0 ? s.length() : eol;
  }

  private static int endOfBlockComment(String s, int i, boolean nested) {
    int depth = 0;
    int k = i;
    while (k < s.length()) {
      if (s.startsWith("/*", k)) {
        depth = nested || depth == 0 ? depth + 1 : depth;
        k += 2;
      } else if (s.startsWith("*/", k)) {
        depth--;
        k += 2;
        if (depth == 0) {
          return k;
        }
      } else {
        k++;
      }
    }
    return s.length();
  }

  /** Index just past the closing quote; a doubled quote is an escaped quote. */
  private static int endOfQuoted(String s, int i, char quote, boolean backslashEscapes) {
    int k = i + 1;
    while (k < s.length()) {
      char c = s.charAt(k);
      if (backslashEscapes && c == '\\') {
        k += 2;
        continue;
      }
      if (c == quote) {
        if (k + 1 < s.length() && s.charAt(k + 1) == quote) {
          k += 2;
          continue;
        }
        return k + 1;
      }
      k++;
    }
    return s.length();
  }

  private static boolean isEscapeStringPrefix(String s, int quoteIndex, Flavor flavor) {
    if (flavor != Flavor.POSTGRESQL || quoteIndex == 0) {
      return false;
    }
    char p = s.charAt(quoteIndex - 1);
    boolean e = p == 'E' || p == 'e';
    return e && (quoteIndex < 2 || !isIdentChar(s.charAt(quoteIndex - 2)));
  }

  /** The dollar-quote tag starting at {@code i} ({@code $$}, {@code $_$}, {@code $body$}), or null. */
  private static String dollarTag(String s, int i) {
    int k = i + 1;
    while (k < s.length()) {
      char c = s.charAt(k);
      if (c == '$') {
        return s.substring(i, k + 1);
      }
      boolean ok = k == i + 1 ? Character.isLetter(c) || c == '_' : Character.isLetterOrDigit(c) || c == '_';
      if (!ok) {
        return null;
      }
      k++;
    }
    return null;
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
