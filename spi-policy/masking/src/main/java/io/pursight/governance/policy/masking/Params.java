package io.pursight.governance.policy.masking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One function's parameters, read with checks whose messages name the function, the parameter and
 * the accepted values. Values of secret parameters ({@code key}) are never repeated in a message.
 */
final class Params {
  /** Ignored if present: the policy engine may pass the function's name along with its parameters. */
  static final String FUNCTION = "function";
  private static final int ECHO_MAX = 40;

  private final String function;
  private final Map<String, String> map;

  private Params(String function, Map<String, String> map) {
    this.function = function;
    this.map = map;
  }

  /** Checks that every parameter is known and has a value. */
  static Params of(String function, Map<String, String> parameters, Set<String> accepted) {
    Map<String, String> map = parameters == null ? Map.of() : parameters;
    for (Map.Entry<String, String> e : map.entrySet()) {
      String name = e.getKey();
      if (FUNCTION.equals(name)) {
        continue;
      }
      if (name == null || !accepted.contains(name)) {
        throw new IllegalArgumentException("masking function " + function + ": unknown parameter '" + echo(name)
            + "'; accepted: " + (accepted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(accepted))));
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("masking function " + function + ": parameter '" + name + "' has no value");
      }
    }
    return new Params(function, map);
  }

  String function() {
    return function;
  }

  boolean has(String name) {
    return map.get(name) != null;
  }

  String string(String name, String defaultValue) {
    String v = map.get(name);
    return v == null ? defaultValue : v;
  }

  String required(String name, String accepted) {
    String v = map.get(name);
    if (v == null) {
      throw error(name, "is required: " + accepted);
    }
    return v;
  }

  int integer(String name, int defaultValue, int min, int max) {
    String v = map.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int i = Integer.parseInt(v.strip());
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(name, "must be an integer from " + min + " to " + max + " (got '" + echo(v) + "')");
  }

  long longValue(String name) {
    String v = map.get(name);
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw error(name, "must be an integer (a 64-bit seed) (got '" + echo(v) + "')");
    }
  }

  /** A decimal number strictly greater than zero and at most {@code max} (null: no maximum). */
  BigDecimal positive(String name, BigDecimal max) {
    String v = map.get(name);
    BigDecimal d = decimalOrNull(v);
    if (d == null || d.signum() <= 0 || (max != null && d.compareTo(max) > 0)) {
      throw error(name, "must be a number greater than 0" + (max == null ? "" : " and at most " + max.toPlainString())
          + " (got '" + echo(v) + "')");
    }
    return d;
  }

  /**
   * A comma-separated, strictly ascending list of numbers, optionally in brackets (a YAML list
   * turned into text: {@code [0, 18, 65]}).
   */
  List<BigDecimal> ascending(String name) {
    String v = map.get(name);
    String list = v.strip();
    if (list.startsWith("[") && list.endsWith("]")) {
      list = list.substring(1, list.length() - 1);
    }
    List<BigDecimal> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      BigDecimal d = decimalOrNull(part);
      if (d == null) {
        throw error(name, "must be a comma-separated list of numbers in ascending order, e.g. 0,18,30,65 (got '"
            + echo(v) + "')");
      }
      if (!out.isEmpty() && d.compareTo(out.get(out.size() - 1)) <= 0) {
        throw error(name, "must be strictly ascending, e.g. 0,18,30,65 (got '" + echo(v) + "')");
      }
      out.add(d);
    }
    return List.copyOf(out);
  }

  /** A single Unicode code point. */
  int codePoint(String name, int defaultValue) {
    String v = map.get(name);
    if (v == null) {
      return defaultValue;
    }
    if (v.codePointCount(0, v.length()) != 1 || Character.isSurrogate(v.charAt(0)) && v.length() == 1) {
      throw error(name, "must be exactly one character, e.g. * or # (got '" + echo(v) + "')");
    }
    return v.codePointAt(0);
  }

  /** One of {@code accepted} (case-insensitive); returned in the case given in {@code accepted}. */
  String choice(String name, String defaultValue, String... accepted) {
    String v = map.get(name);
    if (v == null) {
      return defaultValue;
    }
    for (String a : accepted) {
      if (a.equalsIgnoreCase(v.strip())) {
        return a;
      }
    }
    throw error(name, "must be one of " + String.join(", ", accepted) + " (got '" + echo(v) + "')");
  }

  boolean bool(String name, boolean defaultValue) {
    return Boolean.parseBoolean(choice(name, Boolean.toString(defaultValue), "true", "false"));
  }

  /**
   * A secret reference {@code scheme:name}. The value is not repeated in messages: a literal key
   * pasted by mistake must not end up in a log.
   */
  String secretReference(String name, boolean required) {
    String v = map.get(name);
    if (v == null) {
      if (required) {
        throw error(name, "is required: a secret reference such as env:MASK_KEY or file:/run/secrets/mask-key");
      }
      return null;
    }
    int colon = v.indexOf(':');
    if (colon <= 0 || colon == v.length() - 1 || !v.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw error(name, "must be a secret reference scheme:name such as env:MASK_KEY or file:/run/secrets/mask-key;"
          + " literal keys are not accepted in policies (value not shown)");
    }
    return v;
  }

  /** Fails when both parameters are present. */
  void exclusive(String a, String b) {
    if (has(a) && has(b)) {
      throw new IllegalArgumentException("masking function " + function + ": parameters '" + a + "' and '" + b
          + "' cannot be used together; give one of them");
    }
  }

  IllegalArgumentException error(String name, String message) {
    return new IllegalArgumentException("masking function " + function + ": parameter '" + name + "' " + message);
  }

  private static BigDecimal decimalOrNull(String v) {
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A policy value, shortened, for a message (never used for secrets). */
  static String echo(String v) {
    if (v == null) {
      return "null";
    }
    return v.length() <= ECHO_MAX ? v : v.substring(0, ECHO_MAX) + "...";
  }

  static Set<String> names(String... names) {
    return Set.copyOf(Arrays.asList(names));
  }
}
