package io.pursight.governance.classifier.patterns;

import static io.pursight.governance.classifier.patterns.Shape.ALNUM;
import static io.pursight.governance.classifier.patterns.Shape.AT;
import static io.pursight.governance.classifier.patterns.Shape.BRACE;
import static io.pursight.governance.classifier.patterns.Shape.CARET;
import static io.pursight.governance.classifier.patterns.Shape.COLON;
import static io.pursight.governance.classifier.patterns.Shape.COMMA;
import static io.pursight.governance.classifier.patterns.Shape.DASH;
import static io.pursight.governance.classifier.patterns.Shape.DEGREE;
import static io.pursight.governance.classifier.patterns.Shape.DIGIT;
import static io.pursight.governance.classifier.patterns.Shape.DOLLAR;
import static io.pursight.governance.classifier.patterns.Shape.DOT;
import static io.pursight.governance.classifier.patterns.Shape.EQUALS;
import static io.pursight.governance.classifier.patterns.Shape.HASH;
import static io.pursight.governance.classifier.patterns.Shape.LETTER;
import static io.pursight.governance.classifier.patterns.Shape.LOWER;
import static io.pursight.governance.classifier.patterns.Shape.NEWLINE;
import static io.pursight.governance.classifier.patterns.Shape.NON_ASCII_LETTER;
import static io.pursight.governance.classifier.patterns.Shape.OTHER;
import static io.pursight.governance.classifier.patterns.Shape.PAREN;
import static io.pursight.governance.classifier.patterns.Shape.PERCENT;
import static io.pursight.governance.classifier.patterns.Shape.PLUS;
import static io.pursight.governance.classifier.patterns.Shape.QUESTION;
import static io.pursight.governance.classifier.patterns.Shape.QUOTE;
import static io.pursight.governance.classifier.patterns.Shape.SEMICOLON;
import static io.pursight.governance.classifier.patterns.Shape.SLASH;
import static io.pursight.governance.classifier.patterns.Shape.SPACE;
import static io.pursight.governance.classifier.patterns.Shape.STAR;
import static io.pursight.governance.classifier.patterns.Shape.UNDERSCORE;
import static io.pursight.governance.classifier.patterns.Shape.UPPER;
import static io.pursight.governance.classifier.patterns.Strength.CHECKSUM;
import static io.pursight.governance.classifier.patterns.Strength.PATTERN;
import static io.pursight.governance.classifier.patterns.Strength.RULES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detectors of every built-in info type (each id of governance-api's info-types.tsv has at
 * least one) and the column-level rules of each type. The detectors of a type are its variants:
 * e.g. an SSN with dashes is reported from values alone, nine bare digits only with a name.
 */
final class BuiltInDetectors {
  private BuiltInDetectors() {}

  private static final int HEX = DIGIT | LETTER;
  private static final int WORDS = LETTER | NON_ASCII_LETTER | SPACE | DASH | DOT | QUOTE | DEGREE;

  /** The column rules of the built-in types; types not listed use {@link TypeRule#DEFAULT}. */
  static Map<String, TypeRule> rules() {
    Map<String, TypeRule> r = new HashMap<>();
    // context-only types: values must agree with a supporting name
    for (String t : List.of("US_PASSPORT", "US_DRIVERS_LICENSE_NUMBER", "US_BANK_ACCOUNT_NUMBER",
        "MEDICAL_RECORD_NUMBER", "CARD_VERIFICATION_VALUE", "AGE", "DATE_OF_BIRTH", "PASSWORD", "USERNAME",
        "PASSPORT_NUMBER", "NATIONAL_ID_NUMBER", "AWS_SECRET_ACCESS_KEY", "DEVICE_ID", "ETHNIC_GROUP")) {
      r.put(t, TypeRule.CONTEXT);
    }
    // the brief's example: SSN from values alone needs 90% of at least 10 values
    r.put("US_SOCIAL_SECURITY_NUMBER", TypeRule.of(0.9, 0.3, 10));
    r.put("US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER", TypeRule.of(0.9, 0.3, 10));
    r.put("US_EMPLOYER_IDENTIFICATION_NUMBER", TypeRule.of(0.8, 0.3, 5));
    // short checksums that random numbers of the right length pass 10% of the time
    for (String t : List.of("AMERICAN_BANKING_ROUTING_NUMBER", "US_NATIONAL_PROVIDER_IDENTIFIER",
        "UK_NATIONAL_HEALTH_SERVICE_NUMBER", "CANADA_SOCIAL_INSURANCE_NUMBER", "NETHERLANDS_BSN_NUMBER",
        "IMEI_HARDWARE_ID", "GERMANY_IDENTITY_CARD_NUMBER")) {
      r.put(t, TypeRule.of(0.8, 0.3, 3));
    }
    r.put("SWIFT_CODE", TypeRule.of(0.8, 0.3, 3));
    r.put("ICD10_CODE", TypeRule.of(0.8, 0.3, 3));
    r.put("POSTAL_CODE", TypeRule.of(0.8, 0.5, 5));
    r.put("COUNTRY", TypeRule.of(0.7, 0.5, 3));
    r.put("LOCATION_CITY", TypeRule.of(0.6, 0.3, 3));
    r.put("PERSON_NAME", TypeRule.of(0.6, 0.3, 3));
    r.put("STREET_ADDRESS", TypeRule.of(0.6, 0.3, 3));
    r.put("GENDER", TypeRule.of(0.8, 0.6, 3).distinct(2, 12));
    r.put("GEO_COORDINATES", TypeRule.of(0.7, 0.6, 3));
    r.put("URL", TypeRule.of(0.7, 0.3, 1));
    return r;
  }

  /**
   * Every built-in detector.
   *
   * @param phone the phone validator (its default regions)
   * @param today the reference date for ages and dates of birth
   */
  static List<Detector> create(PhoneCheck phone, LocalDate today) {
    List<Detector> d = new ArrayList<>();

    // ------------------------------------------------------------------ contact
    d.add(Detector.of("EMAIL_ADDRESS", "email").length(6, 254).requires(AT | DOT)
        .chars(-1 & ~(SPACE | NEWLINE | COMMA | COLON | PAREN | SEMICOLON | OTHER | DEGREE))
        .pattern("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,63}")
        .check(NetChecks::email, "e-mail syntax (RFC 5322 subset, dotted domain, no file extension)", RULES)
        .inText().build());
    String ext = "(?:\\s*(?:[eE][xX][tT]\\.?|[xX]|#)\\s*\\d{1,6})?";
    d.add(Detector.of("PHONE_NUMBER", "formatted").length(7, 32)
        .chars(DIGIT | SPACE | DASH | DOT | PAREN | PLUS | SLASH | LOWER | UPPER | HASH).digits(7, 21).letters(0)
        .pattern("(?:\\+|00)[1-9][\\d\\s().\\-/]{5,22}" + ext
            + "|\\(?0?\\d{1,5}\\)?[\\s.\\-/]+\\d[\\d\\s.\\-/]{2,16}" + ext
            + "|0\\d{8,11}")
        .check(phone::valid, "libphonenumber validity", RULES).expensive().inText().build());
    d.add(Detector.of("PHONE_NUMBER", "digits").length(7, 15).chars(DIGIT).pattern("[1-9]\\d{6,14}")
        .check(phone::valid, "libphonenumber validity", RULES).expensive().needsContext().build());

    // ------------------------------------------------------------------ identity and location
    d.add(Detector.of("PERSON_NAME", "dictionary").length(2, 60).chars(WORDS | COMMA).letters(2).digits(0, 0)
        .pattern("[^\\s,]++(?:,?\\s++[^\\s,]++){0,5}").matcher(v -> WordShapes.commaWords(v, 6))
        .check(PersonalChecks::personName, "given/family name dictionaries", PATTERN).build());
    d.add(Detector.of("PERSON_NAME", "shape").length(2, 60).chars(WORDS | COMMA).letters(2).digits(0, 0)
        .pattern("[^\\s,]++(?:,?\\s++[^\\s,]++){0,4}").matcher(v -> WordShapes.commaWords(v, 5))
        .check(PersonalChecks::properNounShape, "capitalised words", Strength.SHAPE).needsContext().build());
    d.add(Detector.of("STREET_ADDRESS", "street").length(6, 100)
        .chars(ALNUM | NON_ASCII_LETTER | SPACE | DOT | COMMA | DASH | SLASH | QUOTE | HASH | PAREN | DEGREE)
        .requires(DIGIT | SPACE).letters(2)
        .pattern("[\\p{L}\\d .,'’\\-/#()º°]+")
        .check(PersonalChecks::streetAddress, "house number and street word", PATTERN).build());
    d.add(Detector.of("STREET_ADDRESS", "shape").length(5, 120)
        .chars(ALNUM | NON_ASCII_LETTER | SPACE | DOT | COMMA | DASH | SLASH | QUOTE | HASH | PAREN | DEGREE)
        .requires(DIGIT | SPACE).letters(3).pattern("[\\p{L}\\d .,'’\\-/#()º°]+")
        .check(PersonalChecks::addressShape, "a number and words", Strength.SHAPE).needsContext().build());
    d.add(Detector.of("POSTAL_CODE", "uk").length(5, 8).chars(LETTER | DIGIT | SPACE).digits(2, 3)
        .pattern("(?i)[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}")
        .check(PersonalChecks::ukPostcode, "UK postcode areas", RULES).build());
    d.add(Detector.of("POSTAL_CODE", "ca").length(6, 7).chars(LETTER | DIGIT | SPACE | DASH).digits(3, 3)
        .pattern("(?i)[A-Z]\\d[A-Z][ -]?\\d[A-Z]\\d")
        .check(PersonalChecks::canadaPostcode, "Canadian postal code letters", RULES).build());
    d.add(Detector.of("POSTAL_CODE", "zip+4").length(10, 10).chars(DIGIT | DASH).pattern("\\d{5}-\\d{4}")
        .check(PersonalChecks::zipPlus4, "ZIP+4", RULES).build());
    d.add(Detector.of("POSTAL_CODE", "nl").length(6, 7).chars(LETTER | DIGIT | SPACE).digits(4, 4)
        .pattern("[1-9]\\d{3} ?[A-Za-z]{2}")
        .check(PersonalChecks::dutchPostcode, "Dutch postcode", RULES).needsContext().build());
    d.add(Detector.of("POSTAL_CODE", "numeric").length(4, 10).chars(DIGIT | DASH)
        .pattern("\\d{4,6}|\\d{2,5}-\\d{3,4}")
        .check(PersonalChecks::numericPostcode, "numeric postal code (US, DE, FR, ES, IT...)", PATTERN)
        .needsContext().build());
    d.add(Detector.of("LOCATION_CITY", "gazetteer").length(2, 60).chars(WORDS | COMMA | PAREN).letters(2).digits(0, 0)
        .pattern("[^\\s,.'’\\-()][^()]*+|[^\\s,.'’\\-()][^()]*\\([^()]++\\)").matcher(WordShapes::placeName)
        .check(PersonalChecks::city, "city gazetteer", PATTERN).build());
    d.add(Detector.of("LOCATION_CITY", "shape").length(2, 60).chars(WORDS | COMMA).letters(2).digits(0, 0)
        .pattern("[^\\s,.'’\\-].*+").matcher(WordShapes::properStart)
        .check(PersonalChecks::properNounShape, "capitalised words", Strength.SHAPE).needsContext().build());
    d.add(Detector.of("COUNTRY", "name").length(4, 60).chars(WORDS | COMMA | PAREN).letters(4).digits(0, 0)
        .pattern("[^\\s,.'’\\-()][^()]*+|[^\\s,.'’\\-()][^()]*\\([^()]++\\)").matcher(WordShapes::placeName)
        .check(PersonalChecks::countryName, "ISO 3166 country names", PATTERN).build());
    d.add(Detector.of("COUNTRY", "alpha-3").length(3, 3).chars(UPPER).pattern("[A-Z]{3}")
        .check(PersonalChecks::countryAlpha3, "ISO 3166 alpha-3 codes", PATTERN).build());
    d.add(Detector.of("COUNTRY", "alpha-2").length(2, 2).chars(UPPER).pattern("[A-Z]{2}")
        .check(PersonalChecks::countryAlpha2, "ISO 3166 alpha-2 codes", PATTERN).needsContext().build());
    d.add(Detector.of("GEO_COORDINATES", "pair").length(7, 60)
        .chars(DIGIT | DOT | COMMA | SPACE | DASH | PLUS | PAREN | LETTER).requires(DIGIT | DOT).digits(4, 40)
        .requiresAny(COMMA | SPACE)
        .pattern("(?i)(?:POINT\\s*)?[(\\[]?\\s*[-+]?\\d{1,3}\\.\\d+\\s*[,\\s]\\s*[-+]?\\d{1,3}\\.\\d+\\s*[)\\]]?")
        .check(PersonalChecks::coordinates, "latitude/longitude ranges", RULES).build());
    d.add(Detector.of("GEO_COORDINATES", "dms").length(5, 80)
        .chars(DIGIT | DEGREE | QUOTE | SPACE | DOT | COMMA | LETTER).requires(DIGIT | DEGREE)
        .pattern("[\\s\\S]*\\d\\s*[°º][\\s\\S]*")
        .check(PersonalChecks::coordinates, "degrees-minutes-seconds ranges", RULES).build());
    d.add(Detector.of("GEO_COORDINATES", "decimal").length(4, 20).chars(DIGIT | DOT | DASH | PLUS).requires(DOT)
        .pattern("[-+]?\\d{1,3}\\.\\d{2,15}")
        .check(PersonalChecks::coordinate, "coordinate range", PATTERN).needsContext().build());
    d.add(Detector.of("DATE_OF_BIRTH", "date").length(8, 40)
        .chars(DIGIT | DASH | DOT | SLASH | SPACE | COLON | LETTER | COMMA | PLUS).digits(6, 20)
        .pattern("[\\dA-Za-z][\\dA-Za-z ,./:+\\-]{7,39}")
        .check(v -> PersonalChecks.dateOfBirth(v, today), "a date making an age of 0-120", RULES)
        .needsContext().build());
    d.add(Detector.of("AGE", "years").length(1, 6).chars(DIGIT | DOT).pattern("\\d{1,3}(?:\\.0+)?")
        .check(PersonalChecks::age, "whole number 0-120", PATTERN).needsContext().build());
    d.add(Detector.of("GENDER", "word").length(1, 24).chars(LETTER | NON_ASCII_LETTER | SPACE | DASH).letters(2)
        .pattern("[^\\s\\-][^\\s\\-]*+(?:[\\s\\-][^\\s\\-]++)*+").matcher(WordShapes::hyphenWords)
        .check(PersonalChecks::genderWord, "gender vocabulary", PATTERN).build());
    d.add(Detector.of("GENDER", "neutral").length(2, 30).chars(LETTER | NON_ASCII_LETTER | SPACE | DASH).letters(2)
        .pattern("[\\p{L}][\\p{L} \\-]*")
        .check(PersonalChecks::genderNeutral, "gender-neutral answers", PATTERN).needsContext().build());
    d.add(Detector.of("GENDER", "letter").length(1, 1).chars(LETTER).pattern("[A-Za-z]")
        .check(PersonalChecks::genderLetter, "gender letter codes", PATTERN).needsContext().build());
    d.add(Detector.of("ETHNIC_GROUP", "vocabulary").length(3, 80).chars(WORDS | SLASH | COMMA | SEMICOLON | PAREN)
        .letters(3).pattern("[\\p{L}][\\p{L} /,;()'’.\\-&]*")
        .check(PersonalChecks::ethnicity, "ethnicity vocabulary", PATTERN).needsContext().build());

    // ------------------------------------------------------------------ United States
    d.add(Detector.of("US_SOCIAL_SECURITY_NUMBER", "dashed").length(11, 11).chars(DIGIT | DASH | SPACE)
        .pattern("\\d{3}([- ])\\d{2}\\1\\d{4}")
        .check(IdChecks::ssn, "SSN area/group/serial rules", RULES).inText().build());
    d.add(Detector.of("US_SOCIAL_SECURITY_NUMBER", "digits").length(9, 9).chars(DIGIT).pattern("\\d{9}")
        .check(IdChecks::ssn, "SSN area/group/serial rules", RULES).needsContext().build());
    d.add(Detector.of("US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER", "dashed").length(11, 11)
        .chars(DIGIT | DASH | SPACE).pattern("9\\d{2}([- ])\\d{2}\\1\\d{4}")
        .check(IdChecks::itin, "ITIN group ranges", RULES).inText().build());
    d.add(Detector.of("US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER", "digits").length(9, 9).chars(DIGIT)
        .pattern("9\\d{8}").check(IdChecks::itin, "ITIN group ranges", RULES).needsContext().build());
    d.add(Detector.of("US_EMPLOYER_IDENTIFICATION_NUMBER", "dashed").length(10, 10).chars(DIGIT | DASH)
        .pattern("\\d{2}-\\d{7}").check(IdChecks::ein, "IRS campus prefixes", RULES).build());
    d.add(Detector.of("US_EMPLOYER_IDENTIFICATION_NUMBER", "digits").length(9, 9).chars(DIGIT)
        .pattern("\\d{9}").check(IdChecks::ein, "IRS campus prefixes", RULES).needsContext().build());
    d.add(Detector.of("US_PASSPORT", "format").length(9, 9).chars(DIGIT | UPPER).digits(8, 9)
        .pattern("[A-Z0-9]\\d{8}").check(IdChecks::usPassport, "9 digits or letter + 8 digits", PATTERN)
        .needsContext().build());
    d.add(Detector.of("US_DRIVERS_LICENSE_NUMBER", "state-format").length(7, 19)
        .chars(ALNUM | DASH | SPACE | STAR).digits(5, 19).pattern("[A-Za-z0-9][A-Za-z0-9 *\\-]{6,18}")
        .check(PersonalChecks::usDriversLicense, "US state license formats", PATTERN).needsContext().build());
    d.add(Detector.of("US_BANK_ACCOUNT_NUMBER", "digits").length(8, 21).chars(DIGIT | DASH | SPACE).digits(8, 17)
        .pattern("\\d[\\d -]{6,19}\\d")
        .check(PersonalChecks::bankAccount, "8-17 digits", PATTERN).needsContext().build());
    d.add(Detector.of("AMERICAN_BANKING_ROUTING_NUMBER", "aba").length(9, 10).chars(DIGIT | DASH).digits(9, 9)
        .pattern("\\d{4}-?\\d{5}")
        .check(IdChecks::abaRouting, "ABA 3-7-1 checksum and Federal Reserve prefix", CHECKSUM).build());
    d.add(Detector.of("US_NATIONAL_PROVIDER_IDENTIFIER", "npi").length(10, 10).chars(DIGIT).pattern("[12]\\d{9}")
        .check(IdChecks::npi, "Luhn over the 80840 prefix", CHECKSUM).build());
    d.add(Detector.of("US_DEA_NUMBER", "dea").length(9, 9).chars(UPPER | DIGIT).digits(7, 8)
        .pattern("[A-Z][A-Z9]\\d{7}").check(IdChecks::dea, "DEA check digit", CHECKSUM).inText().build());
    d.add(Detector.of("US_MEDICARE_BENEFICIARY_IDENTIFIER", "mbi").length(11, 13).chars(UPPER | DIGIT | DASH)
        .letters(4).digits(5, 11)
        .pattern("[1-9][A-Z][A-Z0-9]\\d-?[A-Z][A-Z0-9]\\d-?[A-Z]{2}\\d{2}")
        .check(IdChecks::mbi, "MBI character positions", RULES).inText().build());
    d.add(Detector.of("MEDICAL_RECORD_NUMBER", "record-number").length(4, 20).chars(ALNUM | DASH).digits(3, 20)
        .pattern("[A-Za-z0-9][A-Za-z0-9\\-]{3,19}")
        .check(PersonalChecks::recordNumber, "record-number shape", PATTERN).needsContext().build());
    d.add(Detector.of("ICD10_CODE", "dotted").length(5, 8).chars(LETTER | DIGIT | DOT).requires(DOT).letters(1)
        .pattern("[A-Za-z]\\d[0-9ABab]\\.[0-9A-Za-z]{1,4}")
        .check(IdChecks::icd10, "ICD-10 chapter ranges", RULES).build());
    d.add(Detector.of("ICD10_CODE", "category").length(3, 7).chars(LETTER | DIGIT)
        .pattern("[A-Za-z]\\d[0-9ABab](?:\\d[0-9A-Za-z]{0,3})?")
        .check(IdChecks::icd10, "ICD-10 chapter ranges", RULES).needsContext().build());

    // ------------------------------------------------------------------ Europe, Canada, India, Brazil
    d.add(Detector.of("UK_NATIONAL_INSURANCE_NUMBER", "nino").length(9, 13).chars(UPPER | DIGIT | SPACE)
        .digits(6, 6).pattern("[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]")
        .check(IdChecks::nino, "NINO prefix and suffix rules", RULES).inText().build());
    d.add(Detector.of("UK_NATIONAL_HEALTH_SERVICE_NUMBER", "nhs").length(10, 12).chars(DIGIT | SPACE | DASH)
        .digits(10, 10).pattern("\\d{3}[ -]?\\d{3}[ -]?\\d{4}")
        .check(IdChecks::nhs, "NHS mod-11 check digit", CHECKSUM).build());
    d.add(Detector.of("CANADA_SOCIAL_INSURANCE_NUMBER", "sin").length(9, 11).chars(DIGIT | SPACE | DASH)
        .digits(9, 9).pattern("\\d{3}[ -]?\\d{3}[ -]?\\d{3}")
        .check(IdChecks::canadaSin, "Luhn and SIN province digit", CHECKSUM).build());
    d.add(Detector.of("FRANCE_NIR", "nir").length(15, 21).chars(DIGIT | UPPER | LOWER | SPACE).digits(13, 15)
        .pattern("[1-478] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}")
        .check(IdChecks::nir, "NIR key (97 - mod 97, Corsica 2A/2B)", CHECKSUM).build());
    d.add(Detector.of("GERMANY_IDENTITY_CARD_NUMBER", "with-check-digit").length(10, 10).chars(UPPER | DIGIT)
        .digits(2, 10).pattern("[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\\d")
        .check(v -> IdChecks.germanIdCard(v) == 2, "ICAO 9303 check digit", CHECKSUM).build());
    d.add(Detector.of("GERMANY_IDENTITY_CARD_NUMBER", "serial").length(9, 9).chars(UPPER | DIGIT).digits(1, 8)
        .pattern("[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}")
        .check(v -> IdChecks.germanIdCard(v) == 1, "ID card alphabet", PATTERN).needsContext().build());
    d.add(Detector.of("GERMANY_TAX_IDENTIFICATION_NUMBER", "steuer-id").length(11, 14).chars(DIGIT | SPACE)
        .digits(11, 11).pattern("[1-9]\\d{10}|[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}")
        .check(IdChecks::germanTaxId, "ISO 7064 MOD 11,10 and digit-frequency rule", CHECKSUM).build());
    d.add(Detector.of("SPAIN_NIF_NUMBER", "nif").length(9, 11).chars(LETTER | DIGIT | DASH | SPACE).digits(7, 8)
        .letters(1)
        .pattern("[XYZxyz0-9]\\d{7}[- ]?[A-Za-z]")
        .check(IdChecks::spainNif, "NIF/NIE check letter (mod 23)", CHECKSUM).inText().build());
    d.add(Detector.of("ITALY_FISCAL_CODE", "codice-fiscale").length(16, 16).chars(LETTER | DIGIT).letters(9)
        .pattern("[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z]"
            + "[0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]")
        .check(IdChecks::italyFiscalCode, "codice fiscale check character", CHECKSUM).inText().build());
    d.add(Detector.of("NETHERLANDS_BSN_NUMBER", "bsn").length(8, 11).chars(DIGIT | DOT | SPACE | DASH).digits(8, 9)
        .pattern("\\d{8,9}|\\d{4}[. \\-]?\\d{2}[. \\-]?\\d{3}")
        .check(IdChecks::bsn, "BSN eleven-test", CHECKSUM).build());
    d.add(Detector.of("INDIA_AADHAAR_INDIVIDUAL", "aadhaar").length(12, 14).chars(DIGIT | SPACE | DASH)
        .digits(12, 12).pattern("[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}")
        .check(IdChecks::aadhaar, "Verhoeff check digit", CHECKSUM).inText().build());
    d.add(Detector.of("INDIA_PAN_INDIVIDUAL", "pan").length(10, 10).chars(UPPER | DIGIT).digits(4, 4)
        .pattern("[A-Z]{5}\\d{4}[A-Z]").check(IdChecks::indiaPan, "PAN entity-type character", RULES).inText().build());
    d.add(Detector.of("BRAZIL_CPF_NUMBER", "cpf").length(11, 14).chars(DIGIT | DOT | DASH).digits(11, 11)
        .pattern("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{11}")
        .check(IdChecks::cpf, "CPF mod-11 check digits", CHECKSUM).inText().build());
    d.add(Detector.of("PASSPORT_NUMBER", "document-number").length(6, 10).chars(ALNUM).digits(3, 10)
        .pattern("[A-Za-z0-9]{6,10}").check(PersonalChecks::passport, "passport-number shape", PATTERN)
        .needsContext().build());
    d.add(Detector.of("NATIONAL_ID_NUMBER", "id-number").length(5, 25).chars(ALNUM | DOT | SLASH | DASH | SPACE)
        .digits(4, 25).pattern("[A-Za-z0-9][A-Za-z0-9./ \\-]{4,24}")
        .check(PersonalChecks::nationalId, "identity-number shape", PATTERN).needsContext().build());
    String vat = "(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|GR|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|GB|XI)"
        + "[ .\\-]?[0-9A-Z][0-9A-Z .\\-]{1,15}";
    d.add(Detector.of("VAT_NUMBER", "eu-check-digits").length(4, 20).chars(UPPER | DIGIT | SPACE | DOT | DASH)
        .digits(2, 15).letters(2).pattern(vat)
        .check(FinanceChecks::vatChecked, "EU VAT check digits (BE, DE, FR, IT)", CHECKSUM).build());
    d.add(Detector.of("VAT_NUMBER", "eu").length(4, 20).chars(UPPER | DIGIT | SPACE | DOT | DASH).digits(2, 15)
        .letters(2).pattern(vat)
        .check(FinanceChecks::vatFormat, "EU VAT format by country prefix", RULES).build());

    // ------------------------------------------------------------------ payment
    d.add(Detector.of("CREDIT_CARD_NUMBER", "pan").length(13, 23).chars(DIGIT | SPACE | DASH).digits(13, 19)
        .pattern("\\d{13,19}|\\d{3,6}(?:[ \\-]\\d{3,6}){1,4}")
        .check(FinanceChecks::creditCard, "Luhn and issuer prefix ranges", CHECKSUM).inText().build());
    d.add(Detector.of("CREDIT_CARD_TRACK_DATA", "track").length(20, 160)
        .chars(ALNUM | PERCENT | CARET | SEMICOLON | EQUALS | QUESTION | SPACE | SLASH | DOT | QUOTE | DASH)
        .digits(17, 160).requiresAny(CARET | EQUALS).pattern("%?[Bb]\\d{13,19}\\^[^\\^]{2,26}\\^\\d{4}.*|;?\\d{13,19}=\\d{4}\\d*\\??")
        .check(FinanceChecks::trackData, "track sentinels, Luhn PAN and expiry", CHECKSUM).inText().build());
    d.add(Detector.of("CARD_VERIFICATION_VALUE", "cvv").length(3, 4).chars(DIGIT).pattern("\\d{3,4}")
        .check(PersonalChecks::cvv, "3-4 digits", PATTERN).needsContext().build());
    d.add(Detector.of("IBAN_CODE", "iban").length(15, 42).chars(UPPER | DIGIT | SPACE).digits(4, 34).letters(2)
        .pattern("[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}")
        .check(FinanceChecks::iban, "IBAN country length and mod-97", CHECKSUM).inText().build());
    d.add(Detector.of("SWIFT_CODE", "bic").length(8, 11).chars(UPPER | DIGIT).letters(6).pattern("[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
        .check(FinanceChecks::swift, "BIC with an ISO 3166 country", RULES).build());
    d.add(Detector.of("CRYPTO_WALLET_ADDRESS", "bitcoin-base58").length(25, 35).chars(ALNUM)
        .pattern("[13mn2][1-9A-HJ-NP-Za-km-z]{24,34}")
        .check(CryptoAddresses::base58check, "base58check double-SHA-256 checksum", CHECKSUM).inText().build());
    d.add(Detector.of("CRYPTO_WALLET_ADDRESS", "bitcoin-bech32").length(14, 90).chars(ALNUM).requires(DIGIT).letters(4)
        .pattern("(?i)(?:bc|tb)1[ac-hj-np-z02-9]{11,87}")
        .check(CryptoAddresses::bech32, "bech32/bech32m checksum", CHECKSUM).inText().build());
    d.add(Detector.of("CRYPTO_WALLET_ADDRESS", "ethereum-eip55").length(42, 42).chars(HEX).requires(UPPER | LOWER)
        .pattern("0[xX][0-9a-fA-F]{40}")
        .check(v -> CryptoAddresses.hasChecksum(v) && CryptoAddresses.ethereum(v), "EIP-55 checksum", CHECKSUM)
        .inText().build());
    d.add(Detector.of("CRYPTO_WALLET_ADDRESS", "ethereum").length(42, 42).chars(HEX).pattern("0[xX][0-9a-fA-F]{40}")
        .check(v -> !CryptoAddresses.hasChecksum(v) && CryptoAddresses.ethereum(v), "0x + 40 hex", PATTERN)
        .inText().build());

    // ------------------------------------------------------------------ network and devices
    d.add(Detector.of("IP_ADDRESS", "ipv4").length(7, 15).chars(DIGIT | DOT).requires(DOT).digits(4, 12)
        .pattern("\\d{1,3}(?:\\.\\d{1,3}){3}").check(NetChecks::ipv4, "IPv4 octet ranges", RULES).inText().build());
    d.add(Detector.of("IP_ADDRESS", "ipv6").length(2, 64).chars(HEX | COLON | DOT | PERCENT | NON_ASCII_LETTER)
        .requires(COLON).pattern("[0-9A-Fa-f:.]{2,45}(?:%[\\p{L}\\d._\\-]+)?")
        .check(NetChecks::ipv6, "IPv6 groups and compression", RULES).inText().build());
    d.add(Detector.of("MAC_ADDRESS", "mac").length(14, 17).chars(HEX | COLON | DASH | DOT).requiresAny(COLON | DASH | DOT)
        .pattern("[0-9A-Fa-f]{2}(?:[:\\-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}")
        .check(NetChecks::mac, "MAC-48 octets", RULES).inText().build());
    d.add(Detector.of("URL", "url").length(10, 4096).requires(COLON | SLASH).chars(-1 & ~(SPACE | NEWLINE))
        .pattern("(?i)(?:https?|ftps?|sftp|wss?)://\\S+").check(NetChecks::url, "scheme and host", RULES)
        .inText().build());
    d.add(Detector.of("IMEI_HARDWARE_ID", "imei").length(15, 18).chars(DIGIT | SPACE | DASH | SLASH).digits(15, 15)
        .pattern("\\d{15}|\\d{2}[ \\-/]?\\d{6}[ \\-/]?\\d{6}[ \\-/]?\\d")
        .check(IdChecks::imei, "Luhn and GSMA reporting-body prefix", CHECKSUM).build());
    d.add(Detector.of("DEVICE_ID", "uuid-or-hex").length(16, 40).chars(HEX | DASH)
        .pattern("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}")
        .check(PersonalChecks::deviceId, "UUID (RFC 4122 variant) or Android/iOS id", RULES).needsContext().build());
    d.add(Detector.of("VEHICLE_IDENTIFICATION_NUMBER", "vin").length(17, 17).chars(LETTER | DIGIT).digits(3, 16)
        .pattern("[A-HJ-NPR-Za-hj-npr-z0-9]{17}").check(IdChecks::vin, "VIN position-9 check digit", CHECKSUM)
        .inText().build());

    // ------------------------------------------------------------------ credentials
    d.add(Detector.of("USERNAME", "login").length(2, 64).chars(LETTER | NON_ASCII_LETTER | DIGIT | DOT | UNDERSCORE
            | DASH | PLUS | AT).letters(1)
        .pattern("[\\p{L}\\d][\\p{L}\\d._+@\\-]{1,63}")
        .check(PersonalChecks::username, "login-name shape", PATTERN).needsContext().build());
    d.add(Detector.of("PASSWORD", "plaintext").length(4, 128).chars(-1 & ~(SPACE | NEWLINE | OTHER))
        .pattern("\\S{4,128}").check(PersonalChecks::plaintextPassword, "password shape (no hash, no date)", PATTERN)
        .needsContext().build());
    d.add(Detector.of("PASSWORD_HASH", "structured").length(20, 512).chars(-1 & ~(SPACE | NEWLINE))
        .requires(DOLLAR).pattern("[\\$ps\\{]\\S{19,511}")
        .check(SecretChecks::passwordHash, "bcrypt/argon2/scrypt/PBKDF2/crypt structure", RULES).inText().build());
    d.add(Detector.of("PASSWORD_HASH", "ldap").length(20, 512).chars(-1 & ~(SPACE | NEWLINE)).requires(BRACE)
        .pattern("\\{[A-Z0-9\\-]{3,12}\\}\\S{16,500}")
        .check(SecretChecks::passwordHash, "LDAP {SSHA}/{PBKDF2} structure", RULES).build());
    d.add(Detector.of("PASSWORD_HASH", "hex-digest").length(32, 128).chars(HEX).pattern("[0-9A-Fa-f]{32,128}")
        .check(SecretChecks::hexDigest, "hex digest of MD5/SHA-1/SHA-2 length", RULES).needsContext().build());
    d.add(Detector.of("AWS_ACCESS_KEY_ID", "akid").length(20, 20).chars(UPPER | DIGIT)
        .pattern("(?:AKIA|ASIA)[A-Z2-7]{16}").check(SecretChecks::awsAccessKeyId, "AKIA/ASIA + base32", RULES)
        .inText().build());
    d.add(Detector.of("AWS_SECRET_ACCESS_KEY", "secret").length(40, 40).chars(ALNUM | SLASH | PLUS)
        .pattern("[A-Za-z0-9/+]{40}").check(SecretChecks::awsSecretKey, "40 base64 characters", PATTERN)
        .needsContext().build());
    d.add(Detector.of("GCP_API_KEY", "api-key").length(39, 39).chars(ALNUM | DASH | UNDERSCORE)
        .pattern("AIza[0-9A-Za-z_\\-]{35}").check(SecretChecks::gcpApiKey, "AIza + 35 characters", RULES)
        .inText().build());
    d.add(Detector.of("GITHUB_TOKEN", "token").length(40, 93).chars(ALNUM | UNDERSCORE)
        .pattern("gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}")
        .check(SecretChecks::githubToken, "GitHub token prefix and length", RULES).inText().build());
    d.add(Detector.of("SLACK_TOKEN", "token").length(20, 255).chars(ALNUM | DASH).requires(DASH | LOWER | DIGIT)
        .pattern("xox[abpr]-[A-Za-z0-9\\-]{10,250}").check(SecretChecks::slackToken, "xox[abpr]- token segments", RULES)
        .inText().build());
    d.add(Detector.of("STRIPE_API_KEY", "live-key").length(32, 255).chars(ALNUM | UNDERSCORE).requires(UNDERSCORE).letters(6)
        .pattern("[sr]k_live_[0-9A-Za-z]{24,247}").check(SecretChecks::stripeKey, "sk_live_/rk_live_ prefix", RULES)
        .inText().build());
    d.add(Detector.of("JSON_WEB_TOKEN", "jwt").length(20, 16384).chars(ALNUM | DASH | UNDERSCORE | DOT | SPACE)
        .requires(DOT).pattern("(?:[Bb]earer )?eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*")
        .check(SecretChecks::jwt, "base64url header decoding to JSON with alg", RULES).inText().build());
    d.add(Detector.of("PRIVATE_KEY", "pem").length(60, 1 << 20).requires(DASH | UPPER)
        .pattern("-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY").findAnywhere()
        .check(SecretChecks::privateKey, "PEM BEGIN/END PRIVATE KEY block with base64 body", RULES).build());
    return d;
  }
}
