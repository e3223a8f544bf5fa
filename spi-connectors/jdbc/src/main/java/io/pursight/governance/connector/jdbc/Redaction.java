package io.pursight.governance.connector.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes passwords from JDBC URLs and driver messages before they are shown or logged. */
final class Redaction {
  static final String MASK = "****";

  /** {@code scheme://user:secret@host}: keeps the user, hides the secret. */
  private static final Pattern USERINFO = Pattern.compile("(//[^/:@?;&\\s]*):[^@/?;&\\s]*@");

  /** {@code password=...}, {@code sslPassword=...}, {@code ;PWD=...}, {@code accessToken=...} and the like. */
  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)((?:^|[?&;:,\\s(])[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|apikey|api_key|credential)"
          + "[A-Za-z0-9_.-]*\\s*=\\s*)([^&;,)\\s]*)");

  /** Oracle thin style {@code jdbc:oracle:thin:user/secret@host}. */
  private static final Pattern SLASH_USERINFO = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:\\s]+)/[^@\\s]*@");

  private Redaction() {}

  /** The URL with every password-like part replaced by {@code ****}. */
  static String url(String url) {
    if (url == null) {
      return null;
    }
    String s = USERINFO.matcher(url).replaceAll("$1:" + MASK + "@");
    s = SLASH_USERINFO.matcher(s).replaceAll("$1/" + MASK + "@");
    Matcher m = SECRET_PARAM.matcher(s);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + (r.group(2).isEmpty() ? "" : MASK)));
  }

  /**
   * A driver message made safe to show: URL-style secrets masked and the literal {@code password}
   * (when it is at least three characters long) replaced.
   */
  static String message(String text, String password) {
    if (text == null) {
      return null;
    }
    String s = url(text);
    if (password != null && password.length() >= 3) {
      s = s.replace(password, MASK);
    }
    return s;
  }
}
