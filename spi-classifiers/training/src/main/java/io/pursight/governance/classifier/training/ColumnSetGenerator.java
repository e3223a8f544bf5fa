package io.pursight.governance.classifier.training;

import io.pursight.governance.classifier.training.ColumnKinds.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Makes a labelled set of columns from a seed: {@code perType} columns for every sensitive info
 * type, {@code perMulti} for each multi-type kind and {@code perDecoy} for each decoy kind, with
 * per-column locale, null rate, noise rate and (for a third of the columns) an opaque name. Same seed
 * and counts, same output, byte for byte.
 */
public final class ColumnSetGenerator {
  static final List<String> NOISE = List.of("", "N/A", "unknown", "-", "n/a", "NULL", "TBD", "?", "none", "0");
  static final List<String> OPAQUE = List.of("col", "x_ref", "data", "f_", "attr", "c", "value", "field", "v",
      "misc_", "ext_ref", "tmp_", "column_", "raw", "u_val", "fld", "var");
  static final List<String> DATASETS = List.of("crm.customers", "billing.payments", "hr.employees", "web.sessions",
      "ops.inventory", "sales.orders", "support.tickets", "stage.t_0042", "import_7", "legacy.tbl_x", "dw.fact_events",
      "app.users", "partner_feed", "clinic.visits", "finance.ledger", "raw.dump_2023");
  static final List<String> PREFIXES = List.of("cust", "usr", "emp", "src", "primary", "new", "old", "billing", "main");

  /** Noise tokens only the held-out variant uses. */
  static final List<String> HOLDOUT_NOISE = List.of("#N/A", "NaN", "(null)", "--", "nil", "<NA>", "not provided", "xxx",
      "   ", "?", "N/A", "");
  /** Opaque names only the held-out variant uses. */
  static final List<String> HOLDOUT_OPAQUE = List.of("unnamed_", "Column", "F", "c_0", "val_", "attr_x");
  /** Name suffixes only the held-out variant uses. */
  static final List<String> HOLDOUT_SUFFIXES = List.of("_1", "_2", "_new", "_old", "_src", "_v2");

  /** What kind of set to make. */
  public enum Variant {
    /** The evaluation and training sets' generator (unchanged since the evaluation set was made). */
    STANDARD,
    /**
     * The held-out set: the standard kinds plus kinds and formats no classifier was tuned or trained
     * on (more locales, other name styles and opaque names, other null and noise rates and tokens,
     * other sample sizes, extra value formats and decoy kinds; see {@link ColumnKinds#holdoutOnly()}).
     */
    HOLDOUT
  }

  private final Random r;
  private final ValueGen g;
  private final String idPrefix;
  private final Variant variant;

  /** A generator for seed {@code seed}; ids start with {@code idPrefix}. */
  public ColumnSetGenerator(long seed, String idPrefix) {
    this(seed, idPrefix, Variant.STANDARD);
  }

  /** A generator of {@code variant} for seed {@code seed}; ids start with {@code idPrefix}. */
  public ColumnSetGenerator(long seed, String idPrefix, Variant variant) {
    this.r = new Random(seed);
    this.g = new ValueGen(r);
    this.idPrefix = idPrefix;
    this.variant = variant;
  }

  /** Makes the columns, shuffled, with ids {@code prefix-0001...}. */
  public List<LabeledColumn> generate(int perType, int perMulti, int perDecoy) {
    List<LabeledColumn> out = new ArrayList<>();
    for (Kind k : ColumnKinds.sensitive()) {
      for (int i = 0; i < perType; i++) {
        out.add(column(k));
      }
    }
    for (Kind k : ColumnKinds.multi()) {
      for (int i = 0; i < perMulti; i++) {
        out.add(column(k));
      }
    }
    for (Kind k : ColumnKinds.decoys()) {
      for (int i = 0; i < perDecoy; i++) {
        out.add(column(k));
      }
    }
    for (Kind k : ColumnKinds.late()) {
      for (int i = 0; i < (k.decoy() ? perDecoy : perType); i++) {
        out.add(column(k));
      }
    }
    if (variant == Variant.HOLDOUT) {
      for (Kind k : ColumnKinds.holdoutOnly()) {
        for (int i = 0; i < (k.decoy() ? perDecoy : perType); i++) {
          out.add(column(k));
        }
      }
    }
    Collections.shuffle(out, r);
    List<LabeledColumn> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      LabeledColumn c = out.get(i);
      numbered.add(new LabeledColumn(String.format("%s-%04d", idPrefix, i + 1), c.dataset(), c.field(), c.values(),
          c.expected(), c.kind(), null));
    }
    return numbered;
  }

  private LabeledColumn column(Kind k) {
    if (variant == Variant.HOLDOUT) {
      return holdoutColumn(k);
    }
    Locale locale = g.pick(ValueGen.LOCALES);
    Faker f = g.faker(locale);
    g.columnStyle = r.nextInt(100);
    boolean opaque = !k.needsContext() && r.nextDouble() < 0.45;
    String name = opaque ? opaqueName() : styled(g.pick(k.names()));
    String dataset = g.pick(DATASETS);
    int n = k.key().equals("PRIVATE_KEY") ? g.between(12, 20) : g.between(30, 80);
    double nullRate = new double[] {0, 0, 0.02, 0.05, 0.2, 0.4}[r.nextInt(6)];
    double noiseRate = new double[] {0, 0, 0, 0.01, 0.03}[r.nextInt(5)];
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      if (u < nullRate) {
        values.add(null);
      } else if (u < nullRate + noiseRate) {
        values.add(g.pick(NOISE));
      } else {
        values.add(k.values().apply(g, f));
      }
    }
    return new LabeledColumn(null, dataset, name, values, k.expected(), k.key(), null);
  }

  /** A held-out column: other locales, names, rates, tokens and sizes than {@link #column(Kind)}. */
  private LabeledColumn holdoutColumn(Kind k) {
    Locale locale = r.nextBoolean() ? g.pick(ValueGen.HOLDOUT_LOCALES) : g.pick(ValueGen.LOCALES);
    Faker f = g.faker(locale);
    g.columnStyle = r.nextInt(100);
    boolean opaque = !k.needsContext() && r.nextDouble() < 0.4;
    String name = opaque ? holdoutOpaqueName() : holdoutStyled(g.pick(k.names()));
    String dataset = g.pick(DATASETS);
    int n = switch (r.nextInt(3)) {
      case 0 -> g.between(10, 25);
      case 1 -> g.between(30, 80);
      default -> g.between(100, 200);
    };
    if (k.key().equals("PRIVATE_KEY")) {
      n = g.between(8, 15);
    }
    double nullRate = new double[] {0, 0.1, 0.3, 0.5, 0.7}[r.nextInt(5)];
    double noiseRate = new double[] {0, 0.02, 0.05, 0.08}[r.nextInt(4)];
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      if (u < nullRate) {
        values.add(null);
      } else if (u < nullRate + noiseRate) {
        values.add(g.pick(HOLDOUT_NOISE));
      } else {
        values.add(k.values().apply(g, f));
      }
    }
    return new LabeledColumn(null, dataset, name, values, k.expected(), k.key(), null);
  }

  private String holdoutOpaqueName() {
    String base = g.pick(HOLDOUT_OPAQUE);
    return switch (base) {
      case "unnamed_", "Column", "F" -> base + r.nextInt(30);
      case "c_0" -> base + String.format("%02d", r.nextInt(100));
      case "val_" -> base + g.chars("abcdefgh", 1);
      default -> base;
    };
  }

  private String holdoutStyled(String name) {
    String n = switch (r.nextInt(6)) {
      case 0 -> pascal(name);
      case 1 -> spaced(name);
      case 2 -> name.replace('_', '-');
      case 3 -> name + g.pick(HOLDOUT_SUFFIXES);
      case 4 -> "t_" + g.pick(PREFIXES) + "_" + name;
      default -> name;
    };
    return n;
  }

  static String pascal(String snake) {
    String c = camel(snake);
    return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
  }

  static String spaced(String snake) {
    StringBuilder sb = new StringBuilder();
    for (String part : snake.split("_")) {
      if (part.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }

  private String opaqueName() {
    String base = g.pick(OPAQUE);
    return switch (r.nextInt(3)) {
      case 0 -> base.endsWith("_") ? base + r.nextInt(50) : base + r.nextInt(20);
      case 1 -> base;
      default -> base.endsWith("_") ? base + g.chars("abcdefgh", 1) : base + "_" + r.nextInt(9);
    };
  }

  private String styled(String name) {
    return switch (r.nextInt(6)) {
      case 0 -> camel(name);
      case 1 -> name.toUpperCase(Locale.ROOT);
      case 2 -> g.pick(PREFIXES) + "_" + name;
      case 3 -> camel(g.pick(PREFIXES) + "_" + name);
      default -> name;
    };
  }

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = sb.length() > 0;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }
}
