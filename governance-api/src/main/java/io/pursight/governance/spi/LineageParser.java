package io.pursight.governance.spi;

import io.pursight.governance.lineage.SchemaLookup;
import io.pursight.governance.lineage.ScriptLineage;
import java.util.Set;

/**
 * Derives column-level lineage from SQL text. Found through {@link GovernancePlugin#lineageParsers()}.
 * Implementations are thread-safe.
 */
public interface LineageParser {

  /** A stable name, e.g. {@code calcite}. */
  String name();

  /** The dialects understood, e.g. {@code ansi}, {@code postgresql}, {@code mysql}. */
  Set<String> dialects();

  /**
   * Analyses every statement of {@code sql}. Never throws for bad SQL: a statement that cannot be
   * analysed becomes a {@link io.pursight.governance.lineage.LineageError} with its line and column.
   *
   * @param sql one statement or a script of several
   * @param dialect one of {@link #dialects()}
   * @param schema what is known about tables the script does not create
   * @throws IllegalArgumentException when the dialect is not supported (the message lists them)
   */
  ScriptLineage analyze(String sql, String dialect, SchemaLookup schema);
}
