package io.pursight.governance.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Lucene fields of the catalog index, the user-facing attributes they belong to and the boosts
 * that free text and attribute prefixes apply.
 *
 * <p>Internal field names carry a suffix ({@code .words}, {@code .exact}, {@code .text}, {@code
 * .keyword}) so they never collide with the attribute names users type as prefixes.
 */
final class SearchFields {

  /** The canonical {@code QualifiedName} text of the asset: stored and indexed. */
  static final String ID = "id";
  /** The canonical text of the asset's dataset, on the dataset and on each of its fields. */
  static final String DATASET_KEY = "dataset_key";
  /** {@code dataset} or {@code field}. */
  static final String LEVEL = "level";

  static final String NAME_WORDS = "name.words";
  static final String NAME_EXACT = "name.exact";
  static final String QUALIFIED_WORDS = "qualified.words";
  /** The canonical and the display name, each whole and lower-cased, for pasted names. */
  static final String QUALIFIED_EXACT = "qualified.exact";
  /** On field documents only: the dataset's name, analysed like names, weakly boosted. */
  static final String DATASET_WORDS = "dataset.words";
  static final String DESCRIPTION_TEXT = "description.text";
  static final String COMMENT_TEXT = "comment.text";
  static final String TAG_KEYWORD = "tag.keyword";
  static final String TERM_TEXT = "term.text";
  static final String OWNER_KEYWORD = "owner.keyword";
  static final String INFO_TYPE_KEYWORD = "infoType.keyword";
  static final String KIND_KEYWORD = "kind.keyword";
  static final String SOURCE_KEYWORD = "source.keyword";

  static final String LEVEL_DATASET = "dataset";
  static final String LEVEL_FIELD = "field";
  /** The kind of every field document. */
  static final String KIND_FIELD = "FIELD";

  /** Boost of the dataset's name on its field documents (free text only). */
  static final float DATASET_NAME_BOOST = 0.5f;

  /** A Lucene field and the boost a query puts on it. */
  record Target(String field, float boost) {}

  /** How text of an internal field is analysed. */
  enum Analysis {
    /** Identifier-aware split (snake_case, camelCase, digits), lower case. */
    NAME,
    /** The whole value as one lower-cased token. */
    KEYWORD,
    /** English prose. */
    TEXT
  }

  /** The attributes users see in {@link io.pursight.governance.catalog.SearchHit#matched()} and type as prefixes. */
  enum Attribute {
    NAME("name", true, new Target(NAME_WORDS, 4f), new Target(NAME_EXACT, 4f)),
    QUALIFIED("qualified", true, new Target(QUALIFIED_WORDS, 1.5f), new Target(QUALIFIED_EXACT, 4f)),
    DESCRIPTION("description", true, new Target(DESCRIPTION_TEXT, 2f)),
    COMMENT("comment", true, new Target(COMMENT_TEXT, 1.5f)),
    TAG("tag", true, new Target(TAG_KEYWORD, 3f)),
    TERM("term", true, new Target(TERM_TEXT, 2.5f)),
    OWNER("owner", true, new Target(OWNER_KEYWORD, 1f)),
    INFO_TYPE("infoType", true, new Target(INFO_TYPE_KEYWORD, 3f)),
    KIND("kind", false, new Target(KIND_KEYWORD, 1f)),
    SOURCE("source", false, new Target(SOURCE_KEYWORD, 1f));

    private static final Map<String, Attribute> BY_LOWER_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(a -> a.displayName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String displayName;
    private final boolean freeText;
    private final List<Target> targets;

    Attribute(String displayName, boolean freeText, Target... targets) {
      this.displayName = displayName;
      this.freeText = freeText;
      this.targets = List.of(targets);
    }

    /** The name users type and see, e.g. {@code infoType}. */
    String displayName() {
      return displayName;
    }

    /** The fields an explicit {@code attribute:} prefix searches, with their boosts. */
    List<Target> targets() {
      return targets;
    }

    /** The attribute a prefix names, ignoring case ({@code infotype:} is {@code infoType:}). */
    static Optional<Attribute> byPrefix(String prefix) {
      return Optional.ofNullable(BY_LOWER_NAME.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** The attribute an internal field belongs to, if it belongs to one. */
    static Optional<Attribute> ofField(String field) {
      return Optional.ofNullable(BY_FIELD.get(field));
    }

    /** The attribute names users may type as prefixes, for error messages. */
    static String prefixList() {
      return Arrays.stream(values()).map(a -> a.displayName + ":").collect(Collectors.joining(", "));
    }

    private static final Map<String, Attribute> BY_FIELD = byField();

    private static Map<String, Attribute> byField() {
      Map<String, Attribute> m = new java.util.HashMap<>();
      for (Attribute a : values()) {
        for (Target t : a.targets) {
          m.put(t.field(), a);
        }
      }
      m.put(DATASET_WORDS, QUALIFIED);
      return Map.copyOf(m);
    }
  }

  /** What free text (a term without a prefix) searches, with boosts. */
  static final List<Target> FREE_TEXT = freeTextTargets();

  /**
   * What a wildcard, prefix, fuzzy or range term without a prefix searches: {@link #FREE_TEXT}
   * without the whole qualified names and the dataset name of fields. Each such term is expanded
   * against every field's term dictionary, and the whole qualified names are the biggest one
   * (two per asset) while being meant for pasted names, not patterns.
   */
  static final List<Target> FREE_TEXT_PATTERNS = FREE_TEXT.stream()
      .filter(t -> !t.field().equals(QUALIFIED_EXACT) && !t.field().equals(DATASET_WORDS))
      .toList();

  /** How each internal text field is analysed. */
  static final Map<String, Analysis> ANALYSIS = Map.ofEntries(
      Map.entry(NAME_WORDS, Analysis.NAME),
      Map.entry(QUALIFIED_WORDS, Analysis.NAME),
      Map.entry(DATASET_WORDS, Analysis.NAME),
      Map.entry(NAME_EXACT, Analysis.KEYWORD),
      Map.entry(QUALIFIED_EXACT, Analysis.KEYWORD),
      Map.entry(TAG_KEYWORD, Analysis.KEYWORD),
      Map.entry(OWNER_KEYWORD, Analysis.KEYWORD),
      Map.entry(INFO_TYPE_KEYWORD, Analysis.KEYWORD),
      Map.entry(KIND_KEYWORD, Analysis.KEYWORD),
      Map.entry(SOURCE_KEYWORD, Analysis.KEYWORD),
      Map.entry(DESCRIPTION_TEXT, Analysis.TEXT),
      Map.entry(COMMENT_TEXT, Analysis.TEXT),
      Map.entry(TERM_TEXT, Analysis.TEXT));

  private static List<Target> freeTextTargets() {
    List<Target> targets = new java.util.ArrayList<>();
    for (Attribute a : Attribute.values()) {
      if (a.freeText) {
        targets.addAll(a.targets);
      }
    }
    targets.add(new Target(DATASET_WORDS, DATASET_NAME_BOOST));
    return List.copyOf(targets);
  }

  /** True for the fields a query may address directly (the internal ones). */
  static boolean isInternalField(String field) {
    return ANALYSIS.containsKey(field);
  }

  private SearchFields() {}
}
