package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One checkpoint item. Times are UTC {@link LocalDateTime}s with microsecond precision, which both
 * databases store exactly. Its volume backups and images are a JSON text in its own row, so that
 * reading or writing an item touches one row. The folded copies of the searched names and {@code
 * protectedOrder} exist only to make the contract's matching and ordering plain indexable
 * comparisons.
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

  /**
   * The item's volume backups and images as one JSON text ({@link
   * org.backupcatalog.api.ItemListsJson}), NULL when it has none: no filter or sort looks inside
   * them, and in the item's own row they are read and written with it, atomically.
   */
  @Lob
  @Column(name = "item_lists")
  String lists;

  @Embedded ExtendInfoColumns extendInfo = new ExtendInfoColumns();

  @Embedded BackupDataColumns backupData = new BackupDataColumns();

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
