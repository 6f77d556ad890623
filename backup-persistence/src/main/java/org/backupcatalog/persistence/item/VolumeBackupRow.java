package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** One volume backup of an item; its position in the item's list is the row's order column. */
@Embeddable
@Access(AccessType.FIELD)
public class VolumeBackupRow {

  @Column(name = "id")
  String volumeBackupId;

  @Column(name = "average_speed")
  Long averageSpeed;

  Boolean bootable;

  @Column(name = "image_type")
  String imageType;

  Boolean incremental;

  String name;

  @Column(name = "size_mb")
  Long size;

  @Column(name = "source_volume_id")
  String sourceVolumeId;

  @Column(name = "source_volume_size")
  Long sourceVolumeSize;

  @Column(name = "space_saving_ratio")
  Long spaceSavingRatio;

  String status;

  @Column(name = "source_volume_name")
  String sourceVolumeName;

  @Column(name = "snapshot_id")
  String snapshotId;

  @Lob String extra;
}
