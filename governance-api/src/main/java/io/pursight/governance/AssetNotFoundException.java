package io.pursight.governance;

import io.pursight.governance.catalog.QualifiedName;

/** An operation named an asset the catalog does not know. */
public class AssetNotFoundException extends GovernanceException {
  private static final long serialVersionUID = 1L;
  private final transient QualifiedName asset;

  /** Creates the exception for {@code asset}. */
  public AssetNotFoundException(QualifiedName asset) {
    super("No asset '" + asset + "' in the catalog. Scan its source first, or check the name with search.");
    this.asset = asset;
  }

  /** The asset that was asked for. */
  public QualifiedName asset() {
    return asset;
  }
}
