package org.backupcatalog.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One entry of {@code extend_info.os_images_data}. {@code additional} keeps unknown keys verbatim
 * and is never null.
 */
public record ImageData(String imageId, JsonObject additional) {

  public ImageData {
    additional = additional == null ? JsonValue.EMPTY_JSON_OBJECT : additional;
  }
}
