package io.pursight.governance.lineage;

import java.util.List;

/**
 * The column lineage of a SQL script: one entry per statement that could be analysed, one error per
 * statement that could not.
 *
 * @param statements the analysed statements, in script order
 * @param errors the statements that could not be analysed
 */
public record ScriptLineage(List<StatementLineage> statements, List<LineageError> errors) {

  /** Copies the lists. */
  public ScriptLineage {
    statements = List.copyOf(statements);
    errors = List.copyOf(errors);
  }
}
