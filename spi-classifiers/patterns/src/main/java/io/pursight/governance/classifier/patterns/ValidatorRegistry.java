package io.pursight.governance.classifier.patterns;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in validators by name, for custom info types ({@code validator: luhn}) and the public
 * {@link Validators} facade.
 */
final class ValidatorRegistry {
  /**
   * A named check.
   *
   * @param name the name used in custom-type files
   * @param check the check
   * @param strength what passing it proves
   * @param description what it verifies (used in evidence)
   */
  record Validator(String name, ValueCheck check, Strength strength, String description) {}

  private final Map<String, Validator> byName;

  ValidatorRegistry(PhoneCheck phone, LocalDate today) {
    Map<String, Validator> m = new TreeMap<>();
    // generic checksums over the value's digits (or characters)
    add(m, "luhn", Checksums::luhn, Strength.CHECKSUM, "Luhn (mod 10)");
    add(m, "mod97", v -> Checksums.mod97Rotated(v, 0) == 1, Strength.CHECKSUM, "ISO 7064 MOD 97-10");
    add(m, "verhoeff", Checksums::verhoeff, Strength.CHECKSUM, "Verhoeff");
    add(m, "iso7064_mod11_10", ValidatorRegistry::mod11_10, Strength.CHECKSUM, "ISO 7064 MOD 11,10");
    add(m, "mod11", ValidatorRegistry::mod11, Strength.CHECKSUM, "mod-11 with descending weights");
    // specific validators
    add(m, "credit_card", FinanceChecks::creditCard, Strength.CHECKSUM, "Luhn and issuer prefix ranges");
    add(m, "iban", FinanceChecks::iban, Strength.CHECKSUM, "IBAN country length and mod-97");
    add(m, "aba", IdChecks::abaRouting, Strength.CHECKSUM, "ABA 3-7-1 checksum");
    add(m, "npi", IdChecks::npi, Strength.CHECKSUM, "NPI Luhn over 80840");
    add(m, "dea", IdChecks::dea, Strength.CHECKSUM, "DEA check digit");
    add(m, "vin", IdChecks::vin, Strength.CHECKSUM, "VIN check digit");
    add(m, "imei", IdChecks::imei, Strength.CHECKSUM, "IMEI Luhn");
    add(m, "nhs", IdChecks::nhs, Strength.CHECKSUM, "NHS mod-11");
    add(m, "cpf", IdChecks::cpf, Strength.CHECKSUM, "CPF check digits");
    add(m, "bsn", IdChecks::bsn, Strength.CHECKSUM, "BSN eleven-test");
    add(m, "nir", IdChecks::nir, Strength.CHECKSUM, "NIR key");
    add(m, "sin", IdChecks::canadaSin, Strength.CHECKSUM, "Canadian SIN Luhn");
    add(m, "aadhaar", IdChecks::aadhaar, Strength.CHECKSUM, "Aadhaar Verhoeff");
    add(m, "nif", IdChecks::spainNif, Strength.CHECKSUM, "NIF/NIE check letter");
    add(m, "codice_fiscale", IdChecks::italyFiscalCode, Strength.CHECKSUM, "codice fiscale check character");
    add(m, "de_tax_id", IdChecks::germanTaxId, Strength.CHECKSUM, "German tax id MOD 11,10");
    add(m, "de_id_card", v -> IdChecks.germanIdCard(v) == 2, Strength.CHECKSUM, "German ID card check digit");
    add(m, "bitcoin", v -> CryptoAddresses.base58check(v) || CryptoAddresses.bech32(v), Strength.CHECKSUM,
        "Bitcoin address checksum");
    add(m, "ethereum", CryptoAddresses::ethereum, Strength.RULES, "Ethereum address (EIP-55 when mixed case)");
    add(m, "crypto", CryptoAddresses::any, Strength.CHECKSUM, "crypto wallet address checksum");
    add(m, "ssn", IdChecks::ssn, Strength.RULES, "SSN rules");
    add(m, "itin", IdChecks::itin, Strength.RULES, "ITIN rules");
    add(m, "ein", IdChecks::ein, Strength.RULES, "EIN prefixes");
    add(m, "nino", IdChecks::nino, Strength.RULES, "NINO prefixes");
    add(m, "mbi", IdChecks::mbi, Strength.RULES, "MBI format");
    add(m, "pan", IdChecks::indiaPan, Strength.RULES, "PAN entity type");
    add(m, "icd10", IdChecks::icd10, Strength.RULES, "ICD-10 chapter ranges");
    add(m, "swift", FinanceChecks::swift, Strength.RULES, "BIC country");
    add(m, "vat", FinanceChecks::vat, Strength.RULES, "EU VAT format and check digits where defined");
    add(m, "vat_format", FinanceChecks::vatFormat, Strength.RULES, "EU VAT format");
    add(m, "email", NetChecks::email, Strength.RULES, "e-mail syntax");
    add(m, "phone", phone::valid, Strength.RULES, "libphonenumber validity");
    add(m, "ipv4", NetChecks::ipv4, Strength.RULES, "IPv4");
    add(m, "ipv6", NetChecks::ipv6, Strength.RULES, "IPv6");
    add(m, "ip", v -> NetChecks.ipv4(v) || NetChecks.ipv6(v), Strength.RULES, "IP address");
    add(m, "mac", NetChecks::mac, Strength.RULES, "MAC address");
    add(m, "url", NetChecks::url, Strength.RULES, "URL");
    add(m, "uuid", NetChecks::uuid, Strength.RULES, "UUID");
    add(m, "jwt", SecretChecks::jwt, Strength.RULES, "JWT header");
    add(m, "private_key", SecretChecks::privateKey, Strength.RULES, "PEM private key");
    add(m, "password_hash", SecretChecks::passwordHash, Strength.RULES, "password hash structure");
    add(m, "aws_access_key_id", SecretChecks::awsAccessKeyId, Strength.RULES, "AWS access key id");
    add(m, "gcp_api_key", SecretChecks::gcpApiKey, Strength.RULES, "Google API key");
    add(m, "github_token", SecretChecks::githubToken, Strength.RULES, "GitHub token");
    add(m, "slack_token", SecretChecks::slackToken, Strength.RULES, "Slack token");
    add(m, "stripe_key", SecretChecks::stripeKey, Strength.RULES, "Stripe live key");
    add(m, "date", v -> PersonalChecks.epochDay(v) != Long.MIN_VALUE, Strength.RULES, "calendar date");
    add(m, "date_of_birth", v -> PersonalChecks.dateOfBirth(v, today), Strength.RULES, "date of birth (age 0-120)");
    add(m, "age", PersonalChecks::age, Strength.PATTERN, "age 0-120");
    add(m, "coordinates", PersonalChecks::coordinates, Strength.RULES, "coordinate ranges");
    add(m, "uk_postcode", PersonalChecks::ukPostcode, Strength.RULES, "UK postcode");
    add(m, "canada_postcode", PersonalChecks::canadaPostcode, Strength.RULES, "Canadian postal code");
    add(m, "person_name", PersonalChecks::personName, Strength.PATTERN, "name dictionaries");
    add(m, "city", PersonalChecks::city, Strength.PATTERN, "city gazetteer");
    add(m, "country", v -> PersonalChecks.countryName(v) || PersonalChecks.countryAlpha3(v)
        || PersonalChecks.countryAlpha2(v), Strength.PATTERN, "ISO 3166 countries");
    byName = Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, Validator> m, String name, ValueCheck c, Strength s, String description) {
    m.put(name, new Validator(name, c, s, description));
  }

  /** The validator called {@code name}, or null. */
  Validator get(String name) {
    return byName.get(name);
  }

  Map<String, Validator> all() {
    return byName;
  }

  /** ISO 7064 MOD 11,10: the last digit checks the digits before it (spaces skipped). */
  static boolean mod11_10(String v) {
    String d = Checksums.digitsOnly(v, " -");
    return d != null && d.length() >= 2 && Checksums.iso7064Mod11_10(d, 0, d.length() - 1) == d.charAt(d.length() - 1) - '0';
  }

  /**
   * Generic mod-11: weights n+1 down to 2 over the n digits before the check digit, check =
   * (11 - sum mod 11) mod 11, a result of 10 is invalid (the NHS scheme, generalised).
   */
  static boolean mod11(String v) {
    String d = Checksums.digitsOnly(v, " -");
    if (d == null || d.length() < 2) {
      return false;
    }
    int n = d.length() - 1;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (d.charAt(i) - '0') * (n + 1 - i);
    }
    int check = (11 - sum % 11) % 11;
    return check != 10 && check == d.charAt(n) - '0';
  }
}
