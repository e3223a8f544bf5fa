package io.pursight.governance.lineage.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenLineageExportTest {
  final UUID run = UUID.fromString("0195d1f4-8d5c-7a1e-9f00-000000000001");
  final ZonedDateTime time = ZonedDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void scriptLineageBecomesASpecConformantRunEventWithColumnLineage() throws Exception {
    ScriptLineage lineage = new ScriptLineage(List.of(new StatementLineage(0, "INSERT", List.of("mart.customer_stats"),
        List.of("sales.customers", "sales.orders"), List.of(
            new ColumnLineage("mart.customer_stats.email", List.of("sales.customers.email"),
                List.of("sales.orders.customer_id"), TransformKind.IDENTITY),
            new ColumnLineage("mart.customer_stats.total", List.of("sales.orders.amount"), List.of(),
                TransformKind.AGGREGATION)))), List.of());
    String json = new OpenLineageExport().runEvent(lineage, "postgres://db:5432", "etl", "nightly", run, time);

    OpenLineage.RunEvent event = OpenLineageClientUtils.runEventFromJson(json);
    assertThat(event.getEventType()).isEqualTo(OpenLineage.RunEvent.EventType.COMPLETE);
    assertThat(event.getRun().getRunId()).isEqualTo(run);
    assertThat(event.getJob().getName()).isEqualTo("nightly");
    assertThat(event.getInputs()).extracting(OpenLineage.InputDataset::getName)
        .containsExactly("sales.customers", "sales.orders");
    OpenLineage.OutputDataset out = event.getOutputs().get(0);
    assertThat(out.getName()).isEqualTo("mart.customer_stats");
    var fields = out.getFacets().getColumnLineage().getFields().getAdditionalProperties();
    assertThat(fields).containsOnlyKeys("email", "total");
    assertThat(fields.get("email").getInputFields()).extracting(f -> f.getName() + "." + f.getField() + " "
        + f.getTransformations().get(0).getType() + "/" + f.getTransformations().get(0).getSubtype())
        .containsExactly("sales.customers.email DIRECT/IDENTITY", "sales.orders.customer_id INDIRECT/FILTER");
    assertThat(fields.get("total").getInputFields().get(0).getTransformations().get(0).getSubtype())
        .isEqualTo("AGGREGATION");

    JsonNode raw = new ObjectMapper().readTree(json);
    assertThat(raw.get("schemaURL").asText()).startsWith("https://openlineage.io/spec/");
    assertThat(raw.get("producer").asText()).isEqualTo(OpenLineageExport.PRODUCER.toString());
    JsonNode facet = raw.get("outputs").get(0).get("facets").get("columnLineage");
    assertThat(facet.get("_producer").asText()).isEqualTo(OpenLineageExport.PRODUCER.toString());
    assertThat(facet.get("_schemaURL").asText()).contains("ColumnLineageDatasetFacet");
    assertThat(raw.get("eventTime").asText()).startsWith("2026-11-26T08:00");
  }

  @Test
  void graphEdgesUseTheSourceAsNamespace() {
    QualifiedName email = QualifiedName.dataset("shop", "shop", "public", "customers").child("email");
    QualifiedName copy = QualifiedName.dataset("dw", "dw", "mart", "contacts").child("mail");
    String json = new OpenLineageExport().runEvent(List.of(new LineageEdge(email, copy, TransformKind.IDENTITY, "x#0")),
        "pursight", "copy_contacts", run, time);
    OpenLineage.RunEvent event = OpenLineageClientUtils.runEventFromJson(json);
    assertThat(event.getInputs().get(0).getNamespace()).isEqualTo("pursight://shop");
    assertThat(event.getInputs().get(0).getName()).isEqualTo("shop.public.customers");
    assertThat(event.getOutputs().get(0).getNamespace()).isEqualTo("pursight://dw");
    assertThat(event.getOutputs().get(0).getFacets().getColumnLineage().getFields().getAdditionalProperties()
        .get("mail").getInputFields().get(0).getField()).isEqualTo("email");
  }
}
