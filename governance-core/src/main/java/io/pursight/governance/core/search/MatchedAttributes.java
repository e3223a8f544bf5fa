package io.pursight.governance.core.search;

import io.pursight.governance.core.search.SearchFields.Attribute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Which attributes matched each hit, with the semantics of Lucene's {@code Weight.matches} (a
 * clause counts only where its whole group matches; excluded clauses never count) but computed in
 * one batch: the query is split into its leaf queries, each leaf is run once per segment over the
 * hits in document order, and the boolean structure is then evaluated per hit in memory.
 *
 * <p>{@code Weight.matches} per hit opens postings for every clause of every hit (over 100 µs a
 * hit for a free-text word across a dozen fields); this costs a few microseconds a hit.
 */
final class MatchedAttributes {

  /** A node of the rewritten query: a leaf query or a boolean group. */
  private sealed interface Node permits Leaf, Group {}

  /** A leaf query, the attributes its fields belong to, and which hits it matches (by hit index). */
  private static final class Leaf implements Node {
    final Query query;
    final Set<Attribute> attributes;
    boolean[] matches;

    Leaf(Query query, Set<Attribute> attributes) {
      this.query = query;
      this.attributes = attributes;
    }
  }

  private record Clause(Occur occur, Node node) {}

  private record Group(List<Clause> clauses, int minimumShouldMatch) implements Node {}

  private MatchedAttributes() {}

  /**
   * The matched attribute names of each of {@code docs} (global document ids), in the order of
   * {@code docs}, for the documents that {@code query} matches.
   */
  static List<List<String>> of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    Map<Query, Leaf> leaves = new IdentityHashMap<>();
    Node root = node(searcher.rewrite(query), leaves);

    Integer[] byDoc = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
    for (Leaf leaf : leaves.values()) {
      leaf.matches = new boolean[docs.length];
      Weight weight = searcher.createWeight(leaf.query, ScoreMode.COMPLETE_NO_SCORES, 1f);
      int next = 0;
      for (LeafReaderContext segment : segments) {
        int end = segment.docBase + segment.reader().maxDoc();
        if (next >= byDoc.length || docs[byDoc[next]] >= end) {
          continue;
        }
        Scorer scorer = weight.scorer(segment);
        DocIdSetIterator it = scorer == null ? null : scorer.iterator();
        for (; next < byDoc.length && docs[byDoc[next]] < end; next++) {
          int doc = docs[byDoc[next]] - segment.docBase;
          if (it != null && it.docID() < doc) {
            it.advance(doc);
          }
          leaf.matches[byDoc[next]] = it != null && it.docID() == doc;
        }
      }
    }

    List<List<String>> result = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Set<Attribute> matched = evaluate(root, i);
      result.add(matched == null ? List.of() : matched.stream().map(Attribute::displayName).toList());
    }
    return result;
  }

  private static Node node(Query q, Map<Query, Leaf> leaves) {
    if (q instanceof BoostQuery b) {
      return node(b.getQuery(), leaves);
    }
    if (q instanceof BooleanQuery bq) {
      List<Clause> clauses = new ArrayList<>(bq.clauses().size());
      for (BooleanClause c : bq.clauses()) {
        clauses.add(new Clause(c.getOccur(), node(c.getQuery(), leaves)));
      }
      return new Group(clauses, bq.getMinimumNumberShouldMatch());
    }
    if (q instanceof DisjunctionMaxQuery dmq) {
      List<Clause> clauses = new ArrayList<>();
      for (Query d : dmq.getDisjuncts()) {
        clauses.add(new Clause(Occur.SHOULD, node(d, leaves)));
      }
      return new Group(clauses, 0);
    }
    return leaves.computeIfAbsent(q, query -> new Leaf(query, attributesOf(query)));
  }

  private static Set<Attribute> attributesOf(Query q) {
    EnumSet<Attribute> attributes = EnumSet.noneOf(Attribute.class);
    q.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        Attribute.ofField(field).ifPresent(attributes::add);
        return false;
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
      }
    });
    return attributes;
  }

  /** The attributes of {@code node} for hit {@code hit}, or null when the node does not match it. */
  private static Set<Attribute> evaluate(Node node, int hit) {
    if (node instanceof Leaf leaf) {
      return leaf.matches[hit] ? leaf.attributes : null;
    }
    Group group = (Group) node;
    EnumSet<Attribute> attributes = EnumSet.noneOf(Attribute.class);
    int required = 0;
    int shouldMatched = 0;
    for (Clause c : group.clauses()) {
      Set<Attribute> sub = evaluate(c.node(), hit);
      switch (c.occur()) {
        case MUST, FILTER -> {
          required++;
          if (sub == null) {
            return null;
          }
          attributes.addAll(sub);
        }
        case MUST_NOT -> {
          if (sub != null) {
            return null;
          }
        }
        case SHOULD -> {
          if (sub != null) {
            attributes.addAll(sub);
            shouldMatched++;
          }
        }
      }
    }
    if (shouldMatched < group.minimumShouldMatch() || (required == 0 && shouldMatched == 0)) {
      return null;
    }
    return attributes;
  }
}
