package org.backupcatalog.domain.item;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.domain.InvalidParameterException;

/**
 * Turns the item a backup engine reports into the item the catalog stores: checks what the contract
 * requires and fills what it defaults, so that a later read shows exactly what was stored.
 */
public final class CheckpointItemDefaults {

  static final String BODY = "checkpoint_item.";
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  private CheckpointItemDefaults() {}

  public static CheckpointItem complete(
      CheckpointItem reported, ItemId id, ProjectId project, Instant now) {
    if (reported.id() != null && !reported.id().equals(id.value())) {
      throw new InvalidParameterException(BODY + "id", "must equal the id in the path");
    }
    TextLimits.check(reported);
    required("name", reported.name());
    if (reported.name().isEmpty()) {
      throw new InvalidParameterException(BODY + "name", "must be 1 to 255 characters");
    }
    required("status", reported.status());
    required("resource_id", reported.resourceId());
    required("resource_type", reported.resourceType());
    required("created_at", reported.createdAt());
    inStoredRange("created_at", reported.createdAt());
    inStoredRange("updated_at", reported.updatedAt());
    inStoredRange("protected_at", reported.protectedAt());
    if (reported.extendInfo() != null) {
      inStoredRange("extend_info.finished_at", reported.extendInfo().finishedAt());
    }
    return new CheckpointItem(
        id.value(),
        project.value(),
        reported.name(),
        reported.description(),
        reported.status(),
        reported.resourceId(),
        reported.resourceType(),
        Objects.requireNonNullElse(reported.checkpointId(), id.value()),
        reported.policyId(),
        reported.createdAt(),
        Objects.requireNonNullElse(reported.updatedAt(), now),
        reported.protectedAt(),
        extendInfo(reported.extendInfo()),
        backupData(reported.backupData()));
  }

  private static void required(String field, Object value) {
    if (value == null) {
      throw new InvalidParameterException(BODY + field, "is required");
    }
  }

  /**
   * Backups are not older than 1900. Earlier dates are refused rather than stored, because JDBC's
   * TIMESTAMP goes through the Julian calendar before 1582 and would return another day.
   */
  private static void inStoredRange(String field, Instant time) {
    if (time != null && time.isBefore(EARLIEST)) {
      throw new InvalidParameterException(BODY + field, "must not be before 1900-01-01T00:00:00");
    }
  }

  private static ExtendInfo extendInfo(ExtendInfo e) {
    ExtendInfo in = e != null ? e : emptyExtendInfo();
    return new ExtendInfo(
        in.autoTrigger(),
        in.averageSpeed(),
        orElse(in.copyFrom(), ""),
        orElse(in.copyStatus(), "na"),
        in.failCode(),
        orElse(in.failOp(), ""),
        orElse(in.failReason(), ""),
        in.imageType(),
        in.incremental(),
        Objects.requireNonNullElse(in.progress(), 0L),
        in.resourceAz(),
        in.resourceName(),
        in.resourceType(),
        in.size(),
        in.spaceSavingRatio(),
        List.copyOf(Objects.requireNonNullElse(in.volumeBackups(), List.of())),
        in.finishedAt(),
        orElse(in.supportedRestoreMode(), "na"),
        List.copyOf(Objects.requireNonNullElse(in.osImagesData(), List.of())),
        in.supportLld(),
        in.appConsistency(),
        in.taskid(),
        orElse(in.hypervisorType(), "QEMU"),
        additional(in.additional()));
  }

  private static ExtendInfo emptyExtendInfo() {
    return new ExtendInfo(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  private static BackupData backupData(BackupData b) {
    BackupData in =
        b != null ? b : new BackupData(null, null, null, null, null, null, null, null, null);
    return new BackupData(
        orElse(in.openstackRegionName(), ""),
        orElse(in.cloudServiceType(), ""),
        in.disk(),
        orElse(in.imageType(), ""),
        in.ram(),
        in.vcpus(),
        orElse(in.eip(), ""),
        orElse(in.privateIp(), ""),
        additional(in.additional()));
  }

  private static String orElse(String value, String unset) {
    return value != null ? value : unset;
  }

  private static JsonObject additional(JsonObject keys) {
    return keys != null ? keys : JsonValue.EMPTY_JSON_OBJECT;
  }
}
