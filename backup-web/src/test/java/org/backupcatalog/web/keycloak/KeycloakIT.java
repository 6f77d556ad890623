package org.backupcatalog.web.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The built catalog trusting a real Keycloak: the realm {@code backup} of {@code
 * src/test/resources/keycloak/backup-realm.json} imported into Keycloak's own distribution, the
 * catalog started with only {@code BACKUP_AUTH_ISSUER} (keys through discovery), {@code
 * BACKUP_AUTH_AUDIENCE} and {@code BACKUP_AUTH_ROLES_CLAIM=realm_access.roles}, and every token
 * taken from Keycloak's token endpoint. The last tests rotate the realm's keys while the catalog
 * runs.
 *
 * <p>Run with {@code mvn -Pkeycloak ...}; without the profile it is excluded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

  private static final String AUDIENCE = "backup-catalog";
  private static final String CLI = "backup-cli";
  private static final String HOME = "project-a";
  private static final String OTHER = "project-b";

  /** The catalog fetches the key set again at most twice in this interval (KeySetPolicy). */
  private static final Duration PICKUP = Duration.ofSeconds(30);

  private long started;
  private RunningKeycloak keycloak;
  private RunningCatalog catalog;

  @BeforeAll
  void start() {
    started = System.nanoTime();
    // One after the other: started together on two busy cores, the catalog came within seconds
    // of its start timeout.
    keycloak = RunningKeycloak.launch();
    keycloak.awaitRealm();
    catalog =
        RunningCatalog.start(
            "keycloak",
            Map.of(
                "BACKUP_AUTH_ISSUER",
                keycloak.issuer(),
                "BACKUP_AUTH_AUDIENCE",
                AUDIENCE,
                "BACKUP_AUTH_ROLES_CLAIM",
                "realm_access.roles"));
  }

  @AfterAll
  void stop() {
    try {
      if (catalog != null) {
        catalog.close();
      }
    } finally {
      if (keycloak != null) {
        keycloak.close();
      }
    }
    System.out.printf(
        "KeycloakIT: %.1f s from the start of Keycloak and the catalog to the end%n",
        (System.nanoTime() - started) / 1e9);
  }

  private String member() {
    return keycloak.passwordToken(CLI, "alice", "alice-password");
  }

  private String admin() {
    return keycloak.passwordToken(CLI, "ada", "ada-password");
  }

  private String engine() {
    return keycloak.clientToken("backup-engine", "backup-engine-test-secret");
  }

  private int get(String path, String token) {
    try (Response response = request(path, token)) {
      return response.getStatus();
    }
  }

  private JsonObject error(String path, String token) {
    try (Response response = request(path, token)) {
      return response.readEntity(JsonObject.class);
    }
  }

  /** GET of a path with an optional {@code ?name=value} query. */
  private Response request(String pathAndQuery, String token) {
    String[] parts = pathAndQuery.split("\\?", 2);
    WebTarget target = catalog.target(parts[0]);
    if (parts.length == 2) {
      String[] parameter = parts[1].split("=", 2);
      target = target.queryParam(parameter[0], parameter[1]);
    }
    return target.request().header("X-Auth-Token", token).get();
  }

  @Test
  @Order(1)
  void memberReadsItsProject() {
    assertEquals(200, get("v1/" + HOME + "/checkpoint_items", member()));
    assertEquals(200, get("v1/" + HOME + "/checkpoint_items/count", member()));
  }

  @Test
  @Order(2)
  void memberIsForbiddenAnotherProjectAndAllTenants() {
    String token = member();
    assertEquals(403, get("v1/" + OTHER + "/checkpoint_items", token));
    assertEquals(
        "APIGW.0302", error("v1/" + OTHER + "/checkpoint_items", token).getString("error_code"));
    assertEquals(403, get("v1/" + HOME + "/checkpoint_items?all_tenants=true", token));
  }

  @Test
  @Order(3)
  void adminRoleFromRealmAccessReadsAllTenants() {
    assertEquals(200, get("v1/" + HOME + "/checkpoint_items?all_tenants=true", admin()));
    assertEquals(200, get("v1/" + OTHER + "/checkpoint_items", admin()));
  }

  @Test
  @Order(4)
  void engineWritesWithItsClientCredentials() {
    JsonObject item =
        Json.createObjectBuilder()
            .add(
                "checkpoint_item",
                Json.createObjectBuilder()
                    .add("name", "keycloak_engine_0001")
                    .add("status", "available")
                    .add("resource_id", "vm-1")
                    .add("resource_type", "OS::Nova::Server")
                    .add("created_at", "2024-05-01T10:00:00Z"))
            .build();
    try (Response response =
        catalog
            .target("v1/" + OTHER + "/checkpoint_items/kc-engine-item-1")
            .request()
            .header("X-Auth-Token", engine())
            .put(Entity.entity(item, MediaType.APPLICATION_JSON_TYPE))) {
      assertEquals(201, response.getStatus(), response.readEntity(String.class));
    }
    assertEquals(200, get("v1/" + OTHER + "/checkpoint_items/kc-engine-item-1", admin()));
    // The engine reads like a member: its own project only.
    assertEquals(403, get("v1/" + OTHER + "/checkpoint_items", engine()));
  }

  @Test
  @Order(5)
  void tokenForAnotherClientOfTheRealmIsRefused() {
    String foreign = keycloak.passwordToken("other-app", "alice", "alice-password");
    assertEquals(401, get("v1/" + HOME + "/checkpoint_items", foreign));
    assertEquals(
        "APIGW.0301", error("v1/" + HOME + "/checkpoint_items", foreign).getString("error_code"));
  }

  @Test
  @Order(6)
  void tokenNotFromKeycloakIsRefused() {
    // No static secret is configured: an HS256 token, however well formed, has no key.
    assertEquals(401, get("v1/" + HOME + "/checkpoint_items", TestTokens.admin(HOME).build()));
  }

  @Test
  @Order(7)
  void rotatedRsaKeyIsPickedUpWithoutARestart() throws Exception {
    String before = member();
    keycloak.rotateRsaKey();
    String after = member();
    assertNotEquals(header(before).getKeyID(), header(after).getKeyID());
    assertEquals(200, awaitAccepted(after));
    // The old key left Keycloak's key set, and the catalog's set is the new one.
    assertEquals(401, get("v1/" + HOME + "/checkpoint_items", before));
  }

  @Test
  @Order(8)
  void es256KeyIsPickedUpWithoutARestart() throws Exception {
    keycloak.switchToEs256();
    String token = admin();
    assertEquals("ES256", header(token).getAlgorithm().getName());
    assertEquals(200, awaitAccepted(token));
  }

  /**
   * The first answer other than 401 for the token, polling for up to {@link #PICKUP}: a new key is
   * fetched at the first token that names it, unless the rate limit has just been used up.
   */
  private int awaitAccepted(String token) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + PICKUP.toNanos();
    int status;
    do {
      status = get("v1/" + HOME + "/checkpoint_items", token);
      if (status != 401) {
        break;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    System.out.printf(
        "new key accepted after %.1f s (status %d)%n", (System.nanoTime() - begin) / 1e9, status);
    return status;
  }

  private static JWSHeader header(String token) throws ParseException {
    return SignedJWT.parse(token).getHeader();
  }
}
