package org.backupcatalog.persistence.item;

import static org.backupcatalog.persistence.item.CheckpointItemRows.json;
import static org.backupcatalog.persistence.item.CheckpointItemRows.text;

import java.util.List;
import java.util.stream.IntStream;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;

/** Copies an item's volume backups and images into their child rows and back, in order. */
final class ChildRows {

  private ChildRows() {}

  static List<VolumeBackupRow> volumeBackupRows(CheckpointItem item, String revision) {
    List<VolumeBackup> volumes = item.extendInfo().volumeBackups();
    return IntStream.range(0, volumes.size())
        .mapToObj(k -> row(item.id(), revision, k, volumes.get(k)))
        .toList();
  }

  static List<ImageRow> imageRows(CheckpointItem item, String revision) {
    List<ImageData> images = item.extendInfo().osImagesData();
    return IntStream.range(0, images.size())
        .mapToObj(k -> row(item.id(), revision, k, images.get(k)))
        .toList();
  }

  private static VolumeBackupRow row(String itemId, String revision, int position, VolumeBackup v) {
    VolumeBackupRow r = new VolumeBackupRow();
    r.itemId = itemId;
    r.revision = revision;
    r.position = position;
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

  private static ImageRow row(String itemId, String revision, int position, ImageData i) {
    ImageRow r = new ImageRow();
    r.itemId = itemId;
    r.revision = revision;
    r.position = position;
    r.imageId = i.imageId();
    r.extra = text(i.additional());
    return r;
  }

  static ImageData image(ImageRow r) {
    return new ImageData(r.imageId, json(r.extra));
  }
}
