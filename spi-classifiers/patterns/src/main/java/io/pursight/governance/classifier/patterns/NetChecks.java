package io.pursight.governance.classifier.patterns;

import java.util.Set;

/** Validators of network and internet values. Each checks the complete format and never throws. */
final class NetChecks {
  private NetChecks() {}

  /** File extensions that look like top-level domains in image names such as {@code icon@2x.png}. */
  private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp",
      "ico", "tif", "tiff", "heic", "avif", "psd", "pdf", "css", "js", "ts", "map", "json", "xml", "txt", "html",
      "htm", "php", "jsp", "asp", "aspx", "mp3", "mp4", "mov", "wav", "zip", "gz", "tar", "exe", "dll", "so",
      "jar", "class", "py", "rb", "java", "md", "yml", "yaml", "csv", "log", "eps", "ttf", "woff", "woff2");

  private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  /**
   * E-mail address, a practical subset of RFC 5322: dot-atom local part (at most 64 characters),
   * domain of at least two labels (letters, digits, inner hyphens; Unicode letters allowed), a
   * top-level domain of 2+ letters (or an xn-- label) that is not a file extension.
   */
  static boolean email(String v) {
    int len = v.length();
    int at = v.lastIndexOf('@');
    if (at < 1 || at > 64 || at >= len - 3 || len > 254 || v.indexOf('@') != at) {
      return false;
    }
    // local part
    char prev = '.';
    for (int i = 0; i < at; i++) {
      char c = v.charAt(i);
      if (c == '.') {
        if (prev == '.') {
          return false; // leading or double dot
        }
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || LOCAL_SPECIALS.indexOf(c) >= 0 || c > 127 && Character.isLetterOrDigit(c))) {
        return false;
      }
      prev = c;
    }
    if (prev == '.') {
      return false;
    }
    // domain
    int labelStart = at + 1;
    int labels = 0;
    for (int i = at + 1; i <= len; i++) {
      if (i == len || v.charAt(i) == '.') {
        int l = i - labelStart;
        if (l < 1 || l > 63 || v.charAt(labelStart) == '-' || v.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i < len) {
          labelStart = i + 1;
        }
      } else {
        char c = v.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
            || c > 127 && Character.isLetterOrDigit(c))) {
          return false;
        }
      }
    }
    if (labels < 2) {
      return false;
    }
    String tld = v.substring(labelStart);
    if (tld.startsWith("xn--") || tld.startsWith("XN--")) {
      return tld.length() > 4;
    }
    if (tld.length() < 2) {
      return false;
    }
    for (int i = 0; i < tld.length(); i++) {
      if (!Character.isLetter(tld.charAt(i))) {
        return false;
      }
    }
    return !FILE_EXTENSIONS.contains(tld.toLowerCase(java.util.Locale.ROOT));
  }

  /** Dotted-quad IPv4, each octet 0-255 without leading zeros. */
  static boolean ipv4(CharSequence v) {
    return ipv4(v, 0, v.length());
  }

  static boolean ipv4(CharSequence v, int from, int to) {
    int parts = 0;
    int i = from;
    while (parts < 4) {
      int start = i;
      int value = 0;
      while (i < to && v.charAt(i) >= '0' && v.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (v.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && v.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (parts < 4) {
        if (i >= to || v.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return i == to;
  }

  /**
   * IPv6 text form (RFC 4291 / 5952): up to eight groups of 1-4 hex digits, at most one {@code ::},
   * optionally ending in a dotted IPv4 address, optionally a {@code %zone}.
   */
  static boolean ipv6(String v) {
    int len = v.length();
    int pct = v.indexOf('%');
    if (pct >= 0) {
      if (pct == len - 1) {
        return false;
      }
      len = pct;
    }
    if (len < 2) {
      return false;
    }
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    if (v.startsWith("::")) {
      compressed = true;
      i = 2;
      if (len == 2) {
        return true;
      }
    } else if (v.charAt(0) == ':') {
      return false;
    }
    while (i < len) {
      int start = i;
      while (i < len && hex(v.charAt(i)) && i - start < 5) {
        i++;
      }
      int n = i - start;
      if (i < len && v.charAt(i) == '.') {
        // embedded IPv4 tail
        if (groups > 6 || !ipv4(v, start, len)) {
          return false;
        }
        groups += 2;
        i = len;
        break;
      }
      if (n == 0 || n > 4) {
        return false;
      }
      groups++;
      if (i == len) {
        break;
      }
      if (v.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < len && v.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
        if (i == len) {
          break;
        }
      } else if (i == len) {
        return false; // trailing single colon
      }
    }
    return compressed ? groups <= 7 : groups == 8;
  }

  /** MAC-48 in colon or dash form (6 pairs, one separator) or Cisco dotted form (3 groups of 4). */
  static boolean mac(String v) {
    int len = v.length();
    if (len == 17) {
      char sep = v.charAt(2);
      if (sep != ':' && sep != '-') {
        return false;
      }
      for (int i = 0; i < 17; i++) {
        char c = v.charAt(i);
        if (i % 3 == 2 ? c != sep : !hex(c)) {
          return false;
        }
      }
      return mixedCaseOk(v);
    }
    if (len == 14) {
      for (int i = 0; i < 14; i++) {
        char c = v.charAt(i);
        if (i == 4 || i == 9 ? c != '.' : !hex(c)) {
          return false;
        }
      }
      return mixedCaseOk(v);
    }
    return false;
  }

  /** Hex in one case (a0:b1... or A0:B1...), not mixed within the value. */
  private static boolean mixedCaseOk(String v) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    return !(lower && upper);
  }

  /**
   * URL: a web or file-transfer scheme, {@code ://}, a host that is a domain with a dot, localhost,
   * an IPv4 address or a bracketed IPv6 address, an optional port, then a path/query without spaces.
   */
  static boolean url(String v) {
    int sep = v.indexOf("://");
    if (sep < 2 || sep > 6) {
      return false;
    }
    String scheme = v.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
    switch (scheme) {
      case "http", "https", "ftp", "ftps", "sftp", "ws", "wss":
        break;
      default:
        return false;
    }
    int hostStart = sep + 3;
    int len = v.length();
    int hostEnd = hostStart;
    while (hostEnd < len && "/?#".indexOf(v.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    String authority = v.substring(hostStart, hostEnd);
    int atSign = authority.lastIndexOf('@');
    if (atSign >= 0) {
      authority = authority.substring(atSign + 1);
    }
    String host = authority;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0 || !ipv6(host.substring(1, close))) {
        return false;
      }
      host = null;
      authority = authority.substring(close + 1);
      if (!authority.isEmpty() && !port(authority)) {
        return false;
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        if (!port(host.substring(colon))) {
          return false;
        }
        host = host.substring(0, colon);
      }
    }
    if (host != null && !(host.equalsIgnoreCase("localhost") || ipv4(host) || hostname(host))) {
      return false;
    }
    for (int i = hostEnd; i < len; i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
          || c == '|' || c == '}') {
        return false;
      }
    }
    return true;
  }

  private static boolean port(String s) {
    return s.length() >= 2 && s.length() <= 6 && s.charAt(0) == ':' && Checksums.digits(s, 1, s.length());
  }

  /** A DNS name with at least two labels and an alphabetic top-level label. */
  static boolean hostname(String h) {
    if (h.isEmpty() || h.length() > 253 || h.indexOf('.') < 0) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= h.length(); i++) {
      if (i == h.length() || h.charAt(i) == '.') {
        int l = i - labelStart;
        if (l < 1 || l > 63 || h.charAt(labelStart) == '-' || h.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else {
        char c = h.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
            || c > 127 && Character.isLetterOrDigit(c))) {
          return false;
        }
      }
    }
    String tld = h.substring(h.lastIndexOf('.') + 1);
    return tld.length() >= 2 && Character.isLetter(tld.charAt(0));
  }

  /** UUID in the 8-4-4-4-12 form with an RFC 4122/9562 variant (any version) or the nil/max UUID. */
  static boolean uuid(String v) {
    if (v.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !hex(c)) {
        return false;
      }
    }
    char variant = Character.toLowerCase(v.charAt(19));
    return "89ab".indexOf(variant) >= 0 || v.equals("00000000-0000-0000-0000-000000000000");
  }

  /** Lower- or upper-case hex of {@code length} characters. */
  static boolean hexString(String v, int length) {
    if (v.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!hex(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code v} has a letter a-f (random hex of 16+ digits almost always does; numbers never). */
  static boolean hasHexLetter(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = Character.toLowerCase(v.charAt(i));
      if (c >= 'a' && c <= 'f') {
        return true;
      }
    }
    return false;
  }

  static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
