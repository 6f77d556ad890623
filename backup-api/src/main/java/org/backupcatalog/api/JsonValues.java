package org.backupcatalog.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Map;

/**
 * Jackson's generator set up to write the very text that JSON-P (Parsson) writes, so that a
 * streamed page and a tree written with {@code toString()} cannot be told apart: control characters
 * escaped with lower-case hex ({@code \u001f}), no other character escaped, numbers as JSON-P's
 * {@code toString()} spells them.
 */
final class JsonValues {

  static final JsonFactory GENERATORS =
      JsonFactory.builder()
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          // The container owns a response's stream; whoever created the target closes it.
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private JsonValues() {}

  /** Writes a JSON-P value as JSON-P's generator would. */
  static void write(JsonGenerator out, JsonValue value) throws IOException {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          out.writeFieldName(member.getKey());
          write(out, member.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonValue element : value.asJsonArray()) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(((JsonString) value).getString());
      // JSON-P writes a number as its toString(): 1.500 stays 1.500, 1E+3 stays 1E+3.
      case NUMBER -> out.writeNumber(value.toString());
      case TRUE -> out.writeBoolean(true);
      case FALSE -> out.writeBoolean(false);
      case NULL -> out.writeNull();
    }
  }
}
