package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One volume backup of an item, at its position in the item's list. */
@Entity
@Table(name = "volume_backup")
@IdClass(ChildRowKey.class)
@Access(AccessType.FIELD)
public class VolumeBackupRow {

  @Id
  @Column(name = "item_id")
  String itemId;

  @Id int position;

  /** The item's revision that wrote this row. */
  String revision;

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
