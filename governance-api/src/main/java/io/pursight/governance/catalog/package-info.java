/**
 * The catalog model: {@link io.pursight.governance.catalog.QualifiedName qualified names}, sources,
 * datasets and fields as discovered, annotations people set, the combined {@link
 * io.pursight.governance.catalog.DatasetEntry entries} the catalog serves, schema changes, and the
 * {@link io.pursight.governance.catalog.CatalogService} with search.
 */
package io.pursight.governance.catalog;
