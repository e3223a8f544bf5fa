package io.pursight.governance.policy;

import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.classification.Sensitivity;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the catalog knows about a field, as policies match it: its active info types (found by
 * classifiers, confirmed by people, or inherited along lineage), their categories, the highest
 * sensitivity among them, and tags. The runtime builds these from the catalog; policy engines only
 * read them.
 *
 * @param field the field
 * @param infoTypes active info type ids
 * @param categories the categories of those info types (e.g. {@code contact}, {@code financial})
 * @param sensitivity the highest sensitivity of those info types, {@link Sensitivity#PUBLIC} when none
 * @param tags the field's tags (lower case)
 * @param datasetTags the tags of the field's dataset
 * @param attributes further facts (e.g. the dataset's {@code purpose} or {@code retention}
 *     annotations), never values
 */
public record FieldFacts(QualifiedName field, Set<String> infoTypes, Set<String> categories, Sensitivity sensitivity,
    Set<String> tags, Set<String> datasetTags, Map<String, String> attributes) {

  /** Validates the parts and copies the collections. */
  public FieldFacts {
    Objects.requireNonNull(field, "field");
    infoTypes = Set.copyOf(infoTypes);
    categories = Set.copyOf(categories);
    sensitivity = sensitivity == null ? Sensitivity.PUBLIC : sensitivity;
    tags = Set.copyOf(tags);
    datasetTags = Set.copyOf(datasetTags);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Facts for a field the catalog knows nothing about. */
  public static FieldFacts unknown(QualifiedName field) {
    return new FieldFacts(field, Set.of(), Set.of(), Sensitivity.PUBLIC, Set.of(), Set.of(), Map.of());
  }
}
