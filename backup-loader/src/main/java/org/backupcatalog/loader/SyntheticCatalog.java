package org.backupcatalog.loader;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

/**
 * The histories of some of a load's projects, one project after the other, with item ids unique
 * across the whole load: each project numbers its items from where the projects before it in the
 * load's order end, so that a project's items do not depend on which writer makes them.
 */
final class SyntheticCatalog implements Iterator<Backup> {

  private final BulkLoad load;
  private final int[] counts;
  private final Iterator<Integer> projects;
  private int leftInProject;
  private ProjectHistory history;
  private int index;

  /**
   * @param counts the items of every project of the load
   * @param projects the indexes of the projects to generate, in the order to generate them
   */
  SyntheticCatalog(BulkLoad load, int[] counts, List<Integer> projects) {
    this.load = load;
    this.counts = counts.clone();
    this.projects = List.copyOf(projects).iterator();
  }

  /** Every project of the load. */
  static SyntheticCatalog of(BulkLoad load) {
    int[] counts = TenantSizes.of(load.items(), load.projectIds().size());
    return new SyntheticCatalog(load, counts, IntStream.range(0, counts.length).boxed().toList());
  }

  @Override
  public boolean hasNext() {
    while (leftInProject == 0 && projects.hasNext()) {
      int project = projects.next();
      leftInProject = counts[project];
      index = Arrays.stream(counts, 0, project).sum();
      history =
          new ProjectHistory(
              load.projectIds().get(project), project, leftInProject, load.seed(), load.end());
    }
    return leftInProject > 0;
  }

  @Override
  public Backup next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    leftInProject--;
    return history.next(itemId(load.idPrefix(), index++));
  }

  /**
   * The prefix and eight hex digits of a bijective scramble of the item's number: unique within a
   * load of up to 2^32 items, yet in no relation to time, like the UUIDs real items carry, so that
   * ties in {@code created_at} are broken in an order unrelated to insertion.
   */
  static String itemId(String prefix, int index) {
    int x = index * 0x9E3779B1;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    return prefix + Long.toHexString(0x1_0000_0000L | (x & 0xFFFF_FFFFL)).substring(1);
  }
}
