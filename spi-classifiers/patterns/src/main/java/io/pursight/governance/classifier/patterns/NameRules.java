package io.pursight.governance.classifier.patterns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column-name evidence (tier 2): the keyword table in {@code name-keywords.tsv} (seven languages
 * plus abbreviations) matched as whole-token sequences against a field's name, its comment and its
 * dataset's name. Immutable and thread-safe.
 */
final class NameRules {
  /** How much a name says about a type. */
  enum Level {
    NONE, WEAK, STRONG
  }

  enum Kind {
    STRONG, WEAK, CONTEXT, VETO, MODIFIER
  }

  /** One keyword phrase of the table. */
  record Entry(String type, Kind kind, String language, String phrase) {}

  /**
   * Name support for one type.
   *
   * @param type the info type
   * @param level strong or weak
   * @param phrase the keyword phrase that matched
   * @param source where: {@code name}, {@code comment} or {@code name+dataset} (weak name made strong
   *     by the dataset's name)
   * @param contextWord the dataset word that upgraded weak evidence, or null
   */
  record Support(String type, Level level, String phrase, String source, String contextWord) {}

  /** What the names say about one column. */
  record Signals(Map<String, Support> support, Map<String, String> vetoes, String modifier, List<String> tokens) {
    static final Signals NONE = new Signals(Map.of(), Map.of(), null, List.of());

    Level level(String type) {
      Support s = support.get(type);
      return s == null ? Level.NONE : s.level();
    }

    /** The veto phrase suppressing {@code type}, or null. */
    String veto(String type) {
      return vetoes.get(type);
    }
  }

  private record Match(Entry entry, int from, int to) {
    int length() {
      return to - from;
    }
  }

  private static final int MAX_PHRASE = 6;
  private final Map<String, List<Entry>> byKey;
  private final List<Entry> entries;

  NameRules(Collection<Entry> extra) {
    List<Entry> all = new ArrayList<>(builtIn());
    all.addAll(extra);
    this.entries = List.copyOf(all);
    Map<String, List<Entry>> m = new HashMap<>();
    for (Entry e : all) {
      m.computeIfAbsent(e.phrase(), k -> new ArrayList<>()).add(e);
    }
    this.byKey = Collections.unmodifiableMap(m);
  }

  List<Entry> entries() {
    return entries;
  }

  /** The identifier types the {@code @IDS} group of the keyword table stands for. */
  static final List<String> IDENTIFIER_TYPES = List.of("US_SOCIAL_SECURITY_NUMBER",
      "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER", "US_EMPLOYER_IDENTIFICATION_NUMBER", "US_PASSPORT",
      "US_DRIVERS_LICENSE_NUMBER", "US_BANK_ACCOUNT_NUMBER", "AMERICAN_BANKING_ROUTING_NUMBER",
      "US_NATIONAL_PROVIDER_IDENTIFIER", "US_DEA_NUMBER", "US_MEDICARE_BENEFICIARY_IDENTIFIER", "MEDICAL_RECORD_NUMBER",
      "UK_NATIONAL_INSURANCE_NUMBER", "UK_NATIONAL_HEALTH_SERVICE_NUMBER", "CANADA_SOCIAL_INSURANCE_NUMBER",
      "FRANCE_NIR", "GERMANY_IDENTITY_CARD_NUMBER", "GERMANY_TAX_IDENTIFICATION_NUMBER", "SPAIN_NIF_NUMBER",
      "ITALY_FISCAL_CODE", "NETHERLANDS_BSN_NUMBER", "INDIA_AADHAAR_INDIVIDUAL", "INDIA_PAN_INDIVIDUAL",
      "BRAZIL_CPF_NUMBER", "PASSPORT_NUMBER", "NATIONAL_ID_NUMBER", "VAT_NUMBER", "CREDIT_CARD_NUMBER", "IBAN_CODE",
      "IMEI_HARDWARE_ID", "CARD_VERIFICATION_VALUE");

  /** The built-in keyword table. */
  static List<Entry> builtIn() {
    List<Entry> out = new ArrayList<>();
    Dictionaries.read("name-keywords.tsv", line -> {
      String[] c = line.split("\t");
      if (c.length != 4) {
        throw new IllegalStateException("name-keywords.tsv: expected 4 tab-separated columns in: " + line);
      }
      Kind kind = Kind.valueOf(c[1].toUpperCase(Locale.ROOT));
      List<String> types = c[0].equals("@IDS") ? IDENTIFIER_TYPES : List.of(c[0]);
      for (String phrase : c[3].split("\\|")) {
        String p = normalise(phrase);
        if (!p.isEmpty()) {
          for (String type : types) {
            out.add(new Entry(type, kind, c[2], p));
          }
        }
      }
    });
    return out;
  }

  /** A phrase as the matcher sees it: the tokenizer's tokens joined by single spaces. */
  static String normalise(String phrase) {
    return String.join(" ", NameTokenizer.tokens(phrase));
  }

  /**
   * Analyses a column.
   *
   * @param field the field's own name
   * @param comment the source's comment on the field, or null
   * @param dataset the dataset's name, or null
   */
  Signals analyse(String field, String comment, String dataset) {
    List<String> tokens = NameTokenizer.tokens(field);
    List<Match> matches = longest(find(tokens));
    Map<String, Support> support = new LinkedHashMap<>();
    Map<String, String> vetoes = new LinkedHashMap<>();
    String modifier = null;
    for (Match m : matches) {
      Entry e = m.entry();
      switch (e.kind()) {
        case STRONG, WEAK -> {
          Level level = e.kind() == Kind.STRONG ? Level.STRONG : Level.WEAK;
          Support prev = support.get(e.type());
          if (prev == null || prev.level().compareTo(level) < 0) {
            support.put(e.type(), new Support(e.type(), level, e.phrase(), "name", null));
          }
        }
        case VETO -> vetoes.putIfAbsent(e.type(), e.phrase());
        case MODIFIER -> {
          if (modifier == null) {
            modifier = e.phrase();
          }
        }
        default -> { }
      }
    }
    // a veto holds unless the name strongly names the type itself (ip_version is still about IPs)
    vetoes.keySet().removeIf(t -> support.containsKey(t) && support.get(t).level() == Level.STRONG);
    if (modifier != null) {
      support.clear(); // email_verified, phone_count, ssn_hash: the column is about the thing, not the thing
    }
    // dataset words make weak evidence strong (customers.name)
    if (dataset != null && !support.isEmpty()) {
      for (Match m : find(NameTokenizer.tokens(dataset))) {
        Entry e = m.entry();
        Support s = support.get(e.type());
        if (e.kind() == Kind.CONTEXT && s != null && s.level() == Level.WEAK) {
          support.put(e.type(), new Support(e.type(), Level.STRONG, s.phrase(), "name+dataset", e.phrase()));
        }
      }
    }
    // comments: strong keywords only, for types the name did not already support
    if (comment != null && !comment.isBlank()) {
      List<String> ct = NameTokenizer.tokens(comment);
      if (ct.size() > 64) {
        ct = ct.subList(0, 64);
      }
      for (Match m : longest(find(ct))) {
        Entry e = m.entry();
        if (e.kind() == Kind.STRONG && !support.containsKey(e.type()) && !vetoes.containsKey(e.type())) {
          support.put(e.type(), new Support(e.type(), Level.STRONG, e.phrase(), "comment", null));
        }
      }
    }
    return new Signals(Collections.unmodifiableMap(support), Collections.unmodifiableMap(vetoes), modifier,
        List.copyOf(tokens));
  }

  /** Every table entry matching a token window (as spaced phrase, glued word, or singular). */
  private List<Match> find(List<String> tokens) {
    List<Match> out = new ArrayList<>();
    int k = tokens.size();
    StringBuilder phrase = new StringBuilder();
    StringBuilder glued = new StringBuilder();
    for (int i = 0; i < k; i++) {
      phrase.setLength(0);
      glued.setLength(0);
      boolean glueable = true;
      for (int len = 1; len <= MAX_PHRASE && i + len <= k; len++) {
        String t = tokens.get(i + len - 1);
        if (len > 1) {
          phrase.append(' ');
        }
        phrase.append(t);
        glued.append(t);
        glueable &= t.length() >= 2 || Character.isDigit(t.charAt(0));
        String p = phrase.toString();
        addAll(out, p, i, len);
        if (len > 1 && glueable) {
          addAll(out, glued.toString(), i, len);
        }
        String singular = singular(t);
        if (singular != null) {
          String sp = p.substring(0, p.length() - t.length()) + singular;
          addAll(out, sp, i, len);
        }
      }
    }
    return out;
  }

  private void addAll(List<Match> out, String key, int from, int len) {
    List<Entry> es = byKey.get(key);
    if (es != null) {
      for (Entry e : es) {
        Match m = new Match(e, from, from + len);
        if (!out.contains(m)) {
          out.add(m);
        }
      }
    }
  }

  private static String singular(String t) {
    if (t.length() > 4 && t.endsWith("ies")) {
      return t.substring(0, t.length() - 3) + "y";
    }
    if (t.length() > 4 && (t.endsWith("ses") || t.endsWith("xes"))) {
      return t.substring(0, t.length() - 2);
    }
    if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss")) {
      return t.substring(0, t.length() - 1);
    }
    return null;
  }

  /** Drops matches lying strictly inside a longer match (email_address is not STREET_ADDRESS). */
  private static List<Match> longest(List<Match> matches) {
    List<Match> out = new ArrayList<>();
    for (Match m : matches) {
      boolean covered = false;
      for (Match o : matches) {
        if (o.length() > m.length() && o.from() <= m.from() && o.to() >= m.to()) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        out.add(m);
      }
    }
    return out;
  }
}
