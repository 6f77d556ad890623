package org.backupcatalog.api;

import java.util.Set;

/** One {@code volume_backups} entry, keys in the seed table's order plus {@code snapshot_id}. */
final class VolumeBackupJson {

  static final String AVERAGE_SPEED = "average_speed";
  static final String BOOTABLE = "bootable";
  static final String ID = "id";
  static final String IMAGE_TYPE = "image_type";
  static final String INCREMENTAL = "incremental";
  static final String NAME = "name";
  static final String SIZE = "size";
  static final String SOURCE_VOLUME_ID = "source_volume_id";
  static final String SOURCE_VOLUME_SIZE = "source_volume_size";
  static final String SPACE_SAVING_RATIO = "space_saving_ratio";
  static final String STATUS = "status";
  static final String SOURCE_VOLUME_NAME = "source_volume_name";
  static final String SNAPSHOT_ID = "snapshot_id";
  static final Set<String> KNOWN =
      Set.of(
          AVERAGE_SPEED,
          BOOTABLE,
          ID,
          IMAGE_TYPE,
          INCREMENTAL,
          NAME,
          SIZE,
          SOURCE_VOLUME_ID,
          SOURCE_VOLUME_SIZE,
          SPACE_SAVING_RATIO,
          STATUS,
          SOURCE_VOLUME_NAME,
          SNAPSHOT_ID);

  private VolumeBackupJson() {}

  static VolumeBackup read(FieldReader in) {
    return new VolumeBackup(
        in.integer(AVERAGE_SPEED),
        in.bool(BOOTABLE),
        in.string(ID),
        in.string(IMAGE_TYPE),
        in.bool(INCREMENTAL),
        in.string(NAME),
        in.integer(SIZE),
        in.string(SOURCE_VOLUME_ID),
        in.integer(SOURCE_VOLUME_SIZE),
        in.integer(SPACE_SAVING_RATIO),
        in.string(STATUS),
        in.string(SOURCE_VOLUME_NAME),
        in.string(SNAPSHOT_ID),
        in.additional(KNOWN));
  }

  static void write(FieldWriter out, VolumeBackup volume) {
    out.integer(AVERAGE_SPEED, volume.averageSpeed())
        .bool(BOOTABLE, volume.bootable())
        .string(ID, volume.id())
        .string(IMAGE_TYPE, volume.imageType())
        .bool(INCREMENTAL, volume.incremental())
        .string(NAME, volume.name())
        .integer(SIZE, volume.size())
        .string(SOURCE_VOLUME_ID, volume.sourceVolumeId())
        .integer(SOURCE_VOLUME_SIZE, volume.sourceVolumeSize())
        .integer(SPACE_SAVING_RATIO, volume.spaceSavingRatio())
        .string(STATUS, volume.status())
        .string(SOURCE_VOLUME_NAME, volume.sourceVolumeName())
        .string(SNAPSHOT_ID, volume.snapshotId())
        .additional(volume.additional(), KNOWN);
  }
}
