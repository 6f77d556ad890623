package org.backupcatalog.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.persistence.schema.CatalogSchemaReady;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Puts the schema's Flyway version into {@code catalog_schema_version} once the migration is done,
 * read from the database's own history table (what is applied, not what the WAR carries).
 */
@ApplicationScoped
public class SchemaVersion {

  private static final Logger LOG = Logger.getLogger(SchemaVersion.class.getName());

  @Inject CatalogMetrics metrics;

  void migrated(@Observes CatalogSchemaReady ready) {
    try {
      MigrationInfo current =
          Flyway.configure(Flyway.class.getClassLoader())
              .dataSource(ready.dataSource())
              .load()
              .info()
              .current();
      if (current != null && current.getVersion() != null) {
        metrics.schemaVersion(Double.parseDouble(current.getVersion().getVersion()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the schema version for the metrics", e);
    }
  }
}
