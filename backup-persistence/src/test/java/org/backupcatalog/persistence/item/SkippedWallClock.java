package org.backupcatalog.persistence.item;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A wall clock that the JVM's zone skips (the hour clocks jump over when summer time starts). The
 * build runs the tests in Pacific/Chatham, where 2024-09-29 02:45 to 03:45 does not exist: a time
 * that passes through the JVM's zone there comes back an hour late.
 */
public final class SkippedWallClock {

  private SkippedWallClock() {}

  /** The first skipped wall clock after 2024-01-01: the start of the gap. */
  public static LocalDateTime first() {
    ZoneRules rules = ZoneId.systemDefault().getRules();
    ZoneOffsetTransition transition = rules.nextTransition(Instant.parse("2024-01-01T00:00:00Z"));
    while (transition != null && !transition.isGap()) {
      transition = rules.nextTransition(transition.getInstant());
    }
    assertNotNull(
        transition,
        "the tests run in a zone with summer time (the build sets TZ), not in "
            + ZoneId.systemDefault());
    return transition.getDateTimeBefore();
  }
}
