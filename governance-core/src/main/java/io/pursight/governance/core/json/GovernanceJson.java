package io.pursight.governance.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pursight.governance.catalog.QualifiedName;
import io.pursight.governance.catalog.Tag;
import io.pursight.governance.catalog.GlossaryTerm;
import io.pursight.governance.spi.Secret;
import java.io.IOException;

/**
 * The JSON mapping PurSight uses for its store documents and command output: records as objects
 * with their components only, {@link QualifiedName}s as their canonical string, tags and glossary
 * terms as strings, instants in ISO-8601, byte arrays in base64, nulls omitted, and {@link Secret}s
 * never written.
 */
public final class GovernanceJson {
  private static final ObjectMapper MAPPER = create();

  private GovernanceJson() {}

  /** The shared, thread-safe mapper. Do not reconfigure it; {@link ObjectMapper#copy()} it instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule m = new SimpleModule("pursight");
    m.addSerializer(QualifiedName.class, new JsonSerializer<>() {
      @Override
      public void serialize(QualifiedName v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    m.addDeserializer(QualifiedName.class, new JsonDeserializer<>() {
      @Override
      public QualifiedName deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return QualifiedName.parse(p.getValueAsString());
      }
    });
    m.addKeyDeserializer(QualifiedName.class, new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext c) {
        return QualifiedName.parse(key);
      }
    });
    m.addSerializer(Tag.class, new JsonSerializer<>() {
      @Override
      public void serialize(Tag v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.name());
      }
    });
    m.addDeserializer(Tag.class, new JsonDeserializer<>() {
      @Override
      public Tag deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Tag.of(p.getValueAsString());
      }
    });
    m.addSerializer(GlossaryTerm.class, new JsonSerializer<>() {
      @Override
      public void serialize(GlossaryTerm v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.name());
      }
    });
    m.addDeserializer(GlossaryTerm.class, new JsonDeserializer<>() {
      @Override
      public GlossaryTerm deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return GlossaryTerm.of(p.getValueAsString());
      }
    });
    m.addSerializer(Secret.class, new JsonSerializer<>() {
      @Override
      public void serialize(Secret v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(m)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
