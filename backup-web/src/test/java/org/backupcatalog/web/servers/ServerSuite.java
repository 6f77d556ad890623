package org.backupcatalog.web.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.web.edge.HostileInputChecks;
import org.backupcatalog.web.item.ListQueryChecks;
import org.backupcatalog.web.operations.OperationsChecks;
import org.backupcatalog.web.postgres.OutageUnderLoad;
import org.backupcatalog.web.postgres.TcpProxy;
import org.backupcatalog.web.security.AccessMatrixChecks;
import org.backupcatalog.web.testing.Answer;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.RunningCatalog.Server;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The executable jar's black-box checks, unchanged, on the WAR deployed to another server by its
 * run.sh (a subclass names the server with {@link OnServer}): a walk of random queries against the
 * reference model, the access matrix of every endpoint, a PUT/GET/DELETE round with {@code
 * If-Match}, the container's errors as JSON, the operational endpoints (health, OpenAPI, metrics,
 * access and audit lines), and 503 while the database is unreachable. The checks run in this order
 * on one catalog; the list checks come first, so that {@code all_tenants} sees exactly their items.
 */
@ExtendWith(ServerCatalog.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
public abstract class ServerSuite {

  private static final String PROJECT = "server-items";
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  private RunningCatalog catalog;
  private TcpProxy database;

  @BeforeAll
  void start(RunningCatalog catalog, TcpProxy database) {
    this.catalog = catalog;
    this.database = database;
  }

  /** Fewer queries than on the jar: the server suites add to every build. */
  @Nested
  @Order(1)
  class ListQueries extends ListQueryChecks {
    @Override
    protected int queries() {
      return 60;
    }

    @Override
    protected int walks() {
      return 20;
    }
  }

  @Nested
  @Order(2)
  class AccessMatrix extends AccessMatrixChecks {
    @Override
    protected RunningCatalog catalog() {
      return catalog;
    }
  }

  @Nested
  @Order(3)
  class Items {

    @Test
    void putGetReplaceAndDeleteHonourIfMatch() {
      CheckpointItem item =
          RandomCatalogs.items().sample().withId("server-item-1").withProjectId(PROJECT);
      String engine = TestTokens.engine(PROJECT).build();
      CatalogClient client = new CatalogClient(catalog);

      Answer created = Answer.of(client.put(PROJECT, item.id(), item, engine));
      JsonObject stored = created.assertOk(201).getJsonObject("checkpoint_item");
      String firstTag = created.header("ETag");
      assertNotNull(firstTag, created::toString);

      Answer read = Answer.of(get(item.id(), TestTokens.member(PROJECT).build()).invoke());
      assertEquals(stored, read.assertOk(200).getJsonObject("checkpoint_item"));
      assertEquals(firstTag, read.header("ETag"));

      Answer replaced = Answer.of(putWithIfMatch(item, firstTag, "replaced").invoke());
      assertEquals(
          "replaced",
          replaced.assertOk(200).getJsonObject("checkpoint_item").getString("description"));
      assertNotEquals(firstTag, replaced.header("ETag"));

      Answer.of(putWithIfMatch(item, firstTag, "stale").invoke()).assertError(412, "CSBS.2003");

      Answer deleted =
          Answer.of(
              catalog
                  .target("v1/" + PROJECT + "/checkpoint_items/" + item.id())
                  .request()
                  .header("X-Auth-Token", engine)
                  .delete());
      assertEquals(204, deleted.status(), deleted::toString);
      Answer.of(get(item.id(), TestTokens.member(PROJECT).build()).invoke())
          .assertError(404, "CSBS.3001");
    }

    private Invocation putWithIfMatch(CheckpointItem item, String ifMatch, String description) {
      JsonObject body =
          Json.createObjectBuilder()
              .add(
                  "checkpoint_item",
                  Json.createObjectBuilder(CheckpointItemJson.write(item, false))
                      .add("description", description))
              .build();
      return catalog
          .target("v1/" + PROJECT + "/checkpoint_items/" + item.id())
          .request()
          .header("X-Auth-Token", TestTokens.engine(PROJECT).build())
          .header("If-Match", ifMatch)
          .buildPut(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }
  }

  /**
   * After the list checks, whose all_tenants counts must see only their own items. Each server's
   * listener refuses its own set of malformed requests (edge/Listener, docs/edge.md).
   */
  @Nested
  @Order(4)
  class HostileInput extends HostileInputChecks {
    @Override
    protected RunningCatalog catalog() {
      return catalog;
    }

    @Override
    protected int requests() {
      return 4_000;
    }

    @Override
    protected String where() {
      return ServerSuite.this.getClass().getSimpleName();
    }

    @Override
    protected Server server() {
      return ServerSuite.this.getClass().getAnnotation(OnServer.class).value();
    }
  }

  @Nested
  @Order(5)
  class ContainerErrors {

    private final String admin = TestTokens.admin(PROJECT).build();

    @Test
    void anUnknownPathIsJson() {
      Answer.of(catalog.target("v2/nothing/here").request().header("X-Auth-Token", admin).get())
          .assertError(404, "APIGW.0101");
    }

    @Test
    void aMethodThePathDoesNotAllowIsJson() {
      Answer.of(
              list()
                  .header("X-Auth-Token", admin)
                  .post(Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE)))
          .assertError(405, "APIGW.0405");
    }

    @Test
    void anAcceptWithoutJsonIsJson() {
      Answer.of(
              catalog
                  .target("v1/" + PROJECT + "/checkpoint_items")
                  .request(MediaType.APPLICATION_XML_TYPE)
                  .header("X-Auth-Token", admin)
                  .get())
          .assertError(406, "APIGW.0406");
    }

    @Test
    void noTokenIsJson() {
      Answer.of(list().get()).assertError(401, "APIGW.0301");
    }

    private Invocation.Builder list() {
      return catalog.target("v1/" + PROJECT + "/checkpoint_items").request();
    }
  }

  /** Health, the OpenAPI document, metrics and logs answer as on the jar. */
  @Nested
  @Order(6)
  class Operations extends OperationsChecks {
    @Override
    protected RunningCatalog catalog() {
      return catalog;
    }
  }

  /** Last: it cuts the database, and checks that the catalog recovers by itself. */
  @Nested
  @Order(7)
  class DatabaseOutage {

    @Test
    void answers503WhileTheDatabaseIsUnreachableAndRecovers() {
      String member = TestTokens.member(PROJECT).build();
      String engine = TestTokens.engine(PROJECT).build();
      CheckpointItem lost =
          RandomCatalogs.items().sample().withId("outage-item").withProjectId(PROJECT);
      List<Supplier<Invocation>> reads =
          List.of(
              () -> request("", member).buildGet(),
              () -> request("/count", member).buildGet(),
              () -> get("server-item-1", member));
      database.cut();
      try {
        for (Supplier<Invocation> call : reads) {
          Answer.of(call.get().invoke()).assertError(503, "CSBS.9998");
        }
        Answer.of(new CatalogClient(catalog).put(PROJECT, lost.id(), lost, engine))
            .assertError(503, "CSBS.9998");
        // Tokens are checked without the database.
        Answer.of(request("", null).get()).assertError(401, "APIGW.0301");
        // Readiness says so; liveness does not.
        Answer ready = Answer.of(catalog.target("health/ready").request().get());
        for (int probe = 0; probe < 30 && ready.status() != 503; probe++) {
          // An API answer from the database within the last second still counts as ready.
          pause(Duration.ofMillis(100));
          ready = Answer.of(catalog.target("health/ready").request().get());
        }
        assertEquals(503, ready.status(), ready::toString);
        assertEquals("DOWN", ready.json().getString("status"));
        assertEquals(200, Answer.of(catalog.target("health/live").request().get()).status());
      } finally {
        database.restore();
      }
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      int status = 0;
      while (System.nanoTime() < deadline && status != 200) {
        status = Answer.of(reads.get(0).get().invoke()).status();
      }
      assertEquals(200, status, "not recovered within " + RECOVERY);
      assertEquals(200, Answer.of(catalog.target("health/ready").request().get()).status());
      for (Supplier<Invocation> call : reads.subList(0, 2)) {
        assertEquals(200, Answer.of(call.get().invoke()).status());
      }
      // The PUT refused during the outage stored nothing.
      Answer.of(get(lost.id(), member).invoke()).assertError(404, "CSBS.3001");
    }

    /**
     * Readers and writers under load through a second outage: the figures of docs/edge.md on this
     * server, and no acknowledged write lost.
     */
    @Test
    void underLoadCallsFailFastAndNoAcknowledgedWriteIsLost() throws InterruptedException {
      OutageUnderLoad.Figures figures =
          new OutageUnderLoad(catalog, database, PROJECT + "-load")
              .run(Duration.ofSeconds(3), Duration.ofSeconds(8));
      System.out.println(
          "outage under load (" + ServerSuite.this.getClass().getSimpleName() + "): " + figures);
      assertEquals(List.of(), figures.lost(), "acknowledged writes lost");
      assertEquals(0, figures.nonJson503(), "503s without the contract's body");
      assertTrue(figures.recoveryMillis() >= 0, "recovered: " + figures);
      assertTrue(
          figures.slowestDuringOutageMillis() < 25_000,
          "a call waited beyond the bounded waits: " + figures);
    }

    private Invocation.Builder request(String path, String token) {
      Invocation.Builder request =
          catalog.target("v1/" + PROJECT + "/checkpoint_items" + path).request();
      return token == null ? request : request.header("X-Auth-Token", token);
    }
  }

  private Invocation get(String id, String token) {
    return catalog
        .target("v1/" + PROJECT + "/checkpoint_items/" + id)
        .request()
        .header("X-Auth-Token", token)
        .buildGet();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
