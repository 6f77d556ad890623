package org.backupcatalog.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** COPY's text format: what would end a value or a row early must reach the server escaped. */
class CopyTextTest {

  private static final LoadedTable TWO_COLUMNS =
      new LoadedTable("t", List.of("a", "b"), (backup, rows) -> {});

  @Test
  void escapesSeparatorsAndBackslashesAndSpellsNullAsBackslashN() {
    CopyText copy = new CopyText(TWO_COLUMNS);
    copy.next().text("tab\there").text("line\nbreak\r");
    copy.next().text("back\\slash").text(null);
    copy.next().number(-5).number((Long) null);
    copy.next().flag(true).flag(false);
    assertEquals("tab\\there\tline\\nbreak\\r\nback\\\\slash\t\\N\n-5\t\\N\nt\tf", copy.pending());
  }

  @Test
  void writesTimesAsTheUtcWallClockToTheMicrosecond() {
    CopyText copy = new CopyText(TWO_COLUMNS);
    copy.next().time(1_700_000_000_000_001L).time(null);
    copy.next().time(LoadedTables.END_OF_TIME).time(0L);
    assertEquals(
        "2023-11-14 22:13:20.000001\t\\N\n9999-12-31 23:59:59.999999\t1970-01-01 00:00:00.000000",
        copy.pending());
  }
}
