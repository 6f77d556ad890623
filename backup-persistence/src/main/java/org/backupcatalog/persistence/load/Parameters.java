package org.backupcatalog.persistence.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Binds parameters one after the other, row after row, so that values are listed the way the insert
 * lists its columns and no parameter index is written by hand.
 */
final class Parameters {

  private final PreparedStatement statement;
  private int next = 1;

  Parameters(PreparedStatement statement) {
    this.statement = statement;
  }

  Parameters text(String value) throws SQLException {
    if (value == null) {
      statement.setNull(next++, Types.VARCHAR);
    } else {
      statement.setString(next++, value);
    }
    return this;
  }

  Parameters number(long value) throws SQLException {
    statement.setLong(next++, value);
    return this;
  }

  Parameters number(Long value) throws SQLException {
    if (value == null) {
      statement.setNull(next++, Types.BIGINT);
    } else {
      statement.setLong(next++, value);
    }
    return this;
  }

  Parameters flag(boolean value) throws SQLException {
    statement.setBoolean(next++, value);
    return this;
  }

  /**
   * A UTC time given in microseconds since the epoch, bound as a {@link Timestamp} of the same
   * wall-clock {@link LocalDateTime}: exactly what EclipseLink binds for the entities' times, so
   * that rows from either writer read back alike.
   */
  Parameters time(Long epochMicros) throws SQLException {
    if (epochMicros == null) {
      statement.setNull(next++, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(next++, Timestamp.valueOf(utc(epochMicros)));
    }
    return this;
  }

  static LocalDateTime utc(long epochMicros) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L),
        (int) Math.floorMod(epochMicros, 1_000_000L) * 1000,
        ZoneOffset.UTC);
  }
}
