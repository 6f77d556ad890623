package org.backupcatalog.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.TimeZone;
import java.util.logging.Logger;

/**
 * The catalog's start, before the first request: sets the JVM's zone and migrates the schema
 * ({@link CatalogSchema}), which then announces {@link
 * org.backupcatalog.persistence.schema.CatalogSchemaReady} to whatever needs the tables (the demo
 * data).
 *
 * <p>It lives in the WAR's own classes on purpose. Payara 6 notifies the start observers of the
 * WAR's library jars first and outside the web module's naming context: there a {@code @Resource}
 * or {@code @PersistenceContext} field fails the deployment ("Lookup failed for
 * java:comp/env/..."), also in beans they call. Observers here, and everything they call, run in
 * the web module's context, where {@code java:app} names resolve. So no library jar should observe
 * {@code @Initialized(ApplicationScoped.class)}.
 */
@ApplicationScoped
public class CatalogStartup {

  private static final Logger LOG = Logger.getLogger(CatalogStartup.class.getName());

  @Inject private CatalogSchema schema;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    useUtc();
    schema.migrateAtStart();
  }

  /**
   * JDBC binds and reads TIMESTAMP values through the JVM's time zone. In a zone with summer time
   * the local times that do not exist there (02:30 on the day clocks go forward) came back an hour
   * late. The catalog's times are UTC, so the JVM's zone must be UTC too; where the catalog shares
   * a server with other applications, start that server with {@code -Duser.timezone=UTC}.
   */
  private static void useUtc() {
    TimeZone utc = TimeZone.getTimeZone("UTC");
    if (!TimeZone.getDefault().hasSameRules(utc)) {
      LOG.warning(
          "The JVM's time zone is "
              + TimeZone.getDefault().getID()
              + "; the catalog sets it to UTC (start the JVM with -Duser.timezone=UTC to avoid this)");
      TimeZone.setDefault(utc);
    }
  }
}
