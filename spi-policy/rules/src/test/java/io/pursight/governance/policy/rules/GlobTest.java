package io.pursight.governance.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class GlobTest {

  @Test
  void literalPrefixesAndSuffixes() {
    assertThat(Glob.compile("shop.public.customers.ssn").isLiteral()).isTrue();
    Glob table = Glob.compile("shop.public.t1.*");
    assertThat(table.literalPrefix()).isEqualTo("shop.public.t1");
    assertThat(table.literalSuffix()).isNull();
    assertThat(table.isPrefixStar()).isTrue();
    Glob column = Glob.compile("*.ssn");
    assertThat(column.literalPrefix()).isNull();
    assertThat(column.literalSuffix()).isEqualTo("ssn");
    assertThat(column.isStarSuffix()).isTrue();
    Glob both = Glob.compile("shop.*.customers.email");
    assertThat(both.literalPrefix()).isEqualTo("shop");
    assertThat(both.literalSuffix()).isEqualTo("customers.email");
    assertThat(both.isPrefixStar()).isFalse();
    assertThat(both.isStarSuffix()).isFalse();
    Glob partial = Glob.compile("shop.public.cust*");
    assertThat(partial.literalPrefix()).isEqualTo("shop.public");
    assertThat(partial.isPrefixStar()).isFalse();
    assertThat(Glob.compile("s*p.x.*").literalPrefix()).isNull();
    assertThat(Glob.compile("*ssn").literalSuffix()).isNull();
    assertThat(Glob.compile("a.b?").literalPrefix()).isEqualTo("a");
    assertThat(Glob.compile("shop.**").pattern()).isEqualTo("shop.*");
    assertThat(Glob.segments("a.b.c")).isEqualTo(3);
    assertThat(FieldView.prefix("a.b.c.d", 3)).isEqualTo("a.b.c");
    assertThat(FieldView.prefix("a.b", 2)).isNull();
    assertThat(FieldView.suffix("a.b.c.d", 2)).isEqualTo("c.d");
    assertThat(FieldView.suffix("a.b", 2)).isNull();
  }

  /** Whatever key a pattern is filed under, every name it matches yields that key. */
  @Test
  void keysAreImpliedByMatches() {
    Gen<String> pattern = lists().of(integers().between(0, 6)).ofSizeBetween(1, 8).map(cs -> render(cs, true));
    Gen<String> name = lists().of(integers().between(0, 3)).ofSizeBetween(0, 10).map(cs -> render(cs, false));
    qt().withExamples(5000).forAll(pattern, name).checkAssert((p, n) -> {
      if (p.startsWith(".") || p.endsWith(".") || p.contains("..")) {
        return;
      }
      Glob g = Glob.compile(p);
      if (!g.matches(n)) {
        return;
      }
      String prefix = g.literalPrefix();
      if (prefix != null) {
        assertThat(FieldView.prefix(n, Glob.segments(prefix))).as("%s vs %s", p, n).isEqualTo(prefix);
      }
      String suffix = g.literalSuffix();
      if (suffix != null) {
        assertThat(FieldView.suffix(n, Glob.segments(suffix))).as("%s vs %s", p, n).isEqualTo(suffix);
      }
    });
  }

  @Test
  void invalidPatterns() {
    assertThatThrownBy(() -> Glob.compile(" ")).hasMessageContaining("empty pattern");
    assertThatThrownBy(() -> Glob.compile("a.{b,c}")).hasMessageContaining("alternatives");
    assertThatThrownBy(() -> Glob.compile(".a")).hasMessageContaining("empty name segment");
    assertThatThrownBy(() -> Glob.compile("a.")).hasMessageContaining("empty name segment");
    assertThatThrownBy(() -> Glob.compile("a\tb")).hasMessageContaining("control character");
    assertThatThrownBy(() -> Glob.compile("x".repeat(513))).hasMessageContaining("512");
  }

  /** The matcher agrees with an equivalent regular expression on random patterns and names. */
  @Test
  void agreesWithRegex() {
    Gen<String> pattern = lists().of(integers().between(0, 6)).ofSizeBetween(1, 8)
        .map(cs -> render(cs, true));
    Gen<String> name = lists().of(integers().between(0, 3)).ofSizeBetween(0, 10).map(cs -> render(cs, false));
    qt().withExamples(5000).forAll(pattern, name).checkAssert((p, n) -> {
      String lp = p.toLowerCase(Locale.ROOT);
      StringBuilder re = new StringBuilder();
      for (char c : lp.toCharArray()) {
        re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      boolean expected = Pattern.compile(re.toString(), Pattern.DOTALL).matcher(n).matches();
      boolean valid = !(p.startsWith(".") || p.endsWith(".") || p.contains(".."));
      if (valid) {
        assertThat(Glob.compile(p).matches(n)).as("%s vs %s", p, n).isEqualTo(expected);
      }
      assertThat(Glob.wildcard(lp, n)).as("%s vs %s", p, n).isEqualTo(expected);
    });
  }

  private static String render(List<Integer> codes, boolean pattern) {
    StringBuilder b = new StringBuilder();
    for (int c : codes) {
      b.append(switch (c) {
        case 0 -> 'a';
        case 1 -> 'b';
        case 2 -> '.';
        case 3 -> 'A';
        case 4 -> '*';
        case 5 -> '?';
        default -> 'b';
      });
    }
    String s = b.toString();
    return pattern ? (s.isEmpty() ? "a" : s) : s.toLowerCase(Locale.ROOT);
  }
}
