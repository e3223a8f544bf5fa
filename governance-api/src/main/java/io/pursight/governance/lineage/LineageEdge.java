package io.pursight.governance.lineage;

import io.pursight.governance.catalog.QualifiedName;
import java.util.Objects;

/**
 * One column-level lineage edge: {@code source} contributes to {@code target}.
 *
 * @param source the upstream column
 * @param target the downstream column
 * @param transform how the source contributes
 * @param statement a fingerprint of the SQL statement that created the edge, or null; never the
 *     statement's literal values
 */
public record LineageEdge(QualifiedName source, QualifiedName target, TransformKind transform, String statement) {

  /** Validates the parts. */
  public LineageEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(transform, "transform");
  }
}
