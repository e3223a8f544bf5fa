package io.pursight.governance.core.testing;

import io.pursight.governance.catalog.DataType;
import io.pursight.governance.catalog.Dataset;
import io.pursight.governance.catalog.DatasetKind;
import io.pursight.governance.catalog.DatasetSnapshot;
import io.pursight.governance.catalog.Field;
import io.pursight.governance.catalog.ForeignKey;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.SampleInfo;
import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import io.pursight.governance.profile.Profile;
import io.pursight.governance.profile.ProfileSketches;
import io.pursight.governance.profile.QualityScore;
import io.pursight.governance.profile.ValueCount;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Hand-made model objects for tests. */
public final class Fixtures {
  private Fixtures() {}

  public static final DataType INT = new DataType("int4", Types.INTEGER, 10, 0, TypeFamily.INTEGER);
  public static final DataType TEXT = new DataType("varchar", Types.VARCHAR, 100, null, TypeFamily.STRING);

  public static QualifiedName customers() {
    return QualifiedName.dataset("shop", "test", "public", "customers");
  }

  public static Dataset customersDataset() {
    return new Dataset(customers(), DatasetKind.TABLE,
        List.of(new Field("id", 1, INT, false, true, "surrogate key", null),
            new Field("email", 2, TEXT, true, false, "contact e-mail", null),
            new Field("country_id", 3, INT, true, false, null, null)),
        List.of("id"),
        List.of(new ForeignKey("fk_country", List.of("country_id"),
            QualifiedName.dataset("shop", "test", "public", "countries"), List.of("id"), "NO ACTION", "CASCADE")),
        "people who buy", null, 1200L, Map.of());
  }

  public static DatasetSnapshot customersSnapshot(String scanId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Profile p = new Profile(100, 3, 97, 0, 0, null, null, 10, 30, 18.5, List.of(),
        List.of(new ValueCount("aaaa@aaaa.aaa", 40)), true,
        new ProfileSketches(new byte[] {1, 2, 3}, new byte[] {4}, null, new byte[] {5, 6}, null));
    return new DatasetSnapshot(customersDataset(),
        Map.of("email", List.of(Classification.suggested("EMAIL_ADDRESS", 0.9, "test", List.of("97/97 valid")))),
        Map.of("email", p), Map.of("email", new QualityScore(0.98, 0.97, 1.0, null)),
        new QualityScore(0.99, 0.99, 1.0, 1.0), new SampleInfo("LIMIT 1000", 100, 12, false), now, now, scanId);
  }
}
