package io.pursight.governance.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatabaseSetTest {

  @Test
  void tuplesWithQuotesNullsAndNumbers() {
    assertThat(SampleDatabaseSet.tuple("    (1, N'O''Brien', NULL, '2002/8/14', 0.99),"))
        .containsExactly("1", "O'Brien", null, "2002/8/14", "0.99");
    assertThat(SampleDatabaseSet.tuple("(2, N'a, b', N'')")).containsExactly("2", "a, b", "");
  }

  @Test
  void copyBlocks() {
    var t = SampleDatabaseSet.parseCopy(Arrays.asList("COPY public.staff (staff_id, email) FROM stdin;",
        "1\tMike@x.com", "2\t\\N", "\\.", "other"));
    assertThat(t.get("staff").get("email")).containsExactly("Mike@x.com", null);
  }

  @Test
  void committedSetIsTheBuildersOutput(@TempDir Path dir) throws Exception {
    Path root = Path.of("../..");
    List<LabeledColumn> cols = SampleDatabaseSet.build(root);
    assertThat(cols).hasSizeGreaterThan(70);
    assertThat(cols).anySatisfy(c -> {
      assertThat(c.id()).isEqualTo("chinook.customer.email");
      assertThat(c.expected()).containsExactly("EMAIL_ADDRESS");
      assertThat(c.values()).hasSize(59);
    });
    Path fresh = dir.resolve("s.jsonl");
    Jsonl.write(fresh, cols);
    assertThat(Files.readString(fresh)).isEqualTo(Files.readString(root.resolve("bench/classification/sample-db-set.jsonl")));
  }
}
