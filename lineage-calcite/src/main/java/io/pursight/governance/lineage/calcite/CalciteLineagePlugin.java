package io.pursight.governance.lineage.calcite;

import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.LineageParser;
import java.util.List;

/** The lineage plugin: contributes the Calcite {@link LineageParser}. Found by ServiceLoader. */
public final class CalciteLineagePlugin implements GovernancePlugin {

  private final LineageParser parser = CalciteLineageParser.create();

  @Override
  public String name() {
    return "lineage-calcite";
  }

  @Override
  public List<LineageParser> lineageParsers() {
    return List.of(parser);
  }
}
