package org.backupcatalog.persistence.item;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ItemListsJson;

/** Copies a checkpoint item into its rows and back, field for field. */
final class CheckpointItemRows {

  private CheckpointItemRows() {}

  static void fill(CheckpointItemEntity row, CheckpointItem item, String revision) {
    row.id = item.id();
    row.projectId = item.projectId();
    row.revision = revision;
    row.name = item.name();
    row.nameFolded = fold(item.name());
    row.description = item.description();
    row.status = item.status().wireName();
    row.resourceId = item.resourceId();
    row.resourceType = item.resourceType();
    row.checkpointId = item.checkpointId();
    row.policyId = item.policyId();
    row.createdAt = utc(item.createdAt());
    row.updatedAt = utc(item.updatedAt());
    row.protectedAt = utc(item.protectedAt());
    row.protectedOrder =
        row.protectedAt != null ? row.protectedAt : CheckpointItemEntity.END_OF_TIME;
    fill(row.extendInfo, item.extendInfo());
    fill(row.backupData, item.backupData());
    row.lists =
        ItemListsJson.write(item.extendInfo().volumeBackups(), item.extendInfo().osImagesData());
  }

  private static void fill(ExtendInfoColumns c, ExtendInfo e) {
    c.autoTrigger = e.autoTrigger();
    c.averageSpeed = e.averageSpeed();
    c.copyFrom = e.copyFrom();
    c.copyStatus = e.copyStatus();
    c.failCode = e.failCode() == null ? null : e.failCode().code();
    c.failDescription = e.failCode() == null ? null : e.failCode().description();
    c.failOp = e.failOp();
    c.failReason = e.failReason();
    c.imageType = e.imageType();
    c.incremental = e.incremental();
    c.progress = e.progress();
    c.resourceAz = e.resourceAz();
    c.resourceName = e.resourceName();
    c.resourceNameFolded = e.resourceName() == null ? null : fold(e.resourceName());
    c.resourceType = e.resourceType();
    c.size = e.size();
    c.spaceSavingRatio = e.spaceSavingRatio();
    c.finishedAt = utc(e.finishedAt());
    c.supportedRestoreMode = e.supportedRestoreMode();
    c.supportLld = e.supportLld();
    AppConsistency a = e.appConsistency();
    c.hasAppConsistency = a != null;
    c.appConsistency = a == null ? null : a.appConsistency();
    c.appConsistencyStatus = a == null ? null : a.appConsistencyStatus();
    c.appConsistencyErrorCode = a == null ? null : a.appConsistencyErrorCode();
    c.appConsistencyErrorMessage = a == null ? null : a.appConsistencyErrorMessage();
    c.taskid = e.taskid();
    c.hypervisorType = e.hypervisorType();
    c.extra = text(e.additional());
  }

  private static void fill(BackupDataColumns c, BackupData b) {
    c.regionName = b.openstackRegionName();
    c.cloudServiceType = b.cloudServiceType();
    c.disk = b.disk();
    c.imageType = b.imageType();
    c.ram = b.ram();
    c.vcpus = b.vcpus();
    c.eip = b.eip();
    c.privateIp = b.privateIp();
    c.extra = text(b.additional());
  }

  static CheckpointItem item(CheckpointItemEntity row) {
    return new CheckpointItem(
        row.id,
        row.projectId,
        row.name,
        row.description,
        BackupStatus.fromWireName(row.status).orElseThrow(),
        row.resourceId,
        row.resourceType,
        row.checkpointId,
        row.policyId,
        instant(row.createdAt),
        instant(row.updatedAt),
        instant(row.protectedAt),
        extendInfo(row, ItemListsJson.read(row.lists)),
        backupData(row.backupData));
  }

  private static ExtendInfo extendInfo(CheckpointItemEntity row, ItemListsJson.Lists lists) {
    ExtendInfoColumns c = row.extendInfo;
    return new ExtendInfo(
        c.autoTrigger,
        c.averageSpeed,
        c.copyFrom,
        c.copyStatus,
        c.failCode == null && c.failDescription == null
            ? null
            : new FailCode(c.failCode, c.failDescription),
        c.failOp,
        c.failReason,
        c.imageType,
        c.incremental,
        c.progress,
        c.resourceAz,
        c.resourceName,
        c.resourceType,
        c.size,
        c.spaceSavingRatio,
        lists.volumeBackups(),
        instant(c.finishedAt),
        c.supportedRestoreMode,
        lists.osImagesData(),
        c.supportLld,
        c.hasAppConsistency
            ? new AppConsistency(
                c.appConsistency,
                c.appConsistencyStatus,
                c.appConsistencyErrorCode,
                c.appConsistencyErrorMessage)
            : null,
        c.taskid,
        c.hypervisorType,
        json(c.extra));
  }

  private static BackupData backupData(BackupDataColumns c) {
    return new BackupData(
        c.regionName,
        c.cloudServiceType,
        c.disk,
        c.imageType,
        c.ram,
        c.vcpus,
        c.eip,
        c.privateIp,
        json(c.extra));
  }

  /** The contract's case-insensitivity, independent of the database's locale. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static LocalDateTime utc(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Unknown JSON keys as text; none are stored as NULL. */
  static String text(JsonObject keys) {
    return keys == null || keys.isEmpty() ? null : keys.toString();
  }

  static JsonObject json(String text) {
    if (text == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
