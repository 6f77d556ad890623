package org.backupcatalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TimestampsPropertyTest {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  @Provide
  Arbitrary<Instant> instants() {
    return ItemArbitraries.anyInstant();
  }

  @Property
  void parseInvertsFormat(@ForAll("instants") Instant instant) {
    String text = Timestamps.format(instant);
    assertEquals(26, text.length());
    assertEquals(instant.truncatedTo(ChronoUnit.MICROS), Timestamps.parse(text));
    assertEquals(text, Timestamps.format(Timestamps.parse(text + "Z")));
  }

  @Property
  void formatWritesTheUtcWallClockToTheMicrosecond(@ForAll("instants") Instant instant) {
    String expected = LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    assertEquals(expected, Timestamps.format(instant));
    char[] text = new char[Timestamps.LENGTH + 2];
    text[Timestamps.LENGTH] = '!';
    Timestamps.format(instant, text);
    assertEquals(expected + "!", new String(text, 0, Timestamps.LENGTH + 1));
  }

  @Property
  void offsetsDenoteTheSameInstant(
      @ForAll("instants") Instant instant,
      @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
    LocalDateTime local = LocalDateTime.ofInstant(micros, offset);
    if (local.getYear() < 0 || local.getYear() > 9999) {
      return; // not expressible in four digits with this offset
    }
    String suffix = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    assertEquals(micros, Timestamps.parse(LOCAL.format(local) + suffix));
  }
}
