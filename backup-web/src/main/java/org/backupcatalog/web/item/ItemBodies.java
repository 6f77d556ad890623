package org.backupcatalog.web.item;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.api.InvalidFieldException;
import org.backupcatalog.web.error.ApiError;
import org.backupcatalog.web.error.FailureClassifier;

/** The {@code {"checkpoint_item": {...}}} envelope of a single item, read and written. */
final class ItemBodies {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String ENVELOPE = "checkpoint_item";

  private ItemBodies() {}

  static JsonObject envelope(CheckpointItem item) {
    return JSON.createObjectBuilder().add(ENVELOPE, CheckpointItemJson.write(item, false)).build();
  }

  static CheckpointItem read(InputStream body) {
    JsonValue value;
    try (JsonReader reader = JSON.createReader(body)) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      // Parsson's JsonException, and its bare RuntimeException for nesting over 1,000 levels.
      throw notJson(e);
    }
    if (!(value instanceof JsonObject envelope)
        || !(envelope.get(ENVELOPE) instanceof JsonObject item)) {
      throw ApiError.invalidParameter(
          "Invalid parameter checkpoint_item: the body must be {\"checkpoint_item\": {...}}");
    }
    try {
      return CheckpointItemJson.read(item);
    } catch (InvalidFieldException e) {
      throw ApiError.invalidParameter(
          "Invalid parameter " + ENVELOPE + "." + e.field() + ": " + e.problem());
    }
  }

  /** A body cut off by the size limit is 413, not a parse error: the cause decides. */
  private static ApiError notJson(RuntimeException e) {
    ApiError cause = FailureClassifier.classify(e);
    return cause.status() == 500
        ? ApiError.invalidParameter("Invalid parameter checkpoint_item: the body is not JSON")
        : cause;
  }
}
