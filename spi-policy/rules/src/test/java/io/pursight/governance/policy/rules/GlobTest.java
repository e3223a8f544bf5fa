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
  void fastPathsAndAnchors() {
    assertThat(Glob.compile("shop.public.customers.ssn").isLiteral()).isTrue();
    Glob prefix = Glob.compile("shop.public.*");
    assertThat(prefix.literalFirstSegment()).isEqualTo("shop");
    assertThat(prefix.literalLastSegment()).isNull();
    Glob suffix = Glob.compile("*.ssn");
    assertThat(suffix.literalFirstSegment()).isNull();
    assertThat(suffix.literalLastSegment()).isEqualTo("ssn");
    assertThat(Glob.compile("s*p.x.*").literalFirstSegment()).isNull();
    assertThat(Glob.compile("*ssn").literalLastSegment()).isNull();
    assertThat(Glob.compile("shop.**").pattern()).isEqualTo("shop.*");
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
