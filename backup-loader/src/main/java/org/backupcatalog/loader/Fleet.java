package org.backupcatalog.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The resources of one project: mostly servers with one system disk and up to two data disks, the
 * rest single volumes. A project has about one resource per 40 backups (a year of roughly weekly
 * backups), at least three and at most 2,000.
 */
final class Fleet {

  private static final List<String> ROLES =
      List.of("web", "app", "db", "cache", "mq", "k8s-node", "jump", "ci-runner", "erp", "mail");
  private static final List<String> VOLUME_ROLES =
      List.of("data", "logs", "backup", "archive", "shared", "scratch");
  private static final long[] SYSTEM_DISK_GB = {40, 50, 100};
  private static final long[] DATA_DISK_GB = {100, 200, 500, 1000, 2000};
  private static final long[] RAM_MB = {1024, 2048, 4096, 8192, 16384, 32768, 65536};
  private static final List<String> IMAGE_TYPES = List.of("gold", "gold", "private", "market");

  private Fleet() {}

  static int sizeFor(int items) {
    return Math.max(3, Math.min(2000, items / 40));
  }

  static List<Resource> of(SplittableRandom random, int projectIndex, int size, Region region) {
    List<Resource> fleet = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String az = RandomText.pick(random, region.zones());
      fleet.add(
          random.nextInt(10) < 7 ? server(random, projectIndex, i, az) : volume(random, i, az));
    }
    return List.copyOf(fleet);
  }

  private static Resource server(SplittableRandom random, int projectIndex, int index, String az) {
    String name = "ecs-" + RandomText.pick(random, ROLES) + "-" + twoDigits(index);
    List<Disk> disks = new ArrayList<>();
    long systemGb = SYSTEM_DISK_GB[random.nextInt(SYSTEM_DISK_GB.length)];
    disks.add(new Disk(RandomText.uuid(random), name + "-sys", systemGb, true));
    int dataDisks = random.nextInt(3);
    for (int d = 1; d <= dataDisks; d++) {
      long gb = DATA_DISK_GB[random.nextInt(DATA_DISK_GB.length)];
      disks.add(new Disk(RandomText.uuid(random), name + "-data" + d, gb, false));
    }
    long vcpus = 1L << random.nextInt(6);
    Host host =
        new Host(
            random.nextInt(4) == 0 ? "ECS" : "",
            systemGb,
            RandomText.pick(random, IMAGE_TYPES),
            RAM_MB[random.nextInt(RAM_MB.length)],
            vcpus,
            random.nextBoolean() ? "" : "80." + (158 + projectIndex % 90) + address(index),
            "10." + (projectIndex % 250) + address(index));
    return new Resource(RandomText.uuid(random), name, az, List.copyOf(disks), host);
  }

  private static Resource volume(SplittableRandom random, int index, String az) {
    String name = "evs-" + RandomText.pick(random, VOLUME_ROLES) + "-" + twoDigits(index);
    long gb = DATA_DISK_GB[random.nextInt(DATA_DISK_GB.length)];
    String id = RandomText.uuid(random);
    return new Resource(id, name, az, List.of(new Disk(id, name, gb, false)), null);
  }

  /** The last two octets, unique within a project (a fleet has at most 2,000 resources). */
  private static String address(int index) {
    return "." + (index / 250) + "." + (index % 250 + 2);
  }

  private static String twoDigits(int index) {
    return index < 10 ? "0" + index : Integer.toString(index);
  }
}
