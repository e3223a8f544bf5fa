package io.pursight.governance.classifier.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the evaluation set. Usage: {@code EvalSetGenerator [OUT.jsonl] [SEED]}; defaults
 * {@code bench/classification/eval-set.jsonl} and {@link #EVAL_SEED}.
 */
public final class EvalSetGenerator {
  /** The seed of the committed evaluation set. */
  public static final long EVAL_SEED = 20250630L;
  /** The seed of the training set; never the evaluation seed. */
  public static final long TRAINING_SEED = 4_242_017L;

  private EvalSetGenerator() {}

  /** The evaluation set: 4 columns per sensitive type, 3 per multi-type kind, 4 per decoy kind. */
  public static List<LabeledColumn> evalSet(long seed) {
    return new ColumnSetGenerator(seed, "eval").generate(4, 3, 4);
  }

  /** The training set: 24 columns per sensitive type, 12 per multi-type kind, 18 per decoy kind. */
  public static List<LabeledColumn> trainingSet(long seed) {
    if (seed == EVAL_SEED) {
      throw new IllegalArgumentException("The training seed must differ from the evaluation seed " + EVAL_SEED);
    }
    return new ColumnSetGenerator(seed, "train").generate(24, 12, 18);
  }

  /** Writes the evaluation set. */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/classification/eval-set.jsonl");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : EVAL_SEED;
    List<LabeledColumn> cols = evalSet(seed);
    Jsonl.write(out, cols);
    System.out.println("Wrote " + cols.size() + " columns (seed " + seed + ") to " + out);
    System.out.print(Composition.of(cols).markdown());
  }
}
