package org.backupcatalog.web.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the catalog's database answers now: a connection from the server's pool that passes
 * {@code Connection.isValid(1)}, within {@link #TIMEOUT_MILLIS} whatever the network does (a
 * black-holed host would otherwise hold a probe for the driver's connect timeout). Concurrent
 * probes share one check in flight, so a burst of probes is one query.
 */
@ApplicationScoped
public class DatabaseProbe {

  static final long TIMEOUT_MILLIS = 1500;

  private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

  @Resource(lookup = "java:comp/env/jdbc/backup")
  private DataSource dataSource;

  @Resource private ManagedExecutorService executor;

  @Inject CatalogMetrics metrics;

  private final AtomicReference<CompletableFuture<Boolean>> inFlight = new AtomicReference<>();

  public boolean reachable() {
    CompletableFuture<Boolean> check = new CompletableFuture<>();
    CompletableFuture<Boolean> running = inFlight.compareAndExchange(null, check);
    if (running == null) {
      running = check;
      long started = System.nanoTime();
      try {
        executor.execute(() -> complete(check, started));
      } catch (RuntimeException rejected) {
        complete(check, started);
      }
    }
    try {
      return running.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void complete(CompletableFuture<Boolean> check, long started) {
    boolean up = false;
    try (Connection connection = dataSource.getConnection()) {
      up = connection.isValid(1);
    } catch (SQLException | RuntimeException e) {
      // Why is for the log; the probe's answer shows only DOWN.
      LOG.log(Level.FINE, "database check failed", e);
    } finally {
      inFlight.compareAndSet(check, null);
      metrics.databaseCheck(up, System.nanoTime() - started);
      check.complete(up);
    }
  }
}
