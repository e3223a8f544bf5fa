/**
 * Column-level lineage parsing with Apache Calcite: the {@link
 * io.pursight.governance.lineage.calcite.CalciteLineagePlugin} contributes a {@link
 * io.pursight.governance.lineage.calcite.CalciteLineageParser}.
 */
package io.pursight.governance.lineage.calcite;
