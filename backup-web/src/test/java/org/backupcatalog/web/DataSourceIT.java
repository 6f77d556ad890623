package org.backupcatalog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container (Arquillian on Payara Micro, the real WAR, the executable jar's post-boot
 * commands): the server's resource {@code jdbc/backup} is the embedded Derby database {@code
 * catalog} inside {@code BACKUP_DATA_DIR}, which failsafe sets for the Payara process (see the
 * pom).
 *
 * <p>The token mechanism is left out of the deployment: it would refuse Arquillian's own
 * unauthenticated calls into the WAR, and this class tests the datasource, not security.
 */
@ExtendWith(ArquillianExtension.class)
class DataSourceIT {

  @Resource(lookup = "jdbc/backup")
  private DataSource dataSource;

  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("backup.war")));
    war.delete(
        "/WEB-INF/classes/org/backupcatalog/web/security/TokenAuthenticationMechanism.class");
    return war;
  }

  @Test
  void isDerbyInTheDataDirectory() throws Exception {
    Path dataDirectory = Path.of(System.getenv("BACKUP_DATA_DIR")).toAbsolutePath().normalize();
    try (Connection connection = dataSource.getConnection()) {
      assertTrue(connection.isValid(5));
      assertEquals("Apache Derby", connection.getMetaData().getDatabaseProductName());
      assertEquals(
          "jdbc:derby:" + dataDirectory.resolve("catalog"), connection.getMetaData().getURL());
    }
    assertEquals(dataDirectory.toString(), System.getProperty("derby.system.home"));
    assertEquals(
        dataDirectory.resolve("derby.log").toString(),
        System.getProperty("derby.stream.error.file"));
    assertTrue(Files.isRegularFile(dataDirectory.resolve("catalog").resolve("service.properties")));
  }

  /**
   * The pool traces no SQL: with Payara's default trace listener, every statement it hands out is a
   * reflective proxy that records each JDBC call (the post-boot commands turn it off).
   */
  @Test
  void handsOutStatementsWithoutATracingProxy() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("VALUES 1")) {
      assertFalse(Proxy.isProxyClass(statement.getClass()), statement.getClass().getName());
    }
  }
}
