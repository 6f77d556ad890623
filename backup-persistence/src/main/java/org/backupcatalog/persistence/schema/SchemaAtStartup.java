package org.backupcatalog.persistence.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the catalog's database when the application starts, before the first request, then
 * announces {@link CatalogSchemaReady} for whatever needs the tables at start (the demo data).
 */
@ApplicationScoped
public class SchemaAtStartup {

  private static final Logger LOG = Logger.getLogger(SchemaAtStartup.class.getName());

  @Resource(lookup = "java:app/jdbc/backup")
  private DataSource dataSource;

  @Inject private Event<CatalogSchemaReady> ready;

  void migrate(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    SchemaMigration.migrate(dataSource);
    LOG.info("Catalog schema is up to date");
    ready.fire(new CatalogSchemaReady(dataSource));
  }
}
