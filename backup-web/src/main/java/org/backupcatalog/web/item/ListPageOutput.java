package org.backupcatalog.web.item;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;

/**
 * A list page written to the response as its items are read: {@code {"checkpoint_items": [...],
 * "checkpoint_items_links": [...]}}, each item written to the generator field by field (no tree per
 * item) before the next is read, so that a request holds one item at a time whatever the page size.
 * The links come last, when the reader knows whether more items follow. Nothing is written before
 * the first row arrives: a refused marker or an unreachable database still becomes a whole error
 * response.
 */
final class ListPageOutput implements StreamingOutput {

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  /** Reads the page, handing each item to the consumer; true when more items follow. */
  interface PageReader {
    boolean read(Consumer<CheckpointItem> each);
  }

  private final PageReader reader;
  private final boolean withProjectId;
  private final Function<String, String> nextLinkAfter;

  /**
   * @param withProjectId whether items carry {@code project_id} (under {@code all_tenants})
   * @param nextLinkAfter the {@code next} link for a page whose last item has the given id
   */
  ListPageOutput(PageReader reader, boolean withProjectId, Function<String, String> nextLinkAfter) {
    this.reader = reader;
    this.withProjectId = withProjectId;
    this.nextLinkAfter = nextLinkAfter;
  }

  @Override
  public void write(OutputStream out) {
    String[] last = new String[1];
    JsonGenerator[] json = new JsonGenerator[1];
    boolean more =
        reader.read(
            item -> {
              if (json[0] == null) {
                json[0] = start(out);
              }
              CheckpointItemJson.write(json[0], item, withProjectId);
              last[0] = item.id();
            });
    JsonGenerator generator = json[0] == null ? start(out) : json[0];
    generator.writeEnd().writeStartArray("checkpoint_items_links");
    if (more) {
      generator
          .writeStartObject()
          .write("rel", "next")
          .write("href", nextLinkAfter.apply(last[0]))
          .writeEnd();
    }
    // Flushed, not closed: the container owns the response's stream.
    generator.writeEnd().writeEnd().flush();
  }

  private static JsonGenerator start(OutputStream out) {
    return GENERATORS
        .createGenerator(out, StandardCharsets.UTF_8)
        .writeStartObject()
        .writeStartArray("checkpoint_items");
  }
}
