package org.backupcatalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2017-04-18T01:21:52, 2017-04-18T01:21:52.000000",
    "2017-04-18T01:21:52.7, 2017-04-18T01:21:52.700000",
    "2017-04-18T01:21:52.70, 2017-04-18T01:21:52.700000",
    "2017-04-18T01:21:52.000001, 2017-04-18T01:21:52.000001",
    "2017-04-18T01:21:52.701973, 2017-04-18T01:21:52.701973",
    "2017-04-18T01:21:52.701973Z, 2017-04-18T01:21:52.701973",
    "2017-04-18T01:21:52Z, 2017-04-18T01:21:52.000000",
    "2017-04-18T01:21:52+00:00, 2017-04-18T01:21:52.000000",
    "2017-04-18T01:21:52-00:00, 2017-04-18T01:21:52.000000",
    "2017-04-18T01:21:52.5+05:30, 2017-04-17T19:51:52.500000",
    "2017-04-18T23:30:00-01:00, 2017-04-19T00:30:00.000000",
    "2017-01-01T00:00:00+18:00, 2016-12-31T06:00:00.000000",
    "2017-12-31T23:00:00-18:00, 2018-01-01T17:00:00.000000",
    "2024-02-29T12:00:00, 2024-02-29T12:00:00.000000",
    "0000-01-01T00:00:00, 0000-01-01T00:00:00.000000",
    "9999-12-31T23:59:59.999999, 9999-12-31T23:59:59.999999",
    "0000-01-01T05:00:00+05:00, 0000-01-01T00:00:00.000000",
  })
  void parsesTheQuerySyntaxAndFormatsCanonically(String text, String canonical) {
    assertEquals(canonical, Timestamps.format(Timestamps.parse(text)));
  }

  @Test
  void convertsOffsetsToUtc() {
    assertEquals(
        Instant.parse("2017-04-17T19:51:52Z"), Timestamps.parse("2017-04-18T01:21:52+05:30"));
    assertEquals(
        Instant.parse("2017-04-18T06:51:52.123Z"),
        Timestamps.parse("2017-04-18T01:21:52.123-05:30"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2017-04-18",
        "2017-04-18T01:21",
        "2017-04-18t01:21:52",
        "2017-04-18 01:21:52",
        "2017-04-18T01:21:52z",
        "2017-04-18T01:21:52.",
        "2017-04-18T01:21:52.1234567",
        "2017-04-18T01:21:52,5",
        "2017-04-18T01:21:52+05",
        "2017-04-18T01:21:52+0530",
        "2017-04-18T01:21:52+05:30:00",
        "2017-04-18T01:21:52+18:30",
        "2017-04-18T01:21:52 ",
        " 2017-04-18T01:21:52",
        "2017-04-18T01:21:52UTC",
        "2017-04-18T01:21:52[Europe/Berlin]",
        "2023-02-30T00:00:00",
        "2023-02-29T00:00:00",
        "2023-13-01T00:00:00",
        "2023-00-10T00:00:00",
        "2023-01-00T00:00:00",
        "2023-01-01T24:00:00",
        "2023-01-01T23:60:00",
        "2023-01-01T23:59:60",
        "2023-1-01T00:00:00",
        "2023-01-01T0:00:00",
        "+2023-01-01T00:00:00",
        "-2023-01-01T00:00:00",
        "12023-01-01T00:00:00",
        "\u0662\u0660\u0662\u0663-01-01T00:00:00",
        "0000-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01",
        "1492790512",
      })
  void refusesAnythingElse(String text) {
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text));
  }

  @Test
  void formatWritesSixDigitsAndTruncatesNanos() {
    assertEquals(
        "2017-04-18T01:21:52.000000", Timestamps.format(Instant.parse("2017-04-18T01:21:52Z")));
    assertEquals(
        "2017-04-18T01:21:52.123456",
        Timestamps.format(Instant.parse("2017-04-18T01:21:52.123456999Z")));
    assertEquals(
        "0987-01-02T03:04:05.000060",
        Timestamps.format(Instant.parse("0987-01-02T03:04:05.00006Z")));
  }

  @Test
  void formatRefusesYearsOutsideFourDigits() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Timestamps.format(Instant.parse("+10000-01-01T00:00:00Z")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Timestamps.format(Instant.parse("-0001-12-31T23:59:59Z")));
  }
}
