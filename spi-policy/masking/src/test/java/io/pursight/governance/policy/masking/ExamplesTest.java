package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Exact examples of every function, as in docs/masking.md. */
class ExamplesTest {
  static final String K = Fixtures.KEY_REF;

  @Nested
  class Redact {
    @Test
    void stringsBecomeTheToken() {
      assertThat(mask("redact", "Jane Doe")).isEqualTo("****");
      assertThat(mask("redact", "Jane Doe", "token", "[REDACTED]")).isEqualTo("[REDACTED]");
      assertThat(mask("redact", new StringBuilder("x"))).isEqualTo("****");
      assertThat(mask("redact", 'J')).isEqualTo('*');
    }

    @Test
    void otherTypesBecomeTheirNeutralValue() {
      assertThat(mask("redact", 42)).isEqualTo(0);
      assertThat(mask("redact", 42L)).isEqualTo(0L);
      assertThat(mask("redact", new BigDecimal("1234.56"))).isEqualTo(new BigDecimal("0.00"));
      assertThat(mask("redact", 3.5d)).isEqualTo(0.0d);
      assertThat(mask("redact", 3.5f)).isEqualTo(0.0f);
      assertThat(mask("redact", BigInteger.TEN)).isEqualTo(BigInteger.ZERO);
      assertThat(mask("redact", true)).isEqualTo(false);
      assertThat(mask("redact", LocalDate.of(1984, 5, 6))).isEqualTo(LocalDate.of(1970, 1, 1));
      assertThat(mask("redact", LocalDateTime.of(1984, 5, 6, 7, 8))).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
      assertThat(mask("redact", OffsetDateTime.of(1984, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2))))
          .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(mask("redact", Instant.parse("1984-05-06T07:08:09Z"))).isEqualTo(Instant.EPOCH);
      assertThat(mask("redact", UUID.randomUUID())).isEqualTo(new UUID(0, 0));
      assertThat((byte[]) mask("redact", new byte[] {1, 2, 3})).isEmpty();
      assertThat(mask("redact", new Gens.Opaque("secret"))).isEqualTo("****");
    }
  }

  @Test
  void nullReturnsNull() {
    assertThat(mask("null", "Jane")).isNull();
    assertThat(mask("null", 42L)).isNull();
  }

  @Nested
  class Fixed {
    @Test
    void theValueConvertedToTheType() {
      assertThat(mask("fixed", "Jane", "value", "N/A")).isEqualTo("N/A");
      assertThat(mask("fixed", 42L, "value", "0")).isEqualTo(0L);
      assertThat(mask("fixed", 42, "value", "-1")).isEqualTo(-1);
      assertThat(mask("fixed", new BigDecimal("12.34"), "value", "0")).isEqualTo(new BigDecimal("0.00"));
      assertThat(mask("fixed", new BigDecimal("12.34"), "value", "0.125")).isEqualTo(new BigDecimal("0.125"));
      assertThat(mask("fixed", LocalDate.of(1984, 5, 6), "value", "2000-01-01")).isEqualTo(LocalDate.of(2000, 1, 1));
      assertThat(mask("fixed", true, "value", "false")).isEqualTo(false);
      assertThat(mask("fixed", new Gens.Opaque("s"), "value", "hidden")).isEqualTo("hidden");
      java.sql.Timestamp t = (java.sql.Timestamp) mask("fixed", new java.sql.Timestamp(0), "value", "2000-01-01T00:00");
      t.setTime(123);
      assertThat(mask("fixed", new java.sql.Timestamp(5), "value", "2000-01-01T00:00")).as("a copy each time")
          .isEqualTo(java.sql.Timestamp.valueOf("2000-01-01 00:00:00"));
    }

    @Test
    void aValueThatDoesNotConvertIsRefusedWithoutQuotingTheData() {
      assertThatThrownBy(() -> mask("fixed", 987654321, "value", "n/a"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parameter 'value' ('n/a') cannot be converted to java.lang.Integer")
          .hasMessageNotContaining("987654321");
    }
  }

  @Nested
  class Partial {
    @Test
    void showsFirstAndLast() {
      assertThat(mask("partial", "4111111111111111", "first", "0", "last", "4")).isEqualTo("************1111");
      assertThat(mask("partial", "Jane Doe", "first", "1", "last", "1")).isEqualTo("J******e");
      assertThat(mask("partial", "Jane Doe", "first", "1", "last", "1", "char", "#")).isEqualTo("J######e");
      assertThat(mask("partial", "555-0100")).as("defaults: last 4").isEqualTo("****0100");
    }

    @Test
    void aValueNoLongerThanWhatWouldBeShownIsMaskedEntirely() {
      assertThat(mask("partial", "abcd", "last", "4")).isEqualTo("****");
      assertThat(mask("partial", "abcde", "first", "2", "last", "3")).isEqualTo("*****");
      assertThat(mask("partial", "abcdef", "first", "2", "last", "3")).isEqualTo("ab*def");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
      assertThat(mask("partial", "😀abc😀", "first", "1", "last", "1")).isEqualTo("😀***😀");
      assertThat(mask("partial", "ab😀😀", "first", "0", "last", "1", "char", "·")).isEqualTo("···😀");
    }

    @Test
    void numbersAndDatesAreMaskedOnTheirTextAsStrings() {
      assertThat(mask("partial", 1234567890L, "last", "4")).isEqualTo("******7890");
      assertThat(mask("partial", new BigDecimal("1234.50"), "first", "1", "last", "0")).isEqualTo("1******");
      assertThat(mask("partial", LocalDate.of(1984, 5, 6), "first", "4", "last", "0")).isEqualTo("1984******");
      assertThatThrownBy(() -> mask("partial", true)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("java.lang.Boolean");
    }
  }

  @Nested
  class Pci {
    @Test
    void keepsTheFirstSixAndLastFourAndTheSeparators() {
      assertThat(mask("pci", "4111111111111111")).isEqualTo("411111******1111");
      assertThat(mask("pci", "4111 1111 1111 1111")).isEqualTo("4111 11** **** 1111");
      assertThat(mask("pci", "4111-1111-1111-1111")).isEqualTo("4111-11**-****-1111");
      assertThat(mask("pci", "378282246310005")).isEqualTo("378282*****0005");
      assertThat(mask("pci", "4222222222222")).as("13 digits").isEqualTo("422222***2222");
      assertThat(mask("pci", "4111111111111111  ")).as("CHAR padding").isEqualTo("411111******1111  ");
      assertThat(mask("pci", 4111111111111111L)).isEqualTo("411111******1111");
    }

    @Test
    void showsLessWhenAsked() {
      assertThat(mask("pci", "4111111111111111", "first", "0", "last", "4")).isEqualTo("************1111");
      assertThat(mask("pci", "4111111111111111", "first", "0", "last", "0", "char", "X"))
          .isEqualTo("XXXXXXXXXXXXXXXX");
    }

    @Test
    void anythingElseIsMaskedEntirely() {
      assertThat(mask("pci", "4111111111111112")).as("Luhn fails").isEqualTo("****************");
      assertThat(mask("pci", "4111111111111112", "luhn", "false")).isEqualTo("411111******1112");
      assertThat(mask("pci", "411111111111")).as("12 digits").isEqualTo("************");
      assertThat(mask("pci", "4111--1111-1111-1111")).as("double separator").isEqualTo("********************");
      assertThat(mask("pci", "card 4111111111111111")).isEqualTo("*********************");
      assertThat(mask("pci", "")).isEqualTo("");
      assertThat(mask("pci", LocalDate.of(2024, 1, 1))).isEqualTo("****");
    }
  }

  @Nested
  class Email {
    @Test
    void keepsTheDomain() {
      assertThat(mask("email", "jane.doe@example.com")).isEqualTo("****@example.com");
      assertThat(mask("email", "  Bob+news@Corp.IO ")).isEqualTo("****@Corp.IO");
      assertThat(mask("email", "\"a@b\"@example.com")).isEqualTo("****@example.com");
      assertThat(mask("email", "x@example.com", "token", "user")).isEqualTo("user@example.com");
    }

    @Test
    void anythingElseBecomesTheToken() {
      assertThat(mask("email", "not an address")).isEqualTo("****");
      assertThat(mask("email", "@example.com")).isEqualTo("****");
      assertThat(mask("email", "jane@")).isEqualTo("****");
      assertThat(mask("email", "jane@exa mple.com")).isEqualTo("****");
      assertThat(mask("email", "Jane <jane@example.com>")).isEqualTo("****");
      assertThat(mask("email", 42)).isEqualTo("****");
    }
  }

  @Nested
  class Hash {
    @Test
    void isHmacSha256AsOpensslComputesIt() {
      // printf '%s' jane.doe@example.com | openssl dgst -sha256 -hmac test-masking-key-0123456789-abcdef
      assertThat(mask("hash", "jane.doe@example.com", "key", K))
          .isEqualTo("ad9dcba9eb0319ece508626e28725697fe199ae77e875f56d3c7bfb57d92bd0f");
      String h42 = "12920718de6cf77fe1ebadb9548772b9e0ec22741476d0bfc3369abaa8935016";
      assertThat(mask("hash", "42", "key", K)).isEqualTo(h42);
      assertThat(mask("hash", 42, "key", K)).as("numbers hash by value").isEqualTo(h42);
      assertThat(mask("hash", 42L, "key", K)).isEqualTo(h42);
      assertThat(mask("hash", new BigDecimal("42.00"), "key", K)).isEqualTo(h42);
      assertThat(mask("hash", 42.0d, "key", K)).isEqualTo(h42);
    }

    @Test
    void encodingsAndTruncation() {
      String hex = (String) mask("hash", "x", "key", K);
      String b64 = (String) mask("hash", "x", "key", K, "encoding", "base64");
      assertThat(java.util.HexFormat.of().parseHex(hex)).isEqualTo(java.util.Base64.getDecoder().decode(b64));
      assertThat(mask("hash", "x", "key", K, "length", "12")).isEqualTo(hex.substring(0, 12));
      assertThat((String) mask("hash", "x", "key", K, "encoding", "base64url")).hasSize(43).doesNotContain("=");
    }

    @Test
    void dependsOnTheKey() {
      assertThat(mask("hash", "x", "key", K)).isNotEqualTo(mask("hash", "x", "key", Fixtures.OTHER_KEY_REF));
    }
  }

  @Nested
  class Tokenize {
    @Test
    void keepsTheShape() {
      String ssn = (String) mask("tokenize", "123-45-6789", "key", K);
      assertThat(ssn).matches("\\d{3}-\\d{2}-\\d{4}").isNotEqualTo("123-45-6789");
      assertThat((String) mask("tokenize", "Jane Doe", "key", K)).matches("[A-Z][a-z]{3} [A-Z][a-z]{2}");
      assertThat((String) mask("tokenize", "Zoë", "key", K)).matches("[A-Z][a-z]{2}");
      assertThat(mask("tokenize", "--- !", "key", K)).as("nothing to replace").isEqualTo("--- !");
      assertThat(mask("tokenize", "123-45-6789", "key", K)).as("deterministic").isEqualTo(ssn);
    }

    @Test
    void numbersKeepTypeSignAndDigits() {
      Object i = mask("tokenize", 42, "key", K);
      assertThat(i).isInstanceOf(Integer.class);
      assertThat((Integer) i).isBetween(10, 99).isNotEqualTo(42);
      assertThat(mask("tokenize", 42L, "key", K)).as("same token for every integral type")
          .isEqualTo(((Integer) i).longValue());
      Object min = mask("tokenize", Long.MIN_VALUE, "key", K);
      assertThat((Long) min).isNegative().isLessThanOrEqualTo(-1_000_000_000_000_000_000L);
      Object b = mask("tokenize", (byte) 120, "key", K);
      assertThat((Byte) b).isBetween((byte) 100, (byte) 127);
      BigDecimal d = (BigDecimal) mask("tokenize", new BigDecimal("-1234.50"), "key", K);
      assertThat(d.scale()).isEqualTo(2);
      assertThat(d.unscaledValue().toString()).matches("-[1-9]\\d{5}");
      assertThat((Double) mask("tokenize", Double.NaN, "key", K)).isNaN();
    }

    @Test
    void datesStayDatesOfTheTwentiethOrTwentyFirstCentury() {
      LocalDate d = (LocalDate) mask("tokenize", LocalDate.of(1984, 5, 6), "key", K);
      assertThat(d).isBetween(LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31)).isNotEqualTo(
          LocalDate.of(1984, 5, 6));
      OffsetDateTime t = (OffsetDateTime) mask("tokenize", OffsetDateTime.of(1984, 5, 6, 7, 8, 9, 0,
          ZoneOffset.ofHours(5)), "key", K);
      assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(5));
    }

    @Test
    void differsFromHashAndAcrossKeys() {
      assertThat(mask("tokenize", "123456789", "key", K)).isNotEqualTo(mask("tokenize", "123456789", "key",
          Fixtures.OTHER_KEY_REF));
      assertThat((String) mask("hash", "123456789", "key", K)).hasSize(64);
      assertThat((String) mask("tokenize", "123456789", "key", K)).hasSize(9);
    }

    @Test
    void singleCharactersAndSmallNumbersNeverComeBackUnchanged() {
      for (int i = 0; i <= 9; i++) {
        assertThat(mask("tokenize", String.valueOf(i), "key", K)).isNotEqualTo(String.valueOf(i));
        assertThat(mask("tokenize", i, "key", K)).isNotEqualTo(i);
      }
      assertThat(mask("tokenize", 'a', "key", K)).isNotEqualTo('a');
    }

    @Test
    void booleansAreRefused() {
      assertThatThrownBy(() -> mask("tokenize", true, "key", K)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("java.lang.Boolean");
    }

    @Test
    void distinctValuesMostlyGetDistinctTokens() {
      Set<Object> tokens = new HashSet<>();
      for (int i = 100_000; i < 110_000; i++) {
        tokens.add(mask("tokenize", i, "key", K));
      }
      // 10,000 draws among 900,000 six-digit numbers: about 55 collisions expected.
      assertThat(tokens.size()).isGreaterThan(9_800);
    }
  }

  @Nested
  class GeneralizeDate {
    @Test
    void toYearOrMonthKeepingTheType() {
      assertThat(mask("generalize_date", LocalDate.of(2024, 3, 15))).isEqualTo(LocalDate.of(2024, 1, 1));
      assertThat(mask("generalize_date", LocalDate.of(2024, 3, 15), "to", "month")).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(mask("generalize_date", LocalDateTime.of(2024, 3, 15, 10, 11, 12)))
          .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
      ZoneOffset india = ZoneOffset.ofHoursMinutes(5, 30);
      assertThat(mask("generalize_date", OffsetDateTime.of(2024, 3, 15, 10, 11, 12, 0, india), "to", "month"))
          .isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, india));
      ZoneId paris = ZoneId.of("Europe/Paris");
      assertThat(mask("generalize_date", ZonedDateTime.of(2024, 7, 15, 10, 0, 0, 0, paris)))
          .isEqualTo(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, paris));
      assertThat(mask("generalize_date", Instant.parse("2024-03-15T10:11:12Z")))
          .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
      assertThat(mask("generalize_date", java.sql.Date.valueOf("2024-03-15"), "to", "month"))
          .isEqualTo(java.sql.Date.valueOf("2024-03-01"));
      assertThat(mask("generalize_date", java.sql.Timestamp.valueOf("2024-03-15 10:11:12")))
          .isEqualTo(java.sql.Timestamp.valueOf("2024-01-01 00:00:00"));
    }

    @Test
    void isoStringsKeepTheirLayout() {
      assertThat(mask("generalize_date", "2024-03-15")).isEqualTo("2024-01-01");
      assertThat(mask("generalize_date", "2024-03-15T10:11:12.345+02:00")).isEqualTo("2024-01-01T00:00:00.000+02:00");
      assertThat(mask("generalize_date", "2024-03-15 10:11:12", "to", "month")).isEqualTo("2024-03-01 00:00:00");
      assertThat(mask("generalize_date", "2024-03-15T10:11:12Z[UTC]")).isEqualTo("2024-01-01T00:00:00Z[UTC]");
      assertThat(mask("generalize_date", "15/03/2024")).isEqualTo("****");
      assertThat(mask("generalize_date", "2024-02-30")).as("no such day").isEqualTo("****");
      assertThat(mask("generalize_date", "2024-03-15T25:00")).isEqualTo("****");
    }

    @Test
    void valuesWithoutADateAreRefused() {
      assertThatThrownBy(() -> mask("generalize_date", LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> mask("generalize_date", 20240315)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("20240315");
    }
  }

  @Nested
  class Bucket {
    @Test
    void bySize() {
      assertThat(mask("bucket", 37, "size", "10")).isEqualTo(30);
      assertThat(mask("bucket", 37L, "size", "10")).isEqualTo(30L);
      assertThat(mask("bucket", -3, "size", "10")).isEqualTo(-10);
      assertThat(mask("bucket", (short) 37, "size", "10")).isEqualTo((short) 30);
      assertThat(mask("bucket", new BigDecimal("37.25"), "size", "10")).isEqualTo(new BigDecimal("30.00"));
      assertThat(mask("bucket", new BigDecimal("37.25"), "size", "0.5")).isEqualTo(new BigDecimal("37.00"));
      assertThat(mask("bucket", 37.5d, "size", "10")).isEqualTo(30.0d);
      assertThat(mask("bucket", 37, "size", "2.5")).isEqualTo(35);
      assertThat(mask("bucket", 52_345, "size", "1000")).isEqualTo(52_000);
      assertThat(mask("bucket", Integer.MIN_VALUE, "size", "10")).as("clamped").isEqualTo(Integer.MIN_VALUE);
      assertThat(mask("bucket", " 37 ", "size", "10")).isEqualTo("30");
      assertThat(mask("bucket", "about 37", "size", "10")).isEqualTo("****");
    }

    @Test
    void byBounds() {
      String b = "0,18,30,65";
      assertThat(mask("bucket", 17, "bounds", b)).isEqualTo(0);
      assertThat(mask("bucket", 18, "bounds", b)).isEqualTo(18);
      assertThat(mask("bucket", 64L, "bounds", b)).isEqualTo(30L);
      assertThat(mask("bucket", 99, "bounds", b)).isEqualTo(65);
      assertThat(mask("bucket", -5, "bounds", b)).as("below the first bound").isEqualTo(0);
      assertThat(mask("bucket", 21.5d, "bounds", b)).isEqualTo(18.0d);
      assertThat(mask("bucket", 31, "bounds", "[0, 18, 30, 65]")).as("a YAML list as text").isEqualTo(30);
    }

    @Test
    void aSizeBelowTheResolutionIsRefused() {
      assertThatThrownBy(() -> mask("bucket", 37, "size", "0.5")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'size'").hasMessageContaining("resolution");
      assertThatThrownBy(() -> mask("bucket", 37, "size", "1")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> mask("bucket", new BigDecimal("1.25"), "size", "0.01"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Noise {
    @Test
    void staysWithinTheScaleAndNeverReturnsTheValue() {
      for (int i = 0; i < 200; i++) {
        int v = (Integer) mask("noise", 100, "scale", "5");
        assertThat(v).isBetween(95, 105).isNotEqualTo(100);
        long l = (Long) mask("noise", 1000L, "percent", "10");
        assertThat(l).isBetween(900L, 1100L).isNotEqualTo(1000L);
        BigDecimal d = (BigDecimal) mask("noise", new BigDecimal("100.00"), "scale", "0.5");
        assertThat(d.scale()).isEqualTo(2);
        assertThat(d).isBetween(new BigDecimal("99.50"), new BigDecimal("100.50")).isNotEqualByComparingTo("100.00");
        assertThat((Integer) mask("noise", 7, "scale", "0.1")).as("at least one unit").isIn(6, 8);
        assertThat((Integer) mask("noise", 0, "percent", "10")).isIn(-1, 1);
        assertThat((Integer) mask("noise", Integer.MAX_VALUE, "scale", "3")).isLessThan(Integer.MAX_VALUE)
            .isGreaterThanOrEqualTo(Integer.MAX_VALUE - 6);
        double x = (Double) mask("noise", 12.5d, "scale", "1");
        assertThat(x).isBetween(11.5, 13.5).isNotEqualTo(12.5);
      }
    }

    @Test
    void withoutSeedOrKeyItVaries() {
      Set<Object> seen = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        seen.add(mask("noise", 1000, "scale", "100"));
      }
      assertThat(seen.size()).isGreaterThan(10);
    }

    @Test
    void withSeedOrKeyItIsStable() {
      Object a = mask("noise", 1000, "scale", "100", "seed", "7");
      for (int i = 0; i < 10; i++) {
        assertThat(new MaskingPlugin().function("noise").mask(1000, Fixtures.params("scale", "100", "seed", "7"), null))
            .isEqualTo(a);
      }
      assertThat(mask("noise", 1000, "scale", "100", "seed", "8")).isNotEqualTo(a);
      Object k = mask("noise", 1000, "scale", "100", "key", K);
      assertThat(mask("noise", 1000, "scale", "100", "key", K)).isEqualTo(k);
      assertThat(mask("noise", "1000", "scale", "100", "key", K)).isEqualTo(k.toString());
    }
  }
}
