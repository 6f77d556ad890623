package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.backupcatalog.api.AppConsistency;

/**
 * The inserts of a load (items, their volume backups, their images), filling every column the way
 * the JPA mapping does: folded copies of the searched names, {@code protected_order}, {@code
 * has_app_consistency}, child counts and child revisions, and NULL for the unknown-keys columns,
 * which a synthetic item never has.
 */
final class ItemInserts implements AutoCloseable {

  /** {@code CheckpointItemEntity.END_OF_TIME}, 9999-12-31T23:59:59.999999, in epoch micros. */
  static final long END_OF_TIME = 253_402_300_799_999_999L;

  private static final String ITEM =
      "INSERT INTO checkpoint_item (id, project_id, revision, name, name_folded, description,"
          + " status, resource_id, resource_type, checkpoint_id, policy_id, created_at, updated_at,"
          + " protected_at, protected_order, auto_trigger, average_speed, copy_from, copy_status,"
          + " fail_code, fail_description, fail_op, fail_reason, image_type, incremental, progress,"
          + " resource_az, resource_name, resource_name_folded, extend_resource_type, size_mb,"
          + " space_saving_ratio, finished_at, supported_restore_mode, support_lld,"
          + " app_consistency, app_consistency_status, app_consistency_error_code,"
          + " app_consistency_error_message, has_app_consistency, taskid, hypervisor_type,"
          + " region_name, cloud_service_type, disk, server_image_type, ram, vcpus, eip,"
          + " private_ip, volume_backup_count, image_count) VALUES ";
  private static final int ITEM_COLUMNS = 52;

  private static final String VOLUME_BACKUP =
      "INSERT INTO volume_backup (item_id, position, id, average_speed, bootable, image_type,"
          + " incremental, name, size_mb, source_volume_id, source_volume_size, space_saving_ratio,"
          + " status, source_volume_name, snapshot_id, revision) VALUES ";
  private static final int VOLUME_BACKUP_COLUMNS = 16;

  private static final String OS_IMAGE =
      "INSERT INTO os_image (item_id, position, image_id, revision) VALUES ";

  /** One volume backup row: the item it belongs to and its place in the item's list. */
  private record VolumeBackupRow(Backup item, int position, Backup.DiskBackup volume) {}

  private final RowBatch<Backup> items;
  private final RowBatch<VolumeBackupRow> volumeBackups;
  private final RowBatch<Backup> images;
  private long volumeBackupRows;
  private long imageRows;

  ItemInserts(Connection connection) {
    items = new RowBatch<>(connection, ITEM, ITEM_COLUMNS, ItemInserts::bindItem);
    volumeBackups =
        new RowBatch<>(
            connection, VOLUME_BACKUP, VOLUME_BACKUP_COLUMNS, ItemInserts::bindVolumeBackup);
    images =
        new RowBatch<>(
            connection,
            OS_IMAGE,
            4,
            (p, b) -> p.text(b.id()).number(0).text(b.osImageId()).text(b.revision()));
  }

  void add(Backup b) {
    items.add(b);
    int position = 0;
    for (Backup.DiskBackup v : b.diskBackups()) {
      volumeBackups.add(new VolumeBackupRow(b, position++, v));
      volumeBackupRows++;
    }
    if (b.osImageId() != null) {
      images.add(b);
      imageRows++;
    }
  }

  private static void bindItem(Parameters p, Backup b) throws SQLException {
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
    // The child counts, and each child row's revision below, let a reader see that it read one
    // revision's rows (V2 migration), as for rows the repository writes.
    p.number(b.diskBackups().size()).number(b.osImageId() == null ? 0 : 1);
  }

  private static void bindVolumeBackup(Parameters p, VolumeBackupRow row) throws SQLException {
    Backup b = row.item();
    Backup.DiskBackup v = row.volume();
    Disk disk = v.disk();
    p.text(b.id()).number(row.position()).text(v.id()).number(v.averageSpeed());
    p.flag(disk.bootable()).text("backup").flag(b.incremental()).text(b.name());
    p.number(v.sizeMb()).text(disk.id()).number(disk.sizeGb()).number(v.spaceSavingRatio());
    p.text(v.status()).text(disk.name()).text(v.snapshotId()).text(b.revision());
  }

  /** The contract's case-insensitivity, as {@code CheckpointItemRows.fold} does it. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Sends the pending rows, items first for the child rows' foreign keys. */
  void flush() throws SQLException {
    items.flush();
    volumeBackups.flush();
    images.flush();
  }

  long volumeBackupRows() {
    return volumeBackupRows;
  }

  long imageRows() {
    return imageRows;
  }

  @Override
  public void close() throws SQLException {
    try (RowBatch<Backup> a = items;
        RowBatch<VolumeBackupRow> b = volumeBackups;
        RowBatch<Backup> c = images) {
      // closes all three, even when one fails
    }
  }
}
