package io.pursight.governance.classifier.patterns;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of valid identifiers, built with {@link Textbook} check digits. */
final class Gens {
  private Gens() {}

  /** {@code n} random decimal digits (shrinks towards zeros). */
  static Gen<String> digits(int n) {
    return Generate.intArrays(Generate.constant(n), Generate.range(0, 9)).map(a -> {
      StringBuilder b = new StringBuilder(n);
      for (int d : a) {
        b.append((char) ('0' + d));
      }
      return b.toString();
    });
  }

  static Gen<String> chars(int n, String alphabet) {
    return Generate.intArrays(Generate.constant(n), Generate.range(0, alphabet.length() - 1)).map(a -> {
      StringBuilder b = new StringBuilder(n);
      for (int i : a) {
        b.append(alphabet.charAt(i));
      }
      return b.toString();
    });
  }

  private record Issuer(String prefix, int length) {}

  private static final List<Issuer> ISSUERS = List.of(new Issuer("4", 16), new Issuer("4", 13), new Issuer("4", 19),
      new Issuer("51", 16), new Issuer("55", 16), new Issuer("2221", 16), new Issuer("2720", 16),
      new Issuer("34", 15), new Issuer("37", 15), new Issuer("6011", 16), new Issuer("65", 16),
      new Issuer("3528", 16), new Issuer("3589", 19), new Issuer("36", 14), new Issuer("62", 16),
      new Issuer("2200", 16), new Issuer("300", 14));

  /** Card numbers of known issuers with a Luhn check digit. */
  static Gen<String> cardNumbers() {
    return Generate.pick(ISSUERS).flatMap(i -> digits(i.length() - i.prefix().length() - 1)
        .map(body -> i.prefix() + body + Textbook.luhn(i.prefix() + body)));
  }

  static Gen<String> imeis() {
    return Generate.pick(List.of("35", "01", "86", "49", "99")).zip(digits(12),
        (p, body) -> p + body + Textbook.luhn(p + body)).assuming(v -> !Checksums.allSame(v, 2, 14));
  }

  static Gen<String> canadaSins() {
    return Generate.pick(List.of("1", "2", "3", "4", "5", "6", "7", "9")).zip(digits(7),
        (p, body) -> p + body + Textbook.luhn(p + body)).assuming(v -> !Checksums.allSame(v, 0, 9));
  }

  static Gen<String> npis() {
    return Generate.pick(List.of("1", "2")).zip(digits(8), (p, body) -> {
      String nine = p + body;
      return nine + Textbook.luhn("80840" + nine);
    });
  }

  private record IbanFormat(String country, String alphabet, int bbanLength) {}

  private static final String N = "0123456789";
  private static final String A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private static final List<IbanFormat> IBANS = List.of(new IbanFormat("DE", N, 18), new IbanFormat("GB", A + N, 18),
      new IbanFormat("FR", N + A, 23), new IbanFormat("NL", A + N, 14), new IbanFormat("ES", N, 20),
      new IbanFormat("IT", A + N, 23), new IbanFormat("BE", N, 12), new IbanFormat("CH", N, 17),
      new IbanFormat("NO", N, 11), new IbanFormat("PL", N, 24), new IbanFormat("AT", N, 16),
      new IbanFormat("SE", N, 20), new IbanFormat("PT", N, 21), new IbanFormat("MT", A + N, 27));

  /** IBANs of registry countries with random BBANs and textbook check digits. */
  static Gen<String> ibans() {
    return Generate.pick(IBANS).flatMap(f -> chars(f.bbanLength(), f.alphabet())
        .map(bban -> f.country() + Textbook.ibanCheck(f.country(), bban) + bban));
  }

  static Gen<String> nhsNumbers() {
    return digits(9).assuming(n -> Textbook.nhs(n) >= 0 && !Checksums.allSame(n, 0, 9))
        .map(n -> n + Textbook.nhs(n));
  }

  static Gen<String> cpfs() {
    return digits(9).assuming(n -> !Checksums.allSame(n, 0, 9)).map(n -> n + Textbook.cpf(n));
  }

  static Gen<String> bsns() {
    return digits(8).assuming(n -> Textbook.bsn(n) >= 0).map(n -> n + Textbook.bsn(n))
        .assuming(v -> !Checksums.allSame(v, 0, 9) && !v.equals("000000000"));
  }

  static Gen<String> nirs() {
    Gen<String> dept = Generate.oneOf(integers().between(1, 95).map(i -> String.format("%02d", i)),
        Generate.pick(List.of("2A", "2B")));
    return Generate.pick(List.of("1", "2")).zip(integers().between(0, 99), integers().between(1, 12), dept,
        (sex, yy, mm, d) -> sex + String.format("%02d%02d", yy, mm) + d)
        .zip(digits(6), (head, tail) -> head + tail)
        .map(thirteen -> thirteen + Textbook.nirKey(thirteen));
  }

  /** German tax ids: first digit not 0, exactly one digit twice in the first ten, ISO 7064 check. */
  static Gen<String> germanTaxIds() {
    return Generate.intArrays(Generate.constant(10), Generate.range(0, 1_000_000)).map(keys -> {
      // a permutation of 0-9 from the random keys, then the digit at position 0 repeated in place of position 9
      Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
      java.util.Arrays.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 9; i++) {
        b.append(order[i]);
      }
      b.append(b.charAt(keys[9] % 9));
      return b.toString();
    }).assuming(ten -> ten.charAt(0) != '0').map(ten -> ten + Textbook.iso7064(ten));
  }

  static Gen<String> germanIdCards() {
    String alphabet = "CFGHJKLMNPRTVWXYZ";
    return chars(1, alphabet).zip(digits(5), chars(3, "0123456789" + alphabet), (a, b, c) -> a + b + c)
        .map(nine -> nine + Textbook.icao(nine));
  }

  static Gen<String> abaNumbers() {
    Gen<String> prefix = Generate.oneOf(integers().between(0, 12), integers().between(21, 32),
        integers().between(61, 72), Generate.constant(80)).map(i -> String.format("%02d", i));
    return prefix.zip(digits(6), (p, body) -> p + body).map(e -> e + Textbook.aba(e))
        .assuming(v -> !Checksums.allSame(v, 0, 9));
  }

  static Gen<String> vins() {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    return chars(17, alphabet).assuming(v -> v.chars().anyMatch(Character::isLetter)).map(v -> {
      char check = Textbook.vin(v);
      return v.substring(0, 8) + check + v.substring(9);
    });
  }

  static Gen<String> deaNumbers() {
    return chars(1, "ABCDEFGHJKLMPRSTUX").zip(chars(1, A), digits(6),
        (a, b, six) -> a + b + six + Textbook.dea(six));
  }

  static Gen<String> nifs() {
    return integers().between(0, 99_999_999).map(n -> String.format("%08d", n) + Textbook.nif(n));
  }

  static Gen<String> nies() {
    return Generate.pick(List.of("X", "Y", "Z")).zip(integers().between(0, 9_999_999),
        (p, n) -> p + String.format("%07d", n) + Textbook.nif(("XYZ".indexOf(p)) * 10_000_000 + n));
  }

  static Gen<String> codiciFiscali() {
    return chars(6, A).zip(digits(2), chars(1, "ABCDEHLMPRST"), integers().between(1, 71).assuming(d -> d <= 31 || d >= 41),
        (s, yy, m, dd) -> s + yy + m + String.format("%02d", dd))
        .zip(chars(1, A), digits(3), (head, town, num) -> head + town + num)
        .map(fifteen -> fifteen + Textbook.codiceFiscale(fifteen));
  }

  static Gen<String> aadhaars() {
    return Generate.pick(List.of("2", "3", "4", "5", "6", "7", "8", "9")).zip(digits(10),
        (p, body) -> p + body + Textbook.verhoeff(p + body)).assuming(v -> !Checksums.allSame(v, 1, 12));
  }

  static Gen<String> bitcoinLegacy() {
    return Generate.pick(List.of(0x00, 0x05)).zip(Generate.byteArrays(Generate.constant(20),
        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)), (version, payload) -> {
          try {
            return Textbook.base58check(version, payload);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static Gen<String> bitcoinSegwit() {
    return Generate.pick(List.of(0, 1)).zip(Generate.byteArrays(Generate.constant(32),
        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)), (version, program) -> {
          byte[] p = version == 0 && program[0] % 2 == 0 ? java.util.Arrays.copyOf(program, 20) : program;
          return Textbook.segwit("bc", version, p);
        });
  }

  /** Replaces the {@code index}-th digit of {@code v} (separators skipped) by (digit + delta) mod 10. */
  static String corruptDigit(String v, int index, int delta) {
    StringBuilder b = new StringBuilder(v);
    int seen = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= '0' && c <= '9') {
        if (seen == index) {
          b.setCharAt(i, (char) ('0' + (c - '0' + delta) % 10));
          return b.toString();
        }
        seen++;
      }
    }
    throw new IllegalArgumentException("no digit #" + index);
  }

  static int countDigits(String v) {
    int n = 0;
    for (char c : v.toCharArray()) {
      n += Character.isDigit(c) ? 1 : 0;
    }
    return n;
  }
}
