package org.backupcatalog.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * The two lists of {@code extend_info} ({@code volume_backups} and {@code os_images_data}) as one
 * JSON text, in the wire form of their entries: how the catalog stores them beside the item's
 * columns, since no filter or sort looks inside them. Entries keep their order and unknown keys.
 */
public final class ItemListsJson {

  /** An item's volume backups and images, never null, in list order. */
  public record Lists(List<VolumeBackup> volumeBackups, List<ImageData> osImagesData) {

    public static final Lists EMPTY = new Lists(List.of(), List.of());

    public Lists {
      volumeBackups = volumeBackups == null ? List.of() : StoredList.immutable(volumeBackups);
      osImagesData = osImagesData == null ? List.of() : StoredList.immutable(osImagesData);
    }
  }

  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private ItemListsJson() {}

  /** The lists as text; null when both are empty or unset, which {@link #read} reads back. */
  public static String write(List<VolumeBackup> volumeBackups, List<ImageData> osImagesData) {
    boolean noVolumes = volumeBackups == null || volumeBackups.isEmpty();
    boolean noImages = osImagesData == null || osImagesData.isEmpty();
    if (noVolumes && noImages) {
      return null;
    }
    return FieldWriter.object(
            null,
            (out, none) ->
                out.list(ExtendInfoJson.VOLUME_BACKUPS, volumeBackups, VolumeBackupJson::write)
                    .list(ExtendInfoJson.OS_IMAGES_DATA, osImagesData, ImageDataJson::write))
        .toString();
  }

  /**
   * The lists of a stored text, parsed when first read (strictly, as {@link #read} does). A list
   * page never reads them: {@link
   * CheckpointItemJson#write(com.fasterxml.jackson.core.JsonGenerator, CheckpointItem, boolean)}
   * copies the stored text when it is in the codec's form, and parses and encodes it again only
   * when not.
   */
  public static Lists stored(String text) {
    if (text == null) {
      return Lists.EMPTY;
    }
    StoredList.Source source = new StoredList.Source(text);
    int[] at = CanonicalLists.arrays(text);
    return at == null
        ? new Lists(
            new StoredList<>(source, Lists::volumeBackups, -1, -1),
            new StoredList<>(source, Lists::osImagesData, -1, -1))
        : new Lists(
            new StoredList<>(source, Lists::volumeBackups, at[0], at[1]),
            new StoredList<>(source, Lists::osImagesData, at[2], at[3]));
  }

  /**
   * Reads what {@link #write} wrote, strictly.
   *
   * @throws InvalidFieldException when the text holds a wrongly typed field
   */
  public static Lists read(String text) {
    if (text == null) {
      return Lists.EMPTY;
    }
    JsonObject object;
    try (JsonReader reader = READERS.createReader(new StringReader(text))) {
      object = reader.readObject();
    }
    FieldReader in = FieldReader.root(object);
    return new Lists(
        in.list(ExtendInfoJson.VOLUME_BACKUPS, VolumeBackupJson::read),
        in.list(ExtendInfoJson.OS_IMAGES_DATA, ImageDataJson::read));
  }
}
