package org.backupcatalog.loader;

import java.util.List;
import java.util.SplittableRandom;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.FailCode;

/**
 * Where a backup stands and when things happened to it, drawn consistently: only a backup that
 * became available has {@code protected_at} (so waiting, protecting and failed-at-creation ones
 * have none), only a finished one has {@code finished_at}, and updates never precede creation.
 * Times are microseconds since the epoch, UTC.
 *
 * @param failure null unless the status is {@code error}
 */
record Lifecycle(
    BackupStatus status,
    long updatedAt,
    Long finishedAt,
    Long protectedAt,
    long progress,
    Failure failure) {

  /** A failed operation: the item's fail_code, fail_op and fail_reason. */
  record Failure(FailCode code, String op, String reason) {}

  private static final long MINUTE = 60_000_000L;
  private static final long DAY = 24 * 60 * MINUTE;

  /** Percent of backups in each status, in {@link BackupStatus} order: mostly available. */
  private static final int[] PERCENT = {2, 3, 78, 1, 1, 6, 2, 2, 5};

  /** The application-consistent backup of a server failed to freeze its I/O. */
  static final Failure FREEZE_FAILED =
      new Failure(
          new FailCode("BackupService.6407", "Application-consistent backup failed."),
          "backup",
          "freezing I/O timed out after 60 s");

  /** Failures while backing up; the last one ({@link #FREEZE_FAILED}) befalls servers only. */
  private static final List<Failure> BACKUP_FAILURES =
      List.of(
          new Failure(
              new FailCode("BackupService.6303", "Failed to create the snapshot of the disk."),
              "backup",
              "create snapshot failed: volume is being extended"),
          new Failure(
              new FailCode("64205002", "The backup storage quota is insufficient."),
              "backup",
              "vault capacity exhausted"),
          FREEZE_FAILED);

  private static final Failure RESTORE_FAILURE =
      new Failure(
          new FailCode("BackupService.6512", "Failed to restore the disk from the backup."),
          "restore",
          "target volume is attached to a running server");
  private static final Failure DELETE_FAILURE =
      new Failure(
          new FailCode("BackupService.6601", "Failed to delete the backup."),
          "delete",
          "backup is the base of a running replication");

  /** The status and times of a backup of a resource with {@code diskCount} disks. */
  static Lifecycle draw(SplittableRandom random, long createdAt, int diskCount, boolean server) {
    BackupStatus status = status(random);
    // Bigger servers take longer: 2 to 30 minutes per disk.
    long duration = diskCount * (2 * MINUTE + random.nextLong(28 * MINUTE));
    long finished = createdAt + duration;
    long later = finished + random.nextLong(1, 90 * DAY);
    return switch (status) {
      case WAITING_PROTECT -> new Lifecycle(status, createdAt, null, null, 0, null);
      case PROTECTING ->
          new Lifecycle(
              status, createdAt + duration / 2, null, null, random.nextLong(1, 100), null);
      case AVAILABLE -> new Lifecycle(status, finished, finished, finished, 100, null);
      case ERROR -> failed(random, finished, later, server);
      default -> new Lifecycle(status, later, finished, finished, 100, null);
    };
  }

  private static BackupStatus status(SplittableRandom random) {
    int roll = random.nextInt(100);
    BackupStatus[] statuses = BackupStatus.values();
    for (int i = 0; i < PERCENT.length; i++) {
      roll -= PERCENT[i];
      if (roll < 0) {
        return statuses[i];
      }
    }
    throw new IllegalStateException("PERCENT must add up to 100");
  }

  /** Most failures happen while backing up (never protected); some on a later restore or delete. */
  private static Lifecycle failed(
      SplittableRandom random, long finished, long later, boolean server) {
    int roll = random.nextInt(10);
    if (roll < 7) {
      int kinds = server ? BACKUP_FAILURES.size() : BACKUP_FAILURES.size() - 1;
      Failure failure = BACKUP_FAILURES.get(random.nextInt(kinds));
      return new Lifecycle(
          BackupStatus.ERROR, finished, finished, null, random.nextLong(0, 100), failure);
    }
    Failure failure = roll < 9 ? RESTORE_FAILURE : DELETE_FAILURE;
    return new Lifecycle(BackupStatus.ERROR, later, finished, finished, 100, failure);
  }
}
