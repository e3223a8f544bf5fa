package io.pursight.governance.classifier.patterns;

import io.pursight.governance.classifier.patterns.NameRules.Level;
import io.pursight.governance.classifier.patterns.NameRules.Support;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Turns one column's evidence (the {@link ColumnScan} and the {@link NameRules.Signals}) into
 * ranked info types with confidence. Deterministic; every considered type ends up in {@link
 * #scores()} with its numbers and, when not reported, the reason, so that the decision can be
 * inspected (and later learned).
 *
 * <p>Confidence: the base of the check strength (shape 0.55, pattern 0.65, rules 0.70, checksum 0.75), +0.10
 * when at least 90% of 10+ values hit (-0.05 under 80%), +0.15 for a strong column name (+0.10 from
 * the comment, +0.05 for a weak name), -0.05 when only context-dependent variants hit; name-only
 * evidence is 0.50 without values and 0.45 over masked values; free-text findings score base - 0.10
 * up to base with their spread. Capped to 0.05..0.99.
 */
final class Decision {
  static final double NAME_ONLY = 0.50;
  static final double NAME_OVER_MASKED = 0.45;

  /**
   * The outcome for one type.
   *
   * @param infoType the type
   * @param confidence 0..1 (0 when not reported)
   * @param reported whether it becomes a classification
   * @param evidence the evidence strings (no values)
   * @param reason why it was not reported, or null
   * @param hits values that hit (estimated for capped checks)
   * @param values non-blank values scanned
   * @param strength the check strength reached by most hits
   * @param name the name support level
   * @param basis what carried the decision: {@code values}, {@code name}, {@code weak name}, {@code
   *     name only}, {@code free text}, or null when not reported
   */
  record Score(String infoType, double confidence, boolean reported, List<String> evidence, String reason, int hits,
      int values, Strength strength, Level name, String basis) {}

  private final List<Score> scores = new ArrayList<>();

  private Decision() {}

  List<Score> scores() {
    return scores;
  }

  /** The reported types, best first. */
  List<Score> reported() {
    List<Score> out = new ArrayList<>();
    for (Score s : scores) {
      if (s.reported()) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingDouble(Score::confidence).reversed().thenComparing(Score::infoType));
    return out;
  }

  /**
   * Decides.
   *
   * @param scan the finished scan
   * @param names the name signals
   * @param field the field's name (quoted in evidence: it is metadata, not data)
   * @param allowed the types (indexes in the detector set) this column may hold, by declared type
   *     family and known info types
   */
  static Decision decide(ColumnScan scan, NameRules.Signals names, String field, IntPredicate allowed) {
    Decision d = new Decision();
    DetectorSet set = scan.set;
    ColumnStats stats = scan.stats;
    int n = scan.values();
    boolean freeText = n > 0 && stats.textRatio() >= 0.5;
    Score[] byType = new Score[set.types.length];
    for (int t = 0; t < set.types.length; t++) {
      if (!allowed.test(t)) {
        continue;
      }
      Score s = decideType(scan, names, field, t, n);
      if (s != null) {
        byType[t] = s;
      }
    }
    specialise(scan, names, field, byType, n);
    shared(scan, names, field, byType, n);
    dominance(scan, byType, n);
    fallback(scan, byType);
    if (freeText) {
      freeText(scan, names, byType, field);
    }
    for (Score s : byType) {
      if (s != null) {
        d.scores.add(s);
      }
    }
    return d;
  }

  private static Score decideType(ColumnScan scan, NameRules.Signals names, String field, int t, int n) {
    DetectorSet set = scan.set;
    String type = set.types[t];
    TypeRule rule = set.rules[t];
    ColumnStats stats = scan.stats;
    Support support = names.support().get(type);
    Level level = support == null ? Level.NONE : support.level();
    int hits = scan.typeHits[t];
    int standalone = scan.standaloneHits[t];
    if (hits == 0 && level == Level.NONE) {
      return null;
    }
    Strength strength = hits > 0 ? scan.strength(t) : Strength.PATTERN;
    List<String> evidence = new ArrayList<>();
    String veto = names.veto(type);
    if (veto != null) {
      return dropped(type, hits, n, strength, level, "name '" + field + "' has '" + veto + "', which rules out " + type);
    }
    if (type.equals("IP_ADDRESS") && stats.versionLike >= Math.max(2, n / 10) && level != Level.STRONG) {
      return dropped(type, hits, n, strength, level, stats.versionLike + "/" + n
          + " values are three-part versions: the column holds software versions");
    }
    double ratio = n == 0 ? 0 : (double) hits / n;
    double standaloneRatio = n == 0 ? 0 : (double) standalone / n;
    boolean distinctOk = (rule.minDistinct() == 0 || stats.distinct() >= rule.minDistinct())
        && (rule.maxDistinct() == 0 || stats.distinct() <= rule.maxDistinct());
    boolean contextOnly = standalone == 0 || standaloneRatio < rule.minRatio();
    String via = null;
    if (n > 0 && hits > 0 && distinctOk) {
      if (standalone >= Math.max(1, rule.minValues()) && standaloneRatio >= rule.minRatio()) {
        via = "values";
      } else if (level == Level.NONE && standaloneRatio >= 0.3 && standalone >= Math.max(1, rule.minValues())
          && ratio >= rule.minRatio() && rule.minRatio() <= 1) {
        via = "mixed formats"; // e.g. 123-45-6789 next to 123456789: the distinctive ones vouch for the rest
      } else if (level == Level.STRONG && ratio >= rule.minRatioWithName()) {
        via = "name";
      } else if (level == Level.WEAK && ratio >= Math.max(0.5, rule.minRatioWithName())
          && (!contextOnly || ratio >= 0.9 && strength.compareTo(Strength.RULES) >= 0)) {
        via = "weak name";
      }
    }
    if (via == null) {
      // name evidence without agreeing values
      if (level == Level.STRONG && (n == 0 || stats.maskedRatio() >= 0.5)) {
        double c = n == 0 ? NAME_ONLY : NAME_OVER_MASKED;
        evidence.add(nameEvidence(field, support, type));
        evidence.add(n == 0 ? "no non-blank values sampled" : stats.masked + "/" + n + " values look masked");
        return new Score(type, c, true, evidence, null, hits, n, strength, level, "name only");
      }
      String why;
      if (hits == 0) {
        why = "name supports " + type + " but no value passes its checks";
      } else if (!distinctOk) {
        why = stats.distinct() + " distinct values is outside " + type + "'s range";
      } else {
        why = hits + "/" + n + " values hit, below the threshold" + (level == Level.NONE ? " without a supporting name" : "");
      }
      return dropped(type, hits, n, strength, level, why);
    }
    double c = strength.base;
    String check = checks(scan, t);
    if (scan.estimated(t)) {
      evidence.add("~" + hits + "/" + n + " values pass " + check + " (estimated from " + scan.checkedCount(t)
          + " checked)");
    } else {
      evidence.add(hits + "/" + n + " values pass " + check);
    }
    if (ratio >= 0.9 && n >= 10) {
      c += 0.10;
    } else if (ratio < 0.8) {
      c -= 0.05;
    }
    if (level == Level.STRONG) {
      c += support.source().equals("comment") ? 0.10 : 0.15;
      evidence.add(nameEvidence(field, support, type));
    } else if (level == Level.WEAK) {
      c += 0.05;
      evidence.add(nameEvidence(field, support, type));
    }
    if (via.equals("mixed formats")) {
      evidence.add(standalone + "/" + n + " in a format that identifies " + type + " alone");
    }
    if (contextOnly && !via.equals("values")) {
      c -= 0.05;
    }
    if (isIdentifier(type) && n >= 20 && stats.distinctRatio() < 0.5) {
      c -= 0.10;
      evidence.add("values repeat (" + stats.distinct() + " distinct in " + n + "), unusual for an identifier");
    } else if (isIdentifier(type) && n >= 10 && stats.uniform()) {
      c += 0.05;
      evidence.add("values share one length and character classes, like identifiers");
    } else if (isIdentifier(type) && n >= 10 && stats.lengthStdDev() > 4) {
      c -= 0.05;
      evidence.add(String.format(Locale.ROOT, "value lengths vary widely (mean %.1f, sd %.1f), unusual for an identifier",
          stats.meanLength(), stats.lengthStdDev()));
    }
    c = Math.max(0.05, Math.min(0.99, c));
    return new Score(type, round(c), true, evidence, null, hits, n, strength, level, via);
  }

  /** The names of the checks the type's hits passed, most hits first ("a or b"). */
  private static String checks(ColumnScan scan, int t) {
    List<Detector> ds = new ArrayList<>();
    for (int i = 0; i < scan.set.detectors.length; i++) {
      if (scan.set.typeOf[i] == t && scan.hits[i] > 0) {
        ds.add(scan.set.detectors[i]);
      }
    }
    ds.sort(Comparator.comparingInt((Detector d) -> -scan.hits[indexOf(scan.set, d)]));
    List<String> names = new ArrayList<>();
    for (Detector d : ds) {
      if (!names.contains(d.checkName) && names.size() < 3) {
        names.add(d.checkName);
      }
    }
    return names.isEmpty() ? "the " + scan.set.types[t] + " checks" : String.join(" or ", names);
  }

  private static int indexOf(DetectorSet set, Detector d) {
    for (int i = 0; i < set.detectors.length; i++) {
      if (set.detectors[i] == d) {
        return i;
      }
    }
    return -1;
  }

  /** Context-only identifiers whose values should be distinct and uniform. */
  private static boolean isIdentifier(String type) {
    switch (type) {
      case "MEDICAL_RECORD_NUMBER", "NATIONAL_ID_NUMBER", "PASSPORT_NUMBER", "US_PASSPORT",
          "US_DRIVERS_LICENSE_NUMBER", "US_BANK_ACCOUNT_NUMBER", "DEVICE_ID":
        return true;
      default:
        return false;
    }
  }

  /**
   * A column holding two kinds of values (e-mails and phone numbers in a "contact" column; SSNs and
   * ITINs in a "tax id" column): two types whose distinctive formats each cover a quarter or more
   * of the values, hardly overlap, and together cover 80% are both reported, 0.05 lower.
   */
  private static void shared(ColumnScan scan, NameRules.Signals names, String field, Score[] byType, int n) {
    DetectorSet set = scan.set;
    int[] candidates = new int[byType.length];
    int k = 0;
    for (int t = 0; t < byType.length; t++) {
      if (scan.standaloneHits[t] * 4 >= n && n >= 10 && sharedCandidate(scan, names, byType, t, n)) {
        candidates[k++] = t;
      }
    }
    for (int i = 0; i < k; i++) {
      int a = candidates[i];
      for (int j = i + 1; j < k; j++) {
        int b = candidates[j];
        int ha = scan.standaloneHits[a];
        int hb = scan.standaloneHits[b];
        int both = scan.cooccurrence(a, b);
        if (both * 10 > Math.min(ha, hb) || (ha + hb - both) * 10 < n * 8) {
          continue;
        }
        for (int t : new int[] {a, b}) {
          int other = t == a ? b : a;
          Strength strength = scan.strength(t);
          Support support = names.support().get(set.types[t]);
          double c = strength.base - 0.05 + (support == null ? 0 : support.level() == Level.STRONG ? 0.15 : 0.05);
          List<String> evidence = new ArrayList<>();
          evidence.add(checkLine(scan, t, n));
          evidence.add(scan.standaloneHits[other] + "/" + n + " other values are " + set.types[other]
              + ": a column of both");
          if (support != null) {
            evidence.add(nameEvidence(field, support, set.types[t]));
          }
          byType[t] = new Score(set.types[t], round(Math.min(0.99, c)), true, evidence, null, scan.typeHits[t], n,
              strength, support == null ? Level.NONE : support.level(), "shared column");
        }
      }
    }
  }

  private static boolean sharedCandidate(ColumnScan scan, NameRules.Signals names, Score[] byType, int t, int n) {
    Score s = byType[t];
    int hits = scan.standaloneHits[t];
    return (s == null || !s.reported()) && names.veto(scan.set.types[t]) == null && n >= 10
        && hits >= Math.max(3, scan.set.rules[t].minValues()) && hits * 4 >= n && scan.set.rules[t].minRatio() <= 1;
  }

  /** Generic fallback types, dropped when specific types explain most of their values. */
  private static final List<String> FALLBACKS = List.of("NATIONAL_ID_NUMBER");

  private static void fallback(ColumnScan scan, Score[] byType) {
    DetectorSet set = scan.set;
    for (String generic : FALLBACKS) {
      int g = set.type(generic);
      if (g < 0 || byType[g] == null || !byType[g].reported() || scan.observedTypeHits[g] == 0) {
        continue;
      }
      int covered = 0;
      List<String> specific = new ArrayList<>();
      for (int t = 0; t < byType.length; t++) {
        if (t != g && byType[t] != null && byType[t].reported()
            && NameRules.IDENTIFIER_TYPES.contains(set.types[t])) {
          covered += scan.cooccurrence(t, g);
          specific.add(set.types[t]);
        }
      }
      if (covered * 10 >= scan.observedTypeHits[g] * 8) {
        byType[g] = dropped(byType[g], "a fallback type: the values are " + String.join(", ", specific));
      }
    }
  }

  /** Specific types and the generic type whose name evidence they inherit when their format fits. */
  private static final String[][] SPECIALISATIONS = {{"US_PASSPORT", "PASSPORT_NUMBER"}};

  /**
   * A column named like a generic type (passport_no) whose values nearly all have a specific type's
   * format (US passports: 9 digits or a letter and 8 digits) is the specific type: it inherits the
   * name evidence and the generic type is dropped.
   */
  private static void specialise(ColumnScan scan, NameRules.Signals names, String field, Score[] byType, int n) {
    DetectorSet set = scan.set;
    for (String[] pair : SPECIALISATIONS) {
      int s = set.type(pair[0]);
      int g = set.type(pair[1]);
      if (s < 0 || g < 0 || byType[g] == null || !byType[g].reported() || n < 5) {
        continue;
      }
      Support gs = names.support().get(pair[1]);
      Score cur = byType[s];
      boolean specificReported = cur != null && cur.reported() && cur.name() == Level.STRONG;
      if (gs == null || gs.level() != Level.STRONG || specificReported || scan.typeHits[s] * 10 < n * 9) {
        continue;
      }
      Score generic = byType[g];
      List<String> evidence = new ArrayList<>();
      evidence.add(checkLine(scan, s, n));
      evidence.add(nameEvidence(field, gs, pair[1]) + ", and " + scan.typeHits[s] + "/" + n + " values have the "
          + pair[0] + " format");
      byType[s] = new Score(pair[0], generic.confidence(), true, evidence, null, scan.typeHits[s], n,
          scan.strength(s), Level.STRONG, "name of " + pair[1]);
      byType[g] = dropped(generic, "the values are the more specific " + pair[0]);
    }
  }

  private static String checkLine(ColumnScan scan, int t, int n) {
    return scan.typeHits[t] + "/" + n + " values pass " + checks(scan, t);
  }

  /**
   * Drops a reported type whose hits are (90%+) values of another reported type with a stronger
   * check, or an equal check and stronger name support: a weaker explanation of the same values.
   * Name-only scores are dropped when a reported type explains 80% of the values.
   */
  private static void dominance(ColumnScan scan, Score[] byType, int n) {
    int types = byType.length;
    boolean[] drop = new boolean[types];
    for (int b = 0; b < types; b++) {
      Score sb = byType[b];
      if (sb == null || !sb.reported()) {
        continue;
      }
      if ("name only".equals(sb.basis())) {
        // name-only: values explained by something else?
        for (int a = 0; a < types; a++) {
          Score sa = byType[a];
          if (a != b && sa != null && sa.reported() && sa.hits() > 0 && scan.typeHits[a] * 5 >= n * 4) {
            drop[b] = true;
            byType[b] = dropped(sb, "values are " + sa.infoType() + " instead");
            break;
          }
        }
        continue;
      }
      for (int a = 0; a < types; a++) {
        Score sa = byType[a];
        if (a == b || sa == null || !sa.reported() || drop[a] || sa.hits() == 0) {
          continue;
        }
        // co-occurrence is only known for observed values (capped checks are extrapolated)
        // a type reported from mixed formats yields to a stronger type holding half its values
        int share = "mixed formats".equals(sb.basis()) ? 5 : 9;
        boolean covered = scan.observedTypeHits[b] > 0
            && scan.cooccurrence(a, b) * 10 >= scan.observedTypeHits[b] * share;
        boolean stronger = sa.strength().compareTo(sb.strength()) > 0
            || sa.strength() == sb.strength() && sa.name().compareTo(sb.name()) > 0;
        boolean protectedByName = sb.name() == Level.STRONG && sa.name() != Level.STRONG;
        if (covered && stronger && !protectedByName) {
          drop[b] = true;
          byType[b] = dropped(sb, "the same values pass the stronger " + sa.infoType() + " checks");
          break;
        }
      }
    }
  }

  private static void freeText(ColumnScan scan, NameRules.Signals names, Score[] byType, String field) {
    DetectorSet set = scan.set;
    int scanned = scan.textValuesScanned;
    if (scanned == 0) {
      return;
    }
    StringBuilder summary = new StringBuilder();
    for (int t = 0; t < set.types.length; t++) {
      if (scan.spanCount[t] > 0 && names.veto(set.types[t]) == null) {
        summary.append(summary.length() == 0 ? "" : ", ").append(scan.spanCount[t]).append(' ').append(set.types[t]);
      }
    }
    if (summary.length() == 0) {
      return;
    }
    String line = field + ": " + summary + " in " + scanned + " values";
    for (int t = 0; t < set.types.length; t++) {
      if (scan.spanCount[t] == 0 || names.veto(set.types[t]) != null) {
        continue;
      }
      Strength strength = Strength.PATTERN;
      String check = null;
      for (int i = 0; i < set.detectors.length; i++) {
        Detector det = set.detectors[i];
        if (set.typeOf[i] == t && det.inText && det.strength.compareTo(strength) >= 0) {
          strength = det.strength;
          check = det.checkName;
        }
      }
      double spread = (double) scan.spanValues[t] / scanned;
      double c = round(Math.max(0.05, Math.min(0.99, strength.base - 0.10 + Math.min(0.10, spread / 2))));
      Score prev = byType[t];
      if (prev != null && prev.reported() && prev.confidence() >= c) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      evidence.add(line);
      evidence.add(scan.spanCount[t] + " " + set.types[t] + " spans in " + scan.spanValues[t] + "/" + scanned
          + " values pass " + (check == null ? "its checks" : check));
      Level level = names.level(set.types[t]);
      byType[t] = new Score(set.types[t], c, true, evidence, null, scan.spanValues[t], scanned, strength, level,
          "free text");
    }
  }

  private static String nameEvidence(String field, Support s, String type) {
    switch (s.source()) {
      case "comment":
        return "comment mentions '" + s.phrase() + "' (" + type + ")";
      case "name+dataset":
        return "name '" + field + "' matches " + type + " in a dataset of '" + s.contextWord() + "'";
      default:
        return s.level() == Level.STRONG
            ? "name '" + field + "' matches " + type
            : "name '" + field + "' weakly suggests " + type + " ('" + s.phrase() + "')";
    }
  }

  private static Score dropped(String type, int hits, int n, Strength strength, Level level, String reason) {
    return new Score(type, 0, false, List.of(), reason, hits, n, strength, level, null);
  }

  private static Score dropped(Score s, String reason) {
    return new Score(s.infoType(), 0, false, s.evidence(), reason, s.hits(), s.values(), s.strength(), s.name(),
        null);
  }

  private static double round(double c) {
    return Math.round(c * 1000) / 1000.0;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Score s : scores) {
      b.append(String.format(Locale.ROOT, "%-45s %s %.2f %d/%d %s %s %s %s%n", s.infoType(), s.reported() ? "+" : "-",
          s.confidence(), s.hits(), s.values(), s.strength(), s.name(), s.basis(),
          s.reported() ? s.evidence() : s.reason()));
    }
    return b.toString();
  }
}
