package io.pursight.governance.core.search;

import static io.pursight.governance.core.search.Entries.column;
import static io.pursight.governance.core.search.Entries.datasetName;
import static io.pursight.governance.core.search.Entries.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Searches racing rebuilds and updates see a whole index, old or new, and never fail. */
class SearchIndexConcurrencyTest {
  private static final int DATASETS_PER_GENERATION = 150;
  private static final int REBUILDS = 30;

  /** Generation {@code g}: its own datasets tagged {@code batch} and {@code g<g>}, plus the shared {@code anchor}. */
  private static List<DatasetEntry> generation(int g) {
    List<DatasetEntry> entries = new ArrayList<>();
    for (int i = 0; i < DATASETS_PER_GENERATION; i++) {
      entries.add(table("gen" + g + "_table" + i).tags("batch", "g" + g)
          .columns("id", "name", "email", "created_at", "amount" + i).build());
    }
    entries.add(anchor(g));
    return entries;
  }

  private static DatasetEntry anchor(int version) {
    return table("anchor").description("version " + version)
        .columns(column("anchor_id"), column("anchor_code")).build();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void searchesDuringRebuildsSeeTheOldOrTheNewIndexNeverAHalfOne() throws Exception {
    try (SearchIndex index = new SearchIndex()) {
      index.rebuild(generation(0));
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong searches = new AtomicLong();
      Set<String> generationsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch started = new CountDownLatch(3);
      for (int t = 0; t < 2; t++) {
        threads.add(new Thread(() -> {
          started.countDown();
          while (!stop.get()) {
            try {
              List<SearchHit> anchor = index.search(new SearchQuery("name:anchor", 10, QualifiedName.Level.DATASET));
              if (anchor.size() != 1 || !anchor.get(0).asset().equals(datasetName("anchor"))) {
                problems.add("anchor not found exactly once: " + anchor);
              }
              List<SearchHit> batch = index.search(new SearchQuery("tag:batch", 1000, QualifiedName.Level.DATASET));
              Set<String> gens = batch.stream().flatMap(h -> h.tags().stream()).filter(tag -> tag.matches("g\\d+"))
                  .collect(Collectors.toSet());
              if (batch.size() != DATASETS_PER_GENERATION || gens.size() != 1) {
                problems.add("saw " + batch.size() + " datasets of generations " + gens);
              }
              generationsSeen.addAll(gens);
              searches.addAndGet(2);
            } catch (RuntimeException e) {
              problems.add("search failed: " + e);
            }
          }
        }, "searcher-" + t));
      }
      threads.add(new Thread(() -> {
        started.countDown();
        int v = 0;
        while (!stop.get()) {
          try {
            index.update(anchor(++v));
          } catch (RuntimeException e) {
            problems.add("update failed: " + e);
          }
        }
      }, "updater"));
      threads.forEach(Thread::start);
      started.await();

      for (int g = 1; g <= REBUILDS; g++) {
        index.rebuild(generation(g));
      }
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }

      assertThat(problems).isEmpty();
      assertThat(searches.get()).isGreaterThan(REBUILDS);
      assertThat(generationsSeen).as("searches ran across at least one swap").hasSizeGreaterThanOrEqualTo(2);
      System.out.printf("concurrency: %d searches during %d rebuilds, saw %d generations%n",
          searches.get(), REBUILDS, generationsSeen.size());
    }
  }
}
