/**
 * Compliance: packs (GDPR, HIPAA, PCI-DSS, SOC2) evaluated over the catalog, lineage and policies
 * into findings, per-control results, a score, and for GDPR a draft record of processing activities.
 */
package io.pursight.governance.compliance;
