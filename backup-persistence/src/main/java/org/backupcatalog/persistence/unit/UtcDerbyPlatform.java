package org.backupcatalog.persistence.unit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.platform.database.DerbyPlatform;

/**
 * EclipseLink's Derby platform, with the catalog's times (UTC {@link LocalDateTime}s in TIMESTAMP
 * columns) bound and read through a UTC calendar. EclipseLink's own platform converts them through
 * {@code java.sql.Timestamp} in the JVM's zone, which loses the local times that zone skips (02:30
 * on the day clocks go forward comes back as 03:30); Derby has no {@code java.time} binding. The
 * item's lists ({@code CLOB}) are read as text directly.
 */
public class UtcDerbyPlatform extends DerbyPlatform {

  private static final long serialVersionUID = 1L;

  /** Derby sets the calendar's fields while it converts: one per thread, never shared. */
  private static final ThreadLocal<Calendar> UTC =
      ThreadLocal.withInitial(
          () -> new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT));

  @Override
  public void setParameterValueInDatabaseCall(
      Object parameter, PreparedStatement statement, int index, AbstractSession session)
      throws SQLException {
    if (parameter instanceof LocalDateTime time) {
      statement.setTimestamp(index, Timestamp.from(time.toInstant(ZoneOffset.UTC)), UTC.get());
    } else {
      super.setParameterValueInDatabaseCall(parameter, statement, index, session);
    }
  }

  @Override
  public Object getObjectFromResultSet(
      ResultSet resultSet, int columnNumber, int type, AbstractSession session)
      throws SQLException {
    if (type == Types.CLOB) {
      // The item's lists as text at once: read as a Clob, Derby first copies the value into a
      // temporary LOB that EclipseLink then reads back, at twice the time and memory per row.
      return resultSet.getString(columnNumber);
    }
    if (type != Types.TIMESTAMP) {
      return super.getObjectFromResultSet(resultSet, columnNumber, type, session);
    }
    Timestamp time = resultSet.getTimestamp(columnNumber, UTC.get());
    // Its seconds and nanoseconds as they are: LocalDateTime.ofInstant(time.toInstant(), UTC)
    // made an Instant and a ZoneRules per value, a tenth of what a 1000-item page allocates.
    return time == null
        ? null
        : LocalDateTime.ofEpochSecond(
            Math.floorDiv(time.getTime(), 1000), time.getNanos(), ZoneOffset.UTC);
  }
}
