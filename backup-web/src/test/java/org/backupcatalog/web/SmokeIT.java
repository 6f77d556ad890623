package org.backupcatalog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The executable jar starts, and what the container and JAX-RS answer by themselves follows
 * CONTRACT section 6: JSON errors, {@code X-Request-Id} on every answer.
 */
@ExtendWith(CatalogExtension.class)
class SmokeIT {

  private static final String PROJECT = "smoke-project";

  @Test
  void unknownPathIsJson404NoSuchApi(RunningCatalog catalog) {
    try (Response response =
        catalog
            .target("v1/" + PROJECT + "/no_such_resource")
            .request()
            .header("X-Auth-Token", TestTokens.of(PROJECT))
            .get()) {
      JsonObject error = assertJsonError(response, 404, "APIGW.0101");
      String requestId = response.getHeaderString("X-Request-Id");
      assertEquals(requestId, error.getString("request_id"));
      assertEquals(requestId, UUID.fromString(requestId).toString(), "a new id is a UUID");
    }
  }

  @Test
  void clientsRequestIdIsEchoed(RunningCatalog catalog) {
    try (Response response =
        catalog
            .target("v1/" + PROJECT + "/no_such_resource")
            .request()
            .header("X-Auth-Token", TestTokens.of(PROJECT))
            .header("X-Request-Id", "smoke-42")
            .get()) {
      JsonObject error = assertJsonError(response, 404, "APIGW.0101");
      assertEquals("smoke-42", response.getHeaderString("X-Request-Id"));
      assertEquals("smoke-42", error.getString("request_id"));
    }
  }

  @Test
  void wrongMethodIsJson405WithAllow(RunningCatalog catalog) {
    try (Response response =
        catalog
            .target("v1/" + PROJECT + "/checkpoint_items")
            .request()
            .header("X-Auth-Token", TestTokens.of(PROJECT, "admin"))
            .delete()) {
      assertJsonError(response, 405, "APIGW.0405");
      assertTrue(
          response.getAllowedMethods().contains("GET"), response.getAllowedMethods()::toString);
    }
  }

  @Test
  void bodyOverOneMebibyteIsJson413(RunningCatalog catalog) {
    byte[] body = new byte[1024 * 1024 + 1];
    try (Response response =
        catalog
            .target("v1/" + PROJECT + "/checkpoint_items/too-big")
            .request()
            .header("X-Auth-Token", TestTokens.of(PROJECT, "backup_engine"))
            .put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
      assertJsonError(response, 413, "APIGW.0413");
    }
  }

  /**
   * An {@code Accept} without JSON is 406, but only for a caller who may make the call: 401 and 403
   * come first, whatever the request accepts (CONTRACT section 6).
   */
  @Test
  void acceptWithoutJsonIs406AfterAuthenticationAndAuthorization(RunningCatalog catalog) {
    String list = "v1/" + PROJECT + "/checkpoint_items";
    String xml = MediaType.APPLICATION_XML;
    assertJsonError(accepting(catalog, list, xml, TestTokens.of(PROJECT)), 406, "APIGW.0406");
    assertJsonError(
        accepting(catalog, list + "/count", "text/*", TestTokens.of(PROJECT)), 406, "APIGW.0406");
    assertJsonError(
        accepting(catalog, list, xml, TestTokens.of("another-project")), 403, "APIGW.0302");
    assertJsonError(accepting(catalog, list, xml, null), 401, "APIGW.0301");
    try (Response member =
        catalog
            .target(list + "/some-item")
            .request()
            .header("X-Auth-Token", TestTokens.of(PROJECT))
            .header("Accept", xml)
            .put(Entity.entity("{}", MediaType.APPLICATION_JSON_TYPE))) {
      assertJsonError(member, 403, "APIGW.0302");
    }
    JsonObject malformed =
        assertJsonError(accepting(catalog, list, ";;;", TestTokens.of(PROJECT)), 400, "CSBS.9001");
    assertTrue(malformed.getString("error_msg").contains("Accept"), malformed::toString);
    assertJsonError(
        accepting(catalog, list, ";;;", TestTokens.of("another-project")), 403, "APIGW.0302");
    try (Response json =
        accepting(catalog, list, "text/html;q=0.9, application/*;q=0.5", TestTokens.of(PROJECT))) {
      assertEquals(200, json.getStatus());
      assertTrue(json.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE));
    }
  }

  private static Response accepting(
      RunningCatalog catalog, String path, String accept, String token) {
    var request = catalog.target(path).request().header("Accept", accept);
    return (token == null ? request : request.header("X-Auth-Token", token)).get();
  }

  private static JsonObject assertJsonError(Response response, int status, String code) {
    assertEquals(status, response.getStatus());
    MediaType type = response.getMediaType();
    assertTrue(type.isCompatible(MediaType.APPLICATION_JSON_TYPE), type::toString);
    assertTrue("UTF-8".equalsIgnoreCase(type.getParameters().get("charset")), type::toString);
    assertNotNull(response.getHeaderString("X-Request-Id"));
    JsonObject error = response.readEntity(JsonObject.class);
    assertEquals(code, error.getString("error_code"), error::toString);
    assertTrue(!error.getString("error_msg").isBlank(), error::toString);
    assertEquals(3, error.size(), error::toString);
    return error;
  }
}
