package org.backupcatalog.web.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.backupcatalog.persistence.schema.SchemaMigration;

/**
 * Starts the schema migration as soon as the container begins the CDI deployment, on a thread of
 * its own, so that the database's boot (an embedded Derby reads its log and pages for seconds) and
 * Flyway's check run beside Weld's bean discovery instead of after it, on the start's critical
 * path. {@link CatalogSchema} awaits the result where it used to migrate, and treats it exactly as
 * its own migration: a failure still fails the deployment, an unreachable database still means
 * answering 503 and retrying.
 *
 * <p>The datasource is looked up by the WAR's own reference while the container deploys the web
 * module. A server that does not resolve it at that moment gets no early start: {@link
 * CatalogSchema} then migrates at the application's start, as before.
 */
public class EarlyMigration implements Extension {

  private static final Logger LOG = Logger.getLogger(EarlyMigration.class.getName());

  /**
   * The WAR's reference, where the server resolves it during the deployment, else the server's own
   * name of the resource that the persistence unit and, on Payara, WEB-INF/glassfish-web.xml name.
   */
  static final List<String> DATASOURCE = List.of("java:comp/env/jdbc/backup", "jdbc/backup");

  private volatile CompletableFuture<String> migration;

  void start(@Observes BeforeBeanDiscovery beforeDiscovery) {
    Optional<DataSource> found = lookup();
    if (found.isEmpty()) {
      return;
    }
    DataSource dataSource = found.get();
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.complete(SchemaMigration.migrate(dataSource));
              } catch (Throwable failure) {
                result.completeExceptionally(failure);
              }
            },
            "catalog-early-migration");
    worker.setDaemon(true);
    worker.start();
    migration = result;
  }

  private static Optional<DataSource> lookup() {
    for (String name : DATASOURCE) {
      try {
        return Optional.of((DataSource) new InitialContext().lookup(name));
      } catch (NamingException | RuntimeException notThere) {
        LOG.log(Level.FINE, "No datasource " + name + " yet", notThere);
      }
    }
    LOG.fine("No early migration: the datasource is not resolvable during the deployment");
    return Optional.empty();
  }

  /** The migration started early, if one was: CatalogSchema awaits it instead of migrating. */
  Optional<CompletableFuture<String>> started() {
    return Optional.ofNullable(migration);
  }
}
