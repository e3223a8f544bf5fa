package io.pursight.governance.cli;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.Sensitivity;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.ClassifierProvider;
import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.PluginConfig;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A third-party classifier plugin, found by ServiceLoader (META-INF/services in the test
 * resources): support-ticket ids {@code TCK-} + 8 digits, reported as its own info type.
 */
public final class TicketClassifierPlugin implements GovernancePlugin {
  static final InfoType TICKET = new InfoType("SUPPORT_TICKET_ID", "support", Set.of(), Sensitivity.INTERNAL,
      "TCK- and 8 digits");

  @Override
  public String name() {
    return "tickets";
  }

  @Override
  public List<ClassifierProvider> classifiers() {
    return List.of(new ClassifierProvider() {
      @Override
      public String name() {
        return "tickets";
      }

      @Override
      public Classifier create(PluginConfig config) {
        return new Classifier() {
          @Override
          public String id() {
            return "tickets";
          }

          @Override
          public Collection<InfoType> infoTypes() {
            return List.of(TICKET);
          }

          @Override
          public List<Classification> classify(ColumnSample sample, Context context) {
            long hits = sample.values().stream().filter(v -> v.matches("TCK-\\d{8}")).count();
            return hits > 0 && hits == sample.values().size()
                ? List.of(Classification.suggested(TICKET.id(), 0.9, id(), List.of(hits + " values are ticket ids")))
                : List.of();
          }
        };
      }
    });
  }
}
