package io.pursight.governance.classifier.patterns;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validators of credentials: tokens, keys and password hashes. Never throw. */
final class SecretChecks {
  private SecretChecks() {}

  /**
   * JSON Web Token: three base64url parts (signature may be empty for alg none), the header decodes
   * to a JSON object with an {@code alg} member and the payload to a JSON object. A leading
   * {@code Bearer } is allowed.
   */
  static boolean jwt(String v) {
    String s = v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7) : v;
    int d1 = s.indexOf('.');
    int d2 = d1 < 0 ? -1 : s.indexOf('.', d1 + 1);
    if (d1 < 10 || d2 < 0 || s.indexOf('.', d2 + 1) >= 0 || d2 - d1 < 3) {
      return false;
    }
    if (!base64url(s, 0, s.length(), true)) {
      return false;
    }
    String header = decode(s.substring(0, d1));
    if (header == null || !jsonObject(header) || !hasMember(header, "alg")) {
      return false;
    }
    String payload = decode(s.substring(d1 + 1, d2));
    return payload != null && jsonObject(payload);
  }

  private static boolean base64url(String s, int from, int to, boolean dots) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
          || dots && c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static String decode(String part) {
    try {
      return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean jsonObject(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}';
  }

  private static final Pattern MEMBER = Pattern.compile("[{,]\\s*\"([A-Za-z0-9_]+)\"\\s*:");

  private static boolean hasMember(String json, String name) {
    Matcher m = MEMBER.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ED25519 )?PRIVATE KEY(?: BLOCK)?)-----"
          + "([\\s\\S]*?)-----END \\1-----");

  /**
   * PEM private key block: BEGIN and END lines with the same label (RSA, EC, DSA, OPENSSH,
   * ENCRYPTED, PGP or none), a body of base64 lines (legacy headers like Proc-Type allowed).
   */
  static boolean privateKey(String v) {
    int begin = v.indexOf("-----BEGIN ");
    if (begin < 0 || v.indexOf("PRIVATE KEY", begin) < 0) {
      return false;
    }
    Matcher m = PEM.matcher(v);
    if (!m.find(begin)) {
      return false;
    }
    String body = m.group(2);
    int base64 = 0;
    for (String line : body.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.indexOf(':') > 0) {
        continue; // blank lines and headers (Proc-Type, DEK-Info, Comment, Version)
      }
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
            || c == '=')) {
          return false;
        }
      }
      base64 += l.length();
    }
    return base64 >= 32;
  }

  private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
  private static final Pattern ARGON2 = Pattern.compile(
      "\\$argon2(?:id|i|d)\\$(?:v=(?:16|19)\\$)?m=\\d{1,10},t=\\d{1,10},p=\\d{1,3}(?:,[a-z]+=[^$]*)?"
          + "\\$[A-Za-z0-9+/]{8,}={0,2}\\$[A-Za-z0-9+/]{16,}={0,2}");
  private static final Pattern SCRYPT = Pattern.compile(
      "\\$scrypt\\$ln=\\d{1,2},r=\\d{1,3},p=\\d{1,3}\\$[A-Za-z0-9+/.]{4,}={0,2}\\$[A-Za-z0-9+/.]{16,}={0,2}"
          + "|\\$7\\$[./A-Za-z0-9]{11,}\\$[./A-Za-z0-9]{43}"
          + "|scrypt:\\d{2,8}:\\d{1,3}:\\d{1,3}\\$[A-Za-z0-9+/.]{4,}\\$[0-9a-f]{32,}");
  private static final Pattern PBKDF2 = Pattern.compile(
      "pbkdf2_sha(?:1|256|512)\\$\\d{3,8}\\$[A-Za-z0-9+/.]{4,}\\$[A-Za-z0-9+/]{20,}={0,2}"
          + "|\\$pbkdf2(?:-sha(?:1|256|512))?\\$\\d{3,8}\\$[A-Za-z0-9+/.]{4,}\\$[A-Za-z0-9+/.]{20,}={0,2}"
          + "|pbkdf2:sha(?:1|256|512):\\d{3,8}\\$[A-Za-z0-9+/.]{4,}\\$[0-9a-f]{40,}"
          + "|\\{PBKDF2(?:-SHA(?:1|256|512))?\\}\\d{3,8}\\$[A-Za-z0-9+/.]{4,}\\$[A-Za-z0-9+/.]{20,}={0,2}");
  private static final Pattern CRYPT = Pattern.compile(
      "\\$1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}"
          + "|\\$apr1\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{22}"
          + "|\\$5\\$(?:rounds=\\d{4,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{43}"
          + "|\\$6\\$(?:rounds=\\d{4,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{86}"
          + "|\\$(?:y|gy|7)\\$[./A-Za-z0-9]{3,}\\$[./A-Za-z0-9]{8,}\\$[./A-Za-z0-9]{43}"
          + "|\\$sha1\\$\\d{3,9}\\$[./A-Za-z0-9]{1,64}\\$[./A-Za-z0-9]{28}"
          + "|\\{(?:SSHA|SSHA256|SSHA512|SHA|SHA256|SHA512|SMD5|CRYPT|BCRYPT)\\}[A-Za-z0-9+/$.]{20,}={0,2}");

  /** The family of a password hash ({@code bcrypt}, {@code argon2}, ...) or null. */
  static String passwordHashFamily(String v) {
    int len = v.length();
    if (len < 20 || len > 512) {
      return null;
    }
    char c = v.charAt(0);
    if (c != '$' && c != 'p' && c != 's' && c != '{') {
      return null;
    }
    if (BCRYPT.matcher(v).matches()) {
      return "bcrypt";
    }
    if (ARGON2.matcher(v).matches()) {
      return "argon2";
    }
    if (SCRYPT.matcher(v).matches()) {
      return "scrypt";
    }
    if (PBKDF2.matcher(v).matches()) {
      return "PBKDF2";
    }
    if (CRYPT.matcher(v).matches()) {
      return "crypt";
    }
    return null;
  }

  /** bcrypt, argon2, scrypt, PBKDF2 or crypt(3)/LDAP hash with its structure (cost, salt, digest lengths). */
  static boolean passwordHash(String v) {
    return passwordHashFamily(v) != null;
  }

  /** A bare hex digest of a common hash length (MD5, SHA-1, SHA-256, SHA-512); a secret only by name. */
  static boolean hexDigest(String v) {
    int len = v.length();
    return (len == 32 || len == 40 || len == 64 || len == 128) && NetChecks.hexString(v, len)
        && NetChecks.hasHexLetter(v);
  }

  /** AWS access key id: AKIA (long-term) or ASIA (temporary) + 16 base32 characters. */
  static boolean awsAccessKeyId(String v) {
    if (v.length() != 20 || !(v.startsWith("AKIA") || v.startsWith("ASIA"))) {
      return false;
    }
    for (int i = 4; i < 20; i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  /**
   * AWS secret access key shape: 40 characters of base64 (A-Z a-z 0-9 / +) with upper, lower and
   * digits; it has no structure, so the type needs name or context evidence.
   */
  static boolean awsSecretKey(String v) {
    if (v.length() != 40) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < 40; i++) {
      char c = v.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '/' && c != '+') {
        return false;
      }
    }
    return upper && lower && digit;
  }

  /** Google API key: AIza + 35 characters of [0-9A-Za-z_-]. */
  static boolean gcpApiKey(String v) {
    return v.length() == 39 && v.startsWith("AIza") && base64url(v, 4, 39, false);
  }

  /** GitHub token: ghp_/gho_/ghu_/ghs_/ghr_ + 36 alphanumerics, or github_pat_ + 22 + _ + 59. */
  static boolean githubToken(String v) {
    int len = v.length();
    if (len == 40 && v.charAt(0) == 'g' && v.charAt(1) == 'h' && v.charAt(3) == '_'
        && "pousr".indexOf(v.charAt(2)) >= 0) {
      return alnum(v, 4, 40);
    }
    if (len == 93 && v.startsWith("github_pat_") && v.charAt(33) == '_') {
      return alnum(v, 11, 33) && alnum(v, 34, 93);
    }
    return false;
  }

  /**
   * Slack token: xoxa-/xoxb-/xoxp-/xoxr- followed by dash-separated segments, the first numeric
   * (workspace or user id), at least three segments.
   */
  static boolean slackToken(String v) {
    int len = v.length();
    if (len < 20 || len > 255 || !v.startsWith("xox") || "abpr".indexOf(v.charAt(3)) < 0 || v.charAt(4) != '-') {
      return false;
    }
    int segments = 0;
    int segStart = 5;
    boolean firstNumeric = false;
    for (int i = 5; i <= len; i++) {
      if (i == len || v.charAt(i) == '-') {
        if (i == segStart) {
          return false;
        }
        if (segments == 0) {
          firstNumeric = Checksums.digits(v, segStart, i);
        }
        segments++;
        segStart = i + 1;
      } else if (!Character.isLetterOrDigit(v.charAt(i)) || v.charAt(i) > 127) {
        return false;
      }
    }
    return segments >= 3 && firstNumeric;
  }

  /** Stripe live secret or restricted key: sk_live_/rk_live_ + 24 or more alphanumerics. */
  static boolean stripeKey(String v) {
    int len = v.length();
    return len >= 32 && len <= 255 && (v.startsWith("sk_live_") || v.startsWith("rk_live_")) && alnum(v, 8, len);
  }

  private static boolean alnum(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
