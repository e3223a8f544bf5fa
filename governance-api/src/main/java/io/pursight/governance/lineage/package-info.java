/** Column-level lineage: edges with transform kinds and the lineage service. */
package io.pursight.governance.lineage;
