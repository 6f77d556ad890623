package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import java.time.LocalDateTime;
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
