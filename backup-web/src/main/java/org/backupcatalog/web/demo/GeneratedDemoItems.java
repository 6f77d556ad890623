package org.backupcatalog.web.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;

/**
 * The bulk of a demo project: a year of nightly policy runs over a few servers and volumes, with
 * the occasional manual backup, failure and backup in progress, so that filters, sorts and paging
 * have something to show. The same project and seed always give the same items. Written through the
 * ingest like any PUT; the synthetic catalogs of benchmarks come from the loader instead.
 */
final class GeneratedDemoItems {

  /** Every generated item is older than this, and so older than the hand-made {@link DemoItems}. */
  static final Instant END = Instant.parse("2025-06-30T12:00:00Z");

  private static final String[] SERVERS = {"web01", "web02", "db01", "batch01"};
  private static final String[] VOLUMES = {"data01", "logs01"};

  private GeneratedDemoItems() {}

  /**
   * {@code count} items of the {@code index}-th demo project, ids {@code demo-} and 8 hex digits.
   */
  static List<CheckpointItem> of(String project, int index, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed * 31 + index);
    List<CheckpointItem> items = new ArrayList<>(count);
    Instant start = END.minus(Duration.ofDays(365));
    long step = Duration.between(start, END).getSeconds() / Math.max(1, count);
    for (int k = 0; k < count; k++) {
      Instant created = start.plusSeconds(k * step + random.nextLong(Math.max(1, step)));
      items.add(item(project, index * 0x0100_0000 + k, created, random));
    }
    return items;
  }

  private static CheckpointItem item(
      String project, int number, Instant created, SplittableRandom r) {
    boolean server = r.nextInt(4) > 0;
    String resource =
        server ? SERVERS[r.nextInt(SERVERS.length)] : VOLUMES[r.nextInt(VOLUMES.length)];
    boolean manual = r.nextInt(10) == 0;
    BackupStatus status = status(r);
    Instant updated = created.plusSeconds(60 + r.nextInt(3600));
    Instant protectedAt = status == BackupStatus.AVAILABLE ? updated : null;
    String name = (manual ? "manualbk_" : "autobk_") + resource;
    String id = String.format(Locale.ROOT, "demo-%08x", number);
    String resourceId = String.format(Locale.ROOT, "%s-%08x", resource, project.hashCode());
    int disks = server ? 1 + r.nextInt(3) : 1;
    List<VolumeBackup> volumes = new ArrayList<>(disks);
    long size = 0;
    for (int d = 0; d < disks; d++) {
      long diskSize = 512 + r.nextInt(8192);
      size += diskSize;
      volumes.add(
          new VolumeBackup(
              (long) (40 + r.nextInt(200)),
              server && d == 0,
              String.format(Locale.ROOT, "%s-vb-%d", id, d),
              "backup",
              true,
              name,
              diskSize,
              String.format(Locale.ROOT, "%s-disk-%d", resourceId, d),
              (long) (40 + 20 * d),
              (long) r.nextInt(80),
              status == BackupStatus.AVAILABLE ? "available" : status.wireName(),
              resource + "-disk-" + d,
              String.format(Locale.ROOT, "%s-snap-%d", id, d),
              null));
    }
    boolean failed = status == BackupStatus.ERROR;
    ExtendInfo extendInfo =
        new ExtendInfo(
            !manual,
            (long) (60_000 + r.nextInt(120_000)),
            "",
            "na",
            failed ? new FailCode("BackupService.9900", "the backup agent did not answer") : null,
            failed ? "backup" : "",
            failed ? "agent timeout" : "",
            "backup",
            true,
            status == BackupStatus.PROTECTING ? (long) r.nextInt(100) : 100L,
            "eu-de-0" + (1 + r.nextInt(3)),
            "ecs-" + resource,
            server ? "OS::Nova::Server" : "OS::Cinder::Volume",
            size,
            (long) r.nextInt(80),
            volumes,
            protectedAt,
            "backup",
            server && r.nextInt(5) == 0 ? List.of(new ImageData(id + "-image", null)) : List.of(),
            false,
            null,
            null,
            "QEMU",
            null);
    BackupData backupData =
        server
            ? new BackupData(
                "eu-de",
                "ECS",
                40L,
                "backup",
                4096L,
                2L,
                "",
                "10.0.0." + (1 + r.nextInt(250)),
                null)
            : new BackupData("eu-de", "", null, "", null, null, "", "", null);
    return new CheckpointItem(
        id,
        project,
        name,
        null,
        status,
        resourceId,
        server ? "OS::Nova::Server" : "OS::Cinder::Volume",
        id + "-checkpoint",
        manual ? null : "policy-nightly",
        created,
        updated,
        protectedAt,
        extendInfo,
        backupData);
  }

  /** Mostly available, a few of every other state. */
  private static BackupStatus status(SplittableRandom r) {
    int roll = r.nextInt(100);
    if (roll < 80) {
      return BackupStatus.AVAILABLE;
    }
    if (roll < 88) {
      return BackupStatus.ERROR;
    }
    BackupStatus[] all = BackupStatus.values();
    return all[r.nextInt(all.length)];
  }
}
