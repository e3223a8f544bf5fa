package io.pursight.governance.core.search;

import io.pursight.governance.InvalidQueryException;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SearchHit;
import io.pursight.governance.catalog.SearchQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The catalog's full-text search index: an in-memory Lucene index of every dataset and field, built
 * from the catalog store with {@link #rebuild} and kept current with {@link #update} and {@link
 * #remove}.
 *
 * <p><b>Documents.</b> One per dataset and one per field, with these attributes:
 *
 * <ul>
 *   <li>{@code name}: the asset's own name (table or column), split into lower-case words at
 *       {@code _} and other punctuation, case changes and letter/digit boundaries ({@code
 *       customerEmail}, {@code customer_email} and {@code CUSTOMER_EMAIL} all give {@code customer}
 *       and {@code email}), plus the whole lower-cased name for exact matches;
 *   <li>{@code qualified}: the display name such as {@code test.public.customer.email}, split the
 *       same way, plus the whole display name and canonical name ({@code
 *       shop/test/public/customer/email}) for pasted names;
 *   <li>{@code description} (the annotation), {@code comment} (the source's comment) and {@code
 *       term} (glossary terms): English text, stemmed with KStem;
 *   <li>{@code tag}, {@code owner}, {@code infoType}, {@code kind} ({@code TABLE}, {@code VIEW},
 *       ..., {@code FIELD}) and {@code source}: whole values, case-insensitive.
 * </ul>
 *
 * Only active (not rejected) classifications give info types; a dataset carries the info types of
 * all its fields. A field also carries its dataset's name, weakly boosted, so {@code customer
 * email} ranks {@code customer.email} above {@code orders.email}.
 *
 * <p><b>Queries</b> follow {@link SearchQuery}. A word without a prefix is searched in all of
 * name (4), tag (3), infoType (3), term (2.5), description (2), qualified (1.5), comment (1.5) and
 * owner (1), with those boosts; an exact whole-name (or whole qualified name) match adds a boost of
 * 4. The prefixes {@code name:}, {@code qualified:}, {@code description:}, {@code comment:}, {@code
 * tag:}, {@code term:}, {@code infoType:}, {@code owner:}, {@code kind:} and {@code source:} (any
 * case) restrict a word to one attribute. {@code +word} requires a word, {@code -word} excludes it
 * ({@code -tag:pii} alone means everything without that tag), {@code "..."} searches a phrase, and
 * a single word that splits into several ({@code customer_email}) is searched as a phrase. {@code
 * *} and {@code ?} are wildcards, also at the start of a word ({@code *_id}); {@code word~} allows
 * one typo. AND, OR, NOT, parentheses and {@code ^} boosts work as in Lucene's classic syntax;
 * {@code /} is an ordinary character (no regular expressions). Invalid syntax gives an {@link
 * InvalidQueryException} saying where the problem is and how to fix it. A blank query returns no
 * hits.
 *
 * <p><b>Ranking</b> is BM25 plus coordination: an asset matching every word of a query of two to
 * eight words scores double. Equal scores are ordered by canonical name. See {@code
 * docs/search.md}.
 *
 * <p><b>Concurrency.</b> Thread-safe. Searches never block and never wait for writers; {@link
 * #update}, {@link #remove} and {@link #rebuild} are serialised and each becomes visible to
 * searches atomically when it returns: a search sees a dataset with all its old fields or all its
 * new ones, and the whole old index or the whole new one, never a mix.
 */
public final class SearchIndex implements AutoCloseable {

  /** Best first; equal scores by canonical name, so results do not depend on document order. */
  private static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingDouble(SearchHit::score).reversed()
      .thenComparing(h -> h.asset().toString());
  private static final Set<String> HIT_FIELDS =
      Set.of(SearchFields.ID, SearchFields.TAG_KEYWORD, SearchFields.INFO_TYPE_KEYWORD);

  /** Shared by all threads (analyzers are thread-safe); not closed, its per-thread state is weakly held. */
  private final Analyzer analyzer = SearchAnalyzers.perField();
  /** Serialises the writers; searches never take it. */
  private final ReentrantLock writeLock = new ReentrantLock();
  /** The index searches read; replaced whole by {@link #rebuild}; null once closed. */
  private volatile Generation current;

  /** Creates an empty index. */
  public SearchIndex() {
    try {
      current = Generation.create(analyzer, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the in-memory search index", e);
    }
  }

  /**
   * Replaces the whole index with {@code entries}. Searches running meanwhile see the old index
   * until the new one is complete. When two entries name the same dataset the last one wins. If
   * indexing fails, the old index stays in place.
   */
  public void rebuild(Collection<DatasetEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    Map<String, List<Document>> docs = new LinkedHashMap<>();
    for (DatasetEntry entry : entries) {
      Objects.requireNonNull(entry, "entries must not contain null");
      docs.put(SearchDocuments.datasetKey(entry.name()), SearchDocuments.of(entry));
    }
    writeLock.lock();
    try {
      Generation old = requireOpen();
      Generation fresh;
      try {
        fresh = Generation.create(analyzer, docs.values());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not rebuild the search index; the previous index stays in use", e);
      }
      current = fresh;
      old.close();
    } finally {
      writeLock.unlock();
    }
  }

  /** (Re)indexes one dataset and its fields, replacing whatever the index had for that dataset. */
  public void update(DatasetEntry entry) {
    Objects.requireNonNull(entry, "entry");
    List<Document> docs = SearchDocuments.of(entry);
    Term key = new Term(SearchFields.DATASET_KEY, SearchDocuments.datasetKey(entry.name()));
    writeLock.lock();
    try {
      Generation g = requireOpen();
      g.writer.updateDocuments(key, docs);
      g.searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not index dataset " + entry.name(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Removes a dataset and its fields; nothing happens when the index does not have it.
   *
   * @throws IllegalArgumentException when {@code dataset} is not a dataset-level name
   */
  public void remove(QualifiedName dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (dataset.level() != QualifiedName.Level.DATASET) {
      throw new IllegalArgumentException("Only a dataset can be removed from the search index, got the "
          + dataset.level().name().toLowerCase(java.util.Locale.ROOT) + " name " + dataset);
    }
    Term key = new Term(SearchFields.DATASET_KEY, SearchDocuments.datasetKey(dataset));
    writeLock.lock();
    try {
      Generation g = requireOpen();
      g.writer.deleteDocuments(key);
      g.searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove dataset " + dataset + " from the search index", e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Searches datasets and fields, best first: at most {@code query.limit()} hits, only of {@code
   * query.level()} when it is set. A blank query text returns no hits.
   *
   * @throws InvalidQueryException when the text cannot be parsed, saying what is wrong and how to fix it
   * @throws IllegalStateException when the index is closed
   */
  public List<SearchHit> search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    String text = query.text();
    if (text.isBlank()) {
      return List.of();
    }
    CatalogQueryParser.Parsed parsed = CatalogQueryParser.parse(text, analyzer);
    Query scoring = parsed.scoring();
    if (query.level() != null) {
      String level = query.level() == QualifiedName.Level.DATASET ? SearchFields.LEVEL_DATASET : SearchFields.LEVEL_FIELD;
      scoring = new BooleanQuery.Builder()
          .add(scoring, Occur.MUST)
          .add(new TermQuery(new Term(SearchFields.LEVEL, level)), Occur.FILTER)
          .build();
    }
    Generation g;
    IndexSearcher searcher;
    while (true) {
      g = requireOpen();
      try {
        searcher = g.searchers.acquire();
        break;
      } catch (AlreadyClosedException e) {
        if (current == g) {
          throw new IllegalStateException("The search index is closed", e);
        }
        // a rebuild replaced the generation between reading it and acquiring: use the new one
      } catch (IOException e) {
        throw new UncheckedIOException("Could not open an index searcher", e);
      }
    }
    try {
      // plain top-k by score, which lets Lucene skip non-competitive documents; ties inside the
      // page are then ordered by name (ties at the page boundary are cut in index order)
      TopDocs top = searcher.search(scoring, query.limit());
      List<SearchHit> hits = hits(searcher, top.scoreDocs, parsed.matching());
      hits.sort(BEST_FIRST);
      return List.copyOf(hits);
    } catch (IndexSearcher.TooManyClauses e) {
      throw CatalogQueryParser.tooManyClauses(text, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed for query \"" + text + "\"", e);
    } finally {
      try {
        g.searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not release an index searcher", e);
      }
    }
  }

  /** Releases the index. Searches after this throw {@link IllegalStateException}; closing twice is fine. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      Generation g = current;
      current = null;
      if (g != null) {
        g.close();
      }
    } finally {
      writeLock.unlock();
    }
  }

  private Generation requireOpen() {
    Generation g = current;
    if (g == null) {
      throw new IllegalStateException("The search index is closed");
    }
    return g;
  }

  private static List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] scoreDocs, Query matching) throws IOException {
    List<SearchHit> hits = new ArrayList<>(scoreDocs.length);
    if (scoreDocs.length == 0) {
      return hits;
    }
    int[] docs = new int[scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = scoreDocs[i].doc;
    }
    List<List<String>> matched = MatchedAttributes.of(searcher, matching, docs);
    // stored fields are compressed in blocks of documents: read them in document order so that
    // each block is decompressed once rather than once per hit
    Integer[] byDoc = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
    StoredFields stored = searcher.storedFields();
    SearchHit[] inOrder = new SearchHit[docs.length];
    for (int i : byDoc) {
      Document doc = stored.document(docs[i], HIT_FIELDS);
      inOrder[i] = new SearchHit(
          QualifiedName.parse(doc.get(SearchFields.ID)),
          scoreDocs[i].score,
          matched.get(i),
          List.of(doc.getValues(SearchFields.INFO_TYPE_KEYWORD)),
          List.of(doc.getValues(SearchFields.TAG_KEYWORD)));
    }
    hits.addAll(Arrays.asList(inOrder));
    return hits;
  }

  /**
   * One complete index: its directory, writer and searcher manager. A rebuild creates a new
   * generation and closes the old one; searches holding a searcher of the old one finish on it
   * (its readers stay open until released).
   */
  private static final class Generation implements Closeable {
    final ByteBuffersDirectory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private Generation(ByteBuffersDirectory directory, IndexWriter writer, SearcherManager searchers) {
      this.directory = directory;
      this.writer = writer;
      this.searchers = searchers;
    }

    static Generation create(Analyzer analyzer, Collection<List<Document>> blocks) throws IOException {
      ByteBuffersDirectory directory = new ByteBuffersDirectory();
      IndexWriter writer = null;
      try {
        TieredMergePolicy mergePolicy = new TieredMergePolicy();
        mergePolicy.setNoCFSRatio(0.0); // compound files save file handles, which memory does not need
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setCommitOnClose(false)
            .setRAMBufferSizeMB(64)
            .setUseCompoundFile(false)
            .setMergePolicy(mergePolicy)
            // merges of this small index are quick: run them on the writing thread, no background threads
            .setMergeScheduler(new SerialMergeScheduler());
        writer = new IndexWriter(directory, config);
        for (List<Document> block : blocks) {
          writer.addDocuments(block);
        }
        SearcherManager searchers = new SearcherManager(writer, new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
              org.apache.lucene.index.IndexReader previousReader) {
            IndexSearcher s = new IndexSearcher(reader);
            // no JVM-wide query cache: the host's other Lucene users should not share memory with us
            s.setQueryCache(null);
            return s;
          }
        });
        return new Generation(directory, writer, searchers);
      } catch (IOException | RuntimeException e) {
        if (writer != null) {
          try {
            writer.rollback();
          } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        directory.close();
        throw e;
      }
    }

    @Override
    public void close() {
      // readers acquired by running searches keep their open files and stay usable until released
      try {
        searchers.close();
        writer.rollback();
        directory.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not close the search index", e);
      }
    }
  }
}
