package io.pursight.governance.spi;

import io.pursight.governance.lineage.LineageEdge;
import java.util.List;
import java.util.Set;

/**
 * Derives column-level lineage from SQL text. Found through {@link GovernancePlugin#lineageParsers()}.
 */
public interface LineageParser {

  /** A stable name, e.g. {@code calcite}. */
  String name();

  /** The dialects understood, e.g. {@code ansi}, {@code postgresql}, {@code mysql}. */
  Set<String> dialects();

  /**
   * The lineage edges the statements in {@code sql} create, with {@code source} as the source name
   * of the qualified names.
   *
   * @throws io.pursight.governance.InvalidQueryException with line and column when a statement
   *     cannot be analysed
   */
  List<LineageEdge> parse(String source, String dialect, String sql);
}
