package org.backupcatalog.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored lists ({@link ItemListsJson#stored}) are copied into a page as stored only when the stored
 * text is exactly the codec's encoding; any other text is parsed and written again, so that a page
 * is the same bytes either way.
 */
class StoredListsTest {

  @Provide
  Arbitrary<List<VolumeBackup>> volumeLists() {
    return ItemArbitraries.volumeBackups().list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<ImageData>> imageLists() {
    return ItemArbitraries.images().list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<CheckpointItem> items() {
    return ItemArbitraries.items(false);
  }

  /**
   * What the catalog stores is the canonical encoding: found so by the check that lets a page copy
   * it, and written again the same once parsed.
   */
  @Property(tries = 500)
  void storedTextIsTheCanonicalEncoding(
      @ForAll("volumeLists") List<VolumeBackup> volumes,
      @ForAll("imageLists") List<ImageData> images) {
    String text = ItemListsJson.write(volumes, images);
    Assume.that(text != null);
    ItemListsJson.Lists stored = ItemListsJson.stored(text);
    // Except a text with an unpaired surrogate: a page writes that as '?', so it is not copied.
    boolean copied = JsonValues.encodable(text).equals(text);
    assertEquals(copied, ((StoredList<?>) stored.volumeBackups()).text() != null, text);
    assertEquals(copied, ((StoredList<?>) stored.osImagesData()).text() != null, text);
    assertEquals(text, ItemListsJson.write(stored.volumeBackups(), stored.osImagesData()));
    assertEquals(volumes, stored.volumeBackups());
    assertEquals(images, stored.osImagesData());
  }

  /** An item read from its row streams the very bytes of the same item parsed. */
  @Property(tries = 500)
  void storedListsStreamAsTheirTree(
      @ForAll("items") CheckpointItem item, @ForAll boolean withProjectId) {
    Assume.that(item.extendInfo() != null);
    ExtendInfo e = item.extendInfo();
    CheckpointItem stored =
        withLists(
            item, ItemListsJson.stored(ItemListsJson.write(e.volumeBackups(), e.osImagesData())));
    assertArrayEquals(
        ("[" + CheckpointItemJson.write(item, withProjectId) + "]").getBytes(UTF_8),
        CheckpointItemJsonRoundTripTest.streamed(stored, withProjectId));
  }

  @Provide
  Arbitrary<List<CheckpointItem>> pages() {
    return ItemArbitraries.items(false).list().ofMinSize(40).ofMaxSize(150);
  }

  /**
   * A page of items read from their rows, in one generator as a list page writes them: the bytes of
   * their trees, across the generator's buffer (64 KB). Each page here is several buffers long (125
   * to 270 KB), and its first item's stored lists alone are larger than one.
   */
  @Property(tries = 15)
  void aPageOfStoredItemsStreamsAsTheirTrees(
      @ForAll("pages") List<CheckpointItem> items,
      @ForAll("largeVolumeLists") List<VolumeBackup> large,
      @ForAll boolean withProjectId) {
    List<CheckpointItem> page = new ArrayList<>();
    StringBuilder trees = new StringBuilder("[");
    boolean largeGiven = false;
    for (CheckpointItem item : items) {
      CheckpointItem read = item;
      CheckpointItem parsed = item;
      ExtendInfo e = item.extendInfo();
      if (e != null) {
        // The first item with lists carries the large ones.
        List<VolumeBackup> volumes = largeGiven ? e.volumeBackups() : large;
        largeGiven = true;
        parsed = withLists(item, new ItemListsJson.Lists(volumes, e.osImagesData()));
        read =
            withLists(item, ItemListsJson.stored(ItemListsJson.write(volumes, e.osImagesData())));
      }
      trees
          .append(page.isEmpty() ? "" : ",")
          .append(CheckpointItemJson.write(parsed, withProjectId));
      page.add(read);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = CheckpointItemJson.createGenerator(bytes)) {
      generator.writeStartArray();
      for (CheckpointItem item : page) {
        CheckpointItemJson.write(generator, item, withProjectId);
      }
      generator.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertArrayEquals(trees.append("]").toString().getBytes(UTF_8), bytes.toByteArray());
  }

  /** 250 to 600 volume backups: a stored text larger than the generator's buffer. */
  @Provide
  Arbitrary<List<VolumeBackup>> largeVolumeLists() {
    return ItemArbitraries.volumeBackups().list().ofMinSize(250).ofMaxSize(600);
  }

  /** Valid JSON that JSON-P would write otherwise: parsed and written in the codec's form. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"volume_backups\": [],\"os_images_data\":[]}",
        "{\"volume_backups\":[] ,\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"id\":\"a\\/b\"}],\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"id\":\"\\u0041\"}],\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"id\":\"\\u001F\"}],\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"id\":\"\\u000a\"}],\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"x\":1e3}],\"os_images_data\":[]}",
        "{\"volume_backups\":[{\"size\":-0}],\"os_images_data\":[]}",
        "{\"volume_backups\":[],\"os_images_data\":[{\"image_id\":\"i\",\"x\":1.0e1}]}",
        "{\"volume_backups\":[],\"os_images_data\":[{\"image_id\":\"i\",\"x\":0.0000001}]}",
        "{\"os_images_data\":[],\"volume_backups\":[]}",
        "{\"volume_backups\":[]}",
        "{\"volume_backups\":[],\"os_images_data\":[]} ",
        "{\"volume_backups\":[{\"id\":\"a\"}\n],\"os_images_data\":[]}"
      })
  void otherTextIsParsedAndWrittenAgain(String text) {
    ItemListsJson.Lists stored = ItemListsJson.stored(text);
    assertNull(((StoredList<?>) stored.volumeBackups()).text());
    assertNull(((StoredList<?>) stored.osImagesData()).text());
    CheckpointItem item = withLists(item(), stored);
    CheckpointItem parsed = withLists(item(), ItemListsJson.read(text));
    assertArrayEquals(
        ("[" + CheckpointItemJson.write(parsed, false) + "]").getBytes(UTF_8),
        CheckpointItemJsonRoundTripTest.streamed(item, false));
  }

  /** Escapes and numbers exactly as JSON-P writes them pass, and are copied. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u001f\\u0000ä\"",
        "-12",
        "0",
        "-0.5",
        "1.500",
        "1E+3",
        "true",
        "null",
        "{\"k\":[false,{}]}"
      })
  void theCodecsOwnFormIsCopied(String value) {
    String text =
        "{\"volume_backups\":[],\"os_images_data\":[{\"image_id\":null,\"x\":" + value + "}]}";
    assertEquals(text, ItemListsJson.write(List.of(), ItemListsJson.read(text).osImagesData()));
    assertNotNull(((StoredList<?>) ItemListsJson.stored(text).osImagesData()).text());
  }

  /**
   * A stored text with an unpaired surrogate is written again, with {@code ?} there as a JSON-P
   * text encoded by the JDK has it; a character beyond the BMP is copied, as its four UTF-8 bytes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "\uDE00\uD83D", "x\uD83D", "\uD83D\uDE00"})
  void surrogatesAreWrittenAsTheJdkEncodesThem(String value) {
    String text = "{\"volume_backups\":[],\"os_images_data\":[{\"image_id\":\"" + value + "\"}]}";
    ItemListsJson.Lists stored = ItemListsJson.stored(text);
    assertEquals(
        value.equals("\uD83D\uDE00"), ((StoredList<?>) stored.osImagesData()).text() != null);
    byte[] page = CheckpointItemJsonRoundTripTest.streamed(withLists(item(), stored), false);
    CheckpointItem parsed = withLists(item(), ItemListsJson.read(text));
    assertArrayEquals(("[" + CheckpointItemJson.write(parsed, false) + "]").getBytes(UTF_8), page);
    String asEncoded = new String(value.getBytes(UTF_8), UTF_8);
    assertTrue(new String(page, UTF_8).contains("{\"image_id\":\"" + asEncoded + "\"}"));
  }

  private static CheckpointItem item() {
    return new CheckpointItem(
        "i",
        null,
        "n",
        null,
        BackupStatus.AVAILABLE,
        "r",
        "t",
        "c",
        null,
        null,
        null,
        null,
        ExtendInfoJson.UNSET,
        null);
  }

  private static CheckpointItem withLists(CheckpointItem item, ItemListsJson.Lists lists) {
    ExtendInfo e = item.extendInfo();
    return new CheckpointItem(
        item.id(),
        item.projectId(),
        item.name(),
        item.description(),
        item.status(),
        item.resourceId(),
        item.resourceType(),
        item.checkpointId(),
        item.policyId(),
        item.createdAt(),
        item.updatedAt(),
        item.protectedAt(),
        new ExtendInfo(
            e.autoTrigger(),
            e.averageSpeed(),
            e.copyFrom(),
            e.copyStatus(),
            e.failCode(),
            e.failOp(),
            e.failReason(),
            e.imageType(),
            e.incremental(),
            e.progress(),
            e.resourceAz(),
            e.resourceName(),
            e.resourceType(),
            e.size(),
            e.spaceSavingRatio(),
            lists.volumeBackups(),
            e.finishedAt(),
            e.supportedRestoreMode(),
            lists.osImagesData(),
            e.supportLld(),
            e.appConsistency(),
            e.taskid(),
            e.hypervisorType(),
            e.additional()),
        item.backupData());
  }
}
