/**
 * Sensitive-data classification: {@link io.pursight.governance.classification.InfoType info types},
 * {@link io.pursight.governance.classification.Classification classifications} with confidence and
 * evidence, people's decisions, and the {@link
 * io.pursight.governance.classification.ClassificationService}.
 */
package io.pursight.governance.classification;
