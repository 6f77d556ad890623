package org.backupcatalog.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds one JSON object in the contract's shape: every known key present, in the order written,
 * unset values as JSON null (lists as {@code []}), integers as JSON integers.
 */
final class FieldWriter {

  /**
   * One factory for the codec: {@code Json.createObjectBuilder()} looks the provider up each call.
   */
  static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private final JsonObjectBuilder builder = JSON.createObjectBuilder();

  FieldWriter string(String key, String value) {
    if (value == null) {
      builder.addNull(key);
    } else {
      builder.add(key, value);
    }
    return this;
  }

  FieldWriter integer(String key, Long value) {
    if (value == null) {
      builder.addNull(key);
    } else {
      builder.add(key, value.longValue());
    }
    return this;
  }

  FieldWriter bool(String key, Boolean value) {
    if (value == null) {
      builder.addNull(key);
    } else {
      builder.add(key, value.booleanValue());
    }
    return this;
  }

  FieldWriter time(String key, Instant value) {
    return string(key, value == null ? null : Timestamps.format(value));
  }

  FieldWriter object(String key, JsonObject value) {
    builder.add(key, value);
    return this;
  }

  /** Unset lists are written {@code []}: the SDKs range over them without a null check. */
  <T> FieldWriter list(String key, List<T> values, Function<T, JsonObject> write) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    if (values != null) {
      values.forEach(value -> array.add(write.apply(value)));
    }
    builder.add(key, array);
    return this;
  }

  /**
   * Appends the unknown keys after the known ones. A key that is also a known name is skipped: the
   * typed value is the truth, and a builder would otherwise silently replace it.
   */
  FieldWriter additional(JsonObject additional, Set<String> known) {
    for (Map.Entry<String, JsonValue> member : additional.entrySet()) {
      if (!known.contains(member.getKey())) {
        builder.add(member.getKey(), member.getValue());
      }
    }
    return this;
  }

  JsonObject build() {
    return builder.build();
  }
}
