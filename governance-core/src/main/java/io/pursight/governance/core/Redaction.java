package io.pursight.governance.core;

import java.util.regex.Pattern;

/** Removes secrets from locations before they reach a message or a log. */
final class Redaction {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pwd|secret|token)=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]+:)[^@/]*@");

  private Redaction() {}

  /** {@code location} with password parameters and URL user-info passwords replaced by {@code ****}. */
  static String location(String location) {
    if (location == null) {
      return null;
    }
    String s = PASSWORD_PARAM.matcher(location).replaceAll("$1****");
    return USER_INFO.matcher(s).replaceAll("$1****@");
  }
}
