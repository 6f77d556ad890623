package org.backupcatalog.web.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.web.testing.CatalogClient;
import org.backupcatalog.web.testing.CatalogExtension;
import org.backupcatalog.web.testing.RunningCatalog;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal of CONTRACT section 3 over HTTP: 400 {@code CSBS.9001}, a message that names the
 * parameter, and the same refusals on {@code /count} where the parameter applies there.
 */
@ExtendWith(CatalogExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListRefusalsIT {

  private static final String PROJECT = "refusals-project";
  private static final String OTHER = "refusals-other";

  private CatalogClient client;
  private String member;

  @BeforeAll
  void fill(RunningCatalog catalog) {
    client = new CatalogClient(catalog);
    member = TestTokens.member(PROJECT).build();
    var items = RandomCatalogs.items().sampleStream().limit(3).toList();
    client.store(items.get(0).withId("refusal-item-1").withProjectId(PROJECT));
    client.store(items.get(1).withId("refusal-item-2").withProjectId(PROJECT));
    client.store(items.get(2).withId("refusal-other-1").withProjectId(OTHER));
  }

  /** name=value pairs of one query string (unencoded), separated by {@code &}. */
  private static Map<String, List<String>> query(String pairs) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : pairs.split("&")) {
      int equals = pair.indexOf('=');
      query
          .computeIfAbsent(pair.substring(0, equals), k -> new ArrayList<>())
          .add(pair.substring(equals + 1));
    }
    return query;
  }

  private JsonObject refused(Response response) {
    try (response) {
      JsonObject body = response.readEntity(JsonObject.class);
      assertEquals(400, response.getStatus(), body::toString);
      assertEquals("CSBS.9001", body.getString("error_code"));
      return body;
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "status=ready | status",
        "status=available&status=Error | status",
        "limit=0 | limit",
        "limit=-1 | limit",
        "limit=ten | limit",
        "limit=1.5 | limit",
        "offset=-1 | offset",
        "offset=2147483648 | offset",
        "offset=x | offset",
        "sort=size | sort",
        "sort=name: | sort",
        "sort=name:ASC | sort",
        "sort=name:up | sort",
        "sort=name,name:asc | sort",
        "sort=name, | sort",
        "sort=,name | sort",
        "all_tenants=maybe | all_tenants",
        "start_time=yesterday | start_time",
        "end_time=2017-04-18 | end_time",
        "start_time=2020-01-02T00:00:00&end_time=2020-01-01T00:00:00 | start_time",
        "limit=1&limit=2 | limit",
        "marker=a&marker=b | marker",
        "name=a&name=b | name",
        "az=a&az=b | az",
        "sort=name&sort=id | sort",
      })
  void refusesWithAMessageThatNamesTheParameter(String pairs, String parameter) {
    JsonObject body = refused(client.list(PROJECT, query(pairs), member));
    assertTrue(
        body.getString("error_msg").startsWith("Invalid parameter " + parameter + ":"),
        body::toString);
  }

  @Test
  void refusesASortOver255Characters() {
    String sort = "name:asc," + "x".repeat(250);
    JsonObject body = refused(client.list(PROJECT, Map.of("sort", List.of(sort)), member));
    assertTrue(body.getString("error_msg").contains("sort"), body::toString);
  }

  @Test
  void refusesNamesOver255CharactersCountedInCodePoints() {
    for (String parameter : List.of("name", "resource_name")) {
      refused(client.list(PROJECT, Map.of(parameter, List.of("x".repeat(256))), member));
      refused(client.count(PROJECT, Map.of(parameter, List.of("x".repeat(256))), member));
      CatalogClient.ok(client.list(PROJECT, Map.of(parameter, List.of("😀".repeat(255))), member));
    }
  }

  @Test
  void anUnknownMarkerAndAnotherTenantsIdReadTheSame() {
    JsonObject unknown =
        refused(client.list(PROJECT, Map.of("marker", List.of("no-such-item")), member));
    JsonObject elsewhere =
        refused(client.list(PROJECT, Map.of("marker", List.of("refusal-other-1")), member));
    assertEquals(unknown.getString("error_msg"), elsewhere.getString("error_msg"));
    assertEquals("Invalid parameter marker: marker not found", unknown.getString("error_msg"));
  }

  @Test
  void countIgnoresPagingButNotFilters() {
    JsonObject count =
        CatalogClient.ok(
            client.count(
                PROJECT, query("limit=0&offset=-1&marker=nope&sort=bogus&limit=3"), member));
    assertEquals(2, count.getJsonNumber("count").longValue());
    refused(client.count(PROJECT, query("status=nope"), member));
    refused(client.count(PROJECT, query("all_tenants=maybe"), member));
  }

  @Test
  void acceptsWhatTheContractAccepts() {
    JsonObject huge =
        CatalogClient.ok(
            client.list(PROJECT, query("limit=99999999999999999999&dec=true&name="), member));
    assertEquals(2, huge.getJsonArray("checkpoint_items").size());
    JsonObject emptyStatus =
        CatalogClient.ok(client.list(PROJECT, query("status=&offset=2147483647"), member));
    assertEquals(0, emptyStatus.getJsonArray("checkpoint_items").size());
    JsonObject page = CatalogClient.ok(client.list(PROJECT, query("limit=1"), member));
    assertEquals(1, page.getJsonArray("checkpoint_items").size());
    String next = page.getJsonArray("checkpoint_items_links").getJsonObject(0).getString("href");
    assertTrue(next.contains("marker="), next);
  }
}
