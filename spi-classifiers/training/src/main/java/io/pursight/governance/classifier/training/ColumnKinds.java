package io.pursight.governance.classifier.training;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import net.datafaker.Faker;

/**
 * The kinds of column the generator makes: one per sensitive info type (with descriptive column
 * names in several languages) and the decoy kinds that look like PII and are not.
 */
public final class ColumnKinds {
  private ColumnKinds() {}

  /**
   * One kind of column.
   *
   * @param key the info type id, or {@code decoy:<kind>}
   * @param expected the info types a classifier should report (empty for decoys)
   * @param names descriptive column names
   * @param needsContext true when the values alone cannot identify the type (the column then always
   *     gets a descriptive name)
   * @param values makes one value; the faker is of a locale chosen per column
   */
  public record Kind(String key, List<String> expected, List<String> names, boolean needsContext,
      BiFunction<ValueGen, Faker, String> values) {
    /** Whether this is a decoy kind. */
    public boolean decoy() {
      return expected.isEmpty();
    }
  }

  private static final List<Kind> SENSITIVE = new ArrayList<>();
  private static final List<Kind> DECOYS = new ArrayList<>();
  private static final List<Kind> MULTI = new ArrayList<>();
  /**
   * Kinds added after the first evaluation set, generated last so that the earlier columns keep
   * their values (shapes seen in the Chinook and Sakila sample databases that the first generators
   * lacked).
   */
  private static final List<Kind> LATE = new ArrayList<>();

  private static void late(String type, boolean ctx, String names, BiFunction<ValueGen, Faker, String> gen) {
    LATE.add(new Kind(type, type == null ? List.of() : List.of(type), List.of(names.split(" ")), ctx, gen));
  }

  private static void lateDecoy(String kind, String names, BiFunction<ValueGen, Faker, String> gen) {
    LATE.add(new Kind("decoy:" + kind, List.of(), List.of(names.split(" ")), false, gen));
  }

  private static void s(String type, boolean ctx, String names, BiFunction<ValueGen, Faker, String> gen) {
    SENSITIVE.add(new Kind(type, List.of(type), List.of(names.split(" ")), ctx, gen));
  }

  private static void d(String kind, String names, BiFunction<ValueGen, Faker, String> gen) {
    DECOYS.add(new Kind("decoy:" + kind, List.of(), List.of(names.split(" ")), false, gen));
  }

  private static final DateTimeFormatter[] DATE_FORMATS = {
    DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ofPattern("MM/dd/yyyy"),
    DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("yyyyMMdd")};

  static String date(ValueGen g, LocalDate d, int style) {
    return d.format(DATE_FORMATS[style % DATE_FORMATS.length]);
  }

  static {
    s("EMAIL_ADDRESS", false, "email e_mail email_address mail correo courriel emailadres contact_email user_email",
        (g, f) -> g.r.nextInt(5) == 0 ? f.internet().emailAddress().toUpperCase(Locale.ROOT) : f.internet().emailAddress());
    s("PHONE_NUMBER", false, "phone phone_number ph_no telefon telephone telefono mobile tel handynummer cell_phone",
        (g, f) -> g.phone(regionOf(f, g)));
    s("PERSON_NAME", false, "full_name customer_name name_full nombre nom vorname_nachname nome naam contact_name",
        (g, f) -> g.r.nextInt(4) == 0 ? f.name().lastName() + ", " + f.name().firstName() : f.name().fullName());
    s("STREET_ADDRESS", false, "street_address address adresse direccion indirizzo strasse address_line1 billing_address",
        (g, f) -> f.address().streetAddress());
    s("POSTAL_CODE", true, "postal_code zip zip_code postcode plz code_postal cap codigo_postal postleitzahl",
        (g, f) -> f.address().zipCode());
    s("LOCATION_CITY", false, "city town ciudad ville stadt citta cidade woonplaats billing_city",
        (g, f) -> f.address().city());
    s("COUNTRY", false, "country country_code pays land pais paese billing_country nationality_country",
        (g, f) -> switch (g.r.nextInt(3)) {
          case 0 -> f.address().country();
          case 1 -> f.address().countryCode();
          default -> new Locale("", g.pick(Locale.getISOCountries())).getISO3Country();
        });
    s("GEO_COORDINATES", true, "geo_location lat_lon coordinates latlng position gps location_coords",
        (g, f) -> String.format(Locale.ROOT, "%.5f, %.5f", g.r.nextDouble() * 170 - 85, g.r.nextDouble() * 350 - 175));
    s("DATE_OF_BIRTH", true, "date_of_birth dob birth_date birthdate geburtsdatum fecha_nacimiento date_naissance data_nascita",
        (g, f) -> date(g, g.dateBetween(ValueGen.TODAY.minusYears(95), ValueGen.TODAY.minusYears(16)), g.columnStyle));
    s("AGE", true, "age edad alter age_years customer_age idade leeftijd", (g, f) -> String.valueOf(g.between(16, 95)));
    s("GENDER", false, "gender sex geschlecht sexe genero sesso geslacht",
        (g, f) -> g.pick("M", "F", "Male", "Female", "male", "female", "Non-binary", "F", "M"));
    s("ETHNIC_GROUP", true, "ethnicity race ethnic_group ethnic_origin etnia", (g, f) -> f.demographic().race());
    s("US_SOCIAL_SECURITY_NUMBER", false, "ssn social_security_number ss_number soc_sec_no",
        (g, f) -> {
          String v = g.ssnDigits();
          return g.r.nextInt(4) == 0 ? v : ValueGen.group(v, "-", 3, 2, 4);
        });
    s("US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER", false, "itin taxpayer_itin itin_number",
        (g, f) -> ValueGen.group(g.itinDigits(), "-", 3, 2, 4));
    s("US_EMPLOYER_IDENTIFICATION_NUMBER", false, "ein employer_id_number fein employer_ein", (g, f) -> g.ein());
    s("US_PASSPORT", true, "us_passport passport_no us_passport_number", (g, f) -> g.usPassport());
    s("US_DRIVERS_LICENSE_NUMBER", true, "drivers_license dl_number driver_license_no license_number",
        (g, f) -> g.usDriversLicense());
    s("US_BANK_ACCOUNT_NUMBER", true, "bank_account_number account_number acct_no checking_account",
        (g, f) -> g.digits(g.between(8, 17)));
    s("AMERICAN_BANKING_ROUTING_NUMBER", false, "routing_number aba aba_routing rtn bank_routing", (g, f) -> g.aba());
    s("US_NATIONAL_PROVIDER_IDENTIFIER", false, "npi provider_npi npi_number prescriber_npi", (g, f) -> g.npi());
    s("US_DEA_NUMBER", false, "dea dea_number prescriber_dea dea_registration", (g, f) -> g.dea());
    s("US_MEDICARE_BENEFICIARY_IDENTIFIER", false, "mbi medicare_id medicare_beneficiary_id", (g, f) -> g.mbi());
    s("MEDICAL_RECORD_NUMBER", true, "mrn medical_record_number patient_mrn chart_number", (g, f) -> g.mrn());
    s("ICD10_CODE", false, "icd10 diagnosis_code icd_code dx_code primary_diagnosis", (g, f) -> g.pick(ValueGen.ICD10));
    s("UK_NATIONAL_INSURANCE_NUMBER", false, "nino ni_number national_insurance_number nin", (g, f) -> g.nino());
    s("UK_NATIONAL_HEALTH_SERVICE_NUMBER", false, "nhs_number nhs_no patient_nhs", (g, f) -> g.nhs());
    s("CANADA_SOCIAL_INSURANCE_NUMBER", false, "sin social_insurance_number nas sin_number", (g, f) -> g.sin());
    s("FRANCE_NIR", false, "nir numero_securite_sociale num_secu insee", (g, f) -> g.nir());
    s("GERMANY_IDENTITY_CARD_NUMBER", false, "personalausweis ausweisnummer id_card_number ausweis_nr", (g, f) -> g.germanIdCard());
    s("GERMANY_TAX_IDENTIFICATION_NUMBER", false, "steuer_id steueridentifikationsnummer tax_id_de idnr", (g, f) -> g.germanTaxId());
    s("SPAIN_NIF_NUMBER", false, "nif nie dni nif_nie documento_identidad", (g, f) -> g.spainNif());
    s("ITALY_FISCAL_CODE", false, "codice_fiscale cf codicefiscale fiscal_code", (g, f) -> g.codiceFiscale());
    s("NETHERLANDS_BSN_NUMBER", false, "bsn burgerservicenummer bsn_nummer sofinummer", (g, f) -> g.bsn());
    s("INDIA_AADHAAR_INDIVIDUAL", false, "aadhaar aadhar_no uid_aadhaar aadhaar_number", (g, f) -> g.aadhaar());
    s("INDIA_PAN_INDIVIDUAL", false, "pan pan_number pan_card income_tax_pan", (g, f) -> g.pan());
    s("BRAZIL_CPF_NUMBER", false, "cpf cpf_number numero_cpf cpf_cliente", (g, f) -> g.cpf());
    s("PASSPORT_NUMBER", true, "passport passport_number reisepass numero_passeport pasaporte passaporto",
        (g, f) -> g.genericPassport());
    s("NATIONAL_ID_NUMBER", true, "national_id citizen_id national_id_number id_nacional", (g, f) -> g.nationalId());
    s("VAT_NUMBER", false, "vat vat_number vat_id ust_idnr tva_intracom partita_iva", (g, f) -> g.vat());
    s("CREDIT_CARD_NUMBER", false, "credit_card cc_num card_number pan_card_no kreditkarte numero_tarjeta",
        (g, f) -> g.creditCard());
    s("CREDIT_CARD_TRACK_DATA", false, "track_data track2 magstripe swipe_data", (g, f) -> g.trackData(f));
    s("CARD_VERIFICATION_VALUE", true, "cvv cvc cvv2 card_cvc security_code",
        (g, f) -> g.r.nextInt(8) == 0 ? g.digits(4) : g.digits(3));
    s("IBAN_CODE", false, "iban iban_code bank_iban kontonummer_iban", (g, f) -> g.iban());
    s("SWIFT_CODE", false, "swift bic swift_code bic_code", (g, f) -> g.bic());
    s("CRYPTO_WALLET_ADDRESS", false, "wallet_address btc_address crypto_wallet eth_address payout_wallet", (g, f) -> g.crypto());
    s("IP_ADDRESS", false, "ip_address client_ip remote_addr ip src_ip last_login_ip",
        (g, f) -> g.r.nextInt(4) == 0 ? g.ipv6() : g.ipv4());
    s("MAC_ADDRESS", false, "mac_address mac hw_addr wifi_mac", (g, f) -> g.mac());
    s("URL", true, "website homepage profile_url url personal_site", (g, f) -> f.internet().url());
    s("IMEI_HARDWARE_ID", false, "imei device_imei imei_number handset_imei", (g, f) -> g.imei());
    s("DEVICE_ID", true, "device_id idfa gaid advertising_id ad_id android_id", (g, f) -> g.deviceId());
    s("VEHICLE_IDENTIFICATION_NUMBER", false, "vin vehicle_vin chassis_number fahrgestellnummer", (g, f) -> g.vin());
    s("USERNAME", true, "username user_name login screen_name benutzername handle", (g, f) -> f.internet().username());
    s("PASSWORD", true, "password passwd pwd user_password kennwort contrasena",
        (g, f) -> f.internet().password(8, 16, true, g.r.nextBoolean(), true));
    s("PASSWORD_HASH", false, "password_hash pwd_hash hashed_password passwd_digest", (g, f) -> g.passwordHash(g.columnStyle % 4));
    s("AWS_ACCESS_KEY_ID", false, "aws_access_key_id access_key_id aws_key", (g, f) -> g.awsKeyId());
    s("AWS_SECRET_ACCESS_KEY", true, "aws_secret_access_key aws_secret secret_access_key", (g, f) -> g.awsSecret());
    s("GCP_API_KEY", false, "gcp_api_key google_api_key maps_api_key api_key", (g, f) -> g.gcpKey());
    s("GITHUB_TOKEN", false, "github_token gh_token github_pat ci_token", (g, f) -> g.githubToken());
    s("SLACK_TOKEN", false, "slack_token slack_bot_token slack_oauth", (g, f) -> g.slackToken());
    s("STRIPE_API_KEY", false, "stripe_key stripe_secret_key stripe_api_key", (g, f) -> g.stripeKey());
    s("JSON_WEB_TOKEN", false, "jwt access_token id_token bearer_token session_token", (g, f) -> g.jwt(f));
    s("PRIVATE_KEY", false, "private_key ssh_key tls_key signing_key pem", (g, f) -> g.privateKey());

    MULTI.add(new Kind("multi:contact", List.of("EMAIL_ADDRESS", "PHONE_NUMBER"),
        List.of("contact", "contact_info", "kontakt", "reach_me_at"), false,
        (g, f) -> g.r.nextBoolean() ? f.internet().emailAddress() : g.phone(regionOf(f, g))));
    MULTI.add(new Kind("multi:us_tin", List.of("US_SOCIAL_SECURITY_NUMBER", "US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER"),
        List.of("tin", "taxpayer_id", "tax_id_number"), false,
        (g, f) -> ValueGen.group(g.r.nextInt(3) == 0 ? g.itinDigits() : g.ssnDigits(), "-", 3, 2, 4)));

    // ------------------------------------------------------------------ decoys
    d("order_number", "order_number order_no order_ref bestellnummer so_number",
        (g, f) -> switch (g.r.nextInt(3)) {
          case 0 -> "ORD-" + g.between(2019, 2025) + "-" + g.digits(6);
          case 1 -> "SO" + g.digits(8);
          default -> "#" + g.between(100000, 999999);
        });
    d("luhn_failing_16", "reference_number transaction_ref batch_code ref_no",
        (g, f) -> g.luhnFailing16());
    d("software_version", "version app_version build firmware_version os_version",
        (g, f) -> switch (g.r.nextInt(3)) {
          case 0 -> g.between(0, 12) + "." + g.between(0, 30) + "." + g.between(0, 99);
          case 1 -> g.between(1, 10) + "." + g.between(0, 9) + "." + g.between(1000, 22000) + "." + g.between(1, 999);
          default -> "v" + g.between(1, 5) + "." + g.between(0, 20) + "." + g.between(0, 9) + g.pick("", "-rc1", "-beta.2", "");
        });
    d("uuid", "request_id trace_id correlation_id order_uuid event_id id", (g, f) -> g.uuid());
    d("hash", "checksum sha256 etag content_hash commit_sha file_md5",
        (g, f) -> g.chars(ValueGen.HEX, g.pick(List.of(32, 40, 64))));
    d("sku", "sku product_code item_no article_number part_number",
        (g, f) -> g.chars(ValueGen.UPPER, 2) + "-" + g.digits(g.between(4, 6)) + "-" + g.pick("BLK", "WHT", "XL", "S", "M", "RED"));
    d("timestamp", "created_at updated_at ts event_time last_modified",
        (g, f) -> {
          java.time.LocalDateTime t = g.dateBetween(LocalDate.of(2018, 1, 1), ValueGen.TODAY).atTime(g.r.nextInt(24), g.r.nextInt(60), g.r.nextInt(60));
          return switch (g.columnStyle % 3) {
            case 0 -> t + "Z";
            case 1 -> t.toString().replace('T', ' ');
            default -> String.valueOf(t.toEpochSecond(java.time.ZoneOffset.UTC) * 1000 + g.r.nextInt(1000));
          };
        });
    d("price", "price unit_price amount total subtotal preis",
        (g, f) -> switch (g.columnStyle % 3) {
          case 0 -> String.format(Locale.ROOT, "%.2f", g.r.nextDouble() * 500);
          case 1 -> String.format(Locale.US, "%,.2f", g.r.nextDouble() * 20000);
          default -> String.format(Locale.GERMANY, "%.2f €", g.r.nextDouble() * 300);
        });
    d("duration", "duration milliseconds runtime length elapsed",
        (g, f) -> switch (g.columnStyle % 3) {
          case 0 -> String.format("%02d:%02d:%02d", g.r.nextInt(3), g.r.nextInt(60), g.r.nextInt(60));
          case 1 -> String.valueOf(g.between(30000, 900000));
          default -> "PT" + g.between(1, 59) + "M" + g.between(0, 59) + "S";
        });
    d("isbn_ean", "isbn ean barcode gtin upc", (g, f) -> g.r.nextBoolean() ? f.code().isbn13(g.r.nextBoolean()) : f.code().ean13());
    d("integer_id", "customer_id invoice_id track_id user_id account_id employee_id",
        (g, f) -> String.valueOf(g.r.nextBoolean() ? g.between(1, 5000) : g.between(100_000_000, 999_999_999)));
    d("title", "title album_title product_name track_name film_title", (g, f) -> g.r.nextBoolean() ? f.book().title() : f.commerce().productName());
    d("status", "status order_status state_code workflow_state",
        (g, f) -> g.pick("active", "pending", "shipped", "cancelled", "on_hold", "completed", "PAID", "REFUNDED"));
    d("company", "company vendor supplier_name employer_name manufacturer", (g, f) -> f.company().name());
    d("small_integer", "quantity stock qty rating score page_count seats",
        (g, f) -> String.valueOf(g.between(0, 120)));
    d("business_date", "order_date ship_date invoice_date hire_date due_date release_date",
        (g, f) -> date(g, g.dateBetween(LocalDate.of(2015, 1, 1), ValueGen.TODAY), g.columnStyle));
    d("currency", "currency ccy currency_code waehrung", (g, f) -> g.pick("USD", "EUR", "GBP", "CHF", "JPY", "BRL", "INR", "CAD"));
    d("locale", "locale lang language ui_language", (g, f) -> g.pick("en-US", "de_DE", "fr-FR", "pt_BR", "es", "it-IT", "nl"));
    d("color", "color colour hex_color theme_color", (g, f) -> "#" + g.chars(ValueGen.HEX, 6));
    d("file_name", "file_name attachment image path icon",
        (g, f) -> g.r.nextInt(3) == 0 ? f.lorem().word() + "@2x.png" : f.file().fileName());
    d("tracking_number", "tracking_no tracking_number shipment_id awb", (g, f) -> "1Z" + g.chars("0123456789ABCDEFGHJKLMNPRSTVWXYZ", 16));
    d("measurement", "weight_kg discount_pct ratio temperature margin",
        (g, f) -> String.format(Locale.ROOT, "%.4f", g.r.nextDouble() * 180 - 90));
    d("description", "description summary product_description comment_text_template",
        (g, f) -> f.lorem().sentence());
    d("boolean", "is_active flag enabled deleted opt_in", (g, f) -> g.pick("true", "false", "Y", "N", "1", "0"));
    d("mime_type", "mime_type content_type media_type", (g, f) -> f.file().mimeType());
    d("promo_code", "promo_code voucher coupon discount_code", (g, f) -> g.chars(ValueGen.UPPER + "0123456789", g.between(6, 10)));
    d("invoice_number", "invoice_number invoice_no rechnungsnummer factura", (g, f) -> "INV-" + g.between(2019, 2025) + "-" + g.digits(5));
    d("category", "genre department category segment", (g, f) -> g.r.nextBoolean() ? f.commerce().department() : f.music().genre());
    d("serial_number", "serial_number serial lot_number batch_number", (g, f) -> g.digits(g.between(10, 12)));
    d("object_id", "_id object_id doc_id mongo_id", (g, f) -> g.chars(ValueGen.HEX, 24));
    d("base64_blob", "nonce payload_b64 salt signature_blob", (g, f) -> java.util.Base64.getEncoder().encodeToString(g.bytes(g.pick(List.of(16, 24, 30)))));
    d("http_status", "http_status status_code response_code", (g, f) -> g.pick("200", "201", "204", "301", "400", "404", "500", "503"));
    d("year", "year model_year fiscal_year release_year", (g, f) -> String.valueOf(g.between(1960, 2025)));
  }

  static {
    late("PERSON_NAME", false, "first_name given_name vorname prenom nombre nome voornaam firstname fname",
        (g, f) -> g.columnStyle % 3 == 0 ? f.name().firstName().toUpperCase(Locale.ROOT) : f.name().firstName());
    late("PERSON_NAME", false, "last_name surname family_name nachname nom_famille apellido cognome achternaam lname",
        (g, f) -> g.columnStyle % 3 == 0 ? f.name().lastName().toUpperCase(Locale.ROOT) : f.name().lastName());
    late("DATE_OF_BIRTH", true, "birth_date dob date_of_birth born_on geboortedatum data_di_nascita",
        (g, f) -> {
          LocalDate d = g.dateBetween(ValueGen.TODAY.minusYears(90), ValueGen.TODAY.minusYears(18));
          return switch (g.columnStyle % 3) {
            case 0 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 1 -> d + " 00:00:00";
            default -> d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
          };
        });
    lateDecoy("boolean_letters", "active activebool is_deleted verified", (g, f) -> g.pick("t", "f", "t", "yes", "no"));
    lateDecoy("rating_code", "rating age_rating mpaa_rating content_rating",
        (g, f) -> g.pick("G", "PG", "PG-13", "R", "NC-17", "TV-MA", "12A", "M"));
    lateDecoy("repeated_timestamp", "create_date last_update created_on imported_at",
        (g, f) -> {
          LocalDate d = LocalDate.of(2006, 2, 14).plusDays(g.columnStyle % 5 + g.r.nextInt(2));
          return g.columnStyle % 2 == 0 ? d.toString() : d + " 04:" + (30 + g.r.nextInt(3)) + ":" + (10 + g.r.nextInt(40));
        });
    lateDecoy("upper_title", "title film_title album name_of_show", (g, f) -> f.book().title().toUpperCase(Locale.ROOT));
    lateDecoy("named_thing", "name display_name category_name genre_name language_name label name_en",
        (g, f) -> switch (g.columnStyle % 5) {
          case 0 -> f.music().genre();
          case 1 -> f.commerce().department();
          case 2 -> g.pick("English", "French", "German", "Italian", "Japanese", "Mandarin", "Spanish", "Dutch");
          case 3 -> f.color().name();
          default -> f.cat().breed();
        });
  }

  /** Kinds generated after the decoys (see {@link #LATE}). */
  public static List<Kind> late() {
    return LATE;
  }

  static String regionOf(Faker f, ValueGen g) {
    String country = f.getContext().getLocale().getCountry();
    // every locale of the standard sets is in PHONE_REGIONS; the held-out set's locales get their own region
    return ValueGen.PHONE_REGIONS.contains(country) || ValueGen.phoneRegion(country) ? country
        : g.pick(ValueGen.PHONE_REGIONS);
  }

  private static final List<Kind> HOLDOUT = new ArrayList<>();

  private static void holdout(String type, boolean ctx, String names, BiFunction<ValueGen, Faker, String> gen) {
    HOLDOUT.add(new Kind(type + ":holdout", List.of(type), List.of(names.split(" ")), ctx, gen));
  }

  private static void holdoutDecoy(String kind, String names, BiFunction<ValueGen, Faker, String> gen) {
    HOLDOUT.add(new Kind("decoy:" + kind, List.of(), List.of(names.split(" ")), false, gen));
  }

  static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};

  static {
    // sensitive kinds in formats the standard generators never make
    holdout("PERSON_NAME", false, "attendee patient_name ansprechpartner titular account_holder contact_person signatory",
        (g, f) -> switch (g.columnStyle % 3) {
          case 0 -> f.name().prefix() + " " + f.name().firstName() + " " + f.name().lastName();
          case 1 -> f.name().firstName().charAt(0) + ". " + f.name().lastName();
          default -> f.name().lastName().toUpperCase(Locale.ROOT) + " " + f.name().firstName();
        });
    holdout("DATE_OF_BIRTH", true, "birthday geb_datum date_naiss fecha_nac dob_iso born",
        (g, f) -> {
          LocalDate d = g.dateBetween(ValueGen.TODAY.minusYears(90), ValueGen.TODAY.minusYears(18));
          return switch (g.columnStyle % 3) {
            case 0 -> d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
            case 1 -> MONTH_NAMES[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
            default -> d + "T00:00:00Z";
          };
        });
    holdout("PHONE_NUMBER", false, "phone_uri tel_link contact_tel telefonnummer numero_telephone",
        (g, f) -> g.phoneUri(regionOf(f, g)));
    holdout("EMAIL_ADDRESS", false, "email_addr e_mail_adresse mail_address courriel_client",
        (g, f) -> {
          String e = f.internet().emailAddress();
          int at = e.indexOf('@');
          return g.columnStyle % 2 == 0 ? e.substring(0, at) + "+" + g.pick("news", "shop", "x1", "promo") + e.substring(at)
              : Character.toUpperCase(e.charAt(0)) + e.substring(1, at) + "@" + e.substring(at + 1).toUpperCase(Locale.ROOT);
        });
    holdout("US_SOCIAL_SECURITY_NUMBER", false, "ssn_no social_sec ss_num",
        (g, f) -> ValueGen.group(g.ssnDigits(), " ", 3, 2, 4));
    holdout("GENDER", false, "geschlecht sexe genero kon plec",
        (g, f) -> switch (g.columnStyle % 3) {
          case 0 -> g.pick("weiblich", "männlich", "divers", "weiblich", "männlich");
          case 1 -> g.pick("Femme", "Homme", "Femme", "Homme", "Autre");
          default -> g.pick("Mujer", "Hombre", "Mujer", "Hombre");
        });
    holdout("IBAN_CODE", false, "iban_nr konto_iban account_iban",
        (g, f) -> g.iban().replace(" ", "").toLowerCase(Locale.ROOT));

    // decoys no generator made before
    holdoutDecoy("vocabulary_name", "name label name_en title short_name",
        (g, f) -> switch (g.columnStyle % 6) {
          case 0 -> g.pick("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
          case 1 -> g.pick(MONTH_NAMES);
          case 2 -> g.pick("Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune");
          case 3 -> g.pick("Hydrogen", "Helium", "Carbon", "Nitrogen", "Oxygen", "Sodium", "Iron", "Copper", "Silver", "Gold");
          case 4 -> g.pick("Java", "Python", "Rust", "Kotlin", "Scala", "Haskell", "Ruby", "Perl", "Go", "Swift");
          default -> g.pick("Visa", "Mastercard", "PayPal", "Klarna", "Cash", "Invoice", "Bank Transfer");
        });
    holdoutDecoy("car_make", "make brand car_make vehicle_brand", (g, f) -> f.vehicle().make());
    holdoutDecoy("airport_code", "origin dest airport from_iata to_iata",
        (g, f) -> g.pick("JFK", "LHR", "FRA", "CDG", "AMS", "MAD", "FCO", "GRU", "BOM", "YYZ", "SYD", "NRT", "ARN", "WAW"));
    holdoutDecoy("stock_ticker", "ticker symbol stock_symbol", (g, f) -> f.stock().nsdqSymbol());
    holdoutDecoy("hostname", "host server node hostname",
        (g, f) -> g.pick("db", "web", "api", "cache", "mq") + "-" + g.pick("prod", "stg", "dev") + "-"
            + String.format("%02d", g.between(1, 40)) + g.pick(".internal", ".local", ".eu-west-1.compute", ""));
    holdoutDecoy("percentage", "discount tax_rate share_pct growth",
        (g, f) -> String.format(Locale.ROOT, "%.1f%%", g.r.nextDouble() * 60));
    holdoutDecoy("cron", "schedule cron cron_expr",
        (g, f) -> g.between(0, 59) + " " + g.between(0, 23) + " " + g.pick("*", "1", "15") + " * " + g.pick("*", "1-5", "0"));
    holdoutDecoy("git_branch", "branch git_ref source_branch",
        (g, f) -> g.pick("feature", "bugfix", "hotfix", "release") + "/" + g.chars(ValueGen.UPPER, 3) + "-"
            + g.between(10, 9999) + "-" + f.lorem().word());
    holdoutDecoy("zero_padded_code", "bin_code store_no plant_code warehouse_code",
        (g, f) -> String.format("%05d", g.between(0, 9999)));
    holdoutDecoy("guid_braced", "rowguid guid msrepl_guid", (g, f) -> "{" + g.uuid().toUpperCase(Locale.ROOT) + "}");
    holdoutDecoy("region_code", "region sales_region territory", (g, f) -> g.pick("EMEA", "APAC", "LATAM", "NA", "DACH", "ANZ"));
    holdoutDecoy("weight_with_unit", "package_weight net_weight dimensions",
        (g, f) -> String.format(Locale.ROOT, "%.1f %s", g.r.nextDouble() * 50, g.pick("kg", "lb", "g")));
  }

  /** Kinds only the held-out set has (formats and decoys nothing was tuned or trained on). */
  public static List<Kind> holdoutOnly() {
    return HOLDOUT;
  }

  /** One kind per sensitive info type. */
  public static List<Kind> sensitive() {
    return SENSITIVE;
  }

  /** Kinds whose columns hold more than one info type. */
  public static List<Kind> multi() {
    return MULTI;
  }

  /** Decoy kinds. */
  public static List<Kind> decoys() {
    return DECOYS;
  }
}
