/**
 * Full-text search over the catalog: {@link io.pursight.governance.core.search.SearchIndex}, an
 * in-memory Lucene index of datasets and fields with the query syntax of {@link
 * io.pursight.governance.catalog.SearchQuery}.
 */
package io.pursight.governance.core.search;
