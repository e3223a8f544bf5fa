package io.pursight.governance.catalog;

/**
 * How values of a dataset were sampled.
 *
 * @param method the strategy and its parameters, e.g. {@code TABLESAMPLE SYSTEM(2.5) LIMIT 1000}
 * @param rows rows read
 * @param millis time spent reading
 * @param truncated true when the time budget ended the read before the row budget
 */
public record SampleInfo(String method, long rows, long millis, boolean truncated) {}
