package io.pursight.governance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.SampleInfo;
import io.pursight.governance.catalog.SchemaChange;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.core.json.GovernanceJson;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.QualityScore;
import io.pursight.governance.profile.ValueCount;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import io.pursight.governance.scan.ScanResult;
import java.util.Collection;
import java.util.List;

/** Renders a scanned catalog as the JSON documented in docs/cli.md. */
final class CatalogJson {
  private static final ObjectMapper M = GovernanceJson.mapper();

  private CatalogJson() {}

  static ObjectNode render(ScanResult result, DataSource source, List<DatasetEntry> datasets) {
    ObjectNode root = M.createObjectNode();
    root.put("version", 1);
    root.set("scan", scan(result));
    root.set("source", source == null ? null : M.valueToTree(source));
    ArrayNode ds = root.putArray("datasets");
    for (DatasetEntry e : datasets) {
      ds.add(dataset(e));
    }
    ArrayNode errors = root.putArray("errors");
    for (ScanError e : result.errors()) {
      ObjectNode n = errors.addObject();
      n.put("source", e.source());
      n.put("stage", e.stage().name());
      if (e.asset() != null) {
        n.put("asset", e.asset().toString());
      }
      n.put("message", e.message());
    }
    ArrayNode changes = root.putArray("changes");
    for (SchemaChange c : result.changes()) {
      ObjectNode n = changes.addObject();
      n.put("kind", c.kind().name());
      n.put("asset", c.asset().toString());
      if (c.before() != null) {
        n.put("before", c.before());
      }
      if (c.after() != null) {
        n.put("after", c.after());
      }
    }
    return root;
  }

  private static ObjectNode scan(ScanResult r) {
    ObjectNode n = M.createObjectNode();
    n.put("id", r.scanId());
    n.put("started", r.started().toString());
    n.put("finished", r.finished().toString());
    n.put("durationMillis", r.duration().toMillis());
    n.put("cancelled", r.cancelled());
    ObjectNode counts = n.putObject("counts");
    counts.put("datasets", r.datasets().size());
    for (DatasetOutcome.Status s : DatasetOutcome.Status.values()) {
      counts.put(s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
    }
    counts.put("errors", r.errors().size());
    ArrayNode outcomes = n.putArray("outcomes");
    r.datasets().stream().sorted(java.util.Comparator.comparing(o -> o.dataset().toString())).forEach(o -> {
      ObjectNode on = outcomes.addObject();
      on.put("dataset", o.dataset().toString());
      on.put("status", o.status().name());
      on.put("fields", o.fields());
      on.put("sensitiveFields", o.sensitiveFields());
      on.put("millis", o.millis());
      if (o.error() != null) {
        on.put("error", o.error());
      }
    });
    return n;
  }

  static ObjectNode dataset(DatasetEntry e) {
    Dataset d = e.dataset();
    ObjectNode n = M.createObjectNode();
    n.put("name", d.name().displayName());
    n.put("qualifiedName", d.name().toString());
    putIf(n, "database", d.name().database());
    putIf(n, "schema", d.name().schema());
    n.put("table", d.name().dataset());
    n.put("kind", d.kind().name());
    putIf(n, "comment", d.comment());
    putIf(n, "definition", d.definition());
    if (d.estimatedRows() != null) {
      n.put("estimatedRows", d.estimatedRows());
    }
    strings(n.putArray("primaryKey"), d.primaryKey());
    ArrayNode fks = n.putArray("foreignKeys");
    for (ForeignKey fk : d.foreignKeys()) {
      ObjectNode f = fks.addObject();
      putIf(f, "name", fk.name());
      strings(f.putArray("columns"), fk.columns());
      ObjectNode ref = f.putObject("references");
      ref.put("dataset", fk.referenced().toString());
      ref.put("name", fk.referenced().displayName());
      strings(ref.putArray("columns"), fk.referencedColumns());
      putIf(f, "onUpdate", fk.onUpdate());
      putIf(f, "onDelete", fk.onDelete());
    }
    if (!d.properties().isEmpty()) {
      n.set("properties", M.valueToTree(d.properties()));
    }
    annotations(n, e.annotations());
    if (e.quality() != null) {
      n.set("quality", quality(e.quality()));
    }
    if (e.sample() != null) {
      SampleInfo s = e.sample();
      ObjectNode sn = n.putObject("sample");
      sn.put("method", s.method());
      sn.put("rows", s.rows());
      sn.put("millis", s.millis());
      sn.put("truncated", s.truncated());
    }
    if (e.scannedAt() != null) {
      n.put("scannedAt", e.scannedAt().toString());
    }
    ArrayNode cols = n.putArray("columns");
    for (FieldEntry fe : e.fields()) {
      cols.add(column(fe));
    }
    return n;
  }

  private static ObjectNode column(FieldEntry fe) {
    Field f = fe.field();
    ObjectNode n = M.createObjectNode();
    n.put("name", f.name());
    n.put("position", f.position());
    n.put("type", f.type().display());
    n.put("nativeType", f.type().nativeName());
    n.put("jdbcType", f.type().jdbcType());
    if (f.type().size() != null) {
      n.put("size", f.type().size());
    }
    if (f.type().scale() != null) {
      n.put("scale", f.type().scale());
    }
    n.put("family", f.type().family().name());
    n.put("nullable", f.nullable());
    n.put("primaryKey", f.primaryKey());
    putIf(n, "comment", f.comment());
    putIf(n, "default", f.defaultValue());
    annotations(n, fe.annotations());
    ArrayNode cls = n.putArray("classifications");
    for (Classification c : fe.classifications()) {
      ObjectNode cn = cls.addObject();
      cn.put("infoType", c.infoType());
      cn.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
      cn.put("status", c.status().name());
      cn.put("classifier", c.classifier());
      strings(cn.putArray("evidence"), c.evidence());
    }
    if (fe.profile() != null) {
      n.set("profile", profile(fe.profile()));
    }
    if (fe.quality() != null) {
      n.set("quality", quality(fe.quality()));
    }
    return n;
  }

  private static ObjectNode profile(Profile p) {
    ObjectNode n = M.createObjectNode();
    n.put("rows", p.rows());
    n.put("nulls", p.nulls());
    n.put("nullRatio", round(p.nullRatio()));
    n.put("distinct", p.distinct());
    n.put("blanks", p.blanks());
    n.put("decodeErrors", p.decodeErrors());
    putIf(n, "min", p.min());
    putIf(n, "max", p.max());
    if (p.minLength() != null) {
      n.put("minLength", p.minLength());
      n.put("maxLength", p.maxLength());
      n.put("meanLength", round(p.meanLength()));
    }
    counts(n.putArray("topValues"), p.topValues());
    counts(n.putArray("patterns"), p.patterns());
    n.put("redacted", p.redacted());
    return n;
  }

  private static ObjectNode quality(QualityScore q) {
    ObjectNode n = M.createObjectNode();
    n.put("score", round(q.score()));
    n.put("completeness", round(q.completeness()));
    if (q.validity() != null) {
      n.put("validity", round(q.validity()));
    }
    if (q.uniqueness() != null) {
      n.put("uniqueness", round(q.uniqueness()));
    }
    return n;
  }

  private static void annotations(ObjectNode n, Annotations a) {
    if (a.isEmpty()) {
      return;
    }
    putIf(n, "description", a.description());
    if (!a.owners().isEmpty()) {
      strings(n.putArray("owners"), a.owners());
    }
    if (!a.tags().isEmpty()) {
      strings(n.putArray("tags"), a.tags().stream().map(t -> t.name()).toList());
    }
    if (!a.terms().isEmpty()) {
      strings(n.putArray("terms"), a.terms().stream().map(t -> t.name()).toList());
    }
  }

  private static void counts(ArrayNode arr, List<ValueCount> values) {
    for (ValueCount v : values) {
      ObjectNode o = arr.addObject();
      o.put("value", v.value());
      o.put("count", v.count());
    }
  }

  private static void strings(ArrayNode arr, Collection<String> values) {
    values.forEach(arr::add);
  }

  private static void putIf(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }
}
