/**
 * Scans: requests with filters and sampling bounds, progress listeners, cancellation, per-dataset
 * outcomes and isolated errors.
 */
package io.pursight.governance.scan;
