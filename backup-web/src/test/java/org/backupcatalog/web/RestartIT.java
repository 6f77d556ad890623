package org.backupcatalog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.Map;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration the catalog keeps its data in {@code BACKUP_DATA_DIR}, and only
 * there: what was written before a restart is read after it.
 */
class RestartIT {

  private static final String PROJECT = "restart-project";

  @Test
  void dataSurvivesARestartInsideTheDataDirectory() {
    try (RunningCatalog catalog =
        RunningCatalog.start("restart", Map.of("BACKUP_AUTH_HS256_SECRET", TestTokens.SECRET))) {
      String token = TestTokens.of(PROJECT, "backup_engine");
      JsonObject item =
          Json.createObjectBuilder()
              .add("name", "written before the restart")
              .add("status", "available")
              .add("resource_id", "vm-1")
              .add("resource_type", "OS::Nova::Server")
              .add("created_at", "2026-01-02T03:04:05")
              .build();
      try (Response put =
          catalog
              .target("v1/" + PROJECT + "/checkpoint_items/kept")
              .request()
              .header("X-Auth-Token", token)
              .put(
                  Entity.entity(
                      Json.createObjectBuilder().add("checkpoint_item", item).build(),
                      MediaType.APPLICATION_JSON_TYPE))) {
        assertEquals(201, put.getStatus(), () -> put.readEntity(String.class));
      }

      catalog.restart();

      try (Response get =
          catalog
              .target("v1/" + PROJECT + "/checkpoint_items/kept")
              .request()
              .header("X-Auth-Token", token)
              .get()) {
        assertEquals(200, get.getStatus());
        assertEquals(
            "written before the restart",
            get.readEntity(JsonObject.class).getJsonObject("checkpoint_item").getString("name"));
      }
      assertTrue(Files.isDirectory(catalog.dataDirectory().resolve("catalog")));
      assertTrue(Files.isRegularFile(catalog.dataDirectory().resolve("derby.log")));
      // The working directory of the process is the data directory's parent: nothing there.
      assertTrue(Files.notExists(catalog.dataDirectory().resolveSibling("catalog")));
      assertTrue(Files.notExists(catalog.dataDirectory().resolveSibling("derby.log")));
    }
  }
}
