package org.backupcatalog.persistence.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.api.Test;

class StartWithoutDatabaseTest {

  @Test
  void aFailedReadIsNotRetriedByEclipseLink() {
    DatabaseLogin login = new DatabaseLogin();
    login.setDriverClassName("org.apache.derby.iapi.jdbc.AutoloadedDriver");
    login.setURL("jdbc:derby:memory:start-without-database-test;create=true");
    DatabaseSession session = new Project(login).createDatabaseSession();
    assertNotEquals(0, login.getQueryRetryAttemptCount(), "EclipseLink's default retries");

    new StartWithoutDatabase().customize(session);

    assertEquals(0, ((DatabaseLogin) session.getDatasourceLogin()).getQueryRetryAttemptCount());
    assertEquals(
        UtcDerbyPlatform.class, session.getDatasourceLogin().getDatasourcePlatform().getClass());
  }

  @Test
  void eachDatabaseGetsItsUtcPlatform() {
    assertEquals(UtcDerbyPlatform.class, UtcPlatforms.of("Apache Derby").getClass());
    assertEquals(UtcPostgreSQLPlatform.class, UtcPlatforms.of("PostgreSQL").getClass());
    assertThrows(IllegalStateException.class, () -> UtcPlatforms.of("MySQL"));
  }
}
