package org.backupcatalog.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * The item's {@code extend_info} dictionary. {@code additional} holds the keys the contract does
 * not name (newer engines add some), kept verbatim so that a read returns what a write stored; it
 * is never null (an absent one becomes the empty object). Lists are copied to immutable lists (a
 * stored one, {@link ItemListsJson#stored}, already is, and stays unparsed); a null list stays null
 * (unset) and is written as {@code []}.
 */
public record ExtendInfo(
    Boolean autoTrigger,
    Long averageSpeed,
    String copyFrom,
    String copyStatus,
    FailCode failCode,
    String failOp,
    String failReason,
    String imageType,
    Boolean incremental,
    Long progress,
    String resourceAz,
    String resourceName,
    String resourceType,
    Long size,
    Long spaceSavingRatio,
    List<VolumeBackup> volumeBackups,
    Instant finishedAt,
    String supportedRestoreMode,
    List<ImageData> osImagesData,
    Boolean supportLld,
    AppConsistency appConsistency,
    String taskid,
    String hypervisorType,
    JsonObject additional) {

  public ExtendInfo {
    volumeBackups = volumeBackups == null ? null : StoredList.immutable(volumeBackups);
    finishedAt = Timestamps.micros(finishedAt);
    osImagesData = osImagesData == null ? null : StoredList.immutable(osImagesData);
    additional = additional == null ? JsonValue.EMPTY_JSON_OBJECT : additional;
  }
}
