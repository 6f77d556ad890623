package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.backupcatalog.web.postgres.PostgresServer;
import org.backupcatalog.web.postgres.TcpProxy;
import org.backupcatalog.web.testing.Answer;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OperationsChecks} on the executable jar on PostgreSQL, reached through a {@link TcpProxy}
 * so that readiness can be watched while the database goes away and comes back; with the access and
 * audit lines as JSON lines on standard output ({@code BACKUP_LOG_JSON=stdout}) and a metrics
 * credential of its own ({@code BACKUP_METRICS_TOKEN}).
 */
@ExtendWith(PostgresServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends OperationsChecks {

  private static final String DATABASE = "operations";
  private static final String METRICS_TOKEN = "metrics-scraper-" + UUID.randomUUID();

  private TcpProxy proxy;
  private RunningCatalog catalog;

  @BeforeAll
  void start(PostgresServer server) {
    server.createDatabase(DATABASE, Map.of());
    proxy = new TcpProxy(server.port());
    Map<String, String> environment = new LinkedHashMap<>(server.catalogEnvironment(DATABASE));
    environment.put("BACKUP_DB_PORT", Integer.toString(proxy.port()));
    environment.put(TestTokens.SECRET_VARIABLE, TestTokens.SECRET);
    environment.put("BACKUP_LOG_JSON", "stdout");
    environment.put("BACKUP_METRICS_TOKEN", METRICS_TOKEN);
    catalog = RunningCatalog.start("operations", environment);
  }

  @AfterAll
  void stop() {
    if (catalog != null) {
      catalog.close();
    }
    proxy.close();
  }

  @Override
  protected RunningCatalog catalog() {
    return catalog;
  }

  @Override
  protected Optional<String> metricsToken() {
    return Optional.of(METRICS_TOKEN);
  }

  @Test
  void metricsNeedTheirOwnCredentialWhenOneIsConfigured() {
    Answer.of(catalog.target("metrics").request().get()).assertError(401, "APIGW.0301");
    // A catalog token, even an admin's, does not open the metrics.
    Answer.of(
            catalog
                .target("metrics")
                .request()
                .header("Authorization", "Bearer " + TestTokens.admin(PROJECT).build())
                .get())
        .assertError(401, "APIGW.0301");
    Answer scraped =
        Answer.of(
            catalog
                .target("metrics")
                .request()
                .header("Authorization", "Bearer " + METRICS_TOKEN)
                .get());
    assertEquals(200, scraped.status(), scraped::toString);
  }

  @Test
  void accessAndAuditLinesAreJsonLinesForAShipper() {
    String id = "ops-json-" + UUID.randomUUID();
    Answer.of(
            request("v1/" + PROJECT + "/checkpoint_items/count?all_tenants=true", null)
                .header("X-Auth-Token", TestTokens.admin(PROJECT).subject("json-admin").build())
                .header("X-Request-Id", id)
                .get())
        .assertOk(200);
    JsonObject access = json(awaitLine(id, "org.backupcatalog.access"));
    assertEquals(id, access.getString("request_id"));
    assertEquals("GET", access.getString("method"));
    assertEquals("/v1/{project_id}/checkpoint_items/count", access.getString("route"));
    assertEquals(PROJECT, access.getString("project"));
    assertEquals(200, access.getInt("status"));
    assertTrue(access.getJsonNumber("duration_ms").doubleValue() >= 0);
    assertEquals("json-admin", access.getString("sub"));
    assertEquals("true", access.getString("all_tenants"));
    JsonObject audit = json(awaitLine(id, "org.backupcatalog.audit"));
    assertEquals("count_all_tenants", audit.getString("action"));
    assertEquals("admin", audit.getString("roles"));
    assertEquals("all_tenants=true", audit.getString("query"));
    assertFalse(audit.getString("at").isEmpty());
  }

  /** Last: it cuts the database. */
  @Test
  @Order(Integer.MAX_VALUE)
  void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAsSoonAsItIsBack() {
    proxy.cut();
    long restored;
    try {
      // An API answer from the database in the last second stands for a probe: DOWN comes within
      // a second or so of the cut.
      Answer ready = awaitReady(503);
      assertEquals(503, ready.status(), ready::toString);
      assertEquals(
          List.of(), ApiDocument.get().problems("GET", "/health/ready", 503, ready.body()));
      assertEquals(
          Json.createReader(
                  new StringReader(
                      "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"catalog-database\",\"status\":\"DOWN\"},"
                          + "{\"name\":\"catalog-schema\",\"status\":\"UP\"}]}"))
              .readObject(),
          ready.json());
      assertEquals(503, Answer.of(catalog.target("health").request().get()).status());
      assertEquals(200, Answer.of(catalog.target("health/live").request().get()).status());
      System.out.println("/health/ready with the database down: " + ready.body());
    } finally {
      proxy.restore();
      restored = System.nanoTime();
    }
    Answer ready = awaitReady(200);
    double seconds = (System.nanoTime() - restored) / 1e9;
    System.out.printf("/health/ready UP %.2f s after the database came back%n", seconds);
    assertEquals(200, ready.status(), ready::toString);
    assertTrue(seconds < 5, "UP only after " + seconds + " s");
  }

  /** Probes {@code /health/ready} until it answers this status, at most 10 s. */
  private Answer awaitReady(int status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Answer ready = Answer.of(catalog.target("health/ready").request().get());
    while (ready.status() != status && System.nanoTime() < deadline) {
      ready = Answer.of(catalog.target("health/ready").request().get());
    }
    return ready;
  }

  private static JsonObject json(String line) {
    return Json.createReader(new StringReader(line)).readObject();
  }
}
