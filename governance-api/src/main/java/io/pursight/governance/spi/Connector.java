package io.pursight.governance.spi;

import io.pursight.governance.catalog.DataSource;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.scan.CancellationToken;
import io.pursight.governance.scan.SampleSpec;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * An open connection to one source. Thread-safe: the runtime calls {@link #describe} and {@link
 * #sample} for different datasets from several threads at once.
 *
 * <p>Every method throws {@link io.pursight.governance.SourceException} with a reason and an
 * actionable message; a failure on one dataset must not affect the others.
 */
public interface Connector extends AutoCloseable {

  /** The source as it describes itself (product, version, redacted location). */
  DataSource source();

  /**
   * Lists the datasets, cheaply (names only).
   *
   * @param filter receives (schema or database, dataset name) and says whether to keep it
   */
  List<QualifiedName> list(BiPredicate<String, String> filter);

  /** Reads one dataset's metadata: fields, types, keys, comments, view SQL, row estimate. */
  Dataset describe(QualifiedName dataset);

  /**
   * Reads a bounded sample of values, pushed down to the source where it can sample.
   *
   * @param dataset the dataset as returned by {@link #describe}
   * @param spec the row and time budgets
   * @param cancellation aborts the read when cancelled
   */
  Sample sample(Dataset dataset, SampleSpec spec, CancellationToken cancellation);

  /** Releases connections. */
  @Override
  void close();
}
