package org.backupcatalog.persistence.item;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** How the item's values are held in columns: folded names, UTC wall clocks, JSON text. */
final class ColumnForms {

  /** One factory: {@code Json.createReader} looks the JSON-P provider up on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private ColumnForms() {}

  /** The contract's case-insensitivity, independent of the database's locale. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Unknown JSON keys as text; none are stored as NULL. */
  static String text(JsonObject keys) {
    return keys == null || keys.isEmpty() ? null : keys.toString();
  }

  static JsonObject json(String text) {
    if (text == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
