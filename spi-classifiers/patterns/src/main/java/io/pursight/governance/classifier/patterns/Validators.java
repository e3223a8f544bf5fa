package io.pursight.governance.classifier.patterns;

import java.time.LocalDate;

/**
 * The validators behind the pattern classifier, for hosts that want to check single values (form
 * validation, masking decisions). Every method takes the value as written (separators the format
 * allows, e.g. spaces in an IBAN), never throws and returns false for null.
 */
public final class Validators {
  private static final PhoneCheck PHONE = new PhoneCheck(PhoneCheck.DEFAULT_REGIONS);

  private Validators() {}

  /** Luhn (mod 10) over the digits; spaces and dashes are skipped. */
  public static boolean luhn(String value) {
    return value != null && Checksums.luhn(value);
  }

  /** Payment card number: Luhn plus a known issuer's prefix and length. */
  public static boolean creditCard(String value) {
    return value != null && FinanceChecks.creditCard(value.strip());
  }

  /** IBAN: registry length for the country and ISO 13616 mod-97. */
  public static boolean iban(String value) {
    return value != null && FinanceChecks.iban(value.strip());
  }

  /** ABA routing number: 3-7-1 checksum and Federal Reserve prefix. */
  public static boolean abaRoutingNumber(String value) {
    return value != null && IdChecks.abaRouting(value.strip());
  }

  /** US Social Security number area/group/serial rules. */
  public static boolean usSsn(String value) {
    return value != null && IdChecks.ssn(value.strip());
  }

  /** UK NHS number (mod-11). */
  public static boolean nhsNumber(String value) {
    return value != null && IdChecks.nhs(value.strip());
  }

  /** Brazilian CPF (two mod-11 check digits). */
  public static boolean cpf(String value) {
    return value != null && IdChecks.cpf(value.strip());
  }

  /** Indian Aadhaar (Verhoeff). */
  public static boolean aadhaar(String value) {
    return value != null && IdChecks.aadhaar(value.strip());
  }

  /** Verhoeff over the digits (check digit included). */
  public static boolean verhoeff(String value) {
    return value != null && Checksums.verhoeff(value.strip());
  }

  /** Vehicle identification number (position-9 check digit). */
  public static boolean vin(String value) {
    return value != null && IdChecks.vin(value.strip());
  }

  /** E-mail address (practical RFC 5322 subset, dotted domain, not an image file name). */
  public static boolean email(String value) {
    return value != null && NetChecks.email(value.strip());
  }

  /** Phone number valid for the region of its + prefix or one of US, GB, DE, FR, NL, ES, IT, BR, IN, CA, AU. */
  public static boolean phone(String value) {
    return value != null && PHONE.valid(value.strip());
  }

  /** IPv4 or IPv6 address. */
  public static boolean ipAddress(String value) {
    return value != null && (NetChecks.ipv4(value.strip()) || NetChecks.ipv6(value.strip()));
  }

  /** Bitcoin (base58check, bech32/bech32m) or Ethereum (EIP-55 when mixed case) address. */
  public static boolean cryptoAddress(String value) {
    return value != null && CryptoAddresses.any(value.strip());
  }

  /**
   * Any built-in validator by name (the names custom info types use, see {@link
   * PatternsPlugin#validatorNames()}).
   *
   * @throws IllegalArgumentException when no validator has that name
   */
  public static boolean check(String validator, String value) {
    ValidatorRegistry.Validator v = Holder.REGISTRY.get(validator);
    if (v == null) {
      throw new IllegalArgumentException("Unknown validator '" + validator + "'; known: "
          + String.join(", ", Holder.REGISTRY.all().keySet()));
    }
    return value != null && v.check().test(value.strip());
  }

  private static final class Holder {
    static final ValidatorRegistry REGISTRY = new ValidatorRegistry(PHONE, LocalDate.now());
  }
}
