package org.backupcatalog.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;

/**
 * The published item a synthetic backup should read back as, written field by field from the
 * contract's names rather than from the insert's column list, so that a value bound to the wrong
 * column shows up as a difference.
 */
final class ExpectedItems {

  private ExpectedItems() {}

  static List<CheckpointItem> of(BulkLoad load) {
    SyntheticCatalog catalog = SyntheticCatalog.of(load);
    List<CheckpointItem> items = new ArrayList<>();
    catalog.forEachRemaining(b -> items.add(item(b)));
    return items;
  }

  static CheckpointItem item(Backup b) {
    Lifecycle life = b.lifecycle();
    Resource r = b.resource();
    return new CheckpointItem(
        b.id(),
        b.projectId(),
        b.name(),
        b.description(),
        life.status(),
        r.id(),
        r.type(),
        b.checkpointId(),
        b.policyId(),
        instant(b.createdAt()),
        instant(life.updatedAt()),
        instant(life.protectedAt()),
        extendInfo(b),
        backupData(b));
  }

  private static ExtendInfo extendInfo(Backup b) {
    Lifecycle life = b.lifecycle();
    Lifecycle.Failure failure = life.failure();
    FailCode failCode = failure == null ? null : failure.code();
    List<VolumeBackup> volumes =
        b.diskBackups().stream()
            .map(
                v ->
                    new VolumeBackup(
                        v.averageSpeed(),
                        v.disk().bootable(),
                        v.id(),
                        "backup",
                        b.incremental(),
                        b.name(),
                        v.sizeMb(),
                        v.disk().id(),
                        v.disk().sizeGb(),
                        v.spaceSavingRatio(),
                        v.status(),
                        v.disk().name(),
                        v.snapshotId(),
                        null))
            .toList();
    List<ImageData> images =
        b.osImageId() == null ? List.of() : List.of(new ImageData(b.osImageId(), null));
    return new ExtendInfo(
        b.autoTrigger(),
        b.averageSpeed(),
        b.copyFrom(),
        b.copyStatus(),
        failCode,
        failure == null ? "" : failure.op(),
        failure == null ? "" : failure.reason(),
        b.imageType(),
        b.incremental(),
        life.progress(),
        b.resource().az(),
        b.resource().name(),
        b.resource().type(),
        b.sizeMb(),
        b.spaceSavingRatio(),
        volumes,
        instant(life.finishedAt()),
        b.supportedRestoreMode(),
        images,
        b.supportLld(),
        b.appConsistency(),
        b.taskId(),
        "QEMU",
        null);
  }

  private static BackupData backupData(Backup b) {
    Host h = b.resource().host();
    if (h == null) {
      return new BackupData(b.regionName(), "", null, "", null, null, "", "", null);
    }
    return new BackupData(
        b.regionName(),
        h.cloudServiceType(),
        h.systemDiskGb(),
        h.imageType(),
        h.ramMb(),
        h.vcpus(),
        h.eip(),
        h.privateIp(),
        null);
  }

  static Instant instant(Long epochMicros) {
    return epochMicros == null
        ? null
        : Instant.EPOCH
            .plusSeconds(Math.floorDiv(epochMicros, 1_000_000L))
            .plusNanos(Math.floorMod(epochMicros, 1_000_000L) * 1000L);
  }
}
