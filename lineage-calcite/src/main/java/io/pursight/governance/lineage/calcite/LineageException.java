package io.pursight.governance.lineage.calcite;

/** A statement cannot be analysed; carries the script offset of the offending text. */
final class LineageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int offset;

  LineageException(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }

  LineageException(String message, Tok at) {
    this(message, at == null ? -1 : at.start);
  }
}
