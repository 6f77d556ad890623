package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Selection;
import java.time.LocalDateTime;
import java.util.List;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ItemListsJson;

/** The scalar fields of an item's {@code extend_info}, its fail code and app consistency. */
@Embeddable
@Access(AccessType.FIELD)
public class ExtendInfoColumns {

  @Column(name = "auto_trigger")
  Boolean autoTrigger;

  @Column(name = "average_speed")
  Long averageSpeed;

  @Column(name = "copy_from")
  String copyFrom;

  @Column(name = "copy_status")
  String copyStatus;

  @Column(name = "fail_code")
  String failCode;

  @Column(name = "fail_description")
  String failDescription;

  @Column(name = "fail_op")
  String failOp;

  @Column(name = "fail_reason")
  String failReason;

  @Column(name = "image_type")
  String imageType;

  Boolean incremental;

  Long progress;

  @Column(name = "resource_az")
  String resourceAz;

  @Column(name = "resource_name")
  String resourceName;

  @Column(name = "resource_name_folded")
  String resourceNameFolded;

  @Column(name = "extend_resource_type")
  String resourceType;

  @Column(name = "size_mb")
  Long size;

  @Column(name = "space_saving_ratio")
  Long spaceSavingRatio;

  @Column(name = "finished_at")
  LocalDateTime finishedAt;

  @Column(name = "supported_restore_mode")
  String supportedRestoreMode;

  @Column(name = "support_lld")
  Boolean supportLld;

  @Column(name = "has_app_consistency", nullable = false)
  boolean hasAppConsistency;

  @Column(name = "app_consistency")
  Long appConsistency;

  @Column(name = "app_consistency_status")
  Long appConsistencyStatus;

  @Column(name = "app_consistency_error_code")
  String appConsistencyErrorCode;

  @Column(name = "app_consistency_error_message")
  String appConsistencyErrorMessage;

  String taskid;

  @Column(name = "hypervisor_type")
  String hypervisorType;

  @Lob
  @Column(name = "extend_info_extra")
  String extra;

  /** For JPA, and for a row whose extend_info columns are all NULL. */
  protected ExtendInfoColumns() {}

  /**
   * The columns a list page reads, in the order {@link #ExtendInfoColumns(SelectedColumns)} takes
   * them: all but the folded name, which only filters read.
   */
  static List<Selection<?>> selection(Path<ExtendInfoColumns> e) {
    return List.of(
        e.get(ExtendInfoColumns_.autoTrigger),
        e.get(ExtendInfoColumns_.averageSpeed),
        e.get(ExtendInfoColumns_.copyFrom),
        e.get(ExtendInfoColumns_.copyStatus),
        e.get(ExtendInfoColumns_.failCode),
        e.get(ExtendInfoColumns_.failDescription),
        e.get(ExtendInfoColumns_.failOp),
        e.get(ExtendInfoColumns_.failReason),
        e.get(ExtendInfoColumns_.imageType),
        e.get(ExtendInfoColumns_.incremental),
        e.get(ExtendInfoColumns_.progress),
        e.get(ExtendInfoColumns_.resourceAz),
        e.get(ExtendInfoColumns_.resourceName),
        e.get(ExtendInfoColumns_.resourceType),
        e.get(ExtendInfoColumns_.size),
        e.get(ExtendInfoColumns_.spaceSavingRatio),
        e.get(ExtendInfoColumns_.finishedAt),
        e.get(ExtendInfoColumns_.supportedRestoreMode),
        e.get(ExtendInfoColumns_.supportLld),
        e.get(ExtendInfoColumns_.hasAppConsistency),
        e.get(ExtendInfoColumns_.appConsistency),
        e.get(ExtendInfoColumns_.appConsistencyStatus),
        e.get(ExtendInfoColumns_.appConsistencyErrorCode),
        e.get(ExtendInfoColumns_.appConsistencyErrorMessage),
        e.get(ExtendInfoColumns_.taskid),
        e.get(ExtendInfoColumns_.hypervisorType),
        e.get(ExtendInfoColumns_.extra));
  }

  /** The columns {@link #selection} selected, read from {@code in}. */
  ExtendInfoColumns(SelectedColumns in) {
    autoTrigger = in.next();
    averageSpeed = in.next();
    copyFrom = in.next();
    copyStatus = in.next();
    failCode = in.next();
    failDescription = in.next();
    failOp = in.next();
    failReason = in.next();
    imageType = in.next();
    incremental = in.next();
    progress = in.next();
    resourceAz = in.next();
    resourceName = in.next();
    resourceType = in.next();
    size = in.next();
    spaceSavingRatio = in.next();
    finishedAt = in.next();
    supportedRestoreMode = in.next();
    supportLld = in.next();
    hasAppConsistency = in.next();
    appConsistency = in.next();
    appConsistencyStatus = in.next();
    appConsistencyErrorCode = in.next();
    appConsistencyErrorMessage = in.next();
    taskid = in.next();
    hypervisorType = in.next();
    extra = in.next();
  }

  ExtendInfoColumns(ExtendInfo e) {
    autoTrigger = e.autoTrigger();
    averageSpeed = e.averageSpeed();
    copyFrom = e.copyFrom();
    copyStatus = e.copyStatus();
    failCode = e.failCode() == null ? null : e.failCode().code();
    failDescription = e.failCode() == null ? null : e.failCode().description();
    failOp = e.failOp();
    failReason = e.failReason();
    imageType = e.imageType();
    incremental = e.incremental();
    progress = e.progress();
    resourceAz = e.resourceAz();
    resourceName = e.resourceName();
    resourceNameFolded = e.resourceName() == null ? null : ColumnForms.fold(e.resourceName());
    resourceType = e.resourceType();
    size = e.size();
    spaceSavingRatio = e.spaceSavingRatio();
    finishedAt = ColumnForms.utc(e.finishedAt());
    supportedRestoreMode = e.supportedRestoreMode();
    supportLld = e.supportLld();
    AppConsistency a = e.appConsistency();
    hasAppConsistency = a != null;
    appConsistency = a == null ? null : a.appConsistency();
    appConsistencyStatus = a == null ? null : a.appConsistencyStatus();
    appConsistencyErrorCode = a == null ? null : a.appConsistencyErrorCode();
    appConsistencyErrorMessage = a == null ? null : a.appConsistencyErrorMessage();
    taskid = e.taskid();
    hypervisorType = e.hypervisorType();
    extra = ColumnForms.text(e.additional());
  }

  /** The stored extend_info, with the item's lists. */
  ExtendInfo extendInfo(ItemListsJson.Lists lists) {
    return new ExtendInfo(
        autoTrigger,
        averageSpeed,
        copyFrom,
        copyStatus,
        failCode == null && failDescription == null
            ? null
            : new FailCode(failCode, failDescription),
        failOp,
        failReason,
        imageType,
        incremental,
        progress,
        resourceAz,
        resourceName,
        resourceType,
        size,
        spaceSavingRatio,
        lists.volumeBackups(),
        ColumnForms.instant(finishedAt),
        supportedRestoreMode,
        lists.osImagesData(),
        supportLld,
        hasAppConsistency
            ? new AppConsistency(
                appConsistency,
                appConsistencyStatus,
                appConsistencyErrorCode,
                appConsistencyErrorMessage)
            : null,
        taskid,
        hypervisorType,
        ColumnForms.json(extra));
  }
}
