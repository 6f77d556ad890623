package org.backupcatalog.api;

import java.time.Instant;

/**
 * One backup as the catalog publishes it. Every component may be null (unset); the domain decides
 * which are required. Times are truncated to microseconds here, because that is all the wire
 * carries: what is stored is then exactly what a later read returns.
 */
public record CheckpointItem(
    String id,
    String projectId,
    String name,
    String description,
    BackupStatus status,
    String resourceId,
    String resourceType,
    String checkpointId,
    String policyId,
    Instant createdAt,
    Instant updatedAt,
    Instant protectedAt,
    ExtendInfo extendInfo,
    BackupData backupData) {

  public CheckpointItem {
    createdAt = Timestamps.micros(createdAt);
    updatedAt = Timestamps.micros(updatedAt);
    protectedAt = Timestamps.micros(protectedAt);
  }

  /** The path's id decides, not the body's. */
  public CheckpointItem withId(String newId) {
    return new CheckpointItem(
        newId,
        projectId,
        name,
        description,
        status,
        resourceId,
        resourceType,
        checkpointId,
        policyId,
        createdAt,
        updatedAt,
        protectedAt,
        extendInfo,
        backupData);
  }

  /** The path's project decides; the codec never reads {@code project_id} from a body. */
  public CheckpointItem withProjectId(String newProjectId) {
    return new CheckpointItem(
        id,
        newProjectId,
        name,
        description,
        status,
        resourceId,
        resourceType,
        checkpointId,
        policyId,
        createdAt,
        updatedAt,
        protectedAt,
        extendInfo,
        backupData);
  }
}
