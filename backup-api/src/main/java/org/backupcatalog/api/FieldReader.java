package org.backupcatalog.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict, typed access to the members of one JSON object that knows its own path, so that every
 * type error names the exact field (for example {@code extend_info.volume_backups[1].size}). An
 * absent member and JSON {@code null} both read as null (unset).
 */
final class FieldReader {

  static final String INTEGER = "must be an integer";
  static final String LONG_RANGE =
      "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
  static final String TIME =
      "must be a date-time like 2017-04-18T01:21:52.701973, optionally with Z or +hh:mm";

  private final JsonObject object;
  private final String path;

  private FieldReader(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  static FieldReader root(JsonObject object) {
    return new FieldReader(object, "");
  }

  boolean isEmpty() {
    return object.isEmpty();
  }

  /** The member's value, or null when it is absent or JSON null. */
  JsonValue value(String key) {
    JsonValue value = object.get(key);
    return value == null || value.getValueType() == ValueType.NULL ? null : value;
  }

  String string(String key) {
    JsonValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.STRING) {
      throw invalid(key, "must be a string");
    }
    return ((JsonString) value).getString();
  }

  /** Integral JSON numbers only (by the scale, as JSON-P defines it): {@code 2.0} is refused. */
  Long integer(String key) {
    JsonValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      throw invalid(key, INTEGER);
    }
    try {
      return ((JsonNumber) value).longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(key, LONG_RANGE);
    }
  }

  Boolean bool(String key) {
    JsonValue value = value(key);
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      default -> throw invalid(key, "must be true or false");
    };
  }

  Instant time(String key) {
    String text = string(key);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, TIME);
    }
  }

  /** Reads a nested object with {@code read}; null when the member is unset. */
  <T> T object(String key, Function<FieldReader, T> read) {
    JsonValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.OBJECT) {
      throw invalid(key, "must be an object");
    }
    return read.apply(new FieldReader(value.asJsonObject(), pathOf(key)));
  }

  /** Reads an array of objects, each with {@code read}, keeping their order; null when unset. */
  <T> List<T> list(String key, Function<FieldReader, T> read) {
    JsonValue value = value(key);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.ARRAY) {
      throw invalid(key, "must be an array");
    }
    JsonArray array = value.asJsonArray();
    List<T> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String elementPath = pathOf(key) + "[" + i + "]";
      JsonValue element = array.get(i);
      if (element.getValueType() != ValueType.OBJECT) {
        throw new InvalidFieldException(elementPath, "must be an object");
      }
      result.add(read.apply(new FieldReader(element.asJsonObject(), elementPath)));
    }
    return result;
  }

  /** The members whose names are not in {@code known}, verbatim and in their order. */
  JsonObject additional(Set<String> known) {
    JsonObjectBuilder unknown = null;
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      if (!known.contains(member.getKey())) {
        if (unknown == null) {
          unknown = FieldWriter.JSON.createObjectBuilder();
        }
        unknown.add(member.getKey(), member.getValue());
      }
    }
    return unknown == null ? JsonValue.EMPTY_JSON_OBJECT : unknown.build();
  }

  InvalidFieldException invalid(String key, String problem) {
    return new InvalidFieldException(pathOf(key), problem);
  }

  private String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
