package org.backupcatalog.loader;

import java.util.Arrays;

/**
 * How many items each project gets: a Zipf-like skew (the k-th project gets about 1/k^1.1 of the
 * items), the way a real cloud has a few huge tenants and a long tail of small ones. The counts are
 * exact, so that they add up to the total asked for.
 */
final class TenantSizes {

  static final double EXPONENT = 1.1;

  private TenantSizes() {}

  /**
   * The count of each project, largest first. When there are at least as many items as projects,
   * every project gets one, so that every project id given to the loader exists afterwards.
   */
  static int[] of(int items, int projects) {
    if (projects < 1 || items < 0) {
      throw new IllegalArgumentException("need at least one project and no negative item count");
    }
    int[] counts = new int[projects];
    int spread = items;
    if (items >= projects) {
      Arrays.fill(counts, 1);
      spread -= projects;
    }
    double[] weights = new double[projects];
    double sum = 0;
    for (int k = 0; k < projects; k++) {
      weights[k] = 1 / Math.pow(k + 1, EXPONENT);
      sum += weights[k];
    }
    // Largest remainder: floor every share, then hand the rest out one by one in project order,
    // which keeps the counts exact and still non-increasing.
    int given = 0;
    for (int k = 0; k < projects; k++) {
      int share = (int) Math.floor(spread * weights[k] / sum);
      counts[k] += share;
      given += share;
    }
    for (int k = 0; given < spread; k = (k + 1) % projects) {
      counts[k]++;
      given++;
    }
    return counts;
  }
}
