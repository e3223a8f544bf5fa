package io.pursight.governance.lineage.calcite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the statement reader found: the statement kind, what it writes and the query to resolve. */
final class Stmt {

  /** SELECT, INSERT, CREATE_TABLE_AS, CREATE_VIEW, UPDATE, MERGE, DELETE, CREATE_TABLE or OTHER. */
  String kind;
  /** The written table, as name parts (normalised), or null. */
  List<String> target;
  /** The target's alias in UPDATE/MERGE/DELETE, or null. */
  String targetAlias;
  /** An explicit target column list, or null. */
  List<String> targetCols;
  /** Static partition columns (Hive {@code PARTITION (dt='x')}): not written by the query. */
  final Set<String> staticPartitions = new LinkedHashSet<>();
  /** The query Calcite parses (for UPDATE/MERGE/DELETE a synthesised SELECT), or null. */
  List<Tok> query;
  /** UPDATE/MERGE: select item i of the synthesised query is assigned to a column. */
  final List<Assign> assigns = new ArrayList<>();
  /** UPDATE/DELETE: the target table is added to the outermost FROM scope unless already there. */
  boolean targetInScope;
  /** MySQL multi-table UPDATE/DELETE: targets are found through their qualifiers. */
  final List<List<String>> deleteTargets = new ArrayList<>();
  /** CREATE TABLE column definitions, or the LIKE source. */
  List<String> createdColumns;
  List<String> likeTable;
  /** DROP TABLE/VIEW names. */
  final List<List<String>> dropped = new ArrayList<>();
  /** The first token, for positions. */
  Tok at;

  /**
   * One assignment.
   *
   * @param qualifier the column's qualifier parts ({@code t} in {@code SET t.c = ...}), may be empty
   * @param column the column, or null for a positional MERGE INSERT without column list
   * @param item the select item of the synthesised query, or -1 for {@code INSERT *}/{@code SET *}
   * @param position the position in a positional insert
   */
  record Assign(List<String> qualifier, String column, int item, int position) {}
}
