package io.pursight.governance.policy.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.compliance.ComplianceReport;
import io.pursight.governance.compliance.ControlResult;
import io.pursight.governance.compliance.Finding;
import io.pursight.governance.compliance.ProcessingRecord;
import io.pursight.governance.lineage.TransformKind;
import io.pursight.governance.policy.Effect;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ValueCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over random catalogs, lineage graphs and policies, each drawn from one seed (the
 * falsifying seed is printed by QuickTheories): counts are consistent, findings are sorted and
 * name only controls of the pack, the score follows the formula, evaluation is deterministic,
 * profile values never reach a report, and a deny-everything policy passes every policy check.
 */
class ReportInvariantsTest {
  private static final List<String> TYPES = new ArrayList<>();
  private static final String[] CATEGORIES;

  static {
    InfoTypes.builtIn().all().stream().map(InfoType::id).sorted().forEach(TYPES::add);
    TYPES.add("EMPLOYEE_BADGE_ID"); // a custom type the info types do not know
    CATEGORIES = InfoTypes.builtIn().all().stream().map(InfoType::category).distinct().sorted().toArray(String[]::new);
  }

  /** A random world: catalog, lineage and policies, and the canary values hidden in profiles. */
  record World(FakeCatalog catalog, FakeLineage lineage, FakePolicies policies, List<String> canaries) {}

  static World world(long seed, boolean denyAll) {
    Random r = new Random(seed);
    FakeCatalog cat = new FakeCatalog();
    List<String> fields = new ArrayList<>();
    List<String> canaries = new ArrayList<>();
    int datasets = r.nextInt(8);
    for (int d = 0; d < datasets; d++) {
      String name = "d" + d;
      FakeCatalog.Table t = cat.table(name).kind(DatasetKind.values()[r.nextInt(DatasetKind.values().length)]);
      if (r.nextBoolean()) {
        t.owners("team" + r.nextInt(3));
      }
      if (r.nextBoolean()) {
        t.property("purpose", new String[] {"billing", "none", " ", "analytics, billing"}[r.nextInt(4)]);
      }
      if (r.nextBoolean()) {
        t.property("retention", "P" + (1 + r.nextInt(9)) + "Y");
      }
      if (r.nextInt(5) == 0) {
        t.tags(new String[] {"phi", "hipaa", "pci-extract"}[r.nextInt(3)]);
      }
      if (r.nextInt(10) == 0) {
        t.property("phi", "true");
      }
      int cols = r.nextInt(6);
      List<FakeCatalog.Col> cs = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        String col = "c" + c;
        List<Classification> classes = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
          classes.add(classification(r, TYPES.get(r.nextInt(TYPES.size())), name));
        }
        String canary = "CANARY-" + Long.toHexString(r.nextLong());
        canaries.add(canary);
        Profile p = new Profile(100, 0, 10, 0, 0, canary, canary + "z", 3, 20, 8.0,
            List.of(new ValueCount(canary, 7)), List.of(new ValueCount("9999", 3)), false, null);
        FakeCatalog.Col fc = FakeCatalog.col(col, classes.toArray(Classification[]::new)).profile(p);
        if (r.nextInt(5) == 0) {
          fc = fc.tagged(new String[] {"encrypted", "tokenized", "pii"}[r.nextInt(3)]);
        }
        cs.add(fc);
        fields.add(name + "." + col);
      }
      t.cols(cs.toArray(FakeCatalog.Col[]::new)).add();
    }
    fields.add("ghost.x");
    fields.add("ghost.y");
    FakeLineage lineage = new FakeLineage();
    for (int e = r.nextInt(16); e > 0; e--) {
      String from = fields.get(r.nextInt(fields.size()));
      String to = fields.get(r.nextInt(fields.size()));
      lineage.edge(from, to, TransformKind.values()[r.nextInt(TransformKind.values().length)]);
    }
    FakePolicies policies = new FakePolicies(cat);
    if (denyAll) {
      policies.rule("deny-all", Effect.DENY, f -> true);
    }
    for (int p = r.nextInt(5); p > 0; p--) {
      Effect effect = Effect.values()[r.nextInt(Effect.values().length)];
      String[] unless = r.nextBoolean() ? new String[] {"analyst"} : new String[] {"support"};
      if (r.nextBoolean()) {
        policies.rule("p" + p, effect, FakePolicies.types(TYPES.get(r.nextInt(TYPES.size()))), unless);
      } else {
        policies.rule("p" + p, effect, FakePolicies.categories(CATEGORIES[r.nextInt(CATEGORIES.length)]), unless);
      }
    }
    return new World(cat, lineage, policies, canaries);
  }

  private static Classification classification(Random r, String type, String dataset) {
    return switch (r.nextInt(9)) {
      case 0 -> Classes.values(type);
      case 1 -> Classes.estimated(type);
      case 2 -> Classes.model(type);
      case 3 -> Classes.modelByName(type);
      case 4 -> Classes.nameOnly(type);
      case 5 -> Classes.masked(type);
      case 6 -> Classes.inherited(type, dataset + ".c0");
      case 7 -> Classes.confirmed(type);
      default -> Classes.rejected(type);
    };
  }

  @Test
  void reportsAreConsistentSortedDeterministicAndValueFree() {
    java.util.concurrent.atomic.AtomicInteger findings = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger records = new java.util.concurrent.atomic.AtomicInteger();
    Seeds.qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      for (String id : CompliancePlugin.PACKS) {
        World w = world(seed, false);
        Pack pack = Reports.pack(id);
        ComplianceReport r = pack.evaluate(Reports.context(w.catalog(), w.lineage(), w.policies()));
        checkReport(pack, r, w);
        ComplianceReport again = pack.evaluate(Reports.context(w.catalog(), w.lineage(), w.policies()));
        assertThat(again).as("deterministic").isEqualTo(r);
        findings.addAndGet(r.findings().size());
        records.addAndGet(r.processingRecords().size());
      }
    });
    // the worlds are rich enough to exercise the checks
    assertThat(findings.get()).isGreaterThan(1000);
    assertThat(records.get()).isGreaterThan(100);
  }

  @Test
  void aDenyEverythingPolicyPassesEveryPolicyCheck() {
    Seeds.qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      for (String id : CompliancePlugin.PACKS) {
        World w = world(seed, true);
        Pack pack = Reports.pack(id);
        ComplianceReport r = pack.evaluate(Reports.context(w.catalog(), w.lineage(), w.policies()));
        Map<String, Pack.ControlInfo> info = new HashMap<>();
        pack.controls().forEach(c -> info.put(c.id(), c));
        for (ControlResult c : r.controls()) {
          String check = info.get(c.control()).check();
          if (check.equals("unmasked") || check.equals("policies-loaded")) {
            assertThat(c.failed()).as(c.control()).isZero();
          }
        }
        for (ProcessingRecord p : r.processingRecords()) {
          assertThat(p.safeguards()).contains("deny-all");
          assertThat(p.gaps()).noneMatch(g -> g.startsWith("no safeguard") || g.startsWith("special category"));
        }
      }
    });
  }

  static void checkReport(Pack pack, ComplianceReport r, World w) {
    assertThat(r.framework()).isEqualTo(pack.id());
    List<Pack.ControlInfo> controls = pack.controls();
    assertThat(r.controls()).extracting(ControlResult::control)
        .containsExactlyElementsOf(controls.stream().map(Pack.ControlInfo::id).toList());
    Map<String, Pack.ControlInfo> info = new HashMap<>();
    controls.forEach(c -> info.put(c.id(), c));
    for (ControlResult c : r.controls()) {
      assertThat(c.failed()).as(c.control()).isBetween(0, c.checked());
      List<Finding> mine = r.findings().stream().filter(f -> f.control().equals(c.control())).toList();
      String check = info.get(c.control()).check();
      switch (check) {
        case "stored" -> {
          assertThat(mine.size()).as(c.control()).isGreaterThanOrEqualTo(c.failed());
          assertThat(mine.isEmpty()).isEqualTo(c.failed() == 0);
        }
        case "copies" -> assertThat(mine.isEmpty()).as(c.control()).isEqualTo(c.failed() == 0);
        default -> assertThat(mine).as(c.control()).hasSize(c.failed());
      }
      for (Finding f : mine) {
        Set<Object> allowed = check.equals("copies")
            ? Set.of(info.get(c.control()).severity(), Text.lower(info.get(c.control()).severity()))
            : Set.of(info.get(c.control()).severity());
        assertThat(allowed).contains(f.severity());
        assertThat(f.asset() == null).isEqualTo(check.equals("policies-loaded"));
      }
    }
    assertThat(r.findings()).isSortedAccordingTo(Pack.ORDER);
    assertThat(r.score()).isEqualTo(Score.of(r.controls(),
        r.controls().stream().map(c -> info.get(c.control()).severity()).toList()));
    assertThat(r.score() == 100.0).isEqualTo(r.controls().stream().allMatch(ControlResult::passed));
    assertThat(r.processingRecords().isEmpty() || pack.id().equals("gdpr")).isTrue();
    String text = r.toString();
    for (String canary : w.canaries()) {
      assertThat(text).doesNotContain(canary);
    }
    assertThat(text).doesNotContain("CANARY");
  }
}
