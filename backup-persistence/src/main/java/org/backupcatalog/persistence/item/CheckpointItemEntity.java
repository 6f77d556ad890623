package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One checkpoint item. Times are UTC {@link LocalDateTime}s with microsecond precision, which both
 * databases store exactly. Its volume backups and images are rows of their own ({@link
 * VolumeBackupRow}, {@link ImageRow}), read for a whole page at once. The folded copies of the
 * searched names and {@code protectedOrder} exist only to make the contract's matching and ordering
 * plain indexable comparisons.
 */
@Entity
@Table(name = "checkpoint_item")
@Access(AccessType.FIELD)
public class CheckpointItemEntity {

  /** Largest time the contract can write: NULL protected_at sorts as this, i.e. after all. */
  public static final LocalDateTime END_OF_TIME =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

  @Id String id;

  @Column(name = "project_id", nullable = false)
  String projectId;

  @Column(nullable = false)
  String revision;

  @Column(nullable = false)
  String name;

  @Column(name = "name_folded", nullable = false)
  String nameFolded;

  String description;

  @Column(nullable = false)
  String status;

  @Column(name = "resource_id", nullable = false)
  String resourceId;

  @Column(name = "resource_type", nullable = false)
  String resourceType;

  @Column(name = "checkpoint_id", nullable = false)
  String checkpointId;

  @Column(name = "policy_id")
  String policyId;

  @Column(name = "created_at", nullable = false)
  LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  LocalDateTime updatedAt;

  @Column(name = "protected_at")
  LocalDateTime protectedAt;

  @Column(name = "protected_order", nullable = false)
  LocalDateTime protectedOrder;

  /** How many volume backups and images the revision has; see {@link #holds}. */
  @Column(name = "volume_backup_count")
  Integer volumeBackupCount;

  @Column(name = "image_count")
  Integer imageCount;

  @Embedded ExtendInfoColumns extendInfo = new ExtendInfoColumns();

  @Embedded BackupDataColumns backupData = new BackupDataColumns();

  /**
   * Whether these child rows are this revision's own, rather than those of a write that committed
   * between reading the row and reading its children. Rows without counts are always taken.
   */
  boolean holds(List<VolumeBackupRow> volumeBackups, List<ImageRow> images) {
    if (volumeBackupCount == null || imageCount == null) {
      return true;
    }
    return volumeBackups.size() == volumeBackupCount
        && images.size() == imageCount
        && volumeBackups.stream().allMatch(v -> revision.equals(v.revision))
        && images.stream().allMatch(i -> revision.equals(i.revision));
  }

  public String getId() {
    return id;
  }

  public String getProjectId() {
    return projectId;
  }

  public String getRevision() {
    return revision;
  }
}
