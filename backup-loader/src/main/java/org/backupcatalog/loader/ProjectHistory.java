package org.backupcatalog.loader;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.BackupStatus;

/**
 * A year of one project's backups, oldest first. Most are made by policies: a policy run backs up
 * many resources at one instant under one checkpoint, so long runs of items share {@code
 * created_at} (the case that makes {@code id} the tie-breaker of every order). The rest are single
 * backups, about half of them manual.
 */
final class ProjectHistory {

  static final Duration SPAN = Duration.ofDays(365);

  private static final List<String> NOTES =
      List.of(
          "before kernel upgrade",
          "pre-migration copy",
          "quarterly archive",
          "before schema change");
  private static final List<String> COPY_STATUSES =
      List.of("success", "success", "success", "copying", "waiting_copy", "fail");

  private final String projectId;
  private final SplittableRandom random;
  private final Region region;
  private final List<Resource> fleet;
  private final boolean[] backedUpBefore;
  private final List<String> policies;
  private final long end;
  private long clock;
  private int remaining;

  // The event under way: one manual or automatic backup, or a policy run over several resources.
  private int eventLeft;
  private long eventTime;
  private String eventCheckpoint;
  private String eventPolicy;
  private int nextResource;

  ProjectHistory(String projectId, int projectIndex, int items, long seed, Instant end) {
    this.projectId = projectId;
    // Each project has its own stream, so that one project's history does not depend on others'.
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + projectIndex);
    this.region = Region.of(projectIndex);
    this.fleet = Fleet.of(random, projectIndex, Fleet.sizeFor(items), region);
    this.backedUpBefore = new boolean[fleet.size()];
    List<String> drawn = new ArrayList<>();
    for (int p = 1 + random.nextInt(3); p > 0; p--) {
      drawn.add(RandomText.uuid(random));
    }
    this.policies = List.copyOf(drawn);
    long spanMicros = SPAN.toNanos() / 1000;
    this.end = micros(end);
    this.clock = this.end - spanMicros;
    this.remaining = items;
  }

  static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  Backup next(String id) {
    if (remaining == 0) {
      throw new IllegalStateException("the history of " + projectId + " is complete");
    }
    if (eventLeft == 0) {
      startEvent();
    }
    eventLeft--;
    remaining--;
    int index = nextResource;
    nextResource = (nextResource + 1) % fleet.size();
    Resource resource = fleet.get(index);
    boolean incremental = backedUpBefore[index] && random.nextInt(20) > 0;
    backedUpBefore[index] = true;
    boolean auto = eventPolicy != null;
    Lifecycle life =
        Lifecycle.draw(random, eventTime, resource.disks().size(), resource.isServer());
    boolean replica = random.nextInt(100) < 4;
    boolean done = life.finishedAt() != null;
    List<Backup.DiskBackup> disks = diskBackups(resource, life, incremental);
    return new Backup(
        id,
        projectId,
        RandomText.uuid(random),
        auto ? "autobk_" + RandomText.hex4(random) : manualName(resource),
        auto || random.nextInt(10) < 7 ? null : RandomText.pick(random, NOTES),
        resource,
        eventCheckpoint,
        eventPolicy,
        eventTime,
        life,
        auto,
        done ? random.nextLong(10_000, 400_000) : 0,
        replica ? region.otherThan(random.nextInt()) : "",
        copyStatus(replica, life),
        replica ? "replication" : "backup",
        incremental,
        disks.stream().mapToLong(Backup.DiskBackup::sizeMb).sum(),
        done ? random.nextLong(0, 96) : 0,
        resource.isServer() && life.protectedAt() != null ? "backup" : "na",
        random.nextInt(5) == 0,
        appConsistency(resource, life),
        RandomText.uuid(random),
        resource.isServer() ? region.name() : "",
        disks,
        resource.isServer() && life.protectedAt() != null && random.nextInt(100) < 8
            ? RandomText.uuid(random)
            : null);
  }

  private void startEvent() {
    int size = 1;
    if (fleet.size() > 1 && random.nextInt(100) < 15) {
      size = Math.min(remaining, 2 + random.nextInt(Math.min(fleet.size() - 1, 49)));
      eventPolicy = RandomText.pick(random, policies);
    } else {
      eventPolicy = random.nextBoolean() ? RandomText.pick(random, policies) : null;
    }
    // The next of n points drawn uniformly from what is left of the span (its distance is the
    // minimum of n uniforms), with n the events still to come if they were all this size: the
    // history fills the span, never passes its end, and bursts do not pile up at the end.
    double n = Math.max(1.0, (double) remaining / size);
    clock += (long) ((end - clock) * (1 - Math.pow(random.nextDouble(), 1 / n)));
    eventTime = clock;
    eventCheckpoint = RandomText.uuid(random);
    nextResource = random.nextInt(fleet.size());
    eventLeft = size;
  }

  private String manualName(Resource resource) {
    int roll = random.nextInt(100);
    if (roll < 80) {
      return "manualbk_" + RandomText.hex4(random);
    }
    if (roll < 92) {
      return "backup_" + RandomText.hex4(random);
    }
    if (roll < 97) {
      return "Before-Upgrade_" + resource.name();
    }
    // Non-ASCII and mixed case, for the case-insensitive name filter.
    return "Sicherung_Ä_" + RandomText.hex4(random);
  }

  private String copyStatus(boolean replica, Lifecycle life) {
    if (replica || life.protectedAt() == null || random.nextInt(100) >= 6) {
      return "na";
    }
    return RandomText.pick(random, COPY_STATUSES);
  }

  private List<Backup.DiskBackup> diskBackups(
      Resource resource, Lifecycle life, boolean incremental) {
    boolean done = life.finishedAt() != null;
    List<Backup.DiskBackup> backups = new ArrayList<>(resource.disks().size());
    for (Disk disk : resource.disks()) {
      long percent = incremental ? random.nextLong(1, 9) : random.nextLong(30, 81);
      String status = diskStatus(life, backups.isEmpty());
      backups.add(
          new Backup.DiskBackup(
              RandomText.uuid(random),
              disk,
              done ? random.nextLong(20, 201) : 0,
              done ? disk.sizeGb() * 1024 * percent / 100 : 0,
              done ? random.nextLong(0, 96) : 0,
              status,
              RandomText.uuid(random)));
    }
    return List.copyOf(backups);
  }

  /** A failed backup blames its first disk; the others were copied. */
  private static String diskStatus(Lifecycle life, boolean first) {
    BackupStatus status = life.status();
    return switch (status) {
      case WAITING_PROTECT, PROTECTING -> "creating";
      case ERROR -> life.protectedAt() == null && first ? "error" : "available";
      case WAITING_DELETE, DELETING -> "deleting";
      case DELETED -> "deleted";
      default -> "available";
    };
  }

  /** A quarter of server backups are application-consistent; a failed freeze always is one. */
  private AppConsistency appConsistency(Resource resource, Lifecycle life) {
    if (!resource.isServer()) {
      return null;
    }
    if (life.failure() != null && life.failure().code().equals(Lifecycle.FREEZE_FAILED.code())) {
      return new AppConsistency(1L, 1L, "BackupService.6407", "I/O freeze timed out");
    }
    if (random.nextInt(4) > 0) {
      return null;
    }
    return new AppConsistency(2L, random.nextBoolean() ? 2L : 12L, "", "");
  }
}
