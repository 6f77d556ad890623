package org.backupcatalog.web.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.web.testing.Answer;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operational endpoints and the OpenAPI document over HTTP, on a catalog the subclass gives
 * (the jar in {@link OperationsIT}, the WAR on each server in the server suites): a broad set of
 * API calls, every class of answer, each validated against the document's schema for its route and
 * status; health without a token; the document in YAML and JSON; metrics after that traffic; an
 * access line and an audit line in the log. The catalog must accept {@link TestTokens}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperationsChecks {

  static final String PROJECT = "ops-project";
  static final String OTHER = "ops-other";
  private static final Duration LOG_WAIT = Duration.ofSeconds(10);
  private static final Pattern RECORD_START =
      Pattern.compile(
          "(\\u001B\\[[0-9;]*m)*(\\[2|\\{|[0-9]{2}:[0-9]{2}:[0-9]{2},[0-9]{3} |[0-9]{4}-[0-9]{2}-[0-9]{2} )");

  private final String member = TestTokens.member(PROJECT).subject("ops-member").build();
  private final String admin = TestTokens.admin(PROJECT).subject("ops-admin").build();
  private final String engine = TestTokens.engine(PROJECT).subject("ops-engine").build();

  protected abstract RunningCatalog catalog();

  /** The {@code backup.metrics.token} the catalog runs with, if any. */
  protected Optional<String> metricsToken() {
    return Optional.empty();
  }

  private boolean seeded;

  /**
   * Items in two projects, once; on first use rather than in a {@code @BeforeAll}, which would run
   * before the subclass has started its catalog.
   */
  private void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    CatalogClient client = new CatalogClient(catalog());
    List<CheckpointItem> items = RandomCatalogs.items().sampleStream().limit(5).toList();
    for (int i = 0; i < items.size(); i++) {
      client.store(items.get(i).withId("ops-item-" + i).withProjectId(PROJECT));
      client.store(items.get(i).withId("ops-other-" + i).withProjectId(OTHER));
    }
  }

  @Test
  void everyAnswerOfTheApiConformsToTheDocument() {
    seed();
    String items = "v1/" + PROJECT + "/checkpoint_items";
    List<Call> calls = new ArrayList<>();
    calls.add(get(items, member));
    calls.add(get(items + "?limit=2", member));
    calls.add(get(items + "?limit=2&marker=ops-item-3&sort=name:asc,created_at", member));
    calls.add(get(items + "?status=available&status=error&name=a&limit=5000", member));
    calls.add(get(items + "?start_time=2000-01-01T00:00:00Z&end_time=2100-01-01T00:00:00", member));
    calls.add(get(items + "?all_tenants=true&limit=3", admin));
    calls.add(get(items + "/count", member));
    calls.add(get(items + "/count?all_tenants=1", admin));
    calls.add(get(items + "/ops-item-1", member));
    calls.add(get(items + "/no-such-item", member));
    calls.add(get(items + "?limit=0", member));
    calls.add(get(items + "?sort=size", member));
    calls.add(get(items + "?all_tenants=true", member));
    calls.add(get("v1/" + OTHER + "/checkpoint_items", member));
    calls.add(get(items, null));
    calls.add(get(items, "not-a-token"));
    calls.add(get("v2/nothing/here", admin));
    CheckpointItem item = RandomCatalogs.items().sample().withId("ops-written");
    calls.add(put(items + "/ops-written", engine, item, MediaType.APPLICATION_JSON, null));
    calls.add(put(items + "/ops-written", engine, item, MediaType.APPLICATION_JSON, null));
    calls.add(put(items + "/ops-written", engine, item, MediaType.APPLICATION_JSON, "\"stale\""));
    calls.add(put(items + "/ops-written", engine, item, MediaType.TEXT_PLAIN, null));
    calls.add(put(items + "/ops-written", member, item, MediaType.APPLICATION_JSON, null));
    calls.add(
        new Call(
            "PUT",
            items + "/ops-bad",
            request(items + "/ops-bad", engine)
                .buildPut(Entity.entity("{\"checkpoint_item\": {}}", MediaType.APPLICATION_JSON))));
    calls.add(
        new Call(
            "PUT",
            items + "/ops-big",
            request(items + "/ops-big", engine)
                .buildPut(
                    Entity.entity(
                        "{\"x\": \"" + "a".repeat(1_100_000) + "\"}", "application/json"))));
    calls.add(
        new Call(
            "GET",
            items,
            catalog()
                .target(items)
                .request(MediaType.APPLICATION_XML)
                .header("X-Auth-Token", member)
                .buildGet()));
    calls.add(
        new Call(
            "POST",
            items,
            request(items, admin).buildPost(Entity.entity("{}", MediaType.APPLICATION_JSON))));
    calls.add(
        new Call(
            "DELETE",
            items + "/ops-written",
            request(items + "/ops-written", engine).buildDelete()));
    calls.add(
        new Call(
            "DELETE",
            items + "/ops-written",
            request(items + "/ops-written", engine).buildDelete()));

    List<Integer> statuses = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Call call : calls) {
      Answer answer = Answer.of(call.invocation().invoke());
      statuses.add(answer.status());
      String path = URI.create("http://x/" + call.path()).getRawPath();
      ApiDocument.get()
          .problems(call.method(), path, answer.status(), answer.body())
          .forEach(p -> problems.add(call.method() + " " + call.path() + " -> " + p));
    }
    assertEquals(List.of(), problems);
    // The replay reached every class of answer the document names.
    for (int status : new int[] {200, 201, 204, 400, 401, 403, 404, 405, 406, 412, 413, 415}) {
      assertTrue(statuses.contains(status), () -> status + " never answered: " + statuses);
    }
  }

  @Test
  void healthAnswersWithoutATokenInMicroProfileShape() {
    for (String path : List.of("health", "health/live", "health/ready")) {
      Answer answer = Answer.of(catalog().target(path).request().get());
      assertEquals(200, answer.status(), answer::toString);
      assertEquals(List.of(), ApiDocument.get().problems("GET", "/" + path, 200, answer.body()));
      assertEquals("UP", answer.json().getString("status"));
    }
    JsonObject ready = Answer.of(catalog().target("health/ready").request().get()).json();
    assertEquals(
        List.of("catalog-database", "catalog-schema"),
        ready.getJsonArray("checks").stream()
            .map(c -> c.asJsonObject().getString("name"))
            .toList());
    assertEquals(200, Answer.of(catalog().target("health").request().head()).status());
  }

  @Test
  void theOpenApiDocumentIsServedAsYamlAndAsJson() {
    OpenApiDocument document = OpenApiDocument.load();
    Answer yaml = Answer.of(catalog().target("openapi").request().get());
    assertEquals(200, yaml.status(), yaml::toString);
    assertTrue(yaml.header("Content-Type").startsWith("application/yaml"), yaml::toString);
    assertEquals(document.yaml(), yaml.body());
    Answer json =
        Answer.of(catalog().target("openapi").queryParam("format", "JSON").request().get());
    assertTrue(json.header("Content-Type").startsWith("application/json"), json::toString);
    assertEquals(document.json(), json.body());
    Answer accepted =
        Answer.of(catalog().target("openapi").request(MediaType.APPLICATION_JSON).get());
    assertEquals(document.json(), accepted.body());
  }

  @Test
  void metricsCountTheTrafficInPrometheusText() {
    seed();
    String list = "v1/" + PROJECT + "/checkpoint_items";
    for (int i = 0; i < 3; i++) {
      Answer.of(request(list + "", member).get()).assertOk(200);
    }
    Invocation.Builder scrape = catalog().target("metrics").request();
    metricsToken().ifPresent(t -> scrape.header("Authorization", "Bearer " + t));
    Answer metrics = Answer.of(scrape.get());
    assertEquals(200, metrics.status(), metrics::toString);
    assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics::toString);
    String text = metrics.body();
    for (Predicate<String> expected :
        List.<Predicate<String>>of(
            t ->
                t.contains(
                    "catalog_http_requests_seconds_count{method=\"GET\",route=\"/v1/{project_id}/checkpoint_items\",status=\"2xx\"}"),
            t ->
                t.contains(
                    "catalog_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/{project_id}/checkpoint_items\",status=\"2xx\",le=\"0.1\"}"),
            t -> t.contains("route=\"/v1/{project_id}/checkpoint_items/{id}\",status=\"2xx\""),
            t -> t.contains("catalog_page_items_count{all_tenants=\"false\"}"),
            t -> t.contains("catalog_db_requests_in_flight"),
            t -> t.matches("(?s).*\\ncatalog_schema_version [1-9][0-9.]*\\n.*"),
            t -> t.contains("jvm_memory_used_bytes{area=\"heap\""),
            t -> t.contains("jvm_gc_"))) {
      assertTrue(expected.test(text), () -> "unexpected metrics:\n" + text);
    }
  }

  @Test
  void everyRequestHasAnAccessLineAndCrossTenantReadsAnAuditLine() {
    seed();
    String read = "ops-read-" + UUID.randomUUID();
    Answer.of(
            request("v1/" + PROJECT + "/checkpoint_items/ops-item-1", member)
                .header("X-Request-Id", read)
                .get())
        .assertOk(200);
    String across = "ops-across-" + UUID.randomUUID();
    Answer.of(
            request("v1/" + PROJECT + "/checkpoint_items?all_tenants=true&limit=1000", admin)
                .header("X-Request-Id", across)
                .get())
        .assertOk(200);
    String refused = "ops-refused-" + UUID.randomUUID();
    Answer.of(
            request("v1/" + PROJECT + "/checkpoint_items?all_tenants=true", member)
                .header("X-Request-Id", refused)
                .get())
        .assertError(403, "APIGW.0302");

    String access = awaitLine(read, "org.backupcatalog.access");
    for (String part : List.of("/v1/{project_id}/checkpoint_items/{id}", "200", "ops-member")) {
      assertTrue(access.contains(part), () -> part + " missing from " + access);
    }
    String audit = awaitLine(across, "org.backupcatalog.audit");
    for (String part :
        List.of("list_all_tenants", "ops-admin", OTHER, PROJECT, "all_tenants=true")) {
      assertTrue(audit.contains(part), () -> part + " missing from " + audit);
    }
    String attempt = awaitLine(refused, "org.backupcatalog.audit");
    for (String part : List.of("list_all_tenants", "ops-member", "403")) {
      assertTrue(attempt.contains(part), () -> part + " missing from " + attempt);
    }
  }

  /** The line of the log that names this request id and this logger (text or JSON lines). */
  protected String awaitLine(String requestId, String logger) {
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    while (true) {
      Optional<String> line = record(catalog().logText().lines().toList(), requestId, logger);
      if (line.isPresent()) {
        return line.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + logger + " line for request " + requestId);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * The log record of this logger that names the request id: one line (JSON lines, Payara Micro's
   * one-line records), or a record that starts on an earlier line (Payara Server writes the logger
   * on the record's first line and the message on the next).
   */
  private static Optional<String> record(List<String> lines, String requestId, String logger) {
    for (int k = 0; k < lines.size(); k++) {
      if (!lines.get(k).contains(requestId)) {
        continue;
      }
      int start = k;
      while (start > 0 && !lines.get(start).contains(logger) && !startsRecord(lines.get(start))) {
        start--;
      }
      String record = String.join("\n", lines.subList(start, k + 1));
      if (record.contains(logger)) {
        return Optional.of(record);
      }
    }
    return Optional.empty();
  }

  /**
   * The first line of a record in one of the servers' formats, after any colour codes: Payara's
   * {@code [2026-...}, a JSON line, WildFly's console {@code 13:32:52,661 } and its server.log
   * {@code 2026-12-01 13:32:52,661 }. A line of WildFly's must count as a start of its own, or the
   * search would join it to an earlier record of the logger (an access line with the audit line of
   * an earlier request).
   */
  private static boolean startsRecord(String line) {
    return RECORD_START.matcher(line).lookingAt();
  }

  /** A request to a path relative to the catalog, with its query string as written. */
  protected Invocation.Builder request(String pathAndQuery, String token) {
    Invocation.Builder request =
        catalog().client().target(catalog().baseUri().resolve(pathAndQuery)).request();
    return token == null ? request : request.header("X-Auth-Token", token);
  }

  private Call get(String pathAndQuery, String token) {
    return new Call("GET", pathAndQuery, request(pathAndQuery, token).buildGet());
  }

  private Call put(String path, String token, CheckpointItem item, String type, String ifMatch) {
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add(
                "checkpoint_item",
                org.backupcatalog.api.CheckpointItemJson.write(item.withProjectId(null), false))
            .build()
            .toString();
    Invocation.Builder request = request(path, token);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return new Call("PUT", path, request.buildPut(Entity.entity(body, type)));
  }

  private record Call(String method, String path, Invocation invocation) {}
}
