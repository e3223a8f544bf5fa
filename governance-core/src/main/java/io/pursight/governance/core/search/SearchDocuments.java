package io.pursight.governance.core.search;

import static io.pursight.governance.core.search.SearchFields.COMMENT_TEXT;
import static io.pursight.governance.core.search.SearchFields.DATASET_KEY;
import static io.pursight.governance.core.search.SearchFields.DATASET_WORDS;
import static io.pursight.governance.core.search.SearchFields.DESCRIPTION_TEXT;
import static io.pursight.governance.core.search.SearchFields.ID;
import static io.pursight.governance.core.search.SearchFields.INFO_TYPE_KEYWORD;
import static io.pursight.governance.core.search.SearchFields.KIND_KEYWORD;
import static io.pursight.governance.core.search.SearchFields.LEVEL;
import static io.pursight.governance.core.search.SearchFields.NAME_EXACT;
import static io.pursight.governance.core.search.SearchFields.NAME_WORDS;
import static io.pursight.governance.core.search.SearchFields.OWNER_KEYWORD;
import static io.pursight.governance.core.search.SearchFields.QUALIFIED_EXACT;
import static io.pursight.governance.core.search.SearchFields.QUALIFIED_WORDS;
import static io.pursight.governance.core.search.SearchFields.SOURCE_KEYWORD;
import static io.pursight.governance.core.search.SearchFields.TAG_KEYWORD;
import static io.pursight.governance.core.search.SearchFields.TERM_TEXT;

import io.pursight.governance.catalog.Annotations;
import io.pursight.governance.catalog.DatasetEntry;
import io.pursight.governance.catalog.FieldEntry;
import io.pursight.governance.catalog.GlossaryTerm;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.classification.Classification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** Turns a catalog entry into Lucene documents: one for the dataset, one per field. */
final class SearchDocuments {

  /**
   * One lower-cased token per value, analysed by {@link SearchAnalyzers#keywords()}. No norms and
   * no frequencies: an asset with five tags matches {@code tag:pii} as well as one with only
   * {@code pii}.
   */
  private static final FieldType KEYWORD = keywordType(false);
  /** Like {@link #KEYWORD}, and the original value is stored for the hit. */
  private static final FieldType KEYWORD_STORED = keywordType(true);

  private SearchDocuments() {}

  /** The documents of {@code entry}: the dataset first, then its fields in order. */
  static List<Document> of(DatasetEntry entry) {
    QualifiedName datasetName = entry.name();
    String datasetKey = datasetName.toString();
    List<Document> docs = new ArrayList<>(entry.fields().size() + 1);

    Set<String> datasetInfoTypes = new LinkedHashSet<>();
    List<Document> fieldDocs = new ArrayList<>(entry.fields().size());
    for (FieldEntry field : entry.fields()) {
      List<String> infoTypes = activeInfoTypes(field);
      datasetInfoTypes.addAll(infoTypes);
      fieldDocs.add(fieldDocument(datasetKey, datasetName, field, infoTypes));
    }

    Document dataset = base(datasetKey, datasetName, SearchFields.LEVEL_DATASET, entry.annotations());
    text(dataset, COMMENT_TEXT, entry.dataset().comment());
    keyword(dataset, KIND_KEYWORD, entry.dataset().kind().name(), KEYWORD);
    infoTypes(dataset, datasetInfoTypes);
    docs.add(dataset);
    docs.addAll(fieldDocs);
    return docs;
  }

  /** The key every document of the dataset called {@code name} carries in {@link SearchFields#DATASET_KEY}. */
  static String datasetKey(QualifiedName name) {
    return name.toString();
  }

  private static Document fieldDocument(
      String datasetKey, QualifiedName datasetName, FieldEntry field, List<String> infoTypes) {
    Document doc = base(datasetKey, field.name(), SearchFields.LEVEL_FIELD, field.annotations());
    text(doc, DATASET_WORDS, datasetName.simpleName());
    text(doc, COMMENT_TEXT, field.field().comment());
    keyword(doc, KIND_KEYWORD, SearchFields.KIND_FIELD, KEYWORD);
    infoTypes(doc, infoTypes);
    return doc;
  }

  /** What dataset and field documents share: identity, names, annotations, source. */
  private static Document base(String datasetKey, QualifiedName asset, String level, Annotations annotations) {
    Document doc = new Document();
    String id = asset.toString();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new StringField(DATASET_KEY, datasetKey, Field.Store.NO));
    doc.add(new StringField(LEVEL, level, Field.Store.NO));
    String simpleName = asset.simpleName();
    text(doc, NAME_WORDS, simpleName);
    keyword(doc, NAME_EXACT, simpleName, KEYWORD);
    text(doc, QUALIFIED_WORDS, asset.displayName());
    keyword(doc, QUALIFIED_EXACT, id, KEYWORD);
    keyword(doc, QUALIFIED_EXACT, asset.displayName(), KEYWORD);
    keyword(doc, SOURCE_KEYWORD, asset.source(), KEYWORD);
    text(doc, DESCRIPTION_TEXT, annotations.description());
    for (Tag tag : annotations.tags()) {
      keyword(doc, TAG_KEYWORD, tag.name(), KEYWORD_STORED);
    }
    for (GlossaryTerm term : annotations.terms()) {
      text(doc, TERM_TEXT, term.name());
    }
    for (String owner : annotations.owners()) {
      keyword(doc, OWNER_KEYWORD, owner, KEYWORD);
    }
    return doc;
  }

  private static List<String> activeInfoTypes(FieldEntry field) {
    Set<String> types = new LinkedHashSet<>();
    for (Classification c : field.classifications()) {
      if (c.isActive()) {
        types.add(c.infoType());
      }
    }
    return List.copyOf(types);
  }

  private static void infoTypes(Document doc, Iterable<String> infoTypes) {
    for (String infoType : infoTypes) {
      keyword(doc, INFO_TYPE_KEYWORD, infoType, KEYWORD_STORED);
    }
  }

  private static void text(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void keyword(Document doc, String field, String value, FieldType type) {
    if (value != null && !value.isEmpty()) {
      doc.add(new Field(field, value, type));
    }
  }

  private static FieldType keywordType(boolean stored) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setStored(stored);
    type.freeze();
    return type;
  }
}
