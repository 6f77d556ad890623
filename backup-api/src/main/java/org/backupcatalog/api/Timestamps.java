package org.backupcatalog.api;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * The one date-time syntax of the API. Input: {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of
 * 1 to 6 digits, an optional {@code Z} or {@code +hh:mm}/{@code -hh:mm} (none means UTC). Output:
 * always {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS} in UTC without a zone, because Huawei's Go SDK parses
 * exactly that and fails a whole page on anything else. Years stay within 0000 to 9999 on both
 * sides so that the output is always four digits.
 */
public final class Timestamps {

  private static final String SYNTAX =
      "must be a date-time YYYY-MM-DDTHH:MM:SS with an optional fraction of up to 6 digits and an"
          + " optional Z or +hh:mm/-hh:mm, in years 0000 to 9999";

  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  // Fixed-width, case-sensitive, strict fields: no signs, no lower-case t/z, no 24:00, no Feb 30.
  private static final DateTimeFormatter INPUT =
      dateTime()
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, 6, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private Timestamps() {}

  /**
   * Parses the API's date-time syntax; an offset is converted to UTC, the result has at most
   * microsecond precision.
   *
   * @throws IllegalArgumentException (with the {@link DateTimeParseException} as cause when there
   *     is one) if the text is not in that syntax, not a real date or time, or outside years
   *     0000-9999 once in UTC
   */
  public static Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    TemporalAccessor parsed;
    try {
      parsed = INPUT.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(SYNTAX, e);
    }
    ZoneOffset offset =
        parsed.isSupported(OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
    Instant instant = LocalDateTime.from(parsed).toInstant(offset);
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw new IllegalArgumentException(SYNTAX);
    }
    return instant;
  }

  /** The length of every text {@link #format} writes. */
  static final int LENGTH = 26;

  /**
   * Writes {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS} in UTC, truncating below microseconds.
   *
   * @throws IllegalArgumentException if the instant lies outside years 0000-9999 (UTC)
   */
  public static String format(Instant instant) {
    char[] text = new char[LENGTH];
    format(instant, text);
    return new String(text);
  }

  /**
   * Writes {@link #format(Instant)}'s text into the first {@link #LENGTH} characters of {@code
   * text}, where a page's generator takes it without a string per time.
   *
   * @throws IllegalArgumentException if the instant lies outside years 0000-9999 (UTC)
   */
  static void format(Instant instant, char[] text) {
    requireWritable(instant);
    // By hand rather than through a DateTimeFormatter: every item of a page writes three times,
    // and the formatter's zone handling and field lookups were a visible share of a list page's
    // CPU. The time of day by arithmetic rather than from a LocalDateTime, three per item.
    long seconds = instant.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    text[19] = '.';
    digits(text, 20, instant.getNano() / 1000, 6);
  }

  private static final long SECONDS_PER_DAY = 86_400;

  /**
   * @throws IllegalArgumentException if {@link #format} would refuse the instant
   */
  static void requireWritable(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw new IllegalArgumentException("instant outside years 0000 to 9999: " + instant);
    }
  }

  /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static DateTimeFormatterBuilder dateTime() {
    return new DateTimeFormatterBuilder()
        .parseCaseSensitive()
        .parseStrict()
        .appendValue(YEAR, 4)
        .appendLiteral('-')
        .appendValue(MONTH_OF_YEAR, 2)
        .appendLiteral('-')
        .appendValue(DAY_OF_MONTH, 2)
        .appendLiteral('T')
        .appendValue(HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(MINUTE_OF_HOUR, 2)
        .appendLiteral(':')
        .appendValue(SECOND_OF_MINUTE, 2);
  }
}
