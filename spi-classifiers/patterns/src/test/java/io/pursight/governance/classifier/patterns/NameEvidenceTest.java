package io.pursight.governance.classifier.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.classifier.patterns.NameRules.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tier 2 name evidence: the tokenizer and the keyword table (whole tokens, seven languages). */
class NameEvidenceTest {
  private static final NameRules RULES = new NameRules(List.of());

  private static NameRules.Signals analyse(String field) {
    return RULES.analyse(field, null, null);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "date_of_birth|date of birth",
      "dateOfBirth|date of birth",
      "DateOfBirth|date of birth",
      "DATE_OF_BIRTH|date of birth",
      "customer-email|customer email",
      "IBANNumber|iban number",
      "address2|address 2",
      "ipv4Address|ipv 4 address",
      "HTTPServerURL|http server url",
      "Geburtsdatum|geburtsdatum",
      "Straße|strasse",
      "Prüfnummer|pruefnummer",
      "âge|age",
      "città|citta",
      "contraseña|contrasena",
      "numéro_de_téléphone|numero de telephone",
      "user.name|user name",
      "  ph no  |ph no"})
  void tokenizesIdentifiers(String name, String tokens) {
    assertThat(String.join(" ", NameTokenizer.tokens(name))).isEqualTo(tokens);
  }

  @Test
  void matchesWholeTokensNeverSubstrings() {
    assertThat(analyse("acid_level").support()).isEmpty(); // contains "cid"
    assertThat(analyse("cc_cid").level("CARD_VERIFICATION_VALUE")).isEqualTo(Level.STRONG);
    assertThat(analyse("barcode").support()).doesNotContainKey("CARD_VERIFICATION_VALUE"); // contains "code"
    assertThat(analyse("zipper_length").support()).doesNotContainKey("POSTAL_CODE"); // contains "zip"
    assertThat(analyse("page_count").support()).doesNotContainKey("AGE"); // contains "age"
    assertThat(analyse("usage").support()).doesNotContainKey("AGE");
    assertThat(analyse("description").support()).doesNotContainKey("IP_ADDRESS"); // contains "ip"
    assertThat(analyse("shipping_method").support()).isEmpty(); // contains "ip" and "pin"
    assertThat(analyse("spinner").support()).doesNotContainKey("PASSWORD");
    assertThat(analyse("cid").level("CARD_VERIFICATION_VALUE")).isEqualTo(Level.WEAK);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // English, abbreviations
      "email,EMAIL_ADDRESS", "e_mail,EMAIL_ADDRESS", "dob,DATE_OF_BIRTH", "birthDate,DATE_OF_BIRTH",
      "ph_no,PHONE_NUMBER", "tel,PHONE_NUMBER", "mobileNumber,PHONE_NUMBER", "ssn,US_SOCIAL_SECURITY_NUMBER",
      "iban,IBAN_CODE", "zip,POSTAL_CODE", "zip_code,POSTAL_CODE", "cc_num,CREDIT_CARD_NUMBER",
      "card_number,CREDIT_CARD_NUMBER", "first_name,PERSON_NAME", "lastname,PERSON_NAME",
      "routing_number,AMERICAN_BANKING_ROUTING_NUMBER", "npi,US_NATIONAL_PROVIDER_IDENTIFIER",
      "ip_address,IP_ADDRESS", "mac_address,MAC_ADDRESS", "password,PASSWORD", "passwd,PASSWORD",
      "password_hash,PASSWORD_HASH", "device_id,DEVICE_ID", "advertising_id,DEVICE_ID", "vin,VEHICLE_IDENTIFICATION_NUMBER",
      "wallet_address,CRYPTO_WALLET_ADDRESS", "nhs_number,UK_NATIONAL_HEALTH_SERVICE_NUMBER",
      "national_insurance_number,UK_NATIONAL_INSURANCE_NUMBER", "mrn,MEDICAL_RECORD_NUMBER",
      "diagnosis_code,ICD10_CODE", "latitude,GEO_COORDINATES", "cvv2,CARD_VERIFICATION_VALUE",
      "username,USERNAME", "aws_secret_access_key,AWS_SECRET_ACCESS_KEY", "jwt,JSON_WEB_TOKEN",
      "private_key,PRIVATE_KEY", "passport_no,PASSPORT_NUMBER", "ethnicity,ETHNIC_GROUP", "gender,GENDER",
      "sex,GENDER", "age,AGE", "city,LOCATION_CITY", "country,COUNTRY", "street_address,STREET_ADDRESS",
      // German
      "geburtsdatum,DATE_OF_BIRTH", "telefonnummer,PHONE_NUMBER", "plz,POSTAL_CODE", "vorname,PERSON_NAME",
      "nachname,PERSON_NAME", "wohnort,LOCATION_CITY", "steuer_id,GERMANY_TAX_IDENTIFICATION_NUMBER",
      "personalausweisnummer,GERMANY_IDENTITY_CARD_NUMBER", "kontonummer,US_BANK_ACCOUNT_NUMBER",
      "geschlecht,GENDER", "kennwort,PASSWORD", "staatsangehoerigkeit,COUNTRY", "Staatsangehörigkeit,COUNTRY",
      "Kartenprüfnummer,CARD_VERIFICATION_VALUE", "Straße,STREET_ADDRESS",
      // French
      "date_de_naissance,DATE_OF_BIRTH", "numero_de_telephone,PHONE_NUMBER", "code_postal,POSTAL_CODE",
      "prenom,PERSON_NAME", "nom_de_famille,PERSON_NAME", "ville,LOCATION_CITY", "mot_de_passe,PASSWORD",
      "courriel,EMAIL_ADDRESS", "numero_de_securite_sociale,FRANCE_NIR", "sexe,GENDER", "pays,COUNTRY",
      // Spanish
      "fecha_de_nacimiento,DATE_OF_BIRTH", "telefono,PHONE_NUMBER", "codigo_postal,POSTAL_CODE",
      "apellido,PERSON_NAME", "ciudad,LOCATION_CITY", "contraseña,PASSWORD", "correo_electronico,EMAIL_ADDRESS",
      "nif,SPAIN_NIF_NUMBER", "edad,AGE",
      // Italian
      "data_di_nascita,DATE_OF_BIRTH", "cellulare,PHONE_NUMBER", "cognome,PERSON_NAME", "codice_fiscale,ITALY_FISCAL_CODE",
      "indirizzo,STREET_ADDRESS", "sesso,GENDER", "partita_iva,VAT_NUMBER",
      // Portuguese
      "data_de_nascimento,DATE_OF_BIRTH", "telefone,PHONE_NUMBER", "sobrenome,PERSON_NAME", "cpf,BRAZIL_CPF_NUMBER",
      "senha,PASSWORD", "cidade,LOCATION_CITY", "idade,AGE",
      // Dutch
      "geboortedatum,DATE_OF_BIRTH", "telefoonnummer,PHONE_NUMBER", "postcode,POSTAL_CODE", "achternaam,PERSON_NAME",
      "woonplaats,LOCATION_CITY", "wachtwoord,PASSWORD", "bsn,NETHERLANDS_BSN_NUMBER", "leeftijd,AGE",
      "btw_nummer,VAT_NUMBER"})
  void supportsTypesInSevenLanguages(String field, String type) {
    assertThat(analyse(field).level(type)).as(field).isEqualTo(Level.STRONG);
  }

  @Test
  void vetoesRuleOutTypesUnlessTheNameStronglySaysOtherwise() {
    assertThat(analyse("order_date").veto("DATE_OF_BIRTH")).isEqualTo("order");
    assertThat(analyse("created_at").support()).isEmpty();
    assertThat(analyse("updated_at").support()).isEmpty();
    assertThat(analyse("version").veto("IP_ADDRESS")).isEqualTo("version");
    assertThat(analyse("app_version").veto("IP_ADDRESS")).isNotNull();
    assertThat(analyse("ip_version").veto("IP_ADDRESS")).as("ip is named strongly").isNull();
    assertThat(analyse("product_name").veto("PERSON_NAME")).isEqualTo("product");
    assertThat(analyse("account_id").veto("US_BANK_ACCOUNT_NUMBER")).isEqualTo("account id");
    assertThat(analyse("user_id").veto("USERNAME")).isEqualTo("user id");
    assertThat(analyse("race_id").veto("ETHNIC_GROUP")).isNotNull();
    assertThat(analyse("boarding_pass").veto("PASSWORD")).isNotNull();
    assertThat(analyse("mileage").support()).doesNotContainKey("AGE");
  }

  @Test
  void modifiersTurnANameIntoMetadataAboutTheThing() {
    NameRules.Signals s = analyse("email_verified");
    assertThat(s.modifier()).isEqualTo("verified");
    assertThat(s.support()).isEmpty();
    assertThat(analyse("phone_count").support()).isEmpty();
    assertThat(analyse("ssn_hash").support()).isEmpty();
    assertThat(analyse("is_email_valid").support()).isEmpty();
    assertThat(analyse("email_id").support()).as("an id is a foreign key").isEmpty();
    // a modifier inside a longer keyword is part of the keyword
    assertThat(analyse("password_hash").level("PASSWORD_HASH")).isEqualTo(Level.STRONG);
    assertThat(analyse("device_id").level("DEVICE_ID")).isEqualTo(Level.STRONG);
    assertThat(analyse("national_id").level("NATIONAL_ID_NUMBER")).isEqualTo(Level.STRONG);
  }

  @Test
  void longerPhrasesWinOverTheWordsInside() {
    NameRules.Signals s = analyse("email_address");
    assertThat(s.level("EMAIL_ADDRESS")).isEqualTo(Level.STRONG);
    assertThat(s.support()).doesNotContainKey("STREET_ADDRESS");
    assertThat(analyse("ip_address").support()).containsOnlyKeys("IP_ADDRESS");
    assertThat(analyse("mac_address").support()).containsOnlyKeys("MAC_ADDRESS");
    assertThat(analyse("home_address").level("STREET_ADDRESS")).isEqualTo(Level.STRONG);
  }

  @Test
  void pluralsAndGluedWordsMatch() {
    assertThat(analyse("emails").level("EMAIL_ADDRESS")).isEqualTo(Level.STRONG);
    assertThat(analyse("phone_numbers").level("PHONE_NUMBER")).isEqualTo(Level.STRONG);
    assertThat(analyse("FIRSTNAME").level("PERSON_NAME")).isEqualTo(Level.STRONG);
    assertThat(analyse("zipcode").level("POSTAL_CODE")).isEqualTo(Level.STRONG);
    assertThat(analyse("post_code").level("POSTAL_CODE")).isEqualTo(Level.STRONG);
  }

  @Test
  void weakNamesBecomeStrongInAPersonDataset() {
    assertThat(RULES.analyse("name", null, "products").level("PERSON_NAME")).isEqualTo(Level.WEAK);
    NameRules.Signals s = RULES.analyse("name", null, "customers");
    assertThat(s.level("PERSON_NAME")).isEqualTo(Level.STRONG);
    assertThat(s.support().get("PERSON_NAME").contextWord()).isEqualTo("customers");
    assertThat(RULES.analyse("name", null, "Kunden").level("PERSON_NAME")).isEqualTo(Level.STRONG);
  }

  @Test
  void commentsAddStrongEvidenceButNeverVetoes() {
    NameRules.Signals s = RULES.analyse("c7", "The customer's date of birth as entered at sign-up", null);
    assertThat(s.level("DATE_OF_BIRTH")).isEqualTo(Level.STRONG);
    assertThat(s.support().get("DATE_OF_BIRTH").source()).isEqualTo("comment");
    assertThat(RULES.analyse("c7", "Order created by the user", null).vetoes()).isEmpty();
  }

  @Test
  void customKeywordsJoinTheTable() {
    NameRules custom = new NameRules(List.of(new NameRules.Entry("EMPLOYEE_BADGE_ID", NameRules.Kind.STRONG, "custom",
        NameRules.normalise("badge id"))));
    assertThat(custom.analyse("badgeId", null, null).level("EMPLOYEE_BADGE_ID")).isEqualTo(Level.STRONG);
    assertThat(custom.analyse("badge_identifier", null, null).level("EMPLOYEE_BADGE_ID")).isEqualTo(Level.NONE);
  }
}
