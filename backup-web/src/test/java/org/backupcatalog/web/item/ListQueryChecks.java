package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.domain.reference.ReferenceCatalog;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The list over HTTP on the built jar, compared with the reference model: random queries (filters,
 * sorts, limits, offsets, markers) by members and by an admin across all tenants, and every list
 * walked page by page through its {@code next} links as the Go SDKs do.
 *
 * <p>The same checks for every database: a subclass registers the extension that resolves the
 * {@link RunningCatalog} parameter of {@link #fill} ({@link ListQueryIT}: Derby, {@code
 * PostgresSystemIT}: PostgreSQL). That catalog must be one of the subclass's own, so that
 * all_tenants sees exactly the items written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ListQueryChecks {

  private static final int QUERIES = 300;
  private static final int WALKS = 100;

  /** How many random queries {@link #everyPageEqualsTheReferencePage} compares. */
  protected int queries() {
    return QUERIES;
  }

  /** How many lists {@link #followingNextLinksReturnsEveryMatchOnceInOrder} walks. */
  protected int walks() {
    return WALKS;
  }

  private CatalogClient client;
  private ReferenceCatalog reference;

  @BeforeAll
  void fill(RunningCatalog catalog) {
    client = new CatalogClient(catalog);
    List<CheckpointItem> stored = new ArrayList<>();
    for (CheckpointItem item : RandomCatalogs.catalogs(120, 160).sample()) {
      stored.add(client.store(item));
    }
    reference = new ReferenceCatalog(stored);
  }

  @Test
  void everyPageEqualsTheReferencePage() {
    List<Map<String, List<String>>> queries =
        RandomCatalogs.queries().sampleStream().limit(queries()).toList();
    for (int k = 0; k < queries.size(); k++) {
      Map<String, List<String>> query = new LinkedHashMap<>(queries.get(k));
      String project = RandomCatalogs.PROJECTS.get(k % RandomCatalogs.PROJECTS.size());
      boolean allTenants = k % 4 == 0;
      if (allTenants) {
        query.put("all_tenants", List.of("true"));
      }
      Scope scope = allTenants ? Scope.allTenants() : Scope.of(new ProjectId(project));
      if (k % 3 == 0 && !reference.items().isEmpty()) {
        String marker = reference.items().get(k % reference.items().size()).id();
        query.put("marker", List.of(marker));
      }
      String token =
          allTenants ? TestTokens.admin(project).build() : TestTokens.member(project).build();
      ListQuery q = QueryParameters.of(query).listQuery(scope, 1000);
      try (Response response = client.list(project, query, token)) {
        JsonObject body = response.readEntity(JsonObject.class);
        CheckpointItemPage expected;
        try {
          expected = reference.list(q);
        } catch (org.backupcatalog.domain.InvalidParameterException markerElsewhere) {
          assertEquals(400, response.getStatus(), body::toString);
          assertEquals("Invalid parameter marker: marker not found", body.getString("error_msg"));
          continue;
        }
        assertEquals(200, response.getStatus(), () -> query + " " + body);
        assertEquals(
            shown(expected.items(), allTenants), items(body, allTenants), () -> "query " + query);
        assertEquals(expected.hasMore(), !links(body).isEmpty(), () -> "next link of " + query);
      }
      try (Response count = client.count(project, query, token)) {
        JsonObject body = count.readEntity(JsonObject.class);
        assertEquals(200, count.getStatus(), body::toString);
        assertEquals(reference.count(scope, q.filter()), body.getJsonNumber("count").longValue());
        assertEquals(1, body.size());
      }
    }
  }

  @Test
  void followingNextLinksReturnsEveryMatchOnceInOrder() {
    List<Map<String, List<String>>> queries =
        RandomCatalogs.queries().sampleStream().limit(walks()).toList();
    for (int k = 0; k < queries.size(); k++) {
      Map<String, List<String>> query = new LinkedHashMap<>(queries.get(k));
      String project = RandomCatalogs.PROJECTS.get(k % RandomCatalogs.PROJECTS.size());
      boolean allTenants = k % 3 == 0;
      if (allTenants) {
        query.put("all_tenants", List.of("1"));
      }
      Scope scope = allTenants ? Scope.allTenants() : Scope.of(new ProjectId(project));
      String token =
          allTenants ? TestTokens.admin(project).build() : TestTokens.member(project).build();
      ListQuery q = QueryParameters.of(query).listQuery(scope, 1000);
      int offset = q.page().offset();
      List<CheckpointItem> expected =
          reference
              .list(new ListQuery(scope, q.filter(), q.order(), new PageRequest(null, 0, 1000)))
              .items();
      List<CheckpointItem> walked = new ArrayList<>();
      URI next = null;
      for (int page = 0; page < 200; page++) {
        JsonObject body =
            CatalogClient.ok(
                next == null ? client.list(project, query, token) : client.get(next, token));
        walked.addAll(items(body, allTenants));
        JsonArray links = links(body);
        if (links.isEmpty()) {
          break;
        }
        JsonObject link = links.getJsonObject(0);
        assertEquals("next", link.getString("rel"));
        next = URI.create(link.getString("href"));
        assertFalse(next.getRawQuery().contains("offset="), next::toString);
        assertTrue(next.isAbsolute(), next::toString);
      }
      // The first page may skip `offset` items; the links never skip again.
      List<CheckpointItem> expectedAfterOffset =
          expected.subList(Math.min(offset, expected.size()), expected.size());
      assertEquals(shown(expectedAfterOffset, allTenants), walked, () -> "walk of " + query);
    }
  }

  private static List<CheckpointItem> items(JsonObject body, boolean allTenants) {
    List<CheckpointItem> items = new ArrayList<>();
    for (JsonValue value : body.getJsonArray("checkpoint_items")) {
      JsonObject json = value.asJsonObject();
      assertEquals(allTenants, json.containsKey("project_id"), json::toString);
      CheckpointItem item = CheckpointItemJson.read(json);
      items.add(item.withProjectId(allTenants ? json.getString("project_id") : null));
    }
    return items;
  }

  /** Items as a list shows them: {@code project_id} only under all_tenants. */
  private static List<CheckpointItem> shown(List<CheckpointItem> items, boolean allTenants) {
    return allTenants ? items : items.stream().map(i -> i.withProjectId(null)).toList();
  }

  private static JsonArray links(JsonObject body) {
    return body.getJsonArray("checkpoint_items_links");
  }
}
