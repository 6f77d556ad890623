package org.backupcatalog.web.item;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;

/**
 * A list page written to the response as its items are read: {@code {"checkpoint_items": [...],
 * "checkpoint_items_links": [...]}}, each item written to the generator field by field (no tree per
 * item) before the next is read, so that a request holds one item at a time whatever the page size.
 * The generator is the codec's ({@link CheckpointItemJson#createGenerator}): it copies the stored
 * volume backups and images instead of encoding them again. The links come last, when the reader
 * knows whether more items follow. Nothing is written before the first row arrives: a refused
 * marker or an unreachable database still becomes a whole error response.
 */
final class ListPageOutput implements StreamingOutput {

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
  public void write(OutputStream out) throws IOException {
    String[] last = new String[1];
    JsonGenerator[] json = new JsonGenerator[1];
    boolean more =
        reader.read(
            item -> {
              if (json[0] == null) {
                json[0] = startOrFail(out);
              }
              CheckpointItemJson.write(json[0], item, withProjectId);
              last[0] = item.id();
            });
    JsonGenerator generator = json[0] == null ? start(out) : json[0];
    generator.writeEndArray();
    generator.writeArrayFieldStart("checkpoint_items_links");
    if (more) {
      generator.writeStartObject();
      generator.writeStringField("rel", "next");
      generator.writeStringField("href", nextLinkAfter.apply(last[0]));
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeEndObject();
    // Flushed, not closed: the container owns the response's stream.
    generator.flush();
  }

  private static JsonGenerator start(OutputStream out) throws IOException {
    JsonGenerator generator = CheckpointItemJson.createGenerator(out);
    generator.writeStartObject();
    generator.writeArrayFieldStart("checkpoint_items");
    return generator;
  }

  /** {@link #start} inside the reader's callback, which cannot throw a checked exception. */
  private static JsonGenerator startOrFail(OutputStream out) {
    try {
      return start(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
