package io.pursight.governance.classifier.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the training set. Usage: {@code TrainingSetGenerator [OUT.jsonl] [SEED]}; defaults
 * {@code target/training-set.jsonl} and {@link EvalSetGenerator#TRAINING_SEED}.
 */
public final class TrainingSetGenerator {
  private TrainingSetGenerator() {}

  /** Writes the training set. */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "target/training-set.jsonl");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : EvalSetGenerator.TRAINING_SEED;
    List<LabeledColumn> cols = EvalSetGenerator.trainingSet(seed);
    Jsonl.write(out, cols);
    System.out.println("Wrote " + cols.size() + " training columns (seed " + seed + ") to " + out);
  }
}
