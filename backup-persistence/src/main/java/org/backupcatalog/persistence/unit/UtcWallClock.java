package org.backupcatalog.persistence.unit;

import java.sql.Types;
import java.time.LocalDateTime;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * A {@code LocalDateTime} attribute as it is, with the column left without a Java type: EclipseLink
 * then reads the column through the platform ({@link UtcDerbyPlatform}, {@link
 * UtcPostgreSQLPlatform}), which returns the UTC wall clock as a {@code LocalDateTime}, rather than
 * by {@code ResultSet.getTimestamp(column)} in the JVM's zone. The column keeps its SQL type, so
 * that a NULL is bound as a TIMESTAMP.
 */
final class UtcWallClock extends AsThePlatformReadsIt {

  private static final long serialVersionUID = 1L;

  UtcWallClock() {
    super(LocalDateTime.class, "A TIMESTAMP column");
  }

  @Override
  public void initialize(DatabaseMapping mapping, Session session) {
    ((AbstractDirectMapping) mapping).getField().setSqlType(Types.TIMESTAMP);
  }
}
