package io.pursight.governance.classifier.training;

import io.pursight.governance.classification.Classification;
import io.pursight.governance.classification.InfoType;
import io.pursight.governance.classification.InfoTypes;
import io.pursight.governance.classifier.onnx.Features;
import io.pursight.governance.classifier.onnx.OnnxManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the tier-3 model: generates the training set (seed {@link EvalSetGenerator#TRAINING_SEED},
 * never the evaluation seed), adds optional feedback files, runs the tier-1/2 classifiers found on
 * the class path to get the stacking features, extracts {@link Features}, trains a multinomial
 * logistic regression with Tribuo (labels = info type or {@code NONE}) and exports {@code model.onnx}
 * plus {@code model.json}.
 *
 * <p>Usage: {@code ModelTrainer [--out DIR] [--seed N] [--feedback FILE.jsonl]... [--epochs N]}.
 *
 * <p>Feedback lines use the evaluation-set format: {@code expected} holds the confirmed types (one
 * training example per type), {@code rejected} the rejected ones; a line with rejections and no
 * confirmation becomes a {@code NONE} example, and a line with both keeps only the confirmed types.
 */
public final class ModelTrainer {
  /**
   * Share of training columns added a second time without the stacking features (the model then also
   * learns from values and names alone). 0 since the retraining against patterns 290945d: on the
   * validation part 0 beat 0.25 and 0.5 (exact accuracy 0.990 vs 0.979-0.984), and with dropout the
   * model reads lower tiers' silence as "no information" rather than "no", which made the
   * {@code language.name} false positive on Sakila. See docs/classification-model.md.
   */
  public static final double STACKING_DROPOUT = 0.0;
  /** Every k-th training column of each kind is kept apart for validation (threshold tuning). */
  public static final int VALIDATION_EVERY = 5;
  /** The label for "no sensitive type". */
  public static final String NONE = "NONE";
  /** The default output directory (the plugin's resources). */
  public static final Path DEFAULT_OUT =
      Path.of("spi-classifiers/onnx/src/main/resources/io/pursight/governance/classifier/onnx");

  private ModelTrainer() {}

  /** What training produced. */
  public record Result(LinearSGDModel model, byte[] onnx, OnnxManifest manifest, int examples) {}

  /**
   * The features of one column as the runtime computes them: {@code lowTiers} is a runtime of tiers
   * 1-2, whose merged result is exactly what core's chain hands a tier-3 classifier as {@code
   * Context.previous()}.
   */
  static float[] features(Features fx, BenchRuntime lowTiers, LabeledColumn c) {
    List<Classification> previous = lowTiers.classify(c);
    return fx.extract(c.field(), c.nonNullValues(), c.nullCount(), previous);
  }

  /**
   * Splits a generated training set into a training part and a validation part: every {@code k}-th
   * column of each kind (in file order) goes to validation, so both parts hold every kind.
   * Thresholds are tuned on the validation part, never on the evaluation or held-out sets.
   */
  static List<List<LabeledColumn>> split(List<LabeledColumn> columns, int k) {
    List<LabeledColumn> train = new ArrayList<>();
    List<LabeledColumn> validation = new ArrayList<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (LabeledColumn c : columns) {
      int n = seen.merge(c.kind() == null ? "?" : c.kind(), 1, Integer::sum);
      (n % k == 0 ? validation : train).add(c);
    }
    return List.of(train, validation);
  }

  /** The labels of a training column: its expected types, or NONE. */
  static List<String> labels(LabeledColumn c) {
    return c.expected().isEmpty() ? List.of(NONE) : c.expected();
  }

  /** Trains on {@code columns}. */
  public static Result train(List<LabeledColumn> columns, BenchRuntime low, int epochs, long seed,
      Map<String, String> trainingData) {
    return train(columns, low, epochs, seed, STACKING_DROPOUT, trainingData);
  }

  /** Trains on {@code columns}, adding a share {@code dropout} of them again without the stacking features. */
  public static Result train(List<LabeledColumn> columns, BenchRuntime low, int epochs, long seed, double dropoutShare,
      Map<String, String> trainingData) {
    List<String> types = new ArrayList<>(new TreeSet<>(InfoTypes.builtIn().all().stream().map(InfoType::id).toList()));
    Features fx = new Features(types);
    LabelFactory lf = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(
        new SimpleDataSourceProvenance("pursight generated columns", OffsetDateTime.of(2025, 6, 30, 0, 0, 0, 0, ZoneOffset.UTC), lf), lf);
    List<String> names = fx.names();
    int examples = 0;
    java.util.Random dropout = new java.util.Random(seed);
    List<float[]> vectors = new ArrayList<>();
    List<LabeledColumn> owners = new ArrayList<>();
    for (LabeledColumn c : columns) {
      float[] f = features(fx, low, c);
      vectors.add(f);
      owners.add(c);
      // stacking dropout: also learn from the values and the name alone, as when lower tiers miss or are absent
      if (dropout.nextDouble() < dropoutShare) {
        float[] g = f.clone();
        java.util.Arrays.fill(g, fx.previousOffset(), g.length, 0f);
        vectors.add(g);
        owners.add(c);
      }
    }
    for (int v = 0; v < vectors.size(); v++) {
      float[] f = vectors.get(v);
      LabeledColumn c = owners.get(v);
      List<String> fn = new ArrayList<>();
      List<Double> fv = new ArrayList<>();
      for (int i = 0; i < f.length; i++) {
        if (f[i] != 0f) {
          fn.add(names.get(i));
          fv.add((double) f[i]);
        }
      }
      String[] fnArr = fn.toArray(new String[0]);
      double[] fvArr = fv.stream().mapToDouble(Double::doubleValue).toArray();
      for (String label : labels(c)) {
        Example<Label> ex = new ArrayExample<>(new Label(label), fnArr, fvArr);
        ds.add(ex);
        examples++;
      }
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, Integer.MAX_VALUE, 1, seed);
    LinearSGDModel model = (LinearSGDModel) trainer.train(ds);
    byte[] onnx = model.exportONNXModel("io.pursight.governance.classifier.onnx", 1L).toByteArray();
    ImmutableFeatureMap fmap = model.getFeatureIDMap();
    List<String> inputFeatures = new ArrayList<>(fmap.size());
    for (int i = 0; i < fmap.size(); i++) {
      inputFeatures.add(fmap.get(i).getName());
    }
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < model.getOutputIDInfo().size(); k++) {
      labels.add(model.getOutputIDInfo().getOutput(k).getLabel());
    }
    List<String> stackedOn = low.providers().stream().map(BenchRuntime.ProviderInfo::classifierId).sorted().toList();
    OnnxManifest manifest = new OnnxManifest(OnnxManifest.FORMAT, Features.SPEC, modelVersion(onnx), "input", "output",
        OnnxManifest.OutputKind.PROBABILITIES, inputFeatures, labels, NONE, types, stackedOn, trainingData);
    return new Result(model, onnx, manifest, examples);
  }

  static String modelVersion(byte[] onnx) {
    return "1." + HexFormat.of().formatHex(CheckDigits.sha256(onnx), 0, 6);
  }

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    Path out = DEFAULT_OUT;
    long seed = EvalSetGenerator.TRAINING_SEED;
    int epochs = 25;
    double dropoutShare = STACKING_DROPOUT;
    int validationEvery = VALIDATION_EVERY;
    List<Path> feedback = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--dropout" -> dropoutShare = Double.parseDouble(args[++i]);
        case "--validation-every" -> validationEvery = Integer.parseInt(args[++i]);
        case "--feedback" -> feedback.add(Path.of(args[++i]));
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]
            + "; usage: ModelTrainer [--out DIR] [--seed N] [--epochs N] [--dropout P] [--validation-every K] "
            + "[--feedback FILE.jsonl]...");
      }
    }
    List<LabeledColumn> generated = EvalSetGenerator.trainingSet(seed);
    Path trainingFile = Path.of("spi-classifiers/training/target/training-set.jsonl");
    Path validationFile = Path.of("spi-classifiers/training/target/validation-set.jsonl");
    List<LabeledColumn> columns;
    if (validationEvery > 1) {
      List<List<LabeledColumn>> parts = split(generated, validationEvery);
      columns = new ArrayList<>(parts.get(0));
      Jsonl.write(validationFile, parts.get(1));
      System.out.printf(Locale.ROOT, "Validation part (every %d-th column of each kind, for tuning): %d columns -> %s%n",
          validationEvery, parts.get(1).size(), validationFile);
    } else {
      columns = new ArrayList<>(generated);
    }
    Jsonl.write(trainingFile, columns);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("generator", "EvalSetGenerator.trainingSet");
    data.put("seed", Long.toString(seed));
    data.put("columns", Integer.toString(columns.size()));
    data.put("split", validationEvery > 1
        ? "training part: all but every " + validationEvery + "-th column of each kind (validation: "
            + (generated.size() - columns.size()) + " columns)"
        : "all generated columns");
    data.put("sha256", sha256(trainingFile));
    data.put("stackingDropout", Double.toString(dropoutShare));
    data.put("epochs", Integer.toString(epochs));
    data.put("patternsCommit", gitCommit("spi-classifiers/patterns"));
    for (Path fb : feedback) {
      List<LabeledColumn> lines = Jsonl.read(fb);
      for (LabeledColumn c : lines) {
        if (c.expected().isEmpty() && (c.rejected() == null || c.rejected().isEmpty())) {
          throw new IllegalArgumentException(fb + ": feedback line " + c.id() + " has neither expected nor rejected types");
        }
      }
      columns.addAll(lines);
      data.put("feedback:" + fb.getFileName(), sha256(fb) + " (" + lines.size() + " columns)");
    }
    try (BenchRuntime low = BenchRuntime.open(Map.of(), 2, java.util.Set.of())) {
      System.out.printf(Locale.ROOT, "Training on %d columns (seed %d), stacking on %s (patterns commit %s), %d epochs, "
          + "stacking dropout %.2f%n", columns.size(), seed, low.providers().stream()
          .map(BenchRuntime.ProviderInfo::classifierId).toList(), data.get("patternsCommit"), epochs, dropoutShare);
      long t0 = System.nanoTime();
      Result r = train(columns, low, epochs, 1L, dropoutShare, data);
      Files.createDirectories(out);
      Files.write(out.resolve("model.onnx"), r.onnx());
      Files.writeString(out.resolve("model.json"), r.manifest().toJson(), StandardCharsets.UTF_8);
      System.out.printf(Locale.ROOT, "Trained in %.1f s on %d examples: %d input features, %d labels; model.onnx %,d bytes "
          + "-> %s%n", (System.nanoTime() - t0) / 1e9, r.examples(), r.manifest().features().size(),
          r.manifest().labels().size(), r.onnx().length, out.toAbsolutePath());
    }
  }

  /**
   * The last commit touching {@code path} in the working tree's repository, with {@code +modified}
   * when the path has uncommitted changes; {@code unknown} without git.
   */
  static String gitCommit(String path) {
    try {
      String commit = run("git", "log", "-1", "--format=%H", "--", path);
      if (commit.isBlank()) {
        return "unknown";
      }
      String dirty = run("git", "status", "--porcelain", "--", path);
      return commit.strip() + (dirty.isBlank() ? "" : "+modified");
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? outText : "";
  }

  static String sha256(Path p) {
    try {
      return HexFormat.of().formatHex(CheckDigits.sha256(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
