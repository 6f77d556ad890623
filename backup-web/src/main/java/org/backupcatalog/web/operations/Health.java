package org.backupcatalog.web.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backupcatalog.web.config.CatalogSchema;

/**
 * The health checks, in MicroProfile Health's JSON shape: {@code {"status": "UP", "checks":
 * [{"name": ..., "status": ...}]}}. Liveness: the process answers. Readiness: the database answers
 * and the schema is migrated, and the catalog is not shutting down ({@link ShutdownDrain}). Nothing
 * else is shown: no host, no version, no error text.
 */
@ApplicationScoped
public class Health {

  /**
   * Looked up once: {@code Json.createObjectBuilder()} and the like look the provider up per call.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Which checks an endpoint runs. */
  public enum Kind {
    LIVE,
    READY,
    ALL
  }

  @Inject CatalogSchema schema;
  @Inject DatabaseProbe database;

  /** The answer of one endpoint; {@link #up()} decides its status, 200 or 503. */
  public record Answer(boolean up, JsonObject body) {}

  public Answer check(Kind kind) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    if (kind != Kind.READY) {
      checks.put("catalog-process", true);
    }
    if (kind != Kind.LIVE) {
      checks.put("catalog-database", database.reachable());
      checks.put("catalog-schema", schema.isCurrent());
      // Only while the server takes the catalog down: a probe then sees why it is DOWN.
      if (ShutdownDrain.stopping()) {
        checks.put("catalog-shutdown", false);
      }
    }
    boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
    JsonArrayBuilder list = JSON.createArrayBuilder();
    checks.forEach(
        (name, ok) ->
            list.add(JSON.createObjectBuilder().add("name", name).add("status", status(ok))));
    return new Answer(
        up, JSON.createObjectBuilder().add("status", status(up)).add("checks", list).build());
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
