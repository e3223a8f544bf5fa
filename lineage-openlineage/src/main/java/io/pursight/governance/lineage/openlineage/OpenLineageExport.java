package io.pursight.governance.lineage.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.LineageEdge;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import io.pursight.governance.lineage.TransformKind;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Column lineage as OpenLineage {@code RunEvent}s (spec 2-0-2) whose output datasets carry the
 * {@code columnLineage} facet: for every written column, its input fields with a transformation
 * type ({@code DIRECT} for value flow, {@code INDIRECT} for filters, joins...) and subtype (our
 * {@link TransformKind} names, which are OpenLineage's). Built with the openlineage-java model, so
 * the JSON follows the spec's schema.
 */
public final class OpenLineageExport {
  /** The producer URI stamped on events and facets. */
  public static final URI PRODUCER = URI.create("https://github.com/pursight/pursight");

  private final OpenLineage ol = new OpenLineage(PRODUCER);

  /** One input column of a written column. */
  private record Input(String namespace, String dataset, String field, TransformKind transform) {}

  /**
   * A COMPLETE run event for the lineage of one script.
   *
   * @param lineage the script's lineage
   * @param namespace the datasets' namespace, e.g. {@code postgres://db.example.com:5432}
   * @param jobNamespace the job's namespace, e.g. {@code etl}
   * @param jobName the job's name, e.g. {@code nightly_load}
   * @param runId the run's id
   * @param time the event time
   */
  public String runEvent(ScriptLineage lineage, String namespace, String jobNamespace, String jobName, UUID runId,
      ZonedDateTime time) {
    Objects.requireNonNull(namespace, "namespace");
    Set<String> inputs = new LinkedHashSet<>();
    Map<String, Map<String, List<Input>>> outputs = new LinkedHashMap<>();
    for (StatementLineage st : lineage.statements()) {
      inputs.addAll(st.sources());
      st.targets().forEach(t -> outputs.computeIfAbsent(t, k -> new LinkedHashMap<>()));
      for (ColumnLineage c : st.columns()) {
        String table = table(c.target());
        if (table.isEmpty()) {
          continue;
        }
        List<Input> in = outputs.computeIfAbsent(table, k -> new LinkedHashMap<>())
            .computeIfAbsent(column(c.target()), k -> new ArrayList<>());
        for (String s : c.sources()) {
          in.add(new Input(namespace, table(s), column(s), c.transform()));
        }
        for (String s : c.filters()) {
          in.add(new Input(namespace, table(s), column(s), TransformKind.FILTER));
        }
      }
    }
    Map<String, String> outputNamespaces = new LinkedHashMap<>();
    outputs.keySet().forEach(k -> outputNamespaces.put(k, namespace));
    return json(inputs.stream().map(i -> new String[] {namespace, i}).toList(), outputs, outputNamespaces, jobNamespace,
        jobName, runId, time);
  }

  /**
   * A COMPLETE run event for edges of the lineage graph, e.g. those of one statement recorded by
   * the runtime. Each source name becomes a namespace ({@code pursight://<source>}), each dataset a
   * dataset named by its display name ({@code database.schema.table}).
   */
  public String runEvent(Collection<LineageEdge> edges, String jobNamespace, String jobName, UUID runId,
      ZonedDateTime time) {
    Set<String> seenInputs = new LinkedHashSet<>();
    List<String[]> inputs = new ArrayList<>();
    Map<String, Map<String, List<Input>>> outputs = new LinkedHashMap<>();
    Map<String, String> outputNamespaces = new LinkedHashMap<>();
    for (LineageEdge e : edges) {
      String srcNs = namespace(e.source());
      String srcDs = e.source().datasetName().displayName();
      if (seenInputs.add(srcNs + "\u0000" + srcDs)) {
        inputs.add(new String[] {srcNs, srcDs});
      }
      String tgtDs = e.target().datasetName().displayName();
      outputNamespaces.put(tgtDs, namespace(e.target()));
      outputs.computeIfAbsent(tgtDs, k -> new LinkedHashMap<>())
          .computeIfAbsent(e.target().fieldPath(), k -> new ArrayList<>())
          .add(new Input(srcNs, srcDs, e.source().fieldPath(), e.transform()));
    }
    return json(inputs, outputs, outputNamespaces, jobNamespace, jobName, runId, time);
  }

  private static String namespace(QualifiedName n) {
    return "pursight://" + n.source();
  }

  private String json(List<String[]> inputs, Map<String, Map<String, List<Input>>> outputs,
      Map<String, String> outputNamespaces, String jobNamespace, String jobName, UUID runId, ZonedDateTime time) {
    List<OpenLineage.InputDataset> in = new ArrayList<>();
    for (String[] i : inputs) {
      in.add(ol.newInputDatasetBuilder().namespace(i[0]).name(i[1]).build());
    }
    List<OpenLineage.OutputDataset> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Input>>> o : outputs.entrySet()) {
      OpenLineage.ColumnLineageDatasetFacetFieldsBuilder fields = ol.newColumnLineageDatasetFacetFieldsBuilder();
      for (Map.Entry<String, List<Input>> f : o.getValue().entrySet()) {
        List<OpenLineage.InputField> inputFields = new ArrayList<>();
        for (Input i : f.getValue()) {
          inputFields.add(ol.newInputFieldBuilder().namespace(i.namespace()).name(i.dataset()).field(i.field())
              .transformations(List.of(ol.newInputFieldTransformationsBuilder()
                  .type(i.transform().isDirect() ? "DIRECT" : "INDIRECT").subtype(i.transform().name())
                  .masking(false).build()))
              .build());
        }
        fields.put(f.getKey(), ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(inputFields).build());
      }
      OpenLineage.DatasetFacets facets = o.getValue().isEmpty() ? null : ol.newDatasetFacetsBuilder()
          .columnLineage(ol.newColumnLineageDatasetFacetBuilder().fields(fields.build()).build()).build();
      out.add(ol.newOutputDatasetBuilder().namespace(outputNamespaces.get(o.getKey())).name(o.getKey())
          .facets(facets).build());
    }
    OpenLineage.RunEvent event = ol.newRunEventBuilder()
        .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
        .eventTime(time == null ? ZonedDateTime.now(ZoneOffset.UTC) : time)
        .run(ol.newRunBuilder().runId(runId == null ? UUID.randomUUID() : runId).build())
        .job(ol.newJobBuilder().namespace(jobNamespace).name(jobName).build())
        .inputs(in)
        .outputs(out)
        .build();
    return OpenLineageClientUtils.toJson(event);
  }

  private static String table(String column) {
    int dot = column.lastIndexOf('.');
    return dot < 0 ? "" : column.substring(0, dot);
  }

  private static String column(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
