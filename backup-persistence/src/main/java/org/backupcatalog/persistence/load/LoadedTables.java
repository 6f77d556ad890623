package org.backupcatalog.persistence.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.ItemListsJson;
import org.backupcatalog.api.VolumeBackup;

/**
 * The table a load fills, every column the way the JPA mapping does: folded copies of the searched
 * names, {@code protected_order}, {@code has_app_consistency}, the volume backups and images as
 * JSON text, and NULL for the unknown-keys columns, which a synthetic item never has.
 */
final class LoadedTables {

  /** {@code CheckpointItemEntity.END_OF_TIME}, 9999-12-31T23:59:59.999999, in epoch micros. */
  static final long END_OF_TIME = 253_402_300_799_999_999L;

  static final LoadedTable ITEMS =
      new LoadedTable(
          "checkpoint_item",
          List.of(
              "id",
              "project_id",
              "revision",
              "name",
              "name_folded",
              "description",
              "status",
              "resource_id",
              "resource_type",
              "checkpoint_id",
              "policy_id",
              "created_at",
              "updated_at",
              "protected_at",
              "protected_order",
              "auto_trigger",
              "average_speed",
              "copy_from",
              "copy_status",
              "fail_code",
              "fail_description",
              "fail_op",
              "fail_reason",
              "image_type",
              "incremental",
              "progress",
              "resource_az",
              "resource_name",
              "resource_name_folded",
              "extend_resource_type",
              "size_mb",
              "space_saving_ratio",
              "finished_at",
              "supported_restore_mode",
              "support_lld",
              "app_consistency",
              "app_consistency_status",
              "app_consistency_error_code",
              "app_consistency_error_message",
              "has_app_consistency",
              "taskid",
              "hypervisor_type",
              "region_name",
              "cloud_service_type",
              "disk",
              "server_image_type",
              "ram",
              "vcpus",
              "eip",
              "private_ip",
              "item_lists"),
          (b, rows) -> item(rows.next(), b));

  private LoadedTables() {}

  private static void item(ColumnValues p, Backup b) {
    Resource r = b.resource();
    Lifecycle life = b.lifecycle();
    Lifecycle.Failure failure = life.failure();
    AppConsistency app = b.appConsistency();
    Host host = r.host();
    p.text(b.id()).text(b.projectId()).text(b.revision()).text(b.name()).text(fold(b.name()));
    p.text(b.description()).text(life.status().wireName()).text(r.id()).text(r.type());
    p.text(b.checkpointId()).text(b.policyId()).time(b.createdAt()).time(life.updatedAt());
    p.time(life.protectedAt());
    p.time(life.protectedAt() != null ? life.protectedAt() : END_OF_TIME);
    p.flag(b.autoTrigger()).number(b.averageSpeed()).text(b.copyFrom()).text(b.copyStatus());
    p.text(failure == null ? null : failure.code().code());
    p.text(failure == null ? null : failure.code().description());
    p.text(failure == null ? "" : failure.op()).text(failure == null ? "" : failure.reason());
    p.text(b.imageType()).flag(b.incremental()).number(life.progress());
    p.text(r.az()).text(r.name()).text(fold(r.name())).text(r.type());
    p.number(b.sizeMb()).number(b.spaceSavingRatio()).time(life.finishedAt());
    p.text(b.supportedRestoreMode()).flag(b.supportLld());
    p.number(app == null ? null : app.appConsistency());
    p.number(app == null ? null : app.appConsistencyStatus());
    p.text(app == null ? null : app.appConsistencyErrorCode());
    p.text(app == null ? null : app.appConsistencyErrorMessage());
    p.flag(app != null).text(b.taskId()).text(Backup.HYPERVISOR);
    // backup_data: a volume's backup knows no server, so its strings are "" and numbers NULL,
    // which is what a PUT without backup_data stores.
    p.text(b.regionName()).text(host == null ? "" : host.cloudServiceType());
    p.number(host == null ? null : host.systemDiskGb());
    p.text(host == null ? "" : host.imageType());
    p.number(host == null ? null : host.ramMb()).number(host == null ? null : host.vcpus());
    p.text(host == null ? "" : host.eip()).text(host == null ? "" : host.privateIp());
    p.text(lists(b));
  }

  /** The item's volume backups and images in the repository's own form, the API's codec. */
  private static String lists(Backup b) {
    List<VolumeBackup> volumes = new ArrayList<>(b.diskBackups().size());
    for (Backup.DiskBackup v : b.diskBackups()) {
      Disk disk = v.disk();
      volumes.add(
          new VolumeBackup(
              v.averageSpeed(),
              disk.bootable(),
              v.id(),
              "backup",
              b.incremental(),
              b.name(),
              v.sizeMb(),
              disk.id(),
              disk.sizeGb(),
              v.spaceSavingRatio(),
              v.status(),
              disk.name(),
              v.snapshotId(),
              null));
    }
    List<ImageData> images =
        b.osImageId() == null ? List.of() : List.of(new ImageData(b.osImageId(), null));
    return ItemListsJson.write(volumes, images);
  }

  /** The contract's case-insensitivity, as {@code ColumnForms.fold} does it. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
