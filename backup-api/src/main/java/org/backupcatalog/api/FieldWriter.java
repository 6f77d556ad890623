package org.backupcatalog.api;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes one JSON object in the contract's shape: every known key present, in the order written,
 * unset values as JSON null (lists as {@code []}), integers as JSON integers. Two forms with one
 * field order, because each codec writes through this class: a tree ({@link #object}, JSON-P), and
 * a generator ({@link #streamed}, Jackson's) that a list page writes to the response without
 * building a tree per item. Both write the same text ({@link JsonValues#GENERATORS} says how).
 */
abstract class FieldWriter {

  /**
   * One factory for the codec: {@code Json.createObjectBuilder()} looks the provider up each call.
   */
  static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  /** The object {@code write} writes, as a tree. */
  static <T> JsonObject object(T value, BiConsumer<FieldWriter, T> write) {
    Tree tree = new Tree();
    write.accept(tree, value);
    return tree.builder.build();
  }

  /** A writer of the members of the object that {@code generator} has just started. */
  static FieldWriter streamed(JsonGenerator generator) {
    return new Streamed(generator);
  }

  abstract FieldWriter string(String key, String value);

  abstract FieldWriter integer(String key, Long value);

  abstract FieldWriter bool(String key, Boolean value);

  /** A member of any JSON value, as it is. */
  abstract FieldWriter value(String key, JsonValue value);

  /** A nested object, written by {@code write} (which may be handed null). */
  abstract <T> FieldWriter object(String key, T value, BiConsumer<FieldWriter, T> write);

  /** Unset lists are written {@code []}: the SDKs range over them without a null check. */
  abstract <T> FieldWriter list(String key, List<T> values, BiConsumer<FieldWriter, T> write);

  FieldWriter time(String key, Instant value) {
    return string(key, value == null ? null : Timestamps.format(value));
  }

  /**
   * Appends the unknown keys after the known ones. A key that is also a known name is skipped: the
   * typed value is the truth, and a builder would otherwise silently replace it.
   */
  FieldWriter additional(JsonObject additional, Set<String> known) {
    for (Map.Entry<String, JsonValue> member : additional.entrySet()) {
      if (!known.contains(member.getKey())) {
        value(member.getKey(), member.getValue());
      }
    }
    return this;
  }

  /** Builds a {@link JsonObject}. */
  private static final class Tree extends FieldWriter {

    private final JsonObjectBuilder builder = JSON.createObjectBuilder();

    @Override
    FieldWriter string(String key, String value) {
      if (value == null) {
        builder.addNull(key);
      } else {
        builder.add(key, value);
      }
      return this;
    }

    @Override
    FieldWriter integer(String key, Long value) {
      if (value == null) {
        builder.addNull(key);
      } else {
        builder.add(key, value.longValue());
      }
      return this;
    }

    @Override
    FieldWriter bool(String key, Boolean value) {
      if (value == null) {
        builder.addNull(key);
      } else {
        builder.add(key, value.booleanValue());
      }
      return this;
    }

    @Override
    FieldWriter value(String key, JsonValue value) {
      builder.add(key, value);
      return this;
    }

    @Override
    <T> FieldWriter object(String key, T value, BiConsumer<FieldWriter, T> write) {
      builder.add(key, FieldWriter.object(value, write));
      return this;
    }

    @Override
    <T> FieldWriter list(String key, List<T> values, BiConsumer<FieldWriter, T> write) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      if (values != null) {
        values.forEach(value -> array.add(FieldWriter.object(value, write)));
      }
      builder.add(key, array);
      return this;
    }
  }

  /**
   * Writes to a Jackson generator as it goes; Jackson because it can write a stored JSON text as a
   * value without parsing it ({@link #list} with a {@link StoredList}).
   */
  private static final class Streamed extends FieldWriter {

    private final JsonGenerator out;
    private char[] timeText;

    Streamed(JsonGenerator out) {
      this.out = out;
    }

    @Override
    FieldWriter string(String key, String value) {
      try {
        out.writeFieldName(key);
        if (value == null) {
          out.writeNull();
        } else {
          out.writeString(JsonValues.encodable(value));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /** A time's text, written by the generator from here rather than from a string. */
    @Override
    FieldWriter time(String key, Instant value) {
      if (value == null) {
        return string(key, null);
      }
      if (timeText == null) {
        timeText = new char[Timestamps.LENGTH];
      }
      Timestamps.format(value, timeText);
      try {
        out.writeFieldName(key);
        out.writeString(timeText, 0, Timestamps.LENGTH);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    FieldWriter integer(String key, Long value) {
      try {
        out.writeFieldName(key);
        if (value == null) {
          out.writeNull();
        } else {
          out.writeNumber(value.longValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    FieldWriter bool(String key, Boolean value) {
      try {
        out.writeFieldName(key);
        if (value == null) {
          out.writeNull();
        } else {
          out.writeBoolean(value.booleanValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    FieldWriter value(String key, JsonValue value) {
      try {
        // An unknown key: any text.
        out.writeFieldName(JsonValues.encodable(key));
        JsonValues.write(out, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    <T> FieldWriter object(String key, T value, BiConsumer<FieldWriter, T> write) {
      try {
        out.writeFieldName(key);
        out.writeStartObject();
        write.accept(this, value);
        out.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    @Override
    <T> FieldWriter list(String key, List<T> values, BiConsumer<FieldWriter, T> write) {
      try {
        out.writeFieldName(key);
        if (values instanceof StoredList<?> stored && stored.text() != null) {
          // The stored text is already what the loop below would write: no parse, no encoding.
          out.writeRawValue(stored.text(), stored.start(), stored.length());
          return this;
        }
        out.writeStartArray();
        if (values != null) {
          for (T value : values) {
            out.writeStartObject();
            write.accept(this, value);
            out.writeEndObject();
          }
        }
        out.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }
}
