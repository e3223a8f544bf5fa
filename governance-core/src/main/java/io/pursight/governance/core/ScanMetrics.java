package io.pursight.governance.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pursight.governance.scan.DatasetOutcome;
import io.pursight.governance.scan.ScanError;
import java.time.Duration;

/**
 * The scan meters. Names: {@code pursight.scan} (timer; tags source, outcome),
 * {@code pursight.scan.dataset} (timer; source, status), {@code pursight.scan.assets} (counter;
 * source, kind=dataset|field), {@code pursight.scan.classifications} (counter; source, infoType),
 * {@code pursight.scan.errors} (counter; source, stage).
 */
final class ScanMetrics {
  private final MeterRegistry registry;

  ScanMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void sourceScanned(String source, Duration d, String outcome) {
    Timer.builder("pursight.scan").description("Duration of scanning one source")
        .tags("source", source, "outcome", outcome).register(registry).record(d);
  }

  void dataset(String source, DatasetOutcome o) {
    Timer.builder("pursight.scan.dataset").description("Duration of scanning one dataset")
        .tags("source", source, "status", o.status().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).record(Duration.ofMillis(o.millis()));
    if (o.status() == DatasetOutcome.Status.SCANNED || o.status() == DatasetOutcome.Status.UNCHANGED) {
      assets(source, "dataset", 1);
      assets(source, "field", o.fields());
    }
  }

  private void assets(String source, String kind, long n) {
    Counter.builder("pursight.scan.assets").description("Assets discovered by scans")
        .tags("source", source, "kind", kind).register(registry).increment(n);
  }

  void classification(String source, String infoType) {
    Counter.builder("pursight.scan.classifications").description("Fields classified with an info type")
        .tags("source", source, "infoType", infoType).register(registry).increment();
  }

  void error(ScanError e) {
    Counter.builder("pursight.scan.errors").description("Failures isolated by scans")
        .tags("source", e.source(), "stage", e.stage().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).increment();
  }
}
