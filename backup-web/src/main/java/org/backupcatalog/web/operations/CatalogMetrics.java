package org.backupcatalog.web.operations;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The catalog's metrics, in a Prometheus registry of its own (Micrometer, bundled in the WAR) so
 * that the names are the same on every server: requests per route and status class with a latency
 * histogram, items per returned page, requests in flight, the health checks' database probe, the
 * schema version, and the JVM's memory, GC, threads and class loading.
 */
@ApplicationScoped
public class CatalogMetrics {

  /** Latency buckets: from a small count to a 1000-item page on an overloaded machine. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  /** Bucket bounds must be positive: an empty page counts in the first bucket, le="1". */
  private static final double[] PAGE_BUCKETS = {1, 10, 50, 100, 250, 500, 1000};

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /**
   * The request and page meters, described once: building them per request converted the buckets
   * anew every time (about 1 % of a 100-item page). Each tag combination is still registered on
   * first use and looked up after.
   */
  private final Meter.MeterProvider<Timer> requests =
      Timer.builder("catalog.http.requests")
          .description("Answered requests by route, method and status class")
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .withRegistry(registry);

  private final Meter.MeterProvider<DistributionSummary> pageItems =
      DistributionSummary.builder("catalog.page.items")
          .description("Items per returned list page")
          .serviceLevelObjectives(PAGE_BUCKETS)
          .withRegistry(registry);

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger databaseRequestsInFlight = new AtomicInteger();
  private final AtomicReference<Double> schemaVersion = new AtomicReference<>(Double.NaN);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  public CatalogMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    heapPressure.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("catalog.http.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Requests being answered now")
        .register(registry);
    Gauge.builder("catalog.db.requests.in.flight", databaseRequestsInFlight, AtomicInteger::get)
        .description(
            "API requests being answered now, each holding at most one connection of the pool")
        .register(registry);
    Gauge.builder("catalog.schema.version", schemaVersion, AtomicReference::get)
        .description("The Flyway version of the catalog schema; NaN until it is migrated")
        .register(registry);
  }

  /** One answered request: its route template, method and status class ({@code 2xx}...). */
  public void request(String method, String template, int status, long nanos) {
    requests
        .withTags("method", method, "route", template, "status", status / 100 + "xx")
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The items of one returned list page. */
  public void pageItems(boolean allTenants, int items) {
    pageItems.withTags("all_tenants", Boolean.toString(allTenants)).record(items);
  }

  /** The readiness probe's database check, with its outcome. */
  public void databaseCheck(boolean up, long nanos) {
    Timer.builder("catalog.health.database.check")
        .description("The readiness probe's database checks")
        .tags("outcome", up ? "up" : "down")
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  public void requestStarted(boolean usesDatabase) {
    inFlight.incrementAndGet();
    if (usesDatabase) {
      databaseRequestsInFlight.incrementAndGet();
    }
  }

  public void requestEnded(boolean usesDatabase) {
    inFlight.decrementAndGet();
    if (usesDatabase) {
      databaseRequestsInFlight.decrementAndGet();
    }
  }

  public void schemaVersion(double version) {
    schemaVersion.set(version);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  public void close() {
    gc.close();
    heapPressure.close();
    registry.close();
  }
}
