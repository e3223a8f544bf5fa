package io.pursight.governance.classifier.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.PluginConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
  @TempDir static Path dir;
  static Path model;
  static Path manifest;
  static String manifestJson;

  @BeforeAll
  static void copyBundled() throws Exception {
    model = dir.resolve("my.onnx");
    manifest = dir.resolve("my.json");
    try (InputStream in = OnnxModel.class.getResourceAsStream("model.onnx")) {
      Files.write(model, in.readAllBytes());
    }
    try (InputStream in = OnnxModel.class.getResourceAsStream("model.json")) {
      manifestJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(manifest, manifestJson);
  }

  private static OnnxClassifier create(Map<String, String> settings) {
    return (OnnxClassifier) new OnnxPlugin.Provider().create(new PluginConfig(settings));
  }

  private static Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void bundledModelLoadsAndIsSmall() throws Exception {
    try (OnnxClassifier c = create(Map.of())) {
      OnnxManifest m = c.model().manifest();
      assertThat(m.featureSpec()).isEqualTo(Features.SPEC);
      assertThat(m.labels()).contains("EMAIL_ADDRESS", "CREDIT_CARD_NUMBER", "NONE").hasSizeGreaterThan(40);
      assertThat(m.noneLabel()).isEqualTo("NONE");
      assertThat(c.model().source()).contains("bundled");
      assertThat(c.tier()).isEqualTo(3);
      assertThat(c.id()).isEqualTo("onnx");
    }
    assertThat(Files.size(model)).isLessThan(10L * 1024 * 1024);
  }

  @Test
  void customModelAndManifestLoad() {
    try (OnnxClassifier c = create(Map.of("onnx.model", model.toString(), "onnx.manifest", manifest.toString()))) {
      assertThat(c.model().source()).isEqualTo(model.toString());
      float[][] p = c.model().predict(List.of(new float[c.model().features().size()]));
      assertThat(p[0]).hasSize(c.model().manifest().labels().size());
      double sum = 0;
      for (float v : p[0]) {
        sum += v;
      }
      assertThat(sum).isBetween(0.99, 1.01);
    }
  }

  @Test
  void onlyOneOfTheTwoSettingsIsAnError() {
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("onnx.manifest");
  }

  @Test
  void missingModelFileIsNamed() {
    Path missing = dir.resolve("nope.onnx");
    assertThatThrownBy(() -> create(Map.of("onnx.model", missing.toString(), "onnx.manifest", manifest.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void garbageModelIsReported() throws Exception {
    Path bad = write("bad.onnx", "this is not a protobuf");
    assertThatThrownBy(() -> create(Map.of("onnx.model", bad.toString(), "onnx.manifest", manifest.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining(bad.toString())
        .hasMessageContaining("could not be loaded");
    Path empty = write("empty.onnx", "");
    assertThatThrownBy(() -> create(Map.of("onnx.model", empty.toString(), "onnx.manifest", manifest.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("is empty");
  }

  @Test
  void badManifestsAreReportedWithFileAndProblem() throws Exception {
    Path notJson = write("m1.json", "{\"featureSpec\": ");
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", notJson.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining(notJson.toString())
        .hasMessageContaining("invalid JSON");
    Path wrongSpec = write("m2.json", manifestJson.replace(Features.SPEC, "someone-elses-features-v9"));
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", wrongSpec.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("someone-elses-features-v9");
    Path unknownFeature = write("m3.json", manifestJson.replace("\"v.digit\"", "\"v.shoe_size\""));
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", unknownFeature.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("v.shoe_size");
    Path fewer = write("m4.json", manifestJson.replace("\"v.digit\", ", ""));
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", fewer.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not fit");
    Path wrongInput = write("m5.json", manifestJson.replace("\"input\": \"input\"", "\"input\": \"features\""));
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", wrongInput.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'features'");
    Path noLabels = write("m6.json", manifestJson.replaceFirst("\"labels\": \\[[^\\]]*\\]", "\"labels\": []"));
    assertThatThrownBy(() -> create(Map.of("onnx.model", model.toString(), "onnx.manifest", noLabels.toString())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("labels");
  }

  @Test
  void badSettingsAreReported() {
    assertThatThrownBy(() -> create(Map.of("onnx.minConfidence", "2")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("onnx.minConfidence");
    assertThatThrownBy(() -> create(Map.of("onnx.vetoes", "maybe")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("onnx.vetoes");
  }

  @Test
  void manifestRoundTripsAndLogitsGetSoftmax() {
    OnnxManifest m = OnnxManifest.parse(manifestJson);
    assertThat(OnnxManifest.parse(m.toJson())).isEqualTo(m);
    float[] row = {1f, 2f, 3f};
    OnnxModel.softmax(row);
    assertThat(row[0] + row[1] + row[2]).isBetween(0.999f, 1.001f);
    assertThat(row[2]).isGreaterThan(row[1]);
  }
}
