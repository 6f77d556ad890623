package org.backupcatalog.domain.item;

import java.util.List;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;
import org.backupcatalog.domain.InvalidParameterException;

/**
 * The longest text each stored field takes, in code points as the contract counts. Checked before
 * anything is written, so that an over-long value is a 400 naming the field, never a database
 * error.
 */
final class TextLimits {

  static final int SHORT = 255;
  static final int LONG = 4096;

  private TextLimits() {}

  static void check(CheckpointItem item) {
    String b = CheckpointItemDefaults.BODY;
    max(b + "name", item.name(), SHORT);
    max(b + "description", item.description(), LONG);
    max(b + "resource_id", item.resourceId(), SHORT);
    max(b + "resource_type", item.resourceType(), SHORT);
    max(b + "checkpoint_id", item.checkpointId(), SHORT);
    max(b + "policy_id", item.policyId(), SHORT);
    if (item.extendInfo() != null) {
      check(b + "extend_info.", item.extendInfo());
    }
    if (item.backupData() != null) {
      check(b + "backup_data.", item.backupData());
    }
  }

  private static void check(String p, ExtendInfo e) {
    max(p + "copy_from", e.copyFrom(), SHORT);
    max(p + "copy_status", e.copyStatus(), SHORT);
    max(p + "fail_op", e.failOp(), SHORT);
    max(p + "fail_reason", e.failReason(), LONG);
    max(p + "image_type", e.imageType(), SHORT);
    max(p + "resource_az", e.resourceAz(), SHORT);
    max(p + "resource_name", e.resourceName(), SHORT);
    max(p + "resource_type", e.resourceType(), SHORT);
    max(p + "supported_restore_mode", e.supportedRestoreMode(), SHORT);
    max(p + "taskid", e.taskid(), SHORT);
    max(p + "hypervisor_type", e.hypervisorType(), SHORT);
    FailCode f = e.failCode();
    if (f != null) {
      max(p + "fail_code.Code", f.code(), SHORT);
      max(p + "fail_code.Description", f.description(), LONG);
    }
    AppConsistency a = e.appConsistency();
    if (a != null) {
      max(p + "app_consistency.app_consistency_error_code", a.appConsistencyErrorCode(), SHORT);
      max(
          p + "app_consistency.app_consistency_error_message",
          a.appConsistencyErrorMessage(),
          LONG);
    }
    List<VolumeBackup> volumes = e.volumeBackups() == null ? List.of() : e.volumeBackups();
    for (int i = 0; i < volumes.size(); i++) {
      check(p + "volume_backups[" + i + "].", volumes.get(i));
    }
    List<ImageData> images = e.osImagesData() == null ? List.of() : e.osImagesData();
    for (int i = 0; i < images.size(); i++) {
      max(p + "os_images_data[" + i + "].image_id", images.get(i).imageId(), SHORT);
    }
  }

  private static void check(String p, VolumeBackup v) {
    max(p + "id", v.id(), SHORT);
    max(p + "image_type", v.imageType(), SHORT);
    max(p + "name", v.name(), SHORT);
    max(p + "source_volume_id", v.sourceVolumeId(), SHORT);
    max(p + "status", v.status(), SHORT);
    max(p + "source_volume_name", v.sourceVolumeName(), SHORT);
    max(p + "snapshot_id", v.snapshotId(), SHORT);
  }

  private static void check(String p, BackupData d) {
    max(p + "__openstack_region_name", d.openstackRegionName(), SHORT);
    max(p + "cloudservicetype", d.cloudServiceType(), SHORT);
    max(p + "imagetype", d.imageType(), SHORT);
    max(p + "eip", d.eip(), SHORT);
    max(p + "private_ip", d.privateIp(), SHORT);
  }

  private static void max(String field, String value, int limit) {
    if (value != null && value.codePointCount(0, value.length()) > limit) {
      throw new InvalidParameterException(field, "must be at most " + limit + " characters");
    }
    // PostgreSQL cannot store NUL in text; refusing it everywhere keeps the databases alike.
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidParameterException(field, "must not contain NUL characters");
    }
  }
}
