package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.ColumnSample;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.spi.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ChainTest {

  record Fake(String id, int tier, BiFunction<ColumnSample, Context, List<Classification>> f) implements Classifier {
    @Override
    public List<Classification> classify(ColumnSample sample, Context context) {
      return f.apply(sample, context);
    }
  }

  static Classification c(String type, double conf, String by) {
    return Classification.suggested(type, conf, by, List.of(by + " says so"));
  }

  @Test
  void tierOrderPreviousAndMerges() {
    List<List<Classification>> seen = new ArrayList<>();
    Classifier t3 = new Fake("model", 3, (s, ctx) -> {
      seen.add(ctx.previous());
      return List.of(c("CREDIT_CARD_NUMBER", 0.0, "model"), c("EMAIL_ADDRESS", 0.6, "model"), c("NOT_A_TYPE", 0.9, "model"));
    });
    Classifier t1 = new Fake("patterns", 1, (s, ctx) -> List.of(c("CREDIT_CARD_NUMBER", 0.8, "patterns"),
        c("EMAIL_ADDRESS", 0.7, "patterns")));
    ColumnSample s = ColumnSample.of("d", "f", List.of("v"));
    List<Classification> max = new Chain(List.of(t3, t1), InfoTypes.builtIn(), Chain.Merge.MAX).classify(s);
    assertThat(seen.get(0)).extracting(Classification::infoType).containsExactly("CREDIT_CARD_NUMBER", "EMAIL_ADDRESS");
    assertThat(max).extracting(Classification::infoType).containsExactly("CREDIT_CARD_NUMBER", "EMAIL_ADDRESS");
    assertThat(max.get(1).confidence()).isEqualTo(0.7);
    assertThat(max.get(1).evidence()).contains("patterns says so", "model says so");
    List<Classification> override = new Chain(List.of(t1, t3), InfoTypes.builtIn(), Chain.Merge.TIER3_OVERRIDES).classify(s);
    assertThat(override).extracting(Classification::infoType).containsExactly("EMAIL_ADDRESS");
    assertThat(override.get(0).confidence()).isEqualTo(0.6);
  }

  @Test
  void nullsBecomeNullCount() {
    List<String> values = new ArrayList<>(List.of("a", "b"));
    values.add(null);
    ColumnSample s = Chain.sample(new LabeledColumn("i", "crm.customers", "email", values, List.of(), null, null));
    assertThat(s.values()).containsExactly("a", "b");
    assertThat(s.nullCount()).isEqualTo(1);
    assertThat(s.fieldName()).isEqualTo("email");
  }

  @Test
  void badJsonlNamesLineNotValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("x.jsonl");
    java.nio.file.Files.writeString(f, "{\"id\":\"a\",\"field\":\"f\",\"values\":[\"x\"]}\n{\"id\": 123-45-6789SECRET}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Jsonl.read(f))
        .hasMessageContaining("line 2").hasMessageNotContaining("6789").hasMessageNotContaining("SECRET");
  }
}
