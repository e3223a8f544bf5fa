package io.pursight.governance.classifier.patterns;

import static io.pursight.governance.classifier.patterns.Columns.classify;
import static io.pursight.governance.classifier.patterns.Columns.classifyTyped;
import static io.pursight.governance.classifier.patterns.Columns.faker;
import static io.pursight.governance.classifier.patterns.Columns.find;
import static io.pursight.governance.classifier.patterns.Columns.gen;
import static io.pursight.governance.classifier.patterns.Columns.random;
import static io.pursight.governance.classifier.patterns.Columns.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.catalog.TypeFamily;
import io.pursight.governance.classification.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column-level decisions on realistic columns (seeded datafaker values) and on decoys. */
class ColumnDecisionTest {
  private static final Faker US = faker(Locale.US, 11);

  @Nested
  class Contact {
    @Test
    void emailsWithAndWithoutANamingColumn() {
      List<String> emails = gen(60, () -> US.internet().emailAddress());
      Classification named = find(classify("email", emails), "EMAIL_ADDRESS");
      assertThat(named.confidence()).isGreaterThanOrEqualTo(0.9);
      assertThat(named.evidence()).contains("60/60 values pass e-mail syntax (RFC 5322 subset, dotted domain, no file "
          + "extension)", "name 'email' matches EMAIL_ADDRESS");
      Classification unnamed = find(classify("col_17", emails), "EMAIL_ADDRESS");
      assertThat(unnamed.confidence()).isBetween(0.75, 0.85);
      assertThat(types(classify("col_17", emails))).containsExactly("EMAIL_ADDRESS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-US,phone", "en-GB,mobile", "de-DE,telefon", "fr-FR,telephone", "nl-NL,telefoonnummer",
        "es-ES,telefono", "it-IT,cellulare", "pt-BR,telefone", "en-IN,phone_no", "en-CA,tel"})
    void phoneNumbersOfSeveralCountriesValidatedWithLibphonenumber(String locale, String field) {
      Faker f = faker(Locale.forLanguageTag(locale), 5);
      List<String> phones = gen(60, () -> f.phoneNumber().phoneNumber());
      Classification c = find(classify(field, phones), "PHONE_NUMBER");
      assertThat(c.confidence()).as(phones.subList(0, 5).toString()).isGreaterThanOrEqualTo(0.85);
      assertThat(c.evidence().get(0)).contains("values pass libphonenumber validity");
    }

    @Test
    void internationalNumbersNeedNoName() {
      List<String> e164 = List.of("+4930123456789", "+44 20 7946 0958", "+33 1 42 68 53 00", "+31 20 794 2222",
          "+1 650-253-0000", "+49 170 1234567", "+34 912 345 678", "+39 06 6982 0000", "+91 98765 43210",
          "+55 11 91234-5678", "+61 2 9374 4000", "+81 3-1234-5678");
      Classification c = find(classify("contact_value", e164), "PHONE_NUMBER");
      assertThat(c.confidence()).isGreaterThanOrEqualTo(0.75);
      // 8 valid checks agree: the other 4 are extrapolated
      assertThat(c.evidence().get(0)).startsWith("~12/12 values pass").endsWith("(estimated from 8 checked)");
    }

    @Test
    void bareDigitsAreAPhoneOnlyWithAName() {
      Faker f = faker(Locale.US, 17);
      List<String> digits = gen(50, () -> f.phoneNumber().phoneNumber().replaceAll("\\D", "").replaceFirst("^1", ""))
          .stream().filter(d -> d.length() == 10).toList();
      assertThat(digits).hasSizeGreaterThan(30);
      assertThat(types(classify("col_3", digits))).doesNotContain("PHONE_NUMBER");
      assertThat(find(classify("phone", digits), "PHONE_NUMBER").confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void nhsNumbersWrittenLikePhoneNumbersAreNhsNumbers() {
      Random r = new Random(23);
      List<String> nhs = new ArrayList<>();
      while (nhs.size() < 50) {
        String nine = String.format("%09d", r.nextInt(1_000_000_000));
        int check = Textbook.nhs(nine);
        if (check >= 0) {
          String v = nine + check;
          nhs.add(v.substring(0, 3) + " " + v.substring(3, 6) + " " + v.substring(6));
        }
      }
      Decision d = Columns.explain("col_n", nhs);
      assertThat(types(classify("col_n", nhs))).contains("UK_NATIONAL_HEALTH_SERVICE_NUMBER")
          .doesNotContain("PHONE_NUMBER");
      // some of them are valid phone numbers too, but the checksum explains the column better
      assertThat(d.scores()).anySatisfy(s -> {
        assertThat(s.infoType()).isEqualTo("PHONE_NUMBER");
        assertThat(s.hits()).isPositive();
        assertThat(s.reported()).isFalse();
      });
    }

    @Test
    void phoneChecksAreCappedAndTheRestExtrapolated() {
      PatternsClassifier capped = new PatternsClassifier(Settings.from(new io.pursight.governance.spi.PluginConfig(
          java.util.Map.of("patterns.maxPhoneChecks", "10"))));
      Random r = new Random(43);
      List<String> phones = new java.util.ArrayList<>(
          gen(100, () -> "+1 650-253-" + String.format("%04d", 1000 + r.nextInt(8000))));
      phones.set(3, "+1 000-000-0000"); // one invalid among the first: no early agreement, so the cap applies
      List<Classification> cs = capped.classify(io.pursight.governance.classification.ColumnSample.of("t", "phone",
          phones), Columns.CONTEXT);
      assertThat(find(cs, "PHONE_NUMBER").evidence().get(0))
          .isEqualTo("~90/100 values pass libphonenumber validity (estimated from 10 checked)");
    }
  }

  @Nested
  class Identity {
    @Test
    void personNamesFromSeveralCulturesWithNames() {
      for (String tag : List.of("en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR")) {
        Faker f = faker(Locale.forLanguageTag(tag), 3);
        assertThat(find(classify("customers", "first_name", gen(50, () -> f.name().firstName())), "PERSON_NAME")
            .confidence()).as(tag).isGreaterThanOrEqualTo(0.8);
        assertThat(find(classify("customers", "last_name", gen(50, () -> f.name().lastName())), "PERSON_NAME")
            .confidence()).as(tag).isGreaterThanOrEqualTo(0.8);
      }
    }

    @Test
    void fullNamesAreFoundWithoutAName() {
      List<String> names = gen(60, () -> US.name().firstName() + " " + US.name().lastName());
      Classification c = find(classify("col_9", names), "PERSON_NAME");
      assertThat(c.confidence()).isBetween(0.6, 0.8);
      Classification named = find(classify("users", "name", names), "PERSON_NAME");
      assertThat(named.confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(named.evidence()).contains("name 'name' matches PERSON_NAME in a dataset of 'users'");
    }

    @Test
    void citiesFromTheGazetteerAndByNameAndShape() {
      List<String> cities = List.of("Paris", "Berlin", "München", "Zürich", "New York", "Los Angeles", "Amsterdam",
          "Rotterdam", "Madrid", "Barcelona", "Milano", "Toronto", "São Paulo", "Lyon", "Köln", "Hamburg", "Chicago",
          "Seattle", "Utrecht", "Sevilla");
      assertThat(find(classify("col_c", cities), "LOCATION_CITY").confidence()).isBetween(0.7, 0.8);
      assertThat(find(classify("city", cities), "LOCATION_CITY").confidence()).isGreaterThanOrEqualTo(0.9);
      // invented town names: only the column name says they are cities, with a lower confidence
      List<String> invented = gen(40, () -> US.address().city());
      Classification c = find(classify("city", invented), "LOCATION_CITY");
      assertThat(c.confidence()).isBetween(0.6, 0.8);
      assertThat(types(classify("col_c", invented))).doesNotContain("LOCATION_CITY");
    }

    @Test
    void countriesAsNamesAndCodes() {
      assertThat(find(classify("col_k", gen(50, () -> US.address().country())), "COUNTRY").confidence())
          .isGreaterThanOrEqualTo(0.6);
      List<String> names = List.of("Deutschland", "France", "España", "Italia", "Nederland", "United States",
          "Brasil", "Belgique", "Österreich", "Schweiz", "Portugal", "Polska");
      assertThat(types(classify("col_k", names))).contains("COUNTRY");
      List<String> alpha2 = gen(40, () -> US.address().countryCode());
      assertThat(find(classify("country_code", alpha2), "COUNTRY").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(types(classify("col_k", alpha2))).as("two letters say little alone").doesNotContain("COUNTRY");
      List<String> alpha3 = List.of("DEU", "FRA", "USA", "GBR", "NLD", "ESP", "ITA", "BRA", "IND", "CAN", "AUT", "CHE");
      assertThat(types(classify("col_k", alpha3))).contains("COUNTRY");
    }

    @Test
    void birthDatesAreReportedWithANameAndOrderDatesNever() {
      List<String> births = gen(50, () -> US.timeAndDate().birthday(18, 90).toString());
      assertThat(find(classify("date_of_birth", births), "DATE_OF_BIRTH").confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(find(classify("geburtsdatum", births), "DATE_OF_BIRTH").confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(find(classifyTyped("dob", TypeFamily.DATE, "date", births), "DATE_OF_BIRTH").confidence())
          .isGreaterThanOrEqualTo(0.85);
      // the same values as order dates, or without a name, are not birth dates
      assertThat(classify("order_date", births)).isEmpty();
      assertThat(classify("created_at", births)).isEmpty();
      assertThat(classify("col_d", births)).isEmpty();
      Random r = new Random(2);
      List<String> orders = gen(50, () -> LocalDate.of(2024, 1, 1).plusDays(r.nextInt(500)).toString());
      assertThat(classify("order_date", orders)).isEmpty();
      List<String> timestamps = gen(50, () -> LocalDate.of(1980, 1, 1).plusDays(r.nextInt(9000)) + "T10:1"
          + r.nextInt(10) + ":00Z");
      assertThat(types(classify("birth_date", timestamps))).as("times of day are events, not births")
          .doesNotContain("DATE_OF_BIRTH");
    }

    @Test
    void companyNamesAreNotPersonNames() {
      List<String> companies = List.of("Walter Inc", "Jaskolski LLC", "Lebsack and Sons", "Tillman, Corkery and Wuckert",
          "Joldersma en Zonen", "Frías S.L.", "Arreola Ortega S.A.", "Schmidt GmbH", "Weber & Co", "Müller AG",
          "Rossi S.p.A.", "Brown Holdings");
      assertThat(classify("vendor", companies)).isEmpty();
      assertThat(classify("users", "employer_name", List.of("Tusveld-Pieternella", "Mutsaars-Hudepohl", "Perik-Hilberink",
          "Outheusden-Rodenboog", "Rijsinge-Barsingerhorn"))).as("an employer is not a person").isEmpty();
      assertThat(classify("col_c", companies)).isEmpty();
      for (String company : companies) {
        assertThat(PersonalChecks.personName(company)).as(company).isFalse();
      }
    }

    @Test
    void agesNeedAName() {
      Random r = new Random(4);
      List<String> ages = gen(50, () -> Integer.toString(18 + r.nextInt(70)));
      assertThat(find(classify("age", ages), "AGE").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(find(classify("leeftijd", ages), "AGE").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(classify("quantity", ages)).isEmpty();
      assertThat(types(classify("age", gen(20, () -> Integer.toString(200 + r.nextInt(800))))))
          .as("ages over 120 disagree").doesNotContain("AGE");
    }

    @Test
    void mixedFormatsLetTheDistinctiveOnesVouchForTheRest() {
      Faker f = faker(Locale.US, 64);
      Random r = new Random(64);
      List<String> ssns = gen(50, () -> {
        String s = f.idNumber().ssnValid();
        return r.nextBoolean() ? s : s.replace("-", "");
      });
      Classification ssn = find(classify("value", ssns), "US_SOCIAL_SECURITY_NUMBER");
      assertThat(ssn.evidence()).anyMatch(e -> e.endsWith("in a format that identifies US_SOCIAL_SECURITY_NUMBER alone"));
      List<String> genders = gen(40, () -> List.of("male", "F", "female", "M", "Male", "Female", "F", "M").get(r.nextInt(8)));
      assertThat(types(classify("u_val", genders))).containsExactly("GENDER");
      List<String> icd = gen(40, () -> List.of("E11.9", "I10", "J45.909", "R51", "Z23", "C50.911", "F32.9", "N39.0")
          .get(r.nextInt(8)));
      assertThat(types(classify("ext_ref", icd))).containsExactly("ICD10_CODE");
      // but 9-digit numbers do not become SSNs because a few dashed ones sit among them
      List<String> mostlyNumbers = new ArrayList<>(gen(45, () -> Integer.toString(100_000_000 + r.nextInt(800_000_000))));
      mostlyNumbers.addAll(gen(5, () -> f.idNumber().ssnValid()));
      assertThat(types(classify("value", mostlyNumbers))).doesNotContain("US_SOCIAL_SECURITY_NUMBER");
    }

    @Test
    void aColumnOfTwoKindsReportsBoth() {
      Faker f = faker(Locale.US, 65);
      Random r = new Random(65);
      List<String> contact = gen(50, () -> r.nextBoolean() ? f.internet().emailAddress()
          : "+1 650-253-" + String.format("%04d", 1000 + r.nextInt(8000)));
      List<Classification> cs = classify("reach_me_at", contact);
      assertThat(types(cs)).containsExactlyInAnyOrder("EMAIL_ADDRESS", "PHONE_NUMBER");
      assertThat(find(cs, "EMAIL_ADDRESS").evidence()).anyMatch(e -> e.endsWith("other values are PHONE_NUMBER: a column of both"));
      List<String> tins = gen(50, () -> r.nextBoolean() ? f.idNumber().ssnValid()
          : "9" + r.nextInt(10) + r.nextInt(10) + "-" + (70 + r.nextInt(18)) + "-" + String.format("%04d", 1 + r.nextInt(9999)));
      assertThat(types(classify("tax_id_number", tins))).as("the generic NATIONAL_ID_NUMBER is only a fallback")
          .containsExactlyInAnyOrder("US_SOCIAL_SECURITY_NUMBER", "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER");
      // two kinds that overlap or leave most values unexplained are not a shared column
      List<String> mostlyWords = new ArrayList<>(gen(30, () -> f.lorem().word()));
      mostlyWords.addAll(gen(10, () -> f.internet().emailAddress()));
      mostlyWords.addAll(gen(10, () -> f.internet().ipV4Address()));
      assertThat(classify("col_w", mostlyWords)).isEmpty();
    }

    @Test
    void longStructuredValuesAreNotFreeText() {
      Random r = new Random(66);
      List<String> races = gen(40, () -> List.of("Black or African American", "Native Hawaiian or Other Pacific Islander",
          "American Indian or Alaska Native", "White", "Asian").get(r.nextInt(5)));
      assertThat(types(classify("race", races))).containsExactly("ETHNIC_GROUP");
      List<String> addresses = gen(40, () -> List.of("Contrada", "Strada", "Rotonda", "Incrocio", "Borgo").get(r.nextInt(5))
          + " " + List.of("Mecren", "Martinelli", "Lino", "Sabatino", "Palumbo").get(r.nextInt(5)) + " " + (1 + r.nextInt(900))
          + ", " + (r.nextBoolean() ? "Appartamento " : "Piano ") + r.nextInt(60));
      assertThat(types(classify("col_a", addresses))).containsExactly("STREET_ADDRESS");
    }

    @Test
    void placeholdersAreNotValues() {
      List<String> emails = new ArrayList<>(gen(20, () -> US.internet().emailAddress()));
      emails.addAll(List.of("N/A", "n/a", "-", "null", "NULL", "none", "?", "TBD", "", "   "));
      assertThat(find(classify("col_e", emails), "EMAIL_ADDRESS").evidence().get(0)).startsWith("20/20 values pass");
    }

    @Test
    void germanIdCardSerialsAndCheckedNumbers() {
      List<String> serials = List.of("PGC7NPLW7", "XK26G2283", "T795F17YN", "CGW14VH1J", "F48NX7KPM", "JRY1J75VW");
      assertThat(IdChecks.germanIdCard("T220001293")).isEqualTo(2);
      assertThat(types(classify("personalausweis", serials))).containsExactly("GERMANY_IDENTITY_CARD_NUMBER");
      assertThat(types(classify("col_g", serials))).isEmpty();
      assertThat(IdChecks.germanIdCard("T220001294")).isZero();
      assertThat(IdChecks.germanIdCard("T22000129")).isEqualTo(1);
    }

    @Test
    void genderVocabularyAndLetterCodes() {
      Random r = new Random(6);
      assertThat(find(classify("col_g", gen(50, () -> r.nextBoolean() ? "male" : "female")), "GENDER").confidence())
          .isGreaterThanOrEqualTo(0.7);
      assertThat(find(classify("geschlecht", gen(50, () -> r.nextBoolean() ? "männlich" : "weiblich")), "GENDER")
          .confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(find(classify("gender", gen(50, () -> r.nextBoolean() ? "M" : "F")), "GENDER").confidence())
          .isGreaterThanOrEqualTo(0.8);
      assertThat(types(classify("col_g", gen(50, () -> r.nextBoolean() ? "M" : "F")))).doesNotContain("GENDER");
      assertThat(classify("status", gen(50, () -> r.nextBoolean() ? "other" : "unknown"))).isEmpty();
      assertThat(types(classify("size", gen(50, () -> "SML".charAt(r.nextInt(3)) + "")))).isEmpty();
    }

    @Test
    void streetAddressesInSeveralLanguages() {
      List<String> addresses = List.of("12 Main Street", "1600 Amphitheatre Pkwy", "Hauptstraße 5", "Kerkstraat 12a",
          "12 rue de la Paix", "Calle Mayor, 5", "Via Roma 10", "Rua Augusta 100", "221B Baker Street",
          "350 Fifth Avenue", "Unter den Linden 77", "P.O. Box 1234");
      assertThat(find(classify("col_a", addresses), "STREET_ADDRESS").confidence()).isGreaterThanOrEqualTo(0.65);
      assertThat(find(classify("address", gen(50, () -> US.address().streetAddress())), "STREET_ADDRESS").confidence())
          .isGreaterThanOrEqualTo(0.85);
    }
  }

  @Nested
  class PostalCodes {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"en-US,zip", "en-GB,postcode", "en-CA,postal_code", "de-DE,plz", "fr-FR,code_postal",
        "nl-NL,postcode"})
    void postalCodesWithAColumnName(String locale, String field) {
      Faker f = faker(Locale.forLanguageTag(locale), 8);
      List<String> codes = gen(50, () -> f.address().postcode());
      assertThat(find(classify(field, codes), "POSTAL_CODE").confidence()).as(codes.subList(0, 5).toString())
          .isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void distinctiveFormatsNeedNoNameButDigitsDo() {
      Faker uk = faker(Locale.UK, 9);
      assertThat(types(classify("col_p", gen(50, () -> uk.address().postcode())))).contains("POSTAL_CODE");
      Faker de = faker(Locale.GERMANY, 9);
      assertThat(types(classify("col_p", gen(50, () -> de.address().postcode())))).doesNotContain("POSTAL_CODE");
    }
  }

  @Nested
  class Financial {
    private List<String> cards(int n, String separator) {
      Random r = new Random(21);
      List<String> out = new ArrayList<>();
      String[] prefixes = {"4", "51", "37", "6011", "3528"};
      int[] lengths = {16, 16, 15, 16, 16};
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(prefixes.length);
        String body = prefixes[k] + random(r, "0123456789", lengths[k] - prefixes[k].length() - 1);
        String pan = body + Textbook.luhn(body);
        out.add(separator.isEmpty() ? pan : pan.length() == 15
            ? pan.substring(0, 4) + separator + pan.substring(4, 10) + separator + pan.substring(10)
            : pan.replaceAll("(\\d{4})(?=\\d)", "$1" + separator));
      }
      return out;
    }

    @ParameterizedTest(name = "separator ''{0}''")
    @CsvSource(value = {"''", "' '", "'-'"}, quoteCharacter = '\'')
    void creditCardsPlainSpacedOrDashed(String separator) {
      List<String> cards = cards(50, separator);
      Classification named = find(classify("cc_num", cards), "CREDIT_CARD_NUMBER");
      assertThat(named.confidence()).isGreaterThanOrEqualTo(0.95);
      assertThat(named.evidence()).contains("50/50 values pass Luhn and issuer prefix ranges",
          "name 'cc_num' matches CREDIT_CARD_NUMBER");
      assertThat(find(classify("col_x", cards), "CREDIT_CARD_NUMBER").confidence()).isBetween(0.8, 0.9);
    }

    @Test
    void luhnFailingSixteenDigitNumbersAreNotCards() {
      Random r = new Random(3);
      List<String> numbers = gen(50, () -> {
        String body = "4" + random(r, "0123456789", 14);
        return body + (Textbook.luhn(body) + 1) % 10;
      });
      assertThat(types(classify("col_x", numbers))).doesNotContain("CREDIT_CARD_NUMBER");
      assertThat(types(classify("card_number", numbers))).as("a name cannot make Luhn failures cards")
          .doesNotContain("CREDIT_CARD_NUMBER");
    }

    @Test
    void ibansFromTheRegistryCountries() {
      Random r = new Random(40);
      List<String> ibans = gen(40, () -> US.finance().iban(List.of("DE", "FR", "GB", "NL", "ES", "IT").get(r.nextInt(6))));
      assertThat(find(classify("iban", ibans), "IBAN_CODE").confidence()).isGreaterThanOrEqualTo(0.95);
      assertThat(find(classify("col_i", ibans), "IBAN_CODE").confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void ssnsAgainstNineDigitOrderNumbers() {
      Faker f = faker(Locale.US, 13);
      List<String> dashed = gen(50, () -> f.idNumber().ssnValid());
      assertThat(find(classify("col_s", dashed), "US_SOCIAL_SECURITY_NUMBER").confidence()).isBetween(0.75, 0.85);
      assertThat(find(classify("ssn", dashed), "US_SOCIAL_SECURITY_NUMBER").confidence()).isGreaterThanOrEqualTo(0.9);
      List<String> bare = dashed.stream().map(s -> s.replace("-", "")).toList();
      assertThat(find(classify("ssn", bare), "US_SOCIAL_SECURITY_NUMBER").confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(types(classify("col_s", bare))).as("nine bare digits need a name").isEmpty();
      // nine-digit order numbers pass the SSN rules about 89% of the time: still not SSNs
      Random r = new Random(8);
      List<String> orders = gen(50, () -> Integer.toString(100_000_000 + r.nextInt(900_000_000)));
      assertThat(classify("order_number", orders)).isEmpty();
      assertThat(classify("col_s", orders)).isEmpty();
      // too few values to report from values alone (the rule needs 90% of 10 or more)
      assertThat(types(classify("col_s", dashed.subList(0, 5)))).doesNotContain("US_SOCIAL_SECURITY_NUMBER");
    }

    @Test
    void identifierStatisticsAdjustTheConfidence() {
      Random r = new Random(61);
      List<String> uniform = gen(40, () -> "XY" + random(r, "0123456789", 7));
      Classification passport = find(classify("passport_number", uniform), "PASSPORT_NUMBER");
      assertThat(passport.evidence()).contains("values share one length and character classes, like identifiers");
      List<String> repeating = gen(40, () -> List.of("A123456", "B234567", "C345678").get(r.nextInt(3)));
      Classification repeated = find(classify("passport_number", repeating), "PASSPORT_NUMBER");
      assertThat(repeated.confidence()).isLessThan(passport.confidence() - 0.1);
      assertThat(repeated.evidence()).anyMatch(e -> e.startsWith("values repeat (3 distinct in 40)"));
    }

    @Test
    void aPassportColumnOfUsFormatValuesIsUsPassports() {
      Random r = new Random(62);
      List<String> us = gen(40, () -> r.nextBoolean() ? random(r, "0123456789", 9)
          : random(r, "ABCDEFGHJKLMNPRSTUVWXZ", 1) + random(r, "0123456789", 8));
      List<Classification> cs = classify("passport_no", us);
      assertThat(types(cs)).containsExactly("US_PASSPORT");
      assertThat(cs.get(0).evidence()).contains("name 'passport_no' matches PASSPORT_NUMBER, and 40/40 values have the "
          + "US_PASSPORT format");
      List<String> mixed = gen(40, () -> random(r, "ABCDEFGHJKLMNPRSTUVWXZ", 2) + random(r, "0123456789", 7));
      assertThat(types(classify("passport_no", mixed))).containsExactly("PASSPORT_NUMBER");
    }

    @Test
    void vatNumbersByFormatAndByCheckDigits() {
      Random r = new Random(63);
      List<String> formats = gen(30, () -> switch (r.nextInt(3)) {
        case 0 -> "NL" + random(r, "0123456789", 9) + "B" + random(r, "0123456789", 2);
        case 1 -> "GB" + random(r, "0123456789", 9);
        default -> "DE" + random(r, "123456789", 1) + random(r, "0123456789", 8);
      });
      Classification c = find(classify("col_v", formats), "VAT_NUMBER");
      assertThat(c.confidence()).isBetween(0.75, 0.85);
      List<String> checked = List.of("FR40303265045", "IT00743110157", "BE0403019261", "DE136695976", "FR40303265045",
          "IT00743110157", "BE0403019261", "DE136695976", "FR40303265045", "IT00743110157");
      assertThat(find(classify("col_v", checked), "VAT_NUMBER").evidence().get(0))
          .isEqualTo("10/10 values pass EU VAT check digits (BE, DE, FR, IT) or EU VAT format by country prefix");
    }

    @Test
    void routingNumbersAndCvvs() {
      List<String> aba = List.of("011000015", "021000021", "026009593", "121000358", "111000025", "031100209",
          "071000013", "122000247");
      assertThat(find(classify("routing_number", aba), "AMERICAN_BANKING_ROUTING_NUMBER").confidence())
          .isGreaterThanOrEqualTo(0.9);
      Random r = new Random(5);
      List<String> cvv = gen(40, () -> String.format("%03d", r.nextInt(1000)));
      assertThat(find(classify("cvv", cvv), "CARD_VERIFICATION_VALUE").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(classify("qty", cvv)).isEmpty();
    }
  }

  @Nested
  class CredentialsAndDevices {
    @Test
    void bcryptHashesInAPasswordColumnArePasswordHashesNotPasswords() {
      Random r = new Random(1);
      List<String> hashes = gen(40, () -> "$2b$12$" + random(r,
          "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 53));
      List<Classification> cs = classify("password", hashes);
      assertThat(types(cs)).containsExactly("PASSWORD_HASH");
      assertThat(cs.get(0).confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(types(classify("col_h", hashes))).containsExactly("PASSWORD_HASH");
    }

    @Test
    void plaintextPasswordsByNameAndShape() {
      Faker f = faker(Locale.US, 2);
      List<String> pw = gen(40, () -> f.credentials().password(8, 16, true, true, true));
      assertThat(find(classify("password", pw), "PASSWORD").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(types(classify("password", pw))).doesNotContain("PASSWORD_HASH");
      assertThat(classify("col_w", pw)).isEmpty();
      Random r = new Random(42);
      assertThat(classify("password_changed_at", gen(20, () -> "2024-05-0" + (1 + r.nextInt(9))))).isEmpty();
    }

    @Test
    void hexDigestsAreSecretsOnlyByName() {
      Random r = new Random(7);
      List<String> sha = gen(40, () -> random(r, "0123456789abcdef", 64));
      assertThat(classify("checksum", sha)).isEmpty();
      assertThat(classify("sha256", sha)).isEmpty();
      assertThat(classify("file_hash", sha)).isEmpty();
      assertThat(types(classify("password_hash", sha))).containsExactly("PASSWORD_HASH");
      List<String> md5 = gen(40, () -> random(r, "0123456789abcdef", 32));
      assertThat(types(classify("pwd", md5))).containsExactly("PASSWORD_HASH");
    }

    @Test
    void uuidsAreDeviceIdsOnlyByName() {
      Random r = new Random(9);
      List<String> uuids = gen(40, () -> new UUID(r.nextLong(), r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
          .toString());
      assertThat(classify("id", uuids)).isEmpty();
      assertThat(classify("order_uuid", uuids)).isEmpty();
      assertThat(find(classify("device_id", uuids), "DEVICE_ID").confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(find(classify("advertising_id", uuids), "DEVICE_ID").confidence()).isGreaterThanOrEqualTo(0.85);
      assertThat(find(classifyTyped("idfa", TypeFamily.UUID, "uuid", uuids), "DEVICE_ID").confidence())
          .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void keysAndTokens() {
      Random r = new Random(10);
      List<String> akids = gen(20, () -> "AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
      assertThat(types(classify("col_k", akids))).containsExactly("AWS_ACCESS_KEY_ID");
      List<String> secrets = gen(20, () -> random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", 40));
      assertThat(find(classify("aws_secret_access_key", secrets), "AWS_SECRET_ACCESS_KEY").confidence())
          .isGreaterThanOrEqualTo(0.8);
      assertThat(classify("col_k", secrets)).isEmpty();
      String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
          + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
      assertThat(types(classify("col_k", List.of(jwt, jwt, jwt)))).containsExactly("JSON_WEB_TOKEN");
    }

    @Test
    void networkValues() {
      Faker f = faker(Locale.US, 12);
      assertThat(find(classify("client_ip", gen(40, () -> f.internet().ipV4Address())), "IP_ADDRESS").confidence())
          .isGreaterThanOrEqualTo(0.9);
      assertThat(types(classify("col_n", gen(40, () -> f.internet().ipV6Address())))).containsExactly("IP_ADDRESS");
      assertThat(types(classify("col_n", gen(40, () -> f.internet().macAddress())))).containsExactly("MAC_ADDRESS");
      assertThat(types(classify("homepage", gen(40, () -> f.internet().url())))).containsExactly("URL");
    }

    @Test
    void coordinatesByPairOrByName() {
      Random r = new Random(14);
      List<String> pairs = gen(40, () -> String.format(Locale.ROOT, "%.5f, %.5f", r.nextDouble() * 180 - 90,
          r.nextDouble() * 360 - 180));
      assertThat(types(classify("col_m", pairs))).containsExactly("GEO_COORDINATES");
      List<String> lat = gen(40, () -> String.format(Locale.ROOT, "%.6f", r.nextDouble() * 180 - 90));
      assertThat(find(classify("latitude", lat), "GEO_COORDINATES").confidence()).isGreaterThanOrEqualTo(0.8);
      assertThat(classify("col_m", lat)).isEmpty();
    }

    @Test
    void healthCodes() {
      List<String> icd = List.of("E11.9", "J45.909", "I10", "S72.001A", "F32.9", "M54.5", "K21.9", "N39.0", "R51",
          "Z00.00", "C50.911", "G43.909");
      assertThat(find(classify("diagnosis_code", icd), "ICD10_CODE").confidence()).isGreaterThanOrEqualTo(0.85);
      List<String> dotted = List.of("E11.9", "J45.909", "S72.001A", "F32.9", "M54.5", "K21.9", "N39.0", "Z00.00");
      assertThat(types(classify("col_h", dotted))).contains("ICD10_CODE");
    }
  }

  @Nested
  class NameOnlyEvidence {
    @Test
    void aNamedColumnWithoutValuesGetsALowConfidence() {
      Classification c = find(classify("ssn", List.of()), "US_SOCIAL_SECURITY_NUMBER");
      assertThat(c.confidence()).isEqualTo(Decision.NAME_ONLY);
      assertThat(c.evidence()).containsExactly("name 'ssn' matches US_SOCIAL_SECURITY_NUMBER", "no non-blank values sampled");
    }

    @Test
    void maskedValuesKeepTheNameEvidence() {
      Random r = new Random(41);
      List<String> masked = gen(20, () -> "XXX-XX-" + String.format("%04d", r.nextInt(10_000)));
      Classification c = find(classify("ssn", masked), "US_SOCIAL_SECURITY_NUMBER");
      assertThat(c.confidence()).isEqualTo(Decision.NAME_OVER_MASKED);
      assertThat(c.evidence()).contains("20/20 values look masked");
      assertThat(types(classify("card_number", gen(10, () -> "**** **** **** 4242")))).contains("CREDIT_CARD_NUMBER");
    }

    @Test
    void aNameWhoseValuesAreSomethingElseIsNotReported() {
      List<String> emails = gen(30, () -> US.internet().emailAddress());
      assertThat(types(classify("phone", emails))).containsExactly("EMAIL_ADDRESS");
    }
  }

  @Nested
  class Decoys {
    private final Random r = new Random(99);

    @Test
    void orderNumbersPlainIdsAndSkus() {
      assertThat(classify("order_number", gen(50, () -> Integer.toString(100_000_000 + r.nextInt(900_000_000)))))
          .isEmpty();
      assertThat(classify("id", gen(50, () -> Integer.toString(1 + r.nextInt(1_000_000))))).isEmpty();
      assertThat(classify("col_1", gen(50, () -> Integer.toString(1 + r.nextInt(1_000_000))))).isEmpty();
      assertThat(classify("sku", gen(50, () -> "SKU-" + random(r, "ABCDEFGHJK", 3) + r.nextInt(10_000)))).isEmpty();
      assertThat(classify("product_code", gen(50, () -> random(r, "ABCDEFGHJK", 2) + "-" + r.nextInt(100_000))))
          .isEmpty();
    }

    @Test
    void businessIdentifiersAreNotPersonalOnesEvenWhenTheirValuesPassAChecksum() {
      Faker f = faker(Locale.US, 51);
      List<String> ssnShaped = gen(50, () -> f.idNumber().ssnValid());
      assertThat(types(classify("col_o", ssnShaped))).contains("US_SOCIAL_SECURITY_NUMBER");
      assertThat(classify("order_number", ssnShaped)).isEmpty();
      List<String> luhn = gen(50, () -> {
        String body = "4" + random(r, "0123456789", 14);
        return body + Textbook.luhn(body);
      });
      assertThat(types(classify("col_o", luhn))).contains("CREDIT_CARD_NUMBER");
      assertThat(classify("tracking_number", luhn)).isEmpty();
      assertThat(classify("sku", luhn)).isEmpty();
      assertThat(classify("artikelnummer", luhn)).isEmpty();
    }

    @Test
    void softwareVersionsAreNotIpAddresses() {
      List<String> fourPart = gen(50, () -> r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(30) + "." + r.nextInt(100));
      assertThat(classify("version", fourPart)).isEmpty();
      assertThat(classify("app_version", fourPart)).isEmpty();
      List<String> mixed = new ArrayList<>(fourPart);
      mixed.addAll(gen(10, () -> r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(30)));
      assertThat(classify("col_v", mixed)).as("three-part versions give the column away").isEmpty();
    }

    @Test
    void timestampsPricesAndDurations() {
      assertThat(classify("created_at", gen(50, () -> String.format("2024-%02d-%02dT%02d:%02d:00Z", 1 + r.nextInt(12),
          1 + r.nextInt(28), r.nextInt(24), r.nextInt(60))))).isEmpty();
      assertThat(classify("updated_at", gen(50, () -> String.format("2024-%02d-%02d %02d:%02d:%02d", 1 + r.nextInt(12),
          1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60))))).isEmpty();
      assertThat(classify("price", gen(50, () -> r.nextInt(1000) + "." + (10 + r.nextInt(90))))).isEmpty();
      assertThat(classify("col_2", gen(50, () -> r.nextInt(1000) + "." + (10 + r.nextInt(90))))).isEmpty();
      assertThat(classify("duration", gen(50, () -> String.format("%02d:%02d:%02d", r.nextInt(10), r.nextInt(60),
          r.nextInt(60))))).isEmpty();
      assertThat(classify("elapsed", gen(50, () -> "PT" + r.nextInt(60) + "M" + r.nextInt(60) + "S"))).isEmpty();
    }

    @Test
    void titlesProductNamesAndCategories() {
      Faker f = faker(Locale.US, 31);
      assertThat(classify("title", gen(50, () -> f.book().title()))).isEmpty();
      assertThat(classify("job_title", gen(50, () -> f.job().title()))).isEmpty();
      assertThat(classify("col_t", gen(50, () -> f.job().title()))).isEmpty();
      assertThat(classify("product_name", gen(50, () -> f.commerce().productName()))).isEmpty();
      assertThat(classify("products", "name", gen(50, () -> f.commerce().productName()))).isEmpty();
      assertThat(classify("department", gen(50, () -> f.commerce().department()))).isEmpty();
      assertThat(classify("title", gen(50, () -> List.of("Mr", "Mrs", "Ms", "Dr").get(r.nextInt(4))))).isEmpty();
      assertThat(classify("status", gen(50, () -> List.of("active", "inactive", "pending").get(r.nextInt(3)))))
          .isEmpty();
      assertThat(classify("enabled", gen(50, () -> r.nextBoolean() ? "true" : "false"))).isEmpty();
    }

    @Test
    void imageFileNamesAreNotEmails() {
      assertThat(classify("icon", gen(30, () -> random(r, "abcdefgh", 6) + "@2x.png"))).isEmpty();
    }

    @Test
    void uuidsAndDigestsWithoutNames() {
      assertThat(classify("col_u", gen(40, () -> UUID.randomUUID().toString()))).isEmpty();
      assertThat(classify("etag", gen(40, () -> random(r, "0123456789abcdef", 32)))).isEmpty();
      assertThat(classify("commit", gen(40, () -> random(r, "0123456789abcdef", 40)))).isEmpty();
    }

    @Test
    void booleanColumnsAreNeverClassified() {
      assertThat(classifyTyped("gender", TypeFamily.BOOLEAN, "boolean", List.of("true", "false"))).isEmpty();
    }
  }
}
