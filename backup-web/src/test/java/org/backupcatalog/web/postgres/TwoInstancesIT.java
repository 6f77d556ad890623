package org.backupcatalog.web.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.loader.BulkLoad;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the built jar on one PostgreSQL database, as behind a load balancer: whichever
 * instance answers, a client sees one catalog. The instances start at the same time on an empty
 * database, so both run the Flyway migrations at once; Flyway's PostgreSQL lock lets one migrate
 * and the other find the schema current.
 *
 * <p>The database logs the plan of every statement (auto_explain), so that one test can check the
 * plans of the list queries the catalog really sends, on a project of 100,000 items.
 */
@ExtendWith(PostgresServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

  private static final String DATABASE = "two_instances";
  private static final String WALKED = "two-walk";
  private static final String WRITTEN = "two-writes";
  private static final String LARGE = "plans-large";
  private static final int LARGE_ITEMS = 100_000;
  private static final int OTHER_ITEMS = 5_000;

  private PostgresServer server;
  private DataSource database;
  private final List<RunningCatalog> instances = new ArrayList<>();
  private final List<CatalogClient> clients = new ArrayList<>();

  @BeforeAll
  void startTwoInstancesAtOnce(PostgresServer server) {
    this.server = server;
    database = server.createDatabase(DATABASE, PostgresServer.PLAN_LOGGING);
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<RunningCatalog>> starting = new ArrayList<>();
      for (int k = 1; k <= 2; k++) {
        String name = "postgres-instance-" + k;
        starting.add(
            CompletableFuture.supplyAsync(
                () -> RunningCatalog.start(name, server.catalogEnvironment(DATABASE)), starters));
      }
      RuntimeException failure = null;
      for (CompletableFuture<RunningCatalog> start : starting) {
        try {
          instances.add(start.join());
        } catch (CompletionException e) {
          failure = e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      starters.shutdown();
    }
    instances.forEach(instance -> clients.add(new CatalogClient(instance)));
  }

  @AfterAll
  void stop() {
    instances.forEach(RunningCatalog::close);
  }

  @Test
  void migratedOnceThoughBothStartedAtOnce() throws SQLException {
    Map<String, Integer> runs = new LinkedHashMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      while (rs.next()) {
        assertTrue(rs.getBoolean("success"), "migration " + rs.getString("version"));
        runs.merge(rs.getString("version"), 1, Integer::sum);
      }
    }
    assertFalse(runs.isEmpty());
    runs.forEach((version, times) -> assertEquals(1, times, "runs of migration " + version));
  }

  @Test
  void pagesWalkedAcrossBothInstancesAreThePagesOfOne() throws SQLException {
    BulkLoad.of(1_500, List.of(WALKED)).withIdPrefix("walk-").into(database);
    String token = TestTokens.member(WALKED).build();
    List<String> queries =
        List.of(
            "limit=100",
            "sort=name:asc&limit=150",
            "status=available&limit=120",
            "sort=protected_at:asc,updated_at:desc&limit=200",
            "name=auto&sort=updated_at&limit=90");
    for (String query : queries) {
      List<JsonObject> one = walk(query, token, false);
      List<JsonObject> both = walk(query, token, true);
      assertTrue(one.size() > 2, () -> query + " gave " + one.size() + " pages");
      assertEquals(one.size(), both.size(), () -> "pages of " + query);
      long items = 0;
      for (int page = 0; page < one.size(); page++) {
        int p = page;
        assertEquals(
            one.get(page).getJsonArray("checkpoint_items"),
            both.get(page).getJsonArray("checkpoint_items"),
            () -> "page " + p + " of " + query);
        assertEquals(
            nextQuery(one.get(page)), nextQuery(both.get(page)), () -> "link of page " + p);
        items += one.get(page).getJsonArray("checkpoint_items").size();
      }
      long counted =
          CatalogClient.ok(clients.get(1).count(WALKED, parse(query), token))
              .getJsonNumber("count")
              .longValue();
      assertEquals(counted, items, () -> "items walked by " + query);
    }
  }

  @Test
  void aWriteThroughOneInstanceIsReadThroughTheOtherAtOnce() {
    String engine = TestTokens.engine(WRITTEN).build();
    String member = TestTokens.member(WRITTEN).build();
    CheckpointItem item =
        RandomCatalogs.items().sample().withId("two-item-1").withProjectId(WRITTEN);
    CatalogClient one = clients.get(0);
    CatalogClient two = clients.get(1);

    String etag;
    JsonObject stored;
    try (Response created = put(one, item, engine, null)) {
      assertEquals(201, created.getStatus());
      etag = created.getHeaderString("ETag");
      stored = created.readEntity(JsonObject.class);
    }
    try (Response read = get(two, item.id(), member)) {
      assertEquals(200, read.getStatus());
      assertEquals(etag, read.getHeaderString("ETag"));
      assertEquals(stored, read.readEntity(JsonObject.class));
    }
    assertEquals(List.of(item.id()), ids(two, member));

    // Replaced through the second with the first's ETag; the first then refuses that stale ETag.
    CheckpointItem renamed = renamed(item, "renamed-through-two");
    String newEtag;
    try (Response replaced = put(two, renamed, engine, etag)) {
      assertEquals(200, replaced.getStatus());
      newEtag = replaced.getHeaderString("ETag");
      assertNotEquals(etag, newEtag);
    }
    try (Response read = get(one, item.id(), member)) {
      assertEquals(newEtag, read.getHeaderString("ETag"));
      assertEquals(
          "renamed-through-two",
          read.readEntity(JsonObject.class).getJsonObject("checkpoint_item").getString("name"));
    }
    try (Response stale = put(one, item, engine, etag)) {
      assertEquals(412, stale.getStatus());
    }

    try (Response deleted = delete(one, item.id(), engine)) {
      assertEquals(204, deleted.getStatus());
    }
    try (Response gone = get(two, item.id(), member)) {
      assertEquals(404, gone.getStatus());
      assertEquals("CSBS.3001", gone.readEntity(JsonObject.class).getString("error_code"));
    }
    assertEquals(List.of(), ids(two, member));
    try (Response again = delete(two, item.id(), engine)) {
      assertEquals(404, again.getStatus());
    }
  }

  /**
   * The three list queries of a large project, as the catalog sends them and PostgreSQL runs them:
   * the default list, a filtered one and a page deep behind a marker each read an index in the
   * effective order, sort nothing, and read about one page of rows, however deep the page.
   */
  @Test
  void listQueriesReadAnIndexRangeOfAboutOnePage() throws SQLException {
    fillLarge();
    String token = TestTokens.member(LARGE).build();
    String marker = idAt(LARGE_ITEMS / 2);
    long logStart = server.logLength();
    CatalogClient one = clients.get(0);
    CatalogClient.ok(one.list(LARGE, Map.of(), token));
    CatalogClient.ok(
        one.list(LARGE, Map.of("status", List.of("available"), "name", List.of("auto")), token));
    JsonObject deep = CatalogClient.ok(one.list(LARGE, Map.of("marker", List.of(marker)), token));
    assertEquals(1000, deep.getJsonArray("checkpoint_items").size());

    List<QueryPlans.Plan> pages = listPagePlans(logStart, 3);
    pages.forEach(plan -> System.out.println("Plan of a list page:\n" + plan));
    QueryPlans.Plan first = pages.get(0);
    QueryPlans.Plan filtered = pages.get(1);
    QueryPlans.Plan afterMarker = pages.get(2);
    for (QueryPlans.Plan plan : pages) {
      assertFalse(plan.sorts(), plan::toString);
      assertFalse(plan.hasJoinFilter(), plan::toString);
    }
    for (QueryPlans.Plan plan : pages) {
      assertTrue(plan.scansIndex("ix_item_"), plan::toString);
    }
    // The marker bounds the scan itself: no reading from the project's first item on.
    assertTrue(
        afterMarker.indexConditions().stream().anyMatch(c -> c.contains("created_at <=")),
        afterMarker::toString);
    assertTrue(first.rowsRemoved() < 10, first::toString);
    assertTrue(afterMarker.rowsRemoved() < 10, afterMarker::toString);
  }

  /**
   * One project of {@value #LARGE_ITEMS} items and ten of {@value #OTHER_ITEMS}, written by SQL in
   * seconds (the bulk loader takes minutes for as many): 80% available, half named {@code
   * autobk_...}, three items of a project per creation time, as in policy runs.
   */
  private void fillLarge() throws SQLException {
    fill(LARGE, "large-", LARGE_ITEMS);
    for (int k = 0; k < 10; k++) {
      fill("plans-other-" + k, "other-" + k + "-", OTHER_ITEMS);
    }
    try (Connection c = database.getConnection();
        Statement analyze = c.createStatement()) {
      analyze.execute("ANALYZE checkpoint_item");
    }
  }

  private void fill(String project, String idPrefix, int items) throws SQLException {
    String insert =
        "INSERT INTO checkpoint_item (id, project_id, revision, name, name_folded, status,"
            + " resource_id, resource_type, checkpoint_id, created_at, updated_at, protected_at,"
            + " protected_order, has_app_consistency, region_name)"
            + " SELECT ? || lpad(to_hex(n), 8, '0'), ?, 'r', nm, lower(nm), st,"
            + " 'resource-' || (n % 500), 'OS::Nova::Server', 'checkpoint-' || n, t, t,"
            + " CASE WHEN st = 'available' THEN t END,"
            + " CASE WHEN st = 'available' THEN t ELSE timestamp '9999-12-31 23:59:59.999999' END,"
            + " false, 'eu-de'"
            + " FROM (SELECT n,"
            + " CASE WHEN n % 2 = 0 THEN 'autobk_' ELSE 'Manual_' END || to_hex(n % 65536) AS nm,"
            + " CASE WHEN n % 10 < 8 THEN 'available' WHEN n % 10 = 8 THEN 'error'"
            + " ELSE 'deleting' END AS st,"
            + " timestamp '2025-01-01 00:00:00' + (n / 3) * interval '1 minute' AS t"
            + " FROM generate_series(1, ?) AS n) AS generated";
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(insert)) {
      s.setString(1, idPrefix);
      s.setString(2, project);
      s.setInt(3, items);
      s.executeUpdate();
    }
  }

  private String idAt(int position) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM checkpoint_item WHERE project_id = ?"
                    + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT 1")) {
      s.setString(1, LARGE);
      s.setInt(2, position - 1);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  /** The plans of the list pages logged since {@code logStart}, waiting a little for the log. */
  private List<QueryPlans.Plan> listPagePlans(long logStart, int expected) {
    List<QueryPlans.Plan> pages = List.of();
    for (int attempt = 0; attempt < 50 && pages.size() < expected; attempt++) {
      pages =
          QueryPlans.in(server.logSince(logStart)).stream()
              .filter(QueryPlans.Plan::isListPage)
              .toList();
      if (pages.size() < expected) {
        pause();
      }
    }
    assertEquals(expected, pages.size(), () -> "plans in " + server.logSince(logStart));
    return pages;
  }

  /**
   * The pages of a list, each {@code next} link followed as the Go SDKs do; with {@code alternate}
   * the requests go to the second instance, then the first, and so on, with the link's path and
   * query unchanged.
   */
  private List<JsonObject> walk(String query, String token, boolean alternate) {
    List<JsonObject> pages = new ArrayList<>();
    JsonObject page =
        CatalogClient.ok(clients.get(alternate ? 1 : 0).list(WALKED, parse(query), token));
    for (int k = 1; k <= 100; k++) {
      pages.add(page);
      JsonArray links = page.getJsonArray("checkpoint_items_links");
      if (links.isEmpty()) {
        return pages;
      }
      URI next = URI.create(links.getJsonObject(0).getString("href"));
      int instance = alternate ? (k + 1) % 2 : 0;
      URI sent =
          instances
              .get(instance)
              .baseUri()
              .resolve(next.getRawPath().substring(1) + "?" + next.getRawQuery());
      page = CatalogClient.ok(clients.get(instance).get(sent, token));
    }
    throw new AssertionError("more than 100 pages for " + query);
  }

  private static String nextQuery(JsonObject page) {
    JsonArray links = page.getJsonArray("checkpoint_items_links");
    return links.isEmpty()
        ? null
        : URI.create(links.getJsonObject(0).getString("href")).getRawQuery();
  }

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] nameValue = pair.split("=", 2);
      parameters.computeIfAbsent(nameValue[0], n -> new ArrayList<>()).add(nameValue[1]);
    }
    return parameters;
  }

  private static List<String> ids(CatalogClient client, String token) {
    JsonObject page = CatalogClient.ok(client.list(WRITTEN, Map.of(), token));
    return page.getJsonArray("checkpoint_items").stream()
        .map(item -> item.asJsonObject().getString("id"))
        .toList();
  }

  private static Response put(
      CatalogClient client, CheckpointItem item, String token, String ifMatch) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("checkpoint_item", CheckpointItemJson.write(item, false))
            .build();
    var request =
        client.items(item.projectId()).path(item.id()).request().header("X-Auth-Token", token);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
  }

  private static Response get(CatalogClient client, String id, String token) {
    return client.items(WRITTEN).path(id).request().header("X-Auth-Token", token).get();
  }

  private static Response delete(CatalogClient client, String id, String token) {
    return client.items(WRITTEN).path(id).request().header("X-Auth-Token", token).delete();
  }

  private static CheckpointItem renamed(CheckpointItem item, String name) {
    return new CheckpointItem(
        item.id(),
        item.projectId(),
        name,
        item.description(),
        item.status(),
        item.resourceId(),
        item.resourceType(),
        item.checkpointId(),
        item.policyId(),
        item.createdAt(),
        item.updatedAt(),
        item.protectedAt(),
        item.extendInfo(),
        item.backupData());
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
