package org.backupcatalog.web.demo;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;

/**
 * The hand-made items of the demo projects, easy to read in a {@code curl} answer: a policy run of
 * two servers in which a third failed, a manual volume backup, a backup still being made, and a
 * replica from another region. They are written as the API shows them ({@code demo-items.json}),
 * once per project with the project's letter in ids and addresses ({@code demo-a-0001}, ...), and
 * are newer than the generated items, so that they head every default listing.
 */
final class DemoItems {

  static final String TEMPLATE = "demo-items.json";

  private DemoItems() {}

  /** The items of the {@code index}-th demo project, as a PUT body would carry them. */
  static List<CheckpointItem> of(int index) {
    String letter = Character.toString('a' + index);
    int octet = 10 * (index + 1);
    String json =
        template()
            .replace("{p}", letter)
            .replace("{n}", Integer.toString(octet + 1))
            .replace("{m}", Integer.toString(octet + 2))
            .replace("{o}", Integer.toString(octet + 3));
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray().stream()
          .map(JsonValue::asJsonObject)
          .map(CheckpointItemJson::read)
          .toList();
    }
  }

  private static String template() {
    try (InputStream in = DemoItems.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
