package org.backupcatalog.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
   * A list page streams its items straight into a generator (Jackson's): the bytes are exactly
   * those of the tree (JSON-P's), the same keys in the same order, the same escapes and numbers,
   * with or without {@code project_id}.
   */
  @Property(tries = 500)
  void streamedWriteIsTheTreesText(
      @ForAll("anyItems") CheckpointItem item, @ForAll boolean withProjectId) {
    assertArrayEquals(
        ("[" + CheckpointItemJson.write(item, withProjectId) + "]").getBytes(UTF_8),
        streamed(item, withProjectId));
  }

  /** Written into an array by the list page's generator, in UTF-8 as a response carries it. */
  static byte[] streamed(CheckpointItem item, boolean withProjectId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = CheckpointItemJson.createGenerator(bytes)) {
      generator.writeStartArray();
      CheckpointItemJson.write(generator, item, withProjectId);
      generator.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
