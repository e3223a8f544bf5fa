package io.pursight.governance.classifier.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.pursight.governance.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ONNX model and its manifest, checked against each other and against {@link Features}. One
 * {@link OrtSession} per model, shared by all threads (ONNX Runtime sessions are thread-safe); the
 * {@link OrtEnvironment} is the process-wide one.
 */
public final class OnnxModel implements AutoCloseable {
  /** The bundled model's resource names. */
  static final String BUNDLED_MODEL = "model.onnx";
  static final String BUNDLED_MANIFEST = "model.json";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final OnnxManifest manifest;
  private final Features features;
  private final int[] inputToFeature;
  private final String source;

  private OnnxModel(byte[] model, OnnxManifest manifest, String modelName, String manifestName) {
    this.manifest = manifest;
    this.source = modelName;
    this.features = new Features(manifest.stackingTypes());
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      byName.put(features.names().get(i), i);
    }
    inputToFeature = new int[manifest.features().size()];
    for (int i = 0; i < inputToFeature.length; i++) {
      Integer idx = byName.get(manifest.features().get(i));
      if (idx == null) {
        throw new ConfigurationException("Manifest '" + manifestName + "' lists feature '" + manifest.features().get(i)
            + "', which " + Features.SPEC + " does not compute (names look like v.digit, n.tok.017, p.EMAIL_ADDRESS)");
      }
      inputToFeature[i] = idx;
    }
    if (manifest.noneLabel() != null && !manifest.labels().contains(manifest.noneLabel())) {
      throw new ConfigurationException("Manifest '" + manifestName + "': noneLabel '" + manifest.noneLabel()
          + "' is not one of the labels");
    }
    try {
      env = onLargeStack(OrtEnvironment::getEnvironment);
      session = onLargeStack(() -> {
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(1);
        opts.setInterOpNumThreads(1);
        return env.createSession(model, opts);
      });
    } catch (OrtException | RuntimeException e) {
      throw new ConfigurationException("ONNX model '" + modelName + "' could not be loaded by ONNX Runtime: "
          + e.getMessage(), e);
    } catch (UnsatisfiedLinkError e) {
      throw new ConfigurationException("ONNX Runtime's native library could not be loaded on this platform ("
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "): " + e.getMessage(), e);
    }
    try {
      check(session.getInputInfo(), manifest.input(), manifest.features().size(), "input", "features", modelName,
          manifestName);
      check(session.getOutputInfo(), manifest.output(), manifest.labels().size(), "output", "labels", modelName,
          manifestName);
    } catch (OrtException e) {
      closeQuietly();
      throw new ConfigurationException("ONNX model '" + modelName + "': cannot read its inputs and outputs: "
          + e.getMessage(), e);
    } catch (ConfigurationException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Work that may throw an ONNX Runtime exception. */
  private interface OrtCall<T> {
    T call() throws OrtException;
  }

  /**
   * Runs {@code call} on a short-lived thread with a 16 MB stack. Loading ONNX Runtime's native
   * library crashed the JVM (SIGSEGV, no error report) on the default 1 MB main-thread stack with
   * some class paths (seen with ORT 1.29.0 on x86_64); a larger stack avoids it whatever -Xss the
   * embedding application uses.
   */
  private static <T> T onLargeStack(OrtCall<T> call) throws OrtException {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = call.call();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "pursight-onnx-load", 16L * 1024 * 1024);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading the ONNX model", e);
    }
    if (failure[0] instanceof OrtException oe) {
      throw oe;
    }
    if (failure[0] instanceof RuntimeException re) {
      throw re;
    }
    if (failure[0] instanceof Error er) {
      throw er;
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T t2 = (T) result[0];
    return t2;
  }

  private void check(Map<String, NodeInfo> nodes, String name, int expected, String what, String listName,
      String modelName, String manifestName) {
    NodeInfo n = nodes.get(name);
    if (n == null) {
      throw new ConfigurationException("Manifest '" + manifestName + "' names " + what + " '" + name + "', but model '"
          + modelName + "' has " + what + "s " + nodes.keySet());
    }
    if (!(n.getInfo() instanceof TensorInfo t) || t.getShape().length != 2) {
      throw new ConfigurationException("Model '" + modelName + "': " + what + " '" + name
          + "' must be a 2-D float tensor [N, " + expected + "], got " + n.getInfo());
    }
    long cols = t.getShape()[1];
    if (cols >= 0 && cols != expected) {
      throw new ConfigurationException("Manifest '" + manifestName + "' does not fit model '" + modelName + "': the "
          + what + " '" + name + "' has " + cols + " columns, the manifest lists " + expected + " " + listName);
    }
  }

  /** Loads the model bundled in this jar. */
  public static OnnxModel bundled() {
    return new OnnxModel(resource(BUNDLED_MODEL), parseManifest(new String(resource(BUNDLED_MANIFEST),
        StandardCharsets.UTF_8), "bundled " + BUNDLED_MANIFEST), "bundled " + BUNDLED_MODEL, "bundled " + BUNDLED_MANIFEST);
  }

  /** Loads a model and manifest from files. @throws ConfigurationException naming the file and the problem */
  public static OnnxModel load(Path model, Path manifest) {
    byte[] bytes = read(model, "ONNX model", OnnxPlugin.MODEL_KEY);
    String json = new String(read(manifest, "Manifest", OnnxPlugin.MANIFEST_KEY), StandardCharsets.UTF_8);
    return new OnnxModel(bytes, parseManifest(json, manifest.toString()), model.toString(), manifest.toString());
  }

  private static OnnxManifest parseManifest(String json, String name) {
    try {
      return OnnxManifest.parse(json);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Manifest '" + name + "' is invalid: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path p, String what, String key) {
    if (!Files.exists(p)) {
      throw new ConfigurationException(what + " file '" + p + "' (setting " + key + ") does not exist");
    }
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new ConfigurationException(what + " file '" + p + "' (setting " + key + ") is not a readable file");
    }
    try {
      byte[] b = Files.readAllBytes(p);
      if (b.length == 0) {
        throw new ConfigurationException(what + " file '" + p + "' (setting " + key + ") is empty");
      }
      return b;
    } catch (IOException e) {
      throw new ConfigurationException(what + " file '" + p + "' (setting " + key + ") cannot be read: " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = OnnxModel.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new ConfigurationException("The bundled " + name + " is missing from the classifier-onnx jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ConfigurationException("The bundled " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The manifest. */
  public OnnxManifest manifest() {
    return manifest;
  }

  /** The feature extractor matching the manifest. */
  public Features features() {
    return features;
  }

  /** Where the model came from (file or "bundled model.onnx"). */
  public String source() {
    return source;
  }

  /**
   * Runs the model on feature vectors (in {@link Features} order) and returns probabilities per row,
   * in manifest label order.
   */
  public float[][] predict(List<float[]> rows) {
    int n = rows.size();
    int cols = inputToFeature.length;
    FloatBuffer buf = FloatBuffer.allocate(n * cols);
    for (float[] f : rows) {
      for (int idx : inputToFeature) {
        buf.put(f[idx]);
      }
    }
    buf.rewind();
    try (OnnxTensor t = OnnxTensor.createTensor(env, buf, new long[] {n, cols});
        OrtSession.Result r = session.run(Map.of(manifest.input(), t))) {
      Optional<OnnxValue> out = r.get(manifest.output());
      if (out.isEmpty()) {
        throw new IllegalStateException("ONNX model '" + source + "' produced no output '" + manifest.output() + "'");
      }
      float[][] p = (float[][]) out.get().getValue();
      if (manifest.outputKind() == OnnxManifest.OutputKind.LOGITS) {
        for (float[] row : p) {
          softmax(row);
        }
      }
      return p;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX model '" + source + "' failed: " + e.getMessage(), e);
    }
  }

  static void softmax(float[] row) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : row) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) Math.exp(row[i] - max);
      sum += row[i];
    }
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) (row[i] / sum);
    }
  }

  private void closeQuietly() {
    try {
      session.close();
    } catch (OrtException e) {
      // nothing to add
    }
  }

  /** Closes the session (the shared environment stays). */
  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Closing ONNX model '" + source + "' failed: " + e.getMessage(), e);
    }
  }
}
