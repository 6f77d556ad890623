package org.backupcatalog.persistence.unit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.platform.database.PostgreSQL10Platform;

/**
 * EclipseLink's PostgreSQL platform, with the catalog's times (UTC {@link LocalDateTime}s in
 * TIMESTAMP columns) bound and read as {@code java.time} values, which the driver passes as they
 * are. EclipseLink's own platform converts them through {@code java.sql.Timestamp} in the JVM's
 * zone, which loses the local times that zone skips (02:30 on the day clocks go forward comes back
 * as 03:30).
 */
public class UtcPostgreSQLPlatform extends PostgreSQL10Platform {

  private static final long serialVersionUID = 1L;

  @Override
  public void setParameterValueInDatabaseCall(
      Object parameter, PreparedStatement statement, int index, AbstractSession session)
      throws SQLException {
    if (parameter instanceof LocalDateTime time) {
      statement.setObject(index, time);
    } else {
      super.setParameterValueInDatabaseCall(parameter, statement, index, session);
    }
  }

  @Override
  public Object getObjectFromResultSet(
      ResultSet resultSet, int columnNumber, int type, AbstractSession session)
      throws SQLException {
    if (type != Types.TIMESTAMP) {
      return super.getObjectFromResultSet(resultSet, columnNumber, type, session);
    }
    return resultSet.getObject(columnNumber, LocalDateTime.class);
  }
}
