package org.backupcatalog.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;

/**
 * The API as a client sees it, over HTTP with real tokens: what the system tests call instead of
 * building requests by hand. Answers are raw {@link Response}s where the status is the point, and
 * decoded JSON where the data is.
 */
public final class CatalogClient {

  private final RunningCatalog catalog;

  public CatalogClient(RunningCatalog catalog) {
    this.catalog = catalog;
  }

  public WebTarget items(String project) {
    return catalog.target("v1/" + project + "/checkpoint_items");
  }

  /** PUTs the item into its project as a backup engine; answers the item as stored. */
  public CheckpointItem store(CheckpointItem item) {
    try (Response response =
        put(item.projectId(), item.id(), item, TestTokens.engine(item.projectId()).build())) {
      JsonObject body = response.readEntity(JsonObject.class);
      if (response.getStatus() != 200 && response.getStatus() != 201) {
        throw new AssertionError("PUT " + item.id() + ": " + response.getStatus() + " " + body);
      }
      return CheckpointItemJson.read(body.getJsonObject("checkpoint_item"))
          .withProjectId(item.projectId());
    }
  }

  public Response put(String project, String id, CheckpointItem item, String token) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("checkpoint_item", CheckpointItemJson.write(item, false))
            .build();
    return items(project)
        .path(id)
        .request()
        .header("X-Auth-Token", token)
        .put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
  }

  /** GET of the list with these (unencoded) query parameters. */
  public Response list(String project, Map<String, List<String>> query, String token) {
    WebTarget target = items(project);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      target = target.queryParam(parameter.getKey(), parameter.getValue().toArray());
    }
    return get(target.getUri(), token);
  }

  public Response get(URI uri, String token) {
    return catalog.client().target(uri).request().header("X-Auth-Token", token).get();
  }

  public Response count(String project, Map<String, List<String>> query, String token) {
    WebTarget target = items(project).path("count");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      target = target.queryParam(parameter.getKey(), parameter.getValue().toArray());
    }
    return get(target.getUri(), token);
  }

  /** Reads a 200 answer's body, failing with the error body otherwise. */
  public static JsonObject ok(Response response) {
    try (response) {
      JsonObject body = response.readEntity(JsonObject.class);
      if (response.getStatus() != 200) {
        throw new AssertionError(response.getStatus() + " " + body);
      }
      return body;
    }
  }
}
