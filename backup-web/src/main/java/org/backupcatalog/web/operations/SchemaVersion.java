package org.backupcatalog.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.backupcatalog.persistence.schema.CatalogSchemaReady;

/**
 * Puts the schema's Flyway version into {@code catalog_schema_version} once the migration is done:
 * the version the migration found applied or applied itself (what the database holds, not what the
 * WAR carries), so no second Flyway reads the history table at start.
 */
@ApplicationScoped
public class SchemaVersion {

  @Inject CatalogMetrics metrics;

  void migrated(@Observes CatalogSchemaReady ready) {
    if (ready.schemaVersion() != null) {
      metrics.schemaVersion(Double.parseDouble(ready.schemaVersion()));
    }
  }
}
