package org.backupcatalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The codec's laws, checked through JSON text as a client would see it. */
class CheckpointItemJsonRoundTripTest {

  @Provide
  Arbitrary<CheckpointItem> canonicalItems() {
    return ItemArbitraries.items(true);
  }

  @Provide
  Arbitrary<CheckpointItem> anyItems() {
    return ItemArbitraries.items(false);
  }

  /** What is written reads back equal: values, nulls, list order and unknown keys. */
  @Property(tries = 300)
  void readInvertsWrite(@ForAll("canonicalItems") CheckpointItem item) {
    assertEquals(item, CheckpointItemJson.read(parse(CheckpointItemJson.write(item, false))));
  }

  /** {@code project_id} is written when asked, and never read back: the path decides. */
  @Property(tries = 100)
  void projectIdIsWrittenButNotRead(
      @ForAll("canonicalItems") CheckpointItem item, @ForAll String projectId) {
    JsonObject written = CheckpointItemJson.write(item.withProjectId(projectId), true);
    assertEquals(projectId, written.getString("project_id"));
    assertEquals(item, CheckpointItemJson.read(parse(written)));
  }

  /** Writing is stable whatever is unset: a second trip writes the very same text. */
  @Property(tries = 300)
  void writeIsAFixedPoint(@ForAll("anyItems") CheckpointItem item) {
    String first = CheckpointItemJson.write(item, true).toString();
    CheckpointItem back = CheckpointItemJson.read(parse(first)).withProjectId(item.projectId());
    assertEquals(first, CheckpointItemJson.write(back, true).toString());
  }

  /**
   * A list page streams its items straight into a generator: the text is exactly the tree's, the
   * same keys in the same order, with or without {@code project_id}.
   */
  @Property(tries = 300)
  void streamedWriteIsTheTreesText(
      @ForAll("anyItems") CheckpointItem item, @ForAll boolean withProjectId) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = Json.createGenerator(text)) {
      generator.writeStartArray();
      CheckpointItemJson.write(generator, item, withProjectId);
      generator.writeEnd();
    }
    assertEquals("[" + CheckpointItemJson.write(item, withProjectId) + "]", text.toString());
  }

  private static JsonObject parse(JsonObject written) {
    return parse(written.toString());
  }

  private static JsonObject parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
