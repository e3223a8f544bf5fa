package io.pursight.governance.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.core.json.GovernanceJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain shared by the audit sinks. A record is {@code {"seq", "prev", "hash", "event"}}:
 * {@code hash = SHA-256(seq + "\n" + prev + "\n" + canonical(event))}, {@code prev} is the previous
 * record's hash ({@link #GENESIS} for the first), and canonical JSON sorts object keys and has no
 * white space, so a record verifies however it was pretty-printed but not if any value changed.
 */
final class AuditChain {
  /** The {@code prev} of the first record. */
  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper CANONICAL = GovernanceJson.mapper().copy()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
      .configure(SerializationFeature.INDENT_OUTPUT, false);

  private AuditChain() {}

  /** The canonical JSON of an event. */
  static String canonical(AuditEvent event) {
    return canonical((JsonNode) CANONICAL.valueToTree(event));
  }

  /** The canonical JSON of a parsed event. */
  static String canonical(JsonNode node) {
    try {
      return CANONICAL.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = CANONICAL.createObjectNode();
      java.util.List<String> names = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      for (String n : names) {
        out.set(n, sorted(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = CANONICAL.createArrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  /** The hash of a record. */
  static String hash(long seq, String prev, String canonicalEvent) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((seq + "\n" + prev + "\n").getBytes(StandardCharsets.UTF_8));
      d.update(canonicalEvent.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One JSONL line (without the newline) for a record. */
  static String line(long seq, String prev, String hash, String canonicalEvent) {
    return "{\"seq\":" + seq + ",\"prev\":\"" + prev + "\",\"hash\":\"" + hash + "\",\"event\":" + canonicalEvent + "}";
  }

  static ObjectMapper mapper() {
    return CANONICAL;
  }
}
