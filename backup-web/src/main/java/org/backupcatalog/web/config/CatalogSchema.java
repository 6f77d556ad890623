package org.backupcatalog.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.backupcatalog.persistence.schema.CatalogSchemaReady;
import org.backupcatalog.persistence.schema.SchemaMigration;
import org.backupcatalog.web.error.FailureClassifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the tables up to date (Flyway) and says whether they are. A database that cannot be
 * reached at start does not fail the deployment: a host that boots the catalog before its database
 * would otherwise need someone to restart it. The catalog then answers 503 and tries again every
 * {@code backup.db.retry-seconds} until the migration succeeds. Any other migration failure (a
 * failed script, a changed checksum) fails the deployment: retrying cannot mend it.
 */
@ApplicationScoped
public class CatalogSchema {

  private static final Logger LOG = Logger.getLogger(CatalogSchema.class.getName());

  @Resource(lookup = "java:comp/env/jdbc/backup")
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject private Event<CatalogSchemaReady> ready;

  @Inject private EarlyMigration early;

  @Inject
  @ConfigProperty(name = "backup.db.retry-seconds", defaultValue = "2")
  int retrySeconds;

  private volatile boolean current;
  private int attempts;

  public boolean isCurrent() {
    return current;
  }

  /**
   * At start: takes the migration {@link EarlyMigration} began during the deployment, or migrates
   * now; or schedules retries while the database is unreachable.
   */
  void migrateAtStart() {
    try {
      Optional<CompletableFuture<String>> started = early.started();
      if (started.isPresent()) {
        migrated(awaited(started.get()));
      } else {
        migrate();
      }
    } catch (RuntimeException e) {
      if (!unreachable(e)) {
        throw e;
      }
      LOG.warning(
          () ->
              "The database is unreachable ("
                  + rootMessage(e)
                  + "); answering 503 and trying again every "
                  + retrySeconds
                  + " s");
      retryLater();
    }
  }

  private void migrate() {
    migrated(SchemaMigration.migrate(dataSource));
  }

  private void migrated(String version) {
    current = true;
    LOG.info("Catalog schema is up to date");
    ready.fire(new CatalogSchemaReady(dataSource, version));
  }

  /** The early migration's outcome, its failure thrown here as if the migration ran here. */
  static String awaited(CompletableFuture<String> migration) {
    try {
      return migration.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void retryLater() {
    scheduler.schedule(this::retry, Math.max(1, retrySeconds), TimeUnit.SECONDS);
  }

  private void retry() {
    attempts++;
    try {
      migrate();
      LOG.info(() -> "The database is back after " + attempts + " retries");
    } catch (RuntimeException e) {
      // Once a minute is enough to show that the catalog is still waiting, and why.
      if (attempts % Math.max(1, 60 / Math.max(1, retrySeconds)) == 0) {
        LOG.log(
            unreachable(e) ? Level.WARNING : Level.SEVERE,
            "The catalog schema is still not migrated: " + rootMessage(e));
      }
      retryLater();
    }
  }

  private static boolean unreachable(Throwable failure) {
    return FailureClassifier.classify(failure).status() == 503;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
