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
import java.util.concurrent.atomic.AtomicLong;
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

  /** How recent an API answer must be to stand for a probe. */
  static final long RECENT_NANOS = 1_000_000_000L;

  /**
   * When an API request last got a 2xx answer that needed the database (System.nanoTime), or {@code
   * Long.MIN_VALUE}. Shared by the deployment's requests; static because it is written on every
   * request from {@link RequestLog}, which must not need the probe's resources.
   */
  private static final AtomicLong LAST_ANSWER = new AtomicLong(Long.MIN_VALUE);

  private final AtomicReference<CompletableFuture<Boolean>> inFlight = new AtomicReference<>();

  /** An API request was answered from the database just now. */
  static void answeredFromDatabase() {
    LAST_ANSWER.set(System.nanoTime());
  }

  /**
   * True when the database answered an API request within the last second, else when a probe
   * succeeds. A busy catalog whose 32 pool connections are all serving pages is therefore ready: an
   * active probe would wait for a connection, time out and take a healthy instance out of the load
   * balancer exactly when it is busiest. During an outage requests fail (503), so the probe runs
   * and says DOWN.
   */
  public boolean reachable() {
    long last = LAST_ANSWER.get();
    if (last != Long.MIN_VALUE && System.nanoTime() - last < RECENT_NANOS) {
      return true;
    }
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
