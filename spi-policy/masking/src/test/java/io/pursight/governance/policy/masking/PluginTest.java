package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.spi.GovernancePlugin;
import io.pursight.governance.spi.MaskingFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Discovery through ServiceLoader, the function names, lookup errors and concurrent use. */
class PluginTest {

  @Test
  void foundByServiceLoaderWithEveryFunction() {
    List<MaskingPlugin> found = new ArrayList<>();
    for (GovernancePlugin p : ServiceLoader.load(GovernancePlugin.class)) {
      if (p instanceof MaskingPlugin m) {
        found.add(m);
      }
    }
    assertThat(found).hasSize(1);
    assertThat(found.get(0).maskingFunctions()).extracting(MaskingFunction::name).containsExactly("redact", "null",
        "fixed", "partial", "pci", "email", "hash", "tokenize", "fpe", "generalize_date", "bucket", "noise");
    assertThat(found.get(0).name()).isEqualTo("masking");
    assertThat(found.get(0).connectors()).isEmpty();
  }

  @Test
  void unknownFunctionsListTheKnownOnes() {
    assertThatThrownBy(() -> Fixtures.PLUGIN.function("mask_all")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mask_all'").hasMessageContaining("redact, null, fixed");
  }

  @Test
  void concurrentUseGivesTheSameResultsAsSequentialUse() throws Exception {
    MaskingPlugin plugin = new MaskingPlugin();
    Fixtures.Secrets secrets = new Fixtures.Secrets();
    List<Object[]> work = new ArrayList<>();
    String[][] fns = {{"hash", "key", Fixtures.KEY_REF}, {"tokenize", "key", Fixtures.KEY_REF},
        {"fpe", "key", Fixtures.KEY_REF}, {"noise", "scale", "10", "seed", "3"}, {"partial", "last", "2"},
        {"pci"}, {"bucket", "size", "7"}, {"generalize_date", "to", "month"}};
    for (int i = 0; i < 400; i++) {
      for (String[] f : fns) {
        Object v = switch (f[0]) {
          case "noise", "bucket" -> (long) i * 7919;
          case "generalize_date" -> java.time.LocalDate.ofEpochDay(i * 37L);
          default -> "4111-1111-1111-" + (1000 + i);
        };
        work.add(new Object[] {f[0], params(java.util.Arrays.copyOfRange(f, 1, f.length)), v});
      }
    }
    List<Object> expected = new ArrayList<>();
    MaskingPlugin reference = new MaskingPlugin();
    for (Object[] w : work) {
      expected.add(reference.function((String) w[0]).mask(w[2], cast(w[1]), new Fixtures.Secrets()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Object>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          List<Object> out = new ArrayList<>();
          for (Object[] w : work) {
            out.add(plugin.function((String) w[0]).mask(w[2], cast(w[1]), secrets));
          }
          return out;
        }));
      }
      for (Future<List<Object>> f : futures) {
        List<Object> out = f.get();
        for (int i = 0; i < out.size(); i++) {
          assertThat(Objects.deepEquals(out.get(i), expected.get(i))).as("item %d", i).isTrue();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(secrets.calls.get()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> cast(Object o) {
    return (Map<String, String>) o;
  }
}
