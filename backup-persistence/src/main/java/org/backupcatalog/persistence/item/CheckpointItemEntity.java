package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Selection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ItemListsJson;
import org.backupcatalog.domain.query.Scope;

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

  @Embedded ExtendInfoColumns extendInfo;

  @Embedded BackupDataColumns backupData;

  /** For JPA. */
  protected CheckpointItemEntity() {}

  /** A new row holding {@code item}, at {@code revision}. */
  CheckpointItemEntity(CheckpointItem item, String revision) {
    replaceWith(item, revision);
  }

  /**
   * Becomes {@code item} at {@code revision}, every column at once. Only the entity's own code
   * writes its fields, so that EclipseLink's woven change tracking sees every change.
   */
  void replaceWith(CheckpointItem item, String revision) {
    id = item.id();
    projectId = item.projectId();
    this.revision = revision;
    name = item.name();
    nameFolded = ColumnForms.fold(item.name());
    description = item.description();
    status = item.status().wireName();
    resourceId = item.resourceId();
    resourceType = item.resourceType();
    checkpointId = item.checkpointId();
    policyId = item.policyId();
    createdAt = ColumnForms.utc(item.createdAt());
    updatedAt = ColumnForms.utc(item.updatedAt());
    protectedAt = ColumnForms.utc(item.protectedAt());
    protectedOrder = protectedAt != null ? protectedAt : END_OF_TIME;
    lists =
        ItemListsJson.write(item.extendInfo().volumeBackups(), item.extendInfo().osImagesData());
    extendInfo = new ExtendInfoColumns(item.extendInfo());
    backupData = new BackupDataColumns(item.backupData());
  }

  /**
   * The item this row holds, field for field. Its lists stay the stored text until something reads
   * them ({@link ItemListsJson#stored}): a list page copies that text into the response.
   */
  CheckpointItem item() {
    // EclipseLink reads an embedded object whose columns are all NULL as null.
    ExtendInfoColumns e = extendInfo == null ? new ExtendInfoColumns() : extendInfo;
    BackupDataColumns b = backupData == null ? new BackupDataColumns() : backupData;
    return new CheckpointItem(
        id,
        projectId,
        name,
        description,
        BackupStatus.fromWireName(status).orElseThrow(),
        resourceId,
        resourceType,
        checkpointId,
        policyId,
        ColumnForms.instant(createdAt),
        ColumnForms.instant(updatedAt),
        ColumnForms.instant(protectedAt),
        e.extendInfo(ItemListsJson.stored(lists)),
        b.backupData());
  }

  /**
   * The columns a list page reads, in the order {@link #item(SelectedColumns)} takes them: what
   * {@link #item()} reads, without the entity. EclipseLink builds an entity per row even when
   * nothing caches or tracks it; selected columns come back as they are read.
   */
  static List<Selection<?>> pageSelection(Path<CheckpointItemEntity> item) {
    List<Selection<?>> columns =
        new ArrayList<>(
            List.of(
                item.get(CheckpointItemEntity_.id),
                item.get(CheckpointItemEntity_.projectId),
                item.get(CheckpointItemEntity_.name),
                item.get(CheckpointItemEntity_.description),
                item.get(CheckpointItemEntity_.status),
                item.get(CheckpointItemEntity_.resourceId),
                item.get(CheckpointItemEntity_.resourceType),
                item.get(CheckpointItemEntity_.checkpointId),
                item.get(CheckpointItemEntity_.policyId),
                item.get(CheckpointItemEntity_.createdAt),
                item.get(CheckpointItemEntity_.updatedAt),
                item.get(CheckpointItemEntity_.protectedAt),
                item.get(CheckpointItemEntity_.lists)));
    columns.addAll(ExtendInfoColumns.selection(item.get(CheckpointItemEntity_.extendInfo)));
    columns.addAll(BackupDataColumns.selection(item.get(CheckpointItemEntity_.backupData)));
    return columns;
  }

  /** The item a row of {@link #pageSelection} holds, as {@link #item()} makes it. */
  static CheckpointItem item(SelectedColumns in) {
    CheckpointItemEntity row = new CheckpointItemEntity();
    row.id = in.next();
    row.projectId = in.next();
    row.name = in.next();
    row.description = in.next();
    row.status = in.next();
    row.resourceId = in.next();
    row.resourceType = in.next();
    row.checkpointId = in.next();
    row.policyId = in.next();
    row.createdAt = in.next();
    row.updatedAt = in.next();
    row.protectedAt = in.next();
    row.lists = in.next();
    row.extendInfo = new ExtendInfoColumns(in);
    row.backupData = new BackupDataColumns(in);
    if (!in.isRead()) {
      throw new IllegalStateException("The page selected columns that no field takes");
    }
    return row.item();
  }

  /** Whether a reader in {@code scope} may see this item. */
  boolean isIn(Scope scope) {
    return scope.includes(projectId);
  }

  String projectId() {
    return projectId;
  }

  /** The revision that wrote the row: the item's entity tag. */
  String revision() {
    return revision;
  }
}
