package org.backupcatalog.web.operations;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Graceful shutdown: from the moment the JVM is told to stop (SIGTERM, SIGINT), readiness is DOWN
 * ({@link Health}) and new requests are refused with 503 ({@link ShutdownRefusalFilter}), while the
 * requests already inside are counted down to zero, at most for the grace period.
 *
 * <p>The servers' own shutdown closes the HTTP listener first, cutting what is in flight. Payara
 * Micro keeps everything running for its shutdown grace ({@code --shutdowngrace <ms>}, the system
 * property {@code fish.payara.shutdowngrace}) before it stops anything, which is what lets the
 * requests finish; this listener makes that period useful (nothing new starts, probes see DOWN) and
 * logs how the drain ended; the wait is bounded by that grace. Plain static state rather than a CDI
 * bean: the JVM's shutdown hook runs outside any request or CDI context.
 */
@WebListener
public class ShutdownDrain implements ServletContextListener, ServletRequestListener {

  /** Payara's shutdown grace, in milliseconds (PAYARA-3344). */
  static final String PAYARA_GRACE = "fish.payara.shutdowngrace";

  private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
  private static final Object LOCK = new Object();
  private static int inFlight;
  private static volatile boolean stopping;

  private Thread hook;

  /** True from the moment the JVM or the server starts taking the catalog down. */
  public static boolean stopping() {
    return stopping;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    stopping = false;
    Duration grace = grace();
    hook = new Thread(() -> drain(grace), "catalog-shutdown-drain");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    stopping = true;
    try {
      // An undeployment without a JVM shutdown: no hook may keep this class loader alive.
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownUnderWay) {
      // The hook is running or has run: nothing to remove.
    }
  }

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    synchronized (LOCK) {
      inFlight++;
    }
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    synchronized (LOCK) {
      inFlight--;
      LOCK.notifyAll();
    }
  }

  private static void drain(Duration grace) {
    stopping = true;
    long start = System.nanoTime();
    long deadline = start + grace.toNanos();
    int atStart;
    int left;
    synchronized (LOCK) {
      atStart = inFlight;
      while (inFlight > 0 && System.nanoTime() < deadline) {
        try {
          LOCK.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      left = inFlight;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // System.err: the server's log handlers may already be closing.
    System.err.printf(
        "Catalog shutdown: %d requests in flight at the signal, %d left after %.1f s (grace %d s)%n",
        atStart, left, seconds, grace.toSeconds());
    LOG.fine(() -> "drain ended with " + left + " requests running");
  }

  /**
   * Payara's grace, or none: where the server stops at once, waiting here would only delay the
   * JVM's exit for requests that the server is cutting anyway.
   */
  static Duration grace() {
    String payara = System.getProperty(PAYARA_GRACE);
    if (payara != null && payara.matches("\\d{1,9}")) {
      return Duration.ofMillis(Long.parseLong(payara));
    }
    return Duration.ZERO;
  }
}
