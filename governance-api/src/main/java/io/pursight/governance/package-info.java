/**
 * PurSight's public API: the exception hierarchy rooted at {@link
 * io.pursight.governance.GovernanceException}. Subpackages hold the model ({@code catalog},
 * {@code classification}, {@code profile}, {@code lineage}, {@code policy}, {@code audit}), scan
 * requests and results ({@code scan}), events ({@code event}) and the plugin SPIs ({@code spi}).
 */
package io.pursight.governance;
