package org.backupcatalog.loader;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The values of one generated row, given one after the other in the order of its table's columns,
 * so that no column position is written by hand. Each database's writer stores them its own way.
 */
interface ColumnValues {

  /** A TIMESTAMP as text, which both databases read as the wall clock it says, in no zone. */
  DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  ColumnValues text(String value);

  ColumnValues number(long value);

  ColumnValues number(Long value);

  ColumnValues flag(boolean value);

  /** A UTC time in microseconds since the epoch; null for none. */
  ColumnValues time(Long epochMicros);

  /**
   * The wall-clock UTC time of epoch microseconds: what the catalog stores for the entities' times
   * in TIMESTAMP columns, in any JVM time zone, so that rows from either writer read back alike.
   */
  static LocalDateTime utc(long epochMicros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L),
        (int) Math.floorMod(epochMicros, 1_000_000L) * 1000,
        ZoneOffset.UTC);
  }

  /** {@link #utc} as {@link #TIMESTAMP_TEXT}. */
  static String utcText(long epochMicros) {
    return TIMESTAMP_TEXT.format(utc(epochMicros));
  }
}
