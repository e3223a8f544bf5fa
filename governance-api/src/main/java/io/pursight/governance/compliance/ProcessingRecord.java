package io.pursight.governance.compliance;

import io.pursight.governance.catalog.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a GDPR Article 30 record of processing activities, drafted from the catalog,
 * lineage and policies.
 *
 * @param dataset the dataset holding personal data
 * @param owner the controller's contact for it (the dataset's owners), or null when unknown
 * @param purposes the purposes of processing (annotation {@code purpose}), empty when undeclared
 * @param categories the categories of personal data (info types found)
 * @param specialCategories Article 9 categories among them
 * @param retention the retention period (annotation {@code retention}), or null when undeclared
 * @param recipients datasets the data flows to (lineage), as qualified names
 * @param safeguards the policies that protect it (ids)
 * @param gaps what the record lacks (e.g. "no purpose declared")
 */
public record ProcessingRecord(QualifiedName dataset, String owner, List<String> purposes, List<String> categories,
    List<String> specialCategories, String retention, List<String> recipients, List<String> safeguards,
    List<String> gaps) {

  /** Validates the parts and copies the lists. */
  public ProcessingRecord {
    Objects.requireNonNull(dataset, "dataset");
    purposes = List.copyOf(purposes);
    categories = List.copyOf(categories);
    specialCategories = List.copyOf(specialCategories);
    recipients = List.copyOf(recipients);
    safeguards = List.copyOf(safeguards);
    gaps = List.copyOf(gaps);
  }
}
