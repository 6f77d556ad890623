package org.backupcatalog.loader;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * UUIDs and short hex tags drawn from the loader's seeded random, so that reloads are identical.
 */
final class RandomText {

  private RandomText() {}

  /** A version 4 UUID, as OpenStack services mint them; {@link UUID#randomUUID} is not seedable. */
  static String uuid(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  /** Four lower-case hex digits, the suffix of CSBS's generated names ({@code autobk_a1f0}). */
  static String hex4(SplittableRandom random) {
    return Integer.toHexString(0x10000 | random.nextInt(0x10000)).substring(1);
  }

  static <T> T pick(SplittableRandom random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
