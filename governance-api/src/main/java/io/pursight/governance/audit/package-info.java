/** Audit events (metadata and fingerprints only, never values) and the audit service. */
package io.pursight.governance.audit;
