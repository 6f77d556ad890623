package org.backupcatalog.api;

import java.util.Set;

/** {@code extend_info}, keys in the seed table's order. */
final class ExtendInfoJson {

  static final String AUTO_TRIGGER = "auto_trigger";
  static final String AVERAGE_SPEED = "average_speed";
  static final String COPY_FROM = "copy_from";
  static final String COPY_STATUS = "copy_status";
  static final String FAIL_CODE = "fail_code";
  static final String FAIL_OP = "fail_op";
  static final String FAIL_REASON = "fail_reason";
  static final String IMAGE_TYPE = "image_type";
  static final String INCREMENTAL = "incremental";
  static final String PROGRESS = "progress";
  static final String RESOURCE_AZ = "resource_az";
  static final String RESOURCE_NAME = "resource_name";
  static final String RESOURCE_TYPE = "resource_type";
  static final String SIZE = "size";
  static final String SPACE_SAVING_RATIO = "space_saving_ratio";
  static final String VOLUME_BACKUPS = "volume_backups";
  static final String FINISHED_AT = "finished_at";
  static final String SUPPORTED_RESTORE_MODE = "supported_restore_mode";
  static final String OS_IMAGES_DATA = "os_images_data";
  static final String SUPPORT_LLD = "support_lld";
  static final String APP_CONSISTENCY = "app_consistency";
  static final String TASKID = "taskid";
  static final String HYPERVISOR_TYPE = "hypervisor_type";
  static final Set<String> KNOWN =
      Set.of(
          AUTO_TRIGGER,
          AVERAGE_SPEED,
          COPY_FROM,
          COPY_STATUS,
          FAIL_CODE,
          FAIL_OP,
          FAIL_REASON,
          IMAGE_TYPE,
          INCREMENTAL,
          PROGRESS,
          RESOURCE_AZ,
          RESOURCE_NAME,
          RESOURCE_TYPE,
          SIZE,
          SPACE_SAVING_RATIO,
          VOLUME_BACKUPS,
          FINISHED_AT,
          SUPPORTED_RESTORE_MODE,
          OS_IMAGES_DATA,
          SUPPORT_LLD,
          APP_CONSISTENCY,
          TASKID,
          HYPERVISOR_TYPE);

  /** What an unset {@code extend_info} is written as: every known key, unset. */
  static final ExtendInfo UNSET =
      new ExtendInfo(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null);

  private ExtendInfoJson() {}

  static ExtendInfo read(FieldReader in) {
    return new ExtendInfo(
        in.bool(AUTO_TRIGGER),
        in.integer(AVERAGE_SPEED),
        in.string(COPY_FROM),
        in.string(COPY_STATUS),
        in.object(FAIL_CODE, FailCodeJson::read),
        in.string(FAIL_OP),
        in.string(FAIL_REASON),
        in.string(IMAGE_TYPE),
        in.bool(INCREMENTAL),
        in.integer(PROGRESS),
        in.string(RESOURCE_AZ),
        in.string(RESOURCE_NAME),
        in.string(RESOURCE_TYPE),
        in.integer(SIZE),
        in.integer(SPACE_SAVING_RATIO),
        in.list(VOLUME_BACKUPS, VolumeBackupJson::read),
        in.time(FINISHED_AT),
        in.string(SUPPORTED_RESTORE_MODE),
        in.list(OS_IMAGES_DATA, ImageDataJson::read),
        in.bool(SUPPORT_LLD),
        in.object(APP_CONSISTENCY, AppConsistencyJson::read),
        in.string(TASKID),
        in.string(HYPERVISOR_TYPE),
        in.additional(KNOWN));
  }

  static void write(FieldWriter out, ExtendInfo info) {
    ExtendInfo e = info == null ? UNSET : info;
    out.bool(AUTO_TRIGGER, e.autoTrigger())
        .integer(AVERAGE_SPEED, e.averageSpeed())
        .string(COPY_FROM, e.copyFrom())
        .string(COPY_STATUS, e.copyStatus())
        .object(FAIL_CODE, e.failCode(), FailCodeJson::write)
        .string(FAIL_OP, e.failOp())
        .string(FAIL_REASON, e.failReason())
        .string(IMAGE_TYPE, e.imageType())
        .bool(INCREMENTAL, e.incremental())
        .integer(PROGRESS, e.progress())
        .string(RESOURCE_AZ, e.resourceAz())
        .string(RESOURCE_NAME, e.resourceName())
        .string(RESOURCE_TYPE, e.resourceType())
        .integer(SIZE, e.size())
        .integer(SPACE_SAVING_RATIO, e.spaceSavingRatio())
        .list(VOLUME_BACKUPS, e.volumeBackups(), VolumeBackupJson::write)
        .time(FINISHED_AT, e.finishedAt())
        .string(SUPPORTED_RESTORE_MODE, e.supportedRestoreMode())
        .list(OS_IMAGES_DATA, e.osImagesData(), ImageDataJson::write)
        .bool(SUPPORT_LLD, e.supportLld())
        .object(APP_CONSISTENCY, e.appConsistency(), AppConsistencyJson::write)
        .string(TASKID, e.taskid())
        .string(HYPERVISOR_TYPE, e.hypervisorType())
        .additional(e.additional(), KNOWN);
  }
}
