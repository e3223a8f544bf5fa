package io.pursight.governance.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.GlossaryTerm;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ClassificationDecision;
import io.pursight.governance.core.testing.Fixtures;
import io.pursight.governance.spi.CatalogStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link CatalogStore} must have. */
abstract class CatalogStoreContract {
  protected CatalogStore store;

  protected abstract CatalogStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void snapshotsRoundTripAndReplaceAtomically() {
    DatasetSnapshot s1 = Fixtures.customersSnapshot("scan-1");
    store.putSnapshot(s1);
    assertThat(store.snapshot(s1.name())).contains(s1);

    DatasetSnapshot s2 = Fixtures.customersSnapshot("scan-2");
    store.putSnapshot(s2);
    assertThat(store.snapshot(s1.name())).contains(s2);
    assertThat(store.datasetNames(QualifiedName.source("shop"))).containsExactly(s1.name());
    assertThat(store.datasetNames(QualifiedName.source("other"))).isEmpty();

    store.removeSnapshot(s1.name());
    assertThat(store.snapshot(s1.name())).isEmpty();
  }

  @Test
  void datasetNamesRespectNamespaceScopes() {
    DatasetSnapshot s = Fixtures.customersSnapshot("scan-1");
    store.putSnapshot(s);
    assertThat(store.datasetNames(new QualifiedName("shop", "test", "public", null, List.of()))).hasSize(1);
    assertThat(store.datasetNames(new QualifiedName("shop", "test", "sales", null, List.of()))).isEmpty();
  }

  @Test
  void sourcesAreSortedAndReplaced() {
    store.putSource(new DataSource("b", "jdbc", "jdbc:h2:mem:b", "H2", "2", Map.of()));
    store.putSource(new DataSource("a", "jdbc", "jdbc:h2:mem:a", "H2", "2", Map.of()));
    store.putSource(new DataSource("a", "jdbc", "jdbc:h2:mem:a", "H2", "3", Map.of()));
    assertThat(store.sources()).extracting(DataSource::name).containsExactly("a", "b");
    assertThat(store.sources().get(0).productVersion()).isEqualTo("3");
  }

  @Test
  void annotationsSurviveSnapshotReplacementAndEmptyDeletes() {
    DatasetSnapshot s = Fixtures.customersSnapshot("scan-1");
    store.putSnapshot(s);
    QualifiedName email = s.name().child("email");
    Annotations a = Annotations.EMPTY.withDescription("Where we write to")
        .withOwners(List.of("alice", "team-crm"))
        .withTags(Set.of(Tag.of("pii"), Tag.of("Contact")))
        .withTerms(Set.of(GlossaryTerm.of("Customer e-mail")))
        .withProperties(Map.of("retention", "P2Y"));
    store.putAnnotations(email, a);
    store.putSnapshot(Fixtures.customersSnapshot("scan-2"));
    assertThat(store.annotations(email)).isEqualTo(a);
    assertThat(store.annotations(email).tags()).extracting(Tag::name).containsExactly("contact", "pii");
    assertThat(store.allAnnotations()).containsOnlyKeys(email);

    store.putAnnotations(email, Annotations.EMPTY);
    assertThat(store.annotations(email)).isEqualTo(Annotations.EMPTY);
    assertThat(store.allAnnotations()).isEmpty();
  }

  @Test
  void laterDecisionReplacesEarlierOneOnSameFieldAndType() {
    QualifiedName email = Fixtures.customers().child("email");
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.putDecision(new ClassificationDecision(email, "EMAIL_ADDRESS", Classification.Status.CONFIRMED, "alice", t, null));
    store.putDecision(new ClassificationDecision(email, "PERSON_NAME", Classification.Status.REJECTED, "bob", t, "no"));
    store.putDecision(new ClassificationDecision(email, "EMAIL_ADDRESS", Classification.Status.REJECTED, "carol",
        t.plusSeconds(1), "test data"));
    List<ClassificationDecision> all = store.decisions();
    assertThat(all).hasSize(2);
    assertThat(all.get(1).decidedBy()).isEqualTo("carol");
    assertThat(all.get(1).verdict()).isEqualTo(Classification.Status.REJECTED);
    assertThat(all.get(1).decidedAt()).isEqualTo(t.plusSeconds(1));
  }

  @Test
  void changesAreNewestFirstAndScoped() {
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    QualifiedName a = Fixtures.customers().child("a");
    QualifiedName other = QualifiedName.dataset("shop", "test", "public", "orders");
    store.appendChanges(List.of(
        new SchemaChange(SchemaChange.Kind.FIELD_ADDED, a, null, "int4", t, "s1"),
        new SchemaChange(SchemaChange.Kind.DATASET_ADDED, other, null, null, t, "s1"),
        new SchemaChange(SchemaChange.Kind.FIELD_RETYPED, a, "int4", "text", t.plusSeconds(1), "s2")));
    List<SchemaChange> all = store.changes(QualifiedName.source("shop"), 10);
    assertThat(all).extracting(SchemaChange::kind).containsExactly(
        SchemaChange.Kind.FIELD_RETYPED, SchemaChange.Kind.DATASET_ADDED, SchemaChange.Kind.FIELD_ADDED);
    assertThat(store.changes(Fixtures.customers(), 10)).hasSize(2);
    assertThat(store.changes(Fixtures.customers(), 1)).hasSize(1);
    assertThat(all.get(0).before()).isEqualTo("int4");
  }

  @Test
  void lineageEdgesAreKeptOncePerSourceTargetAndTransform() {
    QualifiedName a = Fixtures.customers().child("email");
    QualifiedName b = QualifiedName.dataset("shop", "test", "public", "contacts").child("mail");
    store.putLineage(List.of(
        new io.pursight.governance.lineage.LineageEdge(a, b, io.pursight.governance.lineage.TransformKind.IDENTITY, "s1"),
        new io.pursight.governance.lineage.LineageEdge(a, b, io.pursight.governance.lineage.TransformKind.FILTER, null)));
    store.putLineage(List.of(
        new io.pursight.governance.lineage.LineageEdge(a, b, io.pursight.governance.lineage.TransformKind.IDENTITY, "s2")));
    assertThat(store.lineage()).hasSize(2).anySatisfy(e -> {
      assertThat(e.transform()).isEqualTo(io.pursight.governance.lineage.TransformKind.IDENTITY);
      assertThat(e.statement()).isEqualTo("s1");
      assertThat(e.target()).isEqualTo(b);
    });
  }

  static TreeSet<String> names(List<QualifiedName> names) {
    TreeSet<String> s = new TreeSet<>();
    names.forEach(n -> s.add(n.toString()));
    return s;
  }
}
