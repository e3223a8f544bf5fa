package io.pursight.governance.event;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SchemaChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something the runtime tells {@link io.pursight.governance.spi.EventSink}s about. Events carry
 * metadata only: names, types, counts, info type ids; never values.
 */
public sealed interface GovernanceEvent {

  /** When it happened. */
  Instant time();

  /**
   * A structural change was detected.
   *
   * @param change the change
   */
  record SchemaChanged(SchemaChange change) implements GovernanceEvent {
    /** Validates the part. */
    public SchemaChanged {
      Objects.requireNonNull(change, "change");
    }

    @Override
    public Instant time() {
      return change.detectedAt();
    }
  }

  /**
   * The active info types of a field changed.
   *
   * @param field the field
   * @param added info types that appeared
   * @param removed info types that disappeared
   * @param time when
   */
  record ClassificationsChanged(QualifiedName field, List<String> added, List<String> removed, Instant time)
      implements GovernanceEvent {
    /** Copies the lists. */
    public ClassificationsChanged {
      Objects.requireNonNull(field, "field");
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * A scan finished.
   *
   * @param scanId the scan's id
   * @param datasets datasets considered
   * @param failed datasets that failed
   * @param errors isolated failures
   * @param cancelled whether it was cancelled
   * @param time when it finished
   */
  record ScanFinished(String scanId, int datasets, int failed, int errors, boolean cancelled, Instant time)
      implements GovernanceEvent {
    /** Validates the parts. */
    public ScanFinished {
      Objects.requireNonNull(scanId, "scanId");
      Objects.requireNonNull(time, "time");
    }
  }
}
