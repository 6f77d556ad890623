package org.backupcatalog.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One disk's backup inside {@code extend_info.volume_backups}. {@code snapshotId} is not in the
 * seed's table but is in its example. {@code additional} keeps unknown keys verbatim and is never
 * null.
 */
public record VolumeBackup(
    Long averageSpeed,
    Boolean bootable,
    String id,
    String imageType,
    Boolean incremental,
    String name,
    Long size,
    String sourceVolumeId,
    Long sourceVolumeSize,
    Long spaceSavingRatio,
    String status,
    String sourceVolumeName,
    String snapshotId,
    JsonObject additional) {

  public VolumeBackup {
    additional = additional == null ? JsonValue.EMPTY_JSON_OBJECT : additional;
  }
}
