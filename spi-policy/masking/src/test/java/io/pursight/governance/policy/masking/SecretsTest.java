package io.pursight.governance.policy.masking;

import static io.pursight.governance.policy.masking.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pursight.governance.ConfigurationException;
import io.pursight.governance.spi.MaskingFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys: a missing secret is a clear ConfigurationException naming the function and the reference;
 * key values never appear in messages; secrets are resolved once per resolver and reference and
 * re-resolved after {@link MaskingPlugin#invalidateKeys()}.
 */
class SecretsTest {

  @Test
  void aMissingSecretNamesTheFunctionAndTheReference() {
    for (String function : new String[] {"hash", "tokenize", "fpe"}) {
      MaskingFunction f = new MaskingPlugin().function(function);
      assertThatThrownBy(() -> f.mask("4111111111111111", params("key", "env:NOT_SET"), new Fixtures.Secrets()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("masking function " + function)
          .hasMessageContaining("env:NOT_SET")
          .hasMessageContaining("is not set")
          .hasMessageNotContaining("4111111111111111");
    }
    MaskingFunction noise = new MaskingPlugin().function("noise");
    assertThatThrownBy(() -> noise.mask(5, params("scale", "1", "key", "env:NOT_SET"), new Fixtures.Secrets()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("env:NOT_SET");
  }

  @Test
  void withoutAResolverTheKeyCannotBeRead() {
    assertThatThrownBy(() -> Fixtures.fn("hash").mask("x", params("key", Fixtures.KEY_REF), null))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs a SecretResolver");
  }

  @Test
  void nullValuesNeedNoKey() {
    assertThat(Fixtures.fn("hash").mask(null, params("key", "env:NOT_SET"), new Fixtures.Secrets())).isNull();
  }

  @Test
  void weakOrMalformedKeysAreRefusedWithoutShowingThem() {
    Fixtures.Secrets s = new Fixtures.Secrets().with("env:SHORT", "tooShort123")
        .with("env:BADHEX", "zz" + "0".repeat(40)).with("env:EMPTY", "").with("env:BADB64", "!!!!notbase64secret!!!!");
    MaskingFunction hash = new MaskingPlugin().function("hash");
    assertThatThrownBy(() -> hash.mask("x", params("key", "env:SHORT"), s)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("shorter than 16 bytes").hasMessageNotContaining("tooShort123");
    assertThatThrownBy(() -> hash.mask("x", params("key", "env:BADHEX", "keyEncoding", "hex"), s))
        .hasMessageContaining("not valid hex").hasMessageNotContaining("zz00");
    assertThatThrownBy(() -> hash.mask("x", params("key", "env:BADB64", "keyEncoding", "base64"), s))
        .hasMessageContaining("not valid base64").hasMessageNotContaining("notbase64secret");
    assertThatThrownBy(() -> hash.mask("x", params("key", "env:EMPTY"), s)).hasMessageContaining("empty value");
  }

  @Test
  void secretsAreResolvedOncePerResolverAndReference() {
    MaskingPlugin plugin = new MaskingPlugin();
    Fixtures.Secrets s = new Fixtures.Secrets();
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    for (int i = 0; i < 1000; i++) {
      plugin.function("hash").mask("v" + i, p, s);
      plugin.function("tokenize").mask("v" + i, p, s);
      plugin.function("fpe").mask("1234567" + i, p, s);
    }
    assertThat(s.calls.get()).isEqualTo(1);
    plugin.invalidateKeys();
    plugin.function("hash").mask("v", p, s);
    assertThat(s.calls.get()).isEqualTo(2);
  }

  @Test
  void rotationTakesEffectAfterInvalidation() {
    MaskingPlugin plugin = new MaskingPlugin();
    Fixtures.Secrets s = new Fixtures.Secrets();
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    Object before = plugin.function("hash").mask("v", p, s);
    s.with(Fixtures.KEY_REF, "a-rotated-key-of-sufficient-length");
    assertThat(plugin.function("hash").mask("v", p, s)).as("cached until invalidated").isEqualTo(before);
    plugin.invalidateKeys();
    assertThat(plugin.function("hash").mask("v", p, s)).isNotEqualTo(before);
  }

  @Test
  void eachResolverHasItsOwnKeys() {
    MaskingFunction hash = new MaskingPlugin().function("hash");
    Map<String, String> p = params("key", Fixtures.KEY_REF);
    Object a = hash.mask("v", p, new Fixtures.Secrets());
    Object b = hash.mask("v", p, new Fixtures.Secrets().with(Fixtures.KEY_REF, "a-different-key-for-this-runtime"));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void keyEncodingsDecodeToTheSameBytes() {
    // "0123456789abcdef0123456789abcdef" as text, hex and base64.
    String text = "0123456789abcdef0123456789abcdef";
    String hex = java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String b64 = java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Fixtures.Secrets s = new Fixtures.Secrets().with("env:T", text).with("env:H", hex).with("env:B", b64);
    MaskingFunction hash = new MaskingPlugin().function("hash");
    Object t = hash.mask("v", params("key", "env:T"), s);
    assertThat(hash.mask("v", params("key", "env:H", "keyEncoding", "hex"), s)).isEqualTo(t);
    assertThat(hash.mask("v", params("key", "env:B", "keyEncoding", "base64"), s)).isEqualTo(t);
  }

  @Test
  void keysDoNotShowInToString() {
    Keys.Material m = new Keys().get("hash", Fixtures.KEY_REF, Keys.Encoding.UTF8, Fixtures.SECRETS);
    assertThat(m.toString()).doesNotContain(Fixtures.KEY).contains("bytes");
  }
}
