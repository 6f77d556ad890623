package org.backupcatalog.persistence.load;

import java.util.List;
import org.backupcatalog.api.AppConsistency;

/**
 * One synthetic item in the loader's own terms (the resource backed up, its disks' backups, its
 * lifecycle), from which {@link LoadedTables} writes the rows: plain values, cheaper to generate
 * than the published item.
 *
 * @param policyId null for a manual backup
 * @param copyFrom the region a replica came from, "" for an original backup
 * @param imageType {@code backup} for an original, {@code replication} for a replica
 * @param osImageId the image made from the server's backup, or null
 * @param appConsistency null when the backup was not application-consistent
 */
record Backup(
    String id,
    String projectId,
    String revision,
    String name,
    String description,
    Resource resource,
    String checkpointId,
    String policyId,
    long createdAt,
    Lifecycle lifecycle,
    boolean autoTrigger,
    long averageSpeed,
    String copyFrom,
    String copyStatus,
    String imageType,
    boolean incremental,
    long sizeMb,
    long spaceSavingRatio,
    String supportedRestoreMode,
    boolean supportLld,
    AppConsistency appConsistency,
    String taskId,
    String regionName,
    List<DiskBackup> diskBackups,
    String osImageId) {

  static final String HYPERVISOR = "QEMU";

  /** One entry of the item's volume_backups, in the resource's disk order. */
  record DiskBackup(
      String id,
      Disk disk,
      long averageSpeed,
      long sizeMb,
      long spaceSavingRatio,
      String status,
      String snapshotId) {}
}
