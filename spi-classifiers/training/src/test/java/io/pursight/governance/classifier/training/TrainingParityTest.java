package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classifier.onnx.Features;
import io.pursight.governance.classifier.onnx.OnnxClassifier;
import io.pursight.governance.classifier.onnx.OnnxModel;
import io.pursight.governance.classifier.onnx.OnnxPlugin;
import io.pursight.governance.spi.Classifier;
import io.pursight.governance.spi.PluginConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Training and runtime see the same features, and the exported ONNX model predicts like Tribuo. */
class TrainingParityTest {

  static BenchRuntime lowTiers() {
    return BenchRuntime.open(Map.of(), 2, java.util.Set.of());
  }

  @Test
  void bundledManifestMatchesTheTrainersFeatureSpace() {
    try (OnnxClassifier c = (OnnxClassifier) new OnnxPlugin.Provider().create(PluginConfig.EMPTY)) {
      List<String> types = new ArrayList<>(new TreeSet<>(InfoTypes.builtIn().all().stream().map(InfoType::id).toList()));
      Features trainer = new Features(types);
      assertThat(c.model().features().names()).isEqualTo(trainer.names());
      assertThat(trainer.names()).containsAll(c.model().manifest().features());
      assertThat(c.model().manifest().featureSpec()).isEqualTo(Features.SPEC);
    }
  }

  @Test
  void runtimeFeaturesEqualTrainingFeatures() {
    List<String> types = new ArrayList<>(new TreeSet<>(InfoTypes.builtIn().all().stream().map(InfoType::id).toList()));
    Features fx = new Features(types);
    // the tier-3 classifier inside a full runtime records what core's chain hands it
    Recorder.SEEN.clear();
    java.util.List<io.pursight.governance.spi.GovernancePlugin> plugins = new ArrayList<>(BenchRuntime.discoverPlugins());
    plugins.add(new Recorder());
    try (BenchRuntime low = lowTiers();
        BenchRuntime full = BenchRuntime.open(plugins, BenchRuntime.describe(plugins, Map.of()), Map.of(), 3,
            java.util.Set.of("onnx"))) {
      for (LabeledColumn col : EvalSetGenerator.evalSet(99L).subList(0, 60)) {
        float[] atTraining = ModelTrainer.features(fx, low, col);
        full.classify(col);
        float[] atRuntime = Recorder.SEEN.remove(0);
        assertThat(atRuntime).as(col.id()).isEqualTo(atTraining);
      }
    }
  }

  @Test
  void exportedOnnxPredictsLikeTribuo(@TempDir Path dir) throws Exception {
    List<LabeledColumn> cols = EvalSetGenerator.trainingSet(7L).subList(0, 400);
    BenchRuntime low = lowTiers();
    ModelTrainer.Result r = ModelTrainer.train(cols, low, 3, 1L, Map.of("test", "yes"));
    Path onnx = dir.resolve("m.onnx");
    Path manifest = dir.resolve("m.json");
    Files.write(onnx, r.onnx());
    Files.writeString(manifest, r.manifest().toJson());
    try (low; OnnxModel m = OnnxModel.load(onnx, manifest)) {
      Features fx = m.features();
      for (LabeledColumn col : EvalSetGenerator.evalSet(5L).subList(0, 40)) {
        float[] f = ModelTrainer.features(fx, low, col);
        List<String> names = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
          if (f[i] != 0f) {
            names.add(fx.names().get(i));
            vals.add((double) f[i]);
          }
        }
        Prediction<Label> tribuo = r.model().predict(new ArrayExample<>(new Label("?"), names.toArray(new String[0]),
            vals.stream().mapToDouble(Double::doubleValue).toArray()));
        float[] ort = m.predict(List.of(f))[0];
        List<String> labels = m.manifest().labels();
        for (int k = 0; k < labels.size(); k++) {
          double expected = tribuo.getOutputScores().get(labels.get(k)).getScore();
          assertThat((double) ort[k]).as("%s %s", col.id(), labels.get(k)).isCloseTo(expected,
              org.assertj.core.data.Offset.offset(1e-4));
        }
      }
    }
  }

  /** A tier-3 classifier that records the features of what the runtime passes it. */
  static final class Recorder implements io.pursight.governance.spi.GovernancePlugin {
    static final List<float[]> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public List<io.pursight.governance.spi.ClassifierProvider> classifiers() {
      return List.of(new io.pursight.governance.spi.ClassifierProvider() {
        @Override
        public String name() {
          return "recorder";
        }

        @Override
        public Classifier create(PluginConfig config) {
          List<String> types = new ArrayList<>(new TreeSet<>(InfoTypes.builtIn().all().stream().map(InfoType::id).toList()));
          Features fx = new Features(types);
          return new Classifier() {
            @Override
            public String id() {
              return "recorder";
            }

            @Override
            public int tier() {
              return 3;
            }

            @Override
            public List<Classification> classify(io.pursight.governance.classification.ColumnSample s, Context ctx) {
              SEEN.add(fx.extract(s.fieldName(), s.values(), s.nullCount(), ctx.previous()));
              return List.of();
            }
          };
        }
      });
    }
  }

  @Test
  void feedbackLabels() {
    LabeledColumn confirmed = new LabeledColumn("f1", "d", "f", List.of("x"), List.of("EMAIL_ADDRESS"), null, null);
    LabeledColumn rejected = new LabeledColumn("f2", "d", "f", List.of("x"), List.of(), null, List.of("PERSON_NAME"));
    assertThat(ModelTrainer.labels(confirmed)).containsExactly("EMAIL_ADDRESS");
    assertThat(ModelTrainer.labels(rejected)).containsExactly(ModelTrainer.NONE);
  }
}
