package io.pursight.governance.lineage.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.lineage.ColumnLineage;
import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import io.pursight.governance.lineage.StatementLineage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: run the parser and look at its results. */
final class Lin {

  static final CalciteLineageParser PARSER = CalciteLineageParser.builder().cacheSize(0).build();

  private Lin() {}

  static ScriptLineage run(String dialect, String sql) {
    return PARSER.analyze(sql, dialect, SchemaLookup.NONE);
  }

  static ScriptLineage run(String dialect, String sql, Map<String, List<String>> schema) {
    return PARSER.analyze(sql, dialect, t -> Optional.ofNullable(schema.get(t)));
  }

  /** The only statement of an error-free script. */
  static StatementLineage one(String dialect, String sql) {
    return one(run(dialect, sql));
  }

  static StatementLineage one(String dialect, String sql, Map<String, List<String>> schema) {
    return one(run(dialect, sql, schema));
  }

  static StatementLineage one(ScriptLineage r) {
    assertThat(r.errors()).as("errors").isEmpty();
    assertThat(r.statements()).hasSize(1);
    return r.statements().get(0);
  }

  /** The last statement of an error-free script. */
  static StatementLineage last(ScriptLineage r) {
    assertThat(r.errors()).as("errors").isEmpty();
    return r.statements().get(r.statements().size() - 1);
  }

  /** target column -> sources, in order. */
  static Map<String, List<String>> sources(StatementLineage s) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (ColumnLineage c : s.columns()) {
      m.put(c.target(), c.sources());
    }
    return m;
  }

  static ColumnLineage col(StatementLineage s, String target) {
    return s.columns().stream().filter(c -> c.target().equals(target)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + target + " in " + sources(s)));
  }
}
