package io.pursight.governance.cli;

import io.pursight.governance.ConfigurationException;

/** Small helpers shared by the commands. */
final class Cli {
  private Cli() {}

  static String env(String name) {
    String v = System.getenv(name);
    if (v == null) {
      throw new ConfigurationException("Environment variable " + name + " is not set");
    }
    return v;
  }

  /** A source name derived from a JDBC URL: product and database, e.g. {@code postgresql-test}. */
  static String sourceName(String url) {
    String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
    int colon = rest.indexOf(':');
    String product = colon > 0 ? rest.substring(0, colon) : "source";
    String tail = rest.substring(colon + 1);
    int q = tail.indexOf('?');
    if (q >= 0) {
      tail = tail.substring(0, q);
    }
    int semi = tail.indexOf(';');
    if (semi >= 0) {
      tail = tail.substring(0, semi);
    }
    String db = tail.substring(tail.lastIndexOf('/') + 1);
    db = db.substring(db.lastIndexOf(':') + 1);
    String name = (product + (db.isBlank() ? "" : "-" + db)).replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  static String pad(String s, int width) {
    if (s == null) {
      s = "";
    }
    if (s.length() > width) {
      return s.substring(0, Math.max(0, width - 1)) + "…";
    }
    return s + " ".repeat(width - s.length());
  }

  static String padLeft(String s, int width) {
    if (s == null) {
      s = "";
    }
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
