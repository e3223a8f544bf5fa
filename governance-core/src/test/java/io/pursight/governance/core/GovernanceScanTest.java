package io.pursight.governance.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pursight.governance.AssetNotFoundException;
import io.pursight.governance.SourceException;
import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.core.testing.FakeSources;
import io.pursight.governance.core.testing.FakeSources.FakeSource;
import io.pursight.governance.event.GovernanceEvent;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.Scan;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanListener;
import io.pursight.governance.scan.ScanMode;
import io.pursight.governance.scan.ScanRequest;
import io.pursight.governance.scan.ScanResult;
import io.pursight.governance.spi.EventSink;
import io.pursight.governance.spi.Sample;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GovernanceScanTest {
  static final DataType INT = new DataType("int4", Types.INTEGER, 10, 0, TypeFamily.INTEGER);
  static final DataType TEXT = new DataType("varchar", Types.VARCHAR, 80, null, TypeFamily.STRING);

  FakeSource src;
  Governance gov;
  final List<GovernanceEvent> events = Collections.synchronizedList(new ArrayList<>());

  static QualifiedName ds(String table) {
    return QualifiedName.dataset("shop", "db", "public", table);
  }

  static Dataset table(String name, Field... fields) {
    return new Dataset(ds(name), DatasetKind.TABLE, List.of(fields), List.of("id"), List.of(), null, null, 100L, Map.of());
  }

  static Field f(String name, int pos, DataType t) {
    return new Field(name, pos, t, !name.equals("id"), name.equals("id"), null, null);
  }

  @BeforeEach
  void setUp() {
    src = FakeSources.create("shop-" + System.nanoTime());
    src.put(table("customers", f("id", 1, INT), f("email", 2, TEXT), f("home_city", 3, TEXT)),
        Map.of("id", List.of(1L, 2L, 3L, 4L), "email", List.of("a@x.io", "b@x.io", "c@y.org", "d@z.com"),
            "home_city", List.of("Lyon", "Paris", "Paris", "Lyon")));
    src.put(table("orders", f("id", 1, INT), f("amount", 2, INT)),
        Map.of("id", List.of(1L, 2L), "amount", List.of(10L, 20L)));
    src.put(table("secret", f("id", 1, INT)), Map.of("id", List.of(1L)));
    gov = build(src);
  }

  Governance build(FakeSource s) {
    return Governance.builder().inMemoryStore().source("shop", s.location()).eventSink(events::add)
        .meterRegistry(new SimpleMeterRegistry()).build();
  }

  @AfterEach
  void tearDown() {
    gov.close();
  }

  ScanResult scan() {
    return gov.scan(ScanRequest.builder().build());
  }

  @Test
  void scanStoresMetadataClassificationsAndProfiles() {
    ScanResult r = scan();
    assertThat(r.isClean()).as(r.errors().toString()).isTrue();
    assertThat(r.count(DatasetOutcome.Status.SCANNED)).isEqualTo(3);
    DatasetEntry customers = gov.catalog().dataset(ds("customers")).orElseThrow();
    FieldEntry email = customers.field("email").orElseThrow();
    assertThat(email.activeClassifications()).extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS");
    assertThat(email.classifications().get(0).evidence()).contains("4/4 values contain @");
    assertThat(email.profile()).isNotNull();
    assertThat(email.profile().redacted()).as("EMAIL_ADDRESS is sensitive").isTrue();
    assertThat(customers.field("home_city").orElseThrow().profile().redacted())
        .as("LOCATION_CITY is only INTERNAL").isFalse();
    assertThat(customers.field("id").orElseThrow().profile().redacted()).isFalse();
    assertThat(customers.quality()).isNotNull();
    assertThat(r.datasets()).filteredOn(o -> o.dataset().equals(ds("customers")))
        .singleElement().satisfies(o -> assertThat(o.sensitiveFields()).isEqualTo(2));
    assertThat(gov.catalog().sources()).extracting(s -> s.product()).containsExactly("Fake");
  }

  @Test
  void oneBadDatasetNeverAbortsTheScan() {
    src.failDescribe.add(ds("secret"));
    src.goneOnSample.add(ds("orders"));
    ScanResult r = scan();
    assertThat(r.count(DatasetOutcome.Status.SCANNED)).isEqualTo(1);
    assertThat(r.count(DatasetOutcome.Status.FAILED)).isEqualTo(2);
    assertThat(r.errors()).extracting(ScanError::stage).containsExactlyInAnyOrder(ScanError.Stage.DESCRIBE,
        ScanError.Stage.SAMPLE);
    assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).contains("permission denied"));
    assertThat(r.errors()).anySatisfy(e -> assertThat(e.message()).contains("dropped during the scan"));
    assertThat(gov.catalog().dataset(ds("orders"))).as("a vanished table is not stored").isEmpty();
    assertThat(gov.catalog().dataset(ds("customers"))).isPresent();
  }

  @Test
  void decodeFailuresAndClassifierBugsAreIsolatedPerColumn() {
    src.put(table("weird", f("id", 1, INT), f("boom", 2, TEXT), f("blob", 3, TEXT)),
        Map.of("id", List.of(1L, 2L), "boom", List.of("x", "y")));
    src.putColumn(ds("weird"), "blob", new Sample.ColumnValues(List.of("ok"), 3, "Bad value for type money", null));
    ScanResult r = scan();
    assertThat(r.errors()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(ScanError.Stage.SAMPLE);
      assertThat(e.asset()).isEqualTo(ds("weird").child("blob"));
      assertThat(e.message()).contains("3 of 4 sampled values could not be decoded").contains("Bad value for type money");
    });
    assertThat(r.errors()).anySatisfy(e -> {
      assertThat(e.stage()).isEqualTo(ScanError.Stage.CLASSIFY);
      assertThat(e.asset()).isEqualTo(ds("weird").child("boom"));
      assertThat(e.message()).contains("fake-email");
    });
    DatasetEntry weird = gov.catalog().dataset(ds("weird")).orElseThrow();
    assertThat(weird.field("blob").orElseThrow().profile().decodeErrors()).isEqualTo(3);
    assertThat(r.datasets()).filteredOn(o -> o.dataset().equals(ds("weird")))
        .extracting(DatasetOutcome::status).containsExactly(DatasetOutcome.Status.SCANNED);
  }

  @Test
  void unreachableSourceIsReportedAndOtherSourcesStillScan() {
    FakeSource down = FakeSources.create("down");
    down.connectFailure = new SourceException("down", SourceException.Reason.UNREACHABLE,
        "Cannot reach fake:down: connection refused", null);
    gov.registerSource(io.pursight.governance.spi.SourceConfig.of("down", "fake:down", null, null));
    ScanResult r = scan();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.stage()).isEqualTo(ScanError.Stage.CONNECT);
      assertThat(e.source()).isEqualTo("down");
    });
    assertThat(r.count(DatasetOutcome.Status.SCANNED)).isEqualTo(3);
  }

  @Test
  void listenerSeesOrderedProgressWithoutConcurrentCalls() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    int[] inCall = {0};
    int[] maxConcurrent = {0};
    ScanListener l = new ScanListener() {
      void enter(String s) {
        inCall[0]++;
        maxConcurrent[0] = Math.max(maxConcurrent[0], inCall[0]);
        calls.add(s);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inCall[0]--;
      }

      @Override
      public void sourceStarted(String scanId, String source, int datasets) {
        enter("source " + datasets);
      }

      @Override
      public void datasetFinished(DatasetOutcome outcome, int done, int total) {
        enter("done " + done + "/" + total);
      }

      @Override
      public void scanFinished(ScanResult result) {
        enter("finished");
      }
    };
    gov.scan(ScanRequest.builder().listener(l).build());
    assertThat(calls).containsExactly("source 3", "done 1/3", "done 2/3", "done 3/3", "finished");
    assertThat(maxConcurrent[0]).isEqualTo(1);
  }

  @Test
  void cancellationAbortsRunningSamplesAndReportsCancelledDatasets() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    src.blockSample.put(ds("customers"), never);
    src.blockSample.put(ds("orders"), new CountDownLatch(1));
    src.blockSample.put(ds("secret"), new CountDownLatch(1));
    Scan scan = gov.startScan(ScanRequest.builder().build());
    Thread.sleep(200);
    assertThat(scan.result()).isNotDone();
    scan.cancel();
    ScanResult r = scan.result().get(10, TimeUnit.SECONDS);
    assertThat(r.cancelled()).isTrue();
    assertThat(r.count(DatasetOutcome.Status.CANCELLED)).isEqualTo(3);
    assertThat(gov.catalog().datasets(QualifiedName.source("shop"))).isEmpty();
  }

  @Test
  void rescanDetectsDriftAndPublishesEvents() {
    scan();
    assertThat(events).filteredOn(e -> e instanceof GovernanceEvent.SchemaChanged)
        .as("the first scan of a source reports no drift").isEmpty();
    src.put(table("customers", f("id", 1, INT), f("email", 2, new DataType("text", Types.VARCHAR, null, null,
        TypeFamily.STRING)), f("phone", 3, TEXT)), Map.of("id", List.of(1L), "email", List.of("a@x.io")));
    src.datasets.remove(ds("secret"));
    src.put(table("invoices", f("id", 1, INT)), Map.of("id", List.of(1L)));
    ScanResult r = scan();
    assertThat(r.changes()).extracting(c -> c.kind() + " " + c.asset().displayName()).containsExactlyInAnyOrder(
        "FIELD_RETYPED db.public.customers.email", "FIELD_ADDED db.public.customers.phone",
        "FIELD_REMOVED db.public.customers.home_city", "DATASET_ADDED db.public.invoices",
        "DATASET_REMOVED db.public.secret");
    SchemaChange retyped = r.changes().stream().filter(c -> c.kind() == SchemaChange.Kind.FIELD_RETYPED).findFirst()
        .orElseThrow();
    assertThat(retyped.before()).isEqualTo("varchar(80)");
    assertThat(retyped.after()).isEqualTo("text");
    assertThat(gov.catalog().changes(ds("customers"), 10)).hasSize(3);
    assertThat(gov.catalog().dataset(ds("secret"))).isEmpty();
    assertThat(events).filteredOn(e -> e instanceof GovernanceEvent.SchemaChanged).hasSize(5);
    assertThat(events).filteredOn(e -> e instanceof GovernanceEvent.ScanFinished).hasSize(2);
  }

  @Test
  void incrementalRescanSkipsUnchangedDatasetsAndFullRescanDoesNot() {
    scan();
    int calls = src.sampleCalls.get();
    ScanResult again = scan();
    assertThat(again.count(DatasetOutcome.Status.UNCHANGED)).isEqualTo(3);
    assertThat(src.sampleCalls.get()).isEqualTo(calls);
    assertThat(gov.catalog().dataset(ds("customers")).orElseThrow().field("email").orElseThrow()
        .activeClassifications()).hasSize(1);

    Dataset grown = new Dataset(ds("orders"), DatasetKind.TABLE, src.datasets.get(ds("orders")).fields(),
        List.of("id"), List.of(), null, null, 150L, Map.of());
    src.datasets.put(ds("orders"), grown);
    ScanResult sized = scan();
    assertThat(sized.count(DatasetOutcome.Status.SCANNED)).as("a 50% size change re-samples").isEqualTo(1);

    ScanResult full = gov.scan(ScanRequest.builder().mode(ScanMode.FULL).build());
    assertThat(full.count(DatasetOutcome.Status.SCANNED)).isEqualTo(3);
  }

  @Test
  void peoplesAnnotationsAndVerdictsSurviveRescans() {
    scan();
    QualifiedName email = ds("customers").child("email");
    QualifiedName city = ds("customers").child("home_city");
    gov.catalog().describe(email, "Primary contact address");
    gov.catalog().tag(email, Tag.of("pii"));
    gov.catalog().setOwners(ds("customers"), List.of("crm-team"));
    gov.classification().reject(city, "LOCATION_CITY", "alice", "it is a marketing segment");
    gov.classification().confirm(ds("orders").child("amount"), "US_BANK_ACCOUNT_NUMBER", "bob", null);

    gov.scan(ScanRequest.builder().mode(ScanMode.FULL).build());

    DatasetEntry c = gov.catalog().dataset(ds("customers")).orElseThrow();
    assertThat(c.annotations().owners()).containsExactly("crm-team");
    FieldEntry e = c.field("email").orElseThrow();
    assertThat(e.annotations().description()).isEqualTo("Primary contact address");
    assertThat(e.annotations().tags()).extracting(Tag::name).containsExactly("pii");
    FieldEntry cityEntry = c.field("home_city").orElseThrow();
    assertThat(cityEntry.activeClassifications()).isEmpty();
    assertThat(cityEntry.classifications()).singleElement().satisfies(cl -> {
      assertThat(cl.status()).isEqualTo(Classification.Status.REJECTED);
      assertThat(cl.evidence()).contains("rejected by alice");
    });
    FieldEntry amount = gov.catalog().field(ds("orders").child("amount")).orElseThrow();
    assertThat(amount.activeClassifications()).singleElement().satisfies(cl -> {
      assertThat(cl.infoType()).isEqualTo("US_BANK_ACCOUNT_NUMBER");
      assertThat(cl.status()).isEqualTo(Classification.Status.CONFIRMED);
      assertThat(cl.confidence()).isEqualTo(1.0);
    });
    assertThat(amount.profile().redacted()).as("a confirmed sensitive type redacts the profile").isTrue();
    assertThat(gov.classification().decisions()).hasSize(2);
    assertThat(events).anySatisfy(ev -> assertThat(ev).isInstanceOfSatisfying(
        GovernanceEvent.ClassificationsChanged.class, cc -> assertThat(cc.removed()).containsExactly("LOCATION_CITY")));
  }

  @Test
  void feedbackExportJoinsVerdictsWithFreshlySampledValues() {
    scan();
    gov.classification().confirm(ds("customers").child("email"), "EMAIL_ADDRESS", "alice", null);
    gov.classification().reject(ds("customers").child("home_city"), "LOCATION_CITY", "alice", null);
    gov.classification().reject(ds("secret").child("id"), "US_BANK_ACCOUNT_NUMBER", "bob", null);
    src.goneOnSample.add(ds("secret"));
    var export = gov.classification().exportFeedback("shop", io.pursight.governance.scan.SampleSpec.DEFAULT);
    assertThat(export.samples()).extracting(x -> x.field().simpleName()).containsExactly("email", "home_city");
    assertThat(export.samples().get(0).confirmed()).containsExactly("EMAIL_ADDRESS");
    assertThat(export.samples().get(0).values()).containsExactly("a@x.io", "b@x.io", "c@y.org", "d@z.com");
    assertThat(export.samples().get(1).rejected()).containsExactly("LOCATION_CITY");
    assertThat(export.errors()).singleElement().satisfies(e -> assertThat(e.asset()).isEqualTo(ds("secret")));
    assertThatThrownBy(() -> gov.classification().exportFeedback("nope", io.pursight.governance.scan.SampleSpec.DEFAULT))
        .isInstanceOf(io.pursight.governance.ConfigurationException.class);
  }

  @Test
  void unknownAssetsAndInfoTypesAreRefused() {
    scan();
    assertThatThrownBy(() -> gov.catalog().describe(ds("nope"), "x")).isInstanceOf(AssetNotFoundException.class)
        .hasMessageContaining("shop/db/public/nope");
    assertThatThrownBy(() -> gov.classification().confirm(ds("customers").child("nope"), "EMAIL_ADDRESS", "a", null))
        .isInstanceOf(AssetNotFoundException.class);
    assertThatThrownBy(() -> gov.classification().confirm(ds("customers").child("email"), "EMAIL", "a", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown info type 'EMAIL'");
  }

  @Test
  void scanFiltersSelectDatasets() {
    ScanResult r = gov.scan(ScanRequest.builder().include("cust*", "public.orders").exclude("*ers").build());
    assertThat(r.datasets()).extracting(o -> o.dataset().dataset()).isEmpty();
    r = gov.scan(ScanRequest.builder().include("cust*", "public.orders").build());
    assertThat(r.datasets()).extracting(o -> o.dataset().dataset()).containsExactlyInAnyOrder("customers", "orders");
    assertThat(gov.scan(ScanRequest.builder().schemas("other").build()).datasets()).isEmpty();
    assertThat(gov.catalog().dataset(ds("customers"))).as("filtered-out datasets are not 'removed'").isPresent();
  }

  @Test
  void scanMetricsAreRecorded() {
    scan();
    var reg = gov.meterRegistry();
    assertThat(reg.get("pursight.scan.dataset").tag("status", "scanned").timer().count()).isEqualTo(3);
    assertThat(reg.get("pursight.scan.assets").tag("kind", "field").counter().count()).isEqualTo(6);
    assertThat(reg.get("pursight.scan.classifications").tag("infoType", "EMAIL_ADDRESS").counter().count()).isEqualTo(1);
    assertThat(reg.get("pursight.scan").tag("outcome", "ok").timer().count()).isEqualTo(1);
  }

  @Test
  void eventSinkFailuresDoNotBreakScans() {
    gov.close();
    EventSink broken = e -> {
      throw new IllegalStateException("sink down");
    };
    gov = Governance.builder().inMemoryStore().source("shop", src.location()).eventSink(broken).build();
    assertThat(scan().count(DatasetOutcome.Status.SCANNED)).isEqualTo(3);
  }

  @Test
  void onlyASingleColumnPrimaryKeyIsExpectedToBeUnique() {
    Field orderId = new Field("order_id", 1, INT, false, true, null, null);
    Field lineNo = new Field("line_no", 2, INT, false, true, null, null);
    src.put(new Dataset(ds("lines"), DatasetKind.TABLE, List.of(orderId, lineNo), List.of("order_id", "line_no"),
        List.of(), null, null, 4L, Map.of()), Map.of("order_id", List.of(1L, 1L, 2L, 2L), "line_no", List.of(1L, 2L, 1L, 2L)));
    src.put(table("dupes", f("id", 1, INT)), Map.of("id", List.of(1L, 1L, 2L, 3L)));
    scan();
    DatasetEntry lines = gov.catalog().dataset(ds("lines")).orElseThrow();
    assertThat(lines.field("line_no").orElseThrow().quality().uniqueness()).isNull();
    assertThat(lines.field("line_no").orElseThrow().quality().score()).isEqualTo(1.0);
    assertThat(gov.catalog().dataset(ds("dupes")).orElseThrow().field("id").orElseThrow().quality().uniqueness())
        .isEqualTo(0.75);
  }

  @Test
  void searchFollowsScansAnnotationsAndRemovals() {
    scan();
    assertThat(gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("email")))
        .extracting(h -> h.asset()).first().isEqualTo(ds("customers").child("email"));
    assertThat(gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("tag:gdpr"))).isEmpty();
    gov.catalog().tag(ds("orders").child("amount"), Tag.of("gdpr"));
    assertThat(gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("tag:gdpr")))
        .extracting(h -> h.asset()).containsExactly(ds("orders").child("amount"));
    assertThat(gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("infoType:EMAIL_ADDRESS")))
        .as("the field, and the dataset that holds it").extracting(h -> h.asset())
        .containsExactlyInAnyOrder(ds("customers").child("email"), ds("customers"));
    src.datasets.remove(ds("orders"));
    scan();
    assertThat(gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("tag:gdpr")))
        .as("removed datasets leave the index").isEmpty();
    assertThatThrownBy(() -> gov.catalog().search(io.pursight.governance.catalog.SearchQuery.of("\"unclosed")))
        .isInstanceOf(io.pursight.governance.InvalidQueryException.class);
  }

  @Test
  void scanWaitsForDurationBoundsToBeValid() {
    assertThatThrownBy(() -> ScanRequest.builder().sampleTimeout(Duration.ofMillis(10)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample timeout");
  }
}
