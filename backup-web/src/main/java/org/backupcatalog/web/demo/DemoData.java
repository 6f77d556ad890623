package org.backupcatalog.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.backupcatalog.domain.catalog.CheckpointItemCatalog;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.persistence.schema.CatalogSchemaReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo data once the schema is ready at start, when {@code backup.demo-data} (environment
 * {@code BACKUP_DEMO_DATA}) is true and the catalog is empty. A failure is logged, not thrown: the
 * service itself works without its demo data.
 */
@ApplicationScoped
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "backup.demo-data", defaultValue = "false")
  boolean enabled;

  @Inject CheckpointItemCatalog catalog;

  @Inject CheckpointItemIngest ingest;

  void load(@Observes CatalogSchemaReady ready) {
    if (!enabled) {
      return;
    }
    long start = System.nanoTime();
    try {
      new DemoCatalog(catalog, ingest)
          .fillIfEmpty()
          .ifPresentOrElse(
              filled ->
                  LOG.info(
                      () ->
                          String.format(
                              "Demo data: %d hand-made and %,d generated items in %s (%.1f s)",
                              filled.handMade(),
                              filled.generated(),
                              DemoProjects.IDS,
                              (System.nanoTime() - start) / 1e9)),
              () -> LOG.info("Demo data: the catalog already holds items, none added"));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo data could not be loaded; the service runs without it", e);
    }
  }
}
