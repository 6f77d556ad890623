package org.backupcatalog.persistence.item;

import static org.backupcatalog.persistence.item.CheckpointItemRows.json;
import static org.backupcatalog.persistence.item.CheckpointItemRows.text;

import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;

/** Copies volume backups and images into their child rows and back. */
final class ChildRows {

  private ChildRows() {}

  static VolumeBackupRow row(VolumeBackup v) {
    VolumeBackupRow r = new VolumeBackupRow();
    r.averageSpeed = v.averageSpeed();
    r.bootable = v.bootable();
    r.volumeBackupId = v.id();
    r.imageType = v.imageType();
    r.incremental = v.incremental();
    r.name = v.name();
    r.size = v.size();
    r.sourceVolumeId = v.sourceVolumeId();
    r.sourceVolumeSize = v.sourceVolumeSize();
    r.spaceSavingRatio = v.spaceSavingRatio();
    r.status = v.status();
    r.sourceVolumeName = v.sourceVolumeName();
    r.snapshotId = v.snapshotId();
    r.extra = text(v.additional());
    return r;
  }

  static VolumeBackup volumeBackup(VolumeBackupRow r) {
    return new VolumeBackup(
        r.averageSpeed,
        r.bootable,
        r.volumeBackupId,
        r.imageType,
        r.incremental,
        r.name,
        r.size,
        r.sourceVolumeId,
        r.sourceVolumeSize,
        r.spaceSavingRatio,
        r.status,
        r.sourceVolumeName,
        r.snapshotId,
        json(r.extra));
  }

  static ImageRow row(ImageData i) {
    ImageRow r = new ImageRow();
    r.imageId = i.imageId();
    r.extra = text(i.additional());
    return r;
  }

  static ImageData image(ImageRow r) {
    return new ImageData(r.imageId, json(r.extra));
  }
}
