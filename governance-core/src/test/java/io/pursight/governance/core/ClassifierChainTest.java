package io.pursight.governance.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierChainTest {
  static Classifier fixed(String id, int tier, boolean overrides, List<Classification> out, List<List<Classification>> seen) {
    return new Classifier() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public int tier() {
        return tier;
      }

      @Override
      public boolean overridesLowerTiers() {
        return overrides;
      }

      @Override
      public List<Classification> classify(ColumnSample sample, Context context) {
        seen.add(context.previous());
        return out;
      }
    };
  }

  static Classification c(String type, double conf, String by, String evidence) {
    return Classification.suggested(type, conf, by, List.of(evidence));
  }

  final ColumnSample sample = ColumnSample.of("t", "f", List.of("x"));

  @Test
  void highestConfidenceWinsAndEvidenceIsUnitedInTierOrder() {
    List<List<Classification>> seen = new ArrayList<>();
    ClassifierChain chain = new ClassifierChain(List.of(
        fixed("two", 2, false, List.of(c("EMAIL_ADDRESS", 0.9, "two", "name")), seen),
        fixed("one", 1, false, List.of(c("EMAIL_ADDRESS", 0.7, "one", "pattern"), c("URL", 0.6, "one", "u")), seen)),
        InfoTypes.builtIn());
    List<Classification> out = chain.classify(sample);
    assertThat(out).extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS", "URL");
    assertThat(out.get(0).confidence()).isEqualTo(0.9);
    assertThat(out.get(0).evidence()).containsExactly("name", "pattern");
    assertThat(seen.get(0)).isEmpty();
    assertThat(seen.get(1)).extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS", "URL");
  }

  @Test
  void anOverridingTierReplacesConfidencesAndVetoesWithZero() {
    List<List<Classification>> seen = new ArrayList<>();
    ClassifierChain chain = new ClassifierChain(List.of(
        fixed("one", 1, false, List.of(c("PERSON_NAME", 0.9, "one", "dict"), c("EMAIL_ADDRESS", 0.8, "one", "p"),
            c("URL", 0.6, "one", "u")), seen),
        fixed("model", 3, true, List.of(c("PERSON_NAME", 0.0, "model", "veto"), c("EMAIL_ADDRESS", 0.6, "model", "m"),
            c("COUNTRY", 0.95, "model", "new")), seen)),
        InfoTypes.builtIn());
    List<Classification> out = chain.classify(sample);
    assertThat(out).extracting(Classification::infoType).containsExactly("COUNTRY", "EMAIL_ADDRESS", "URL");
    assertThat(out.get(1).confidence()).as("replaced, not maxed").isEqualTo(0.6);
    assertThat(out.get(1).evidence()).containsExactly("p", "m");
    assertThat(out.get(2).confidence()).as("untouched").isEqualTo(0.6);
  }

  @Test
  void zeroConfidenceFromAnOrdinaryClassifierIsIgnoredAndUnknownTypesDropped() {
    ClassifierChain chain = new ClassifierChain(List.of(
        fixed("one", 1, false, List.of(c("EMAIL_ADDRESS", 0.8, "one", "p")), new ArrayList<>()),
        fixed("two", 2, false, List.of(c("EMAIL_ADDRESS", 0.0, "two", "no"), c("NOT_A_TYPE", 0.9, "two", "?")),
            new ArrayList<>())),
        InfoTypes.builtIn());
    assertThat(chain.classify(sample)).singleElement().satisfies(x -> {
      assertThat(x.infoType()).isEqualTo("EMAIL_ADDRESS");
      assertThat(x.confidence()).isEqualTo(0.8);
    });
  }
}
