package io.pursight.governance.classifier.training;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the evaluation set or the held-out set. Usage: {@code EvalSetGenerator [--holdout] [OUT.jsonl]
 * [SEED]}; defaults {@code bench/classification/eval-set.jsonl} and {@link #EVAL_SEED}, or {@code
 * bench/classification/holdout-set.jsonl} and {@link #HOLDOUT_SEED}.
 */
public final class EvalSetGenerator {
  /** The seed of the committed evaluation set. */
  public static final long EVAL_SEED = 20250630L;
  /** The seed of the committed held-out set (made after tiers 1-2 were tuned on the evaluation set). */
  public static final long HOLDOUT_SEED = 73_019_511L;
  /** The seed of the training set; never the evaluation seed. */
  public static final long TRAINING_SEED = 4_242_017L;

  private EvalSetGenerator() {}

  /** The evaluation set: 4 columns per sensitive type, 3 per multi-type kind, 4 per decoy kind. */
  public static List<LabeledColumn> evalSet(long seed) {
    return new ColumnSetGenerator(seed, "eval").generate(4, 3, 4);
  }

  /**
   * The held-out set: like the evaluation set (4 columns per sensitive kind, 3 per multi-type kind,
   * 4 per decoy kind) plus the held-out-only kinds, in the held-out variant's locales, names, rates and
   * sizes.
   */
  public static List<LabeledColumn> holdoutSet(long seed) {
    if (seed == EVAL_SEED || seed == TRAINING_SEED) {
      throw new IllegalArgumentException("The held-out seed must differ from the evaluation and training seeds");
    }
    return new ColumnSetGenerator(seed, "holdout", ColumnSetGenerator.Variant.HOLDOUT).generate(4, 3, 4);
  }

  /** The training set: 24 columns per sensitive type, 12 per multi-type kind, 18 per decoy kind. */
  public static List<LabeledColumn> trainingSet(long seed) {
    if (seed == EVAL_SEED || seed == HOLDOUT_SEED) {
      throw new IllegalArgumentException("The training seed must differ from the evaluation seed " + EVAL_SEED
          + " and the held-out seed " + HOLDOUT_SEED);
    }
    return new ColumnSetGenerator(seed, "train").generate(24, 12, 18);
  }

  /**
   * Writes the evaluation set, or with {@code --holdout} as first argument the held-out set
   * ({@code bench/classification/holdout-set.jsonl}, {@link #HOLDOUT_SEED}).
   */
  public static void main(String[] args) {
    boolean holdout = args.length > 0 && args[0].equals("--holdout");
    if (holdout) {
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    Path out = Path.of(args.length > 0 ? args[0]
        : holdout ? "bench/classification/holdout-set.jsonl" : "bench/classification/eval-set.jsonl");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : holdout ? HOLDOUT_SEED : EVAL_SEED;
    List<LabeledColumn> cols = holdout ? holdoutSet(seed) : evalSet(seed);
    Jsonl.write(out, cols);
    System.out.println("Wrote " + cols.size() + " columns (seed " + seed + ") to " + out);
    System.out.print(Composition.of(cols).markdown());
  }
}
