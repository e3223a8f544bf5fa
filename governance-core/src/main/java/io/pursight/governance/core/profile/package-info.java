/**
 * Column profiling ({@link io.pursight.governance.core.profile.Profiler}) over Apache DataSketches, so
 * profiles of different samples or edge agents merge without raw values, and data-quality scoring
 * ({@link io.pursight.governance.core.profile.QualityScorer}).
 */
package io.pursight.governance.core.profile;
