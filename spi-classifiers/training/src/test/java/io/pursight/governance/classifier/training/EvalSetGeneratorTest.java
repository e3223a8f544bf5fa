package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSetGeneratorTest {

  @Test
  void sameSeedSameBytes(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Jsonl.write(a, EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED));
    Jsonl.write(b, EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED));
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void committedEvalSetIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
    Path committed = Path.of("../../bench/classification/eval-set.jsonl");
    assertThat(committed).exists();
    Path fresh = dir.resolve("eval.jsonl");
    Jsonl.write(fresh, EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED));
    assertThat(Files.readString(fresh)).isEqualTo(Files.readString(committed));
  }

  @Test
  void compositionMeetsTheIssuesMinimums() {
    List<LabeledColumn> cols = EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED);
    Composition c = Composition.of(cols);
    assertThat(c.columns()).isGreaterThanOrEqualTo(300);
    assertThat(c.perType().size()).isGreaterThanOrEqualTo(40);
    assertThat(c.decoys()).isGreaterThanOrEqualTo(100);
    assertThat(c.decoysByKind().size()).isGreaterThanOrEqualTo(20);
    assertThat((double) c.opaqueNames() / c.columns()).isBetween(0.25, 0.45);
    assertThat(c.nulls()).isPositive();
    // every built-in type is covered
    assertThat(c.perType().keySet()).containsAll(
        io.pursight.governance.classification.InfoTypes.builtIn().all().stream().map(t -> t.id()).toList());
    Set<String> ids = new HashSet<>();
    cols.forEach(col -> assertThat(ids.add(col.id())).as("unique id %s", col.id()).isTrue());
  }

  @Test
  void trainingSetNeverEqualsTheEvalSet() {
    List<LabeledColumn> eval = EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED);
    List<LabeledColumn> train = EvalSetGenerator.trainingSet(EvalSetGenerator.TRAINING_SEED);
    assertThat(train.size()).isGreaterThan(eval.size() * 4);
    Set<List<String>> evalValues = new HashSet<>();
    eval.forEach(c -> evalValues.add(c.values()));
    long shared = train.stream().filter(c -> evalValues.contains(c.values())).count();
    assertThat(shared).isZero();
    assertThat(train).allSatisfy(c -> assertThat(c.id()).startsWith("train-"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvalSetGenerator.trainingSet(EvalSetGenerator.EVAL_SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void committedHoldoutSetIsTheGeneratorsOutput(@TempDir Path dir) throws Exception {
    Path committed = Path.of("../../bench/classification/holdout-set.jsonl");
    assertThat(committed).exists();
    Path fresh = dir.resolve("holdout.jsonl");
    Jsonl.write(fresh, EvalSetGenerator.holdoutSet(EvalSetGenerator.HOLDOUT_SEED));
    assertThat(Files.readString(fresh)).isEqualTo(Files.readString(committed));
  }

  @Test
  void holdoutSetIsNewAndCoversEveryType() {
    List<LabeledColumn> holdout = EvalSetGenerator.holdoutSet(EvalSetGenerator.HOLDOUT_SEED);
    Composition c = Composition.of(holdout);
    assertThat(c.columns()).isGreaterThanOrEqualTo(450);
    assertThat(c.decoys()).isGreaterThanOrEqualTo(150);
    assertThat(c.perType().keySet()).containsAll(
        io.pursight.governance.classification.InfoTypes.builtIn().all().stream().map(t -> t.id()).toList());
    assertThat((double) c.opaqueNames() / c.columns()).isBetween(0.25, 0.45);
    // kinds nothing was tuned or trained on
    assertThat(holdout).filteredOn(col -> col.kind().endsWith(":holdout")).hasSizeGreaterThanOrEqualTo(20);
    assertThat(c.decoysByKind()).containsKeys("vocabulary_name", "car_make", "zero_padded_code", "hostname");
    Set<List<String>> others = new HashSet<>();
    EvalSetGenerator.evalSet(EvalSetGenerator.EVAL_SEED).forEach(col -> others.add(col.values()));
    EvalSetGenerator.trainingSet(EvalSetGenerator.TRAINING_SEED).forEach(col -> others.add(col.values()));
    assertThat(holdout).noneMatch(col -> others.contains(col.values()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvalSetGenerator.trainingSet(EvalSetGenerator.HOLDOUT_SEED))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvalSetGenerator.holdoutSet(EvalSetGenerator.EVAL_SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
