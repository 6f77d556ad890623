package org.backupcatalog.persistence.item;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;
import java.time.LocalDateTime;

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
}
