/** Access policy: principals, access requests, decisions with masks and row filters, and the policy service. */
package io.pursight.governance.policy;
