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

  private final Random r;
  private final ValueGen g;
  private final String idPrefix;

  /** A generator for seed {@code seed}; ids start with {@code idPrefix}. */
  public ColumnSetGenerator(long seed, String idPrefix) {
    this.r = new Random(seed);
    this.g = new ValueGen(r);
    this.idPrefix = idPrefix;
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
